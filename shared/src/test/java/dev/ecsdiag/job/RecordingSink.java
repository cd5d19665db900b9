package dev.ecsdiag.job;

import dev.ecsdiag.config.ProgressSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A progress sink that keeps every line, as a front end's log would show them. */
final class RecordingSink implements ProgressSink {

    final List<String> info = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void info(String line) {
        info.add(line);
    }

    @Override
    public void warn(String line) {
        warnings.add(line);
    }
}
