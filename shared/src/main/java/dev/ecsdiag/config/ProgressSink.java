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

    ProgressSink NONE = line -> { };
}
