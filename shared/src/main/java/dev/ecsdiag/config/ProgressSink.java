package dev.ecsdiag.config;

/**
 * Where human-readable progress lines go: a terminal, a Maven log, a Jenkins TaskListener.
 * Implementations must be thread-safe; lines arrive from the fetch workers.
 */
@FunctionalInterface
public interface ProgressSink {

    void info(String line);

    default void warn(String line) {
        info("WARNING: " + line);
    }

    /** Detail for someone debugging a run (one line per call made); dropped unless the front end shows debug output. */
    default void debug(String line) {
    }

    ProgressSink NONE = line -> { };
}
