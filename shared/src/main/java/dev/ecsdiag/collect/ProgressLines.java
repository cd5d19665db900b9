package dev.ecsdiag.collect;

import dev.ecsdiag.ecs.SystemEvent;

/** One-line summaries of what was collected, for progress sinks. */
public final class ProgressLines {

    private ProgressLines() {
    }

    public static String outcome(InstanceOutcome o) {
        StringBuilder sb = new StringBuilder(o.instanceId());
        if (o.name() != null) {
            sb.append(" (").append(o.name()).append(')');
        }
        sb.append(": ");
        if (o.classification() != null) {
            sb.append(o.classification().verdict().id()).append(", ");
        }
        sb.append(o.console() == null ? "no console" : "console " + o.console().bytes() + " bytes");
        if (o.screenshot() != null) {
            sb.append(", screenshot ").append(o.screenshot().format());
            if (o.screenshot().width() > 0) {
                sb.append(' ').append(o.screenshot().width()).append('x').append(o.screenshot().height());
            }
        } else {
            sb.append(", no screenshot");
        }
        long platform = o.events().stream().filter(SystemEvent::platformFault).count();
        sb.append(", ").append(o.events().size()).append(o.events().size() == 1 ? " event" : " events");
        if (platform > 0) {
            sb.append(" (").append(platform).append(" platform fault").append(platform == 1 ? "" : "s").append(')');
        }
        if (!o.failures().isEmpty()) {
            sb.append(", ").append(o.failures().size()).append(o.failures().size() == 1 ? " failure" : " failures");
        }
        return sb.toString();
    }
}
