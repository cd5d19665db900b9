package dev.ecsdiag.jenkins;

import dev.ecsdiag.config.ProgressSink;
import java.io.PrintStream;

/** The job's progress lines into the build's console, marked as ours. PrintStream is thread-safe. */
final class ListenerProgress implements ProgressSink {

    static final String PREFIX = "[ecsdiag] ";

    private final PrintStream out;

    ListenerProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void info(String line) {
        out.println(PREFIX + line);
    }

    @Override
    public void warn(String line) {
        out.println(PREFIX + "WARNING: " + line);
    }
}
