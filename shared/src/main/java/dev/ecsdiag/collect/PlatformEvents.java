package dev.ecsdiag.collect;

import dev.ecsdiag.ecs.SystemEvent;
import java.util.List;
import java.util.Optional;

/**
 * Tells the platform's own failures and maintenance apart from faults inside the guest. ECS names
 * them by prefix: {@code SystemFailure.*} (the host failed) and {@code SystemMaintenance.*}
 * (planned work on the host) are the infrastructure's; {@code InstanceFailure.*} is the guest's.
 */
public final class PlatformEvents {

    private PlatformEvents() {
    }

    /** A failure or maintenance of the platform, not of the guest. */
    public static boolean isPlatform(SystemEvent e) {
        return e.platformFault() || isFailure(e) || e.type() != null && e.type().startsWith("SystemMaintenance.");
    }

    /**
     * The host failed and the platform acted on the instance ({@code SystemFailure.Stop}, {@code .Reboot},
     * {@code .Redeploy}, {@code .Delete}): the event that makes an instance's verdict {@code platform-fault}
     * when its console shows nothing worse. Scheduled maintenance is not one: it is planned, and a note.
     */
    public static boolean isFailure(SystemEvent e) {
        return e.type() != null && e.type().startsWith("SystemFailure.");
    }

    /** The first platform failure among the events, if any. */
    public static Optional<SystemEvent> firstFailure(List<SystemEvent> events) {
        return events.stream().filter(PlatformEvents::isFailure).findFirst();
    }

    /**
     * Every time the platform gave for an event, each named: when it was published, the earliest
     * time it acts ("not before"), when it finished. Empty when it gave none.
     */
    public static String times(SystemEvent e) {
        StringBuilder out = new StringBuilder();
        append(out, "published", e.publishTime());
        if (e.notBefore() != null && !e.notBefore().equals(e.publishTime())) {
            append(out, "not before", e.notBefore());
        }
        append(out, "finished", e.finishTime());
        return out.toString();
    }

    private static void append(StringBuilder out, String label, String time) {
        if (time != null) {
            out.append(out.length() == 0 ? "" : " · ").append(label).append(' ').append(time);
        }
    }

    /** One line about the platform events of an instance, or null when there are none. */
    public static String note(List<SystemEvent> events) {
        StringBuilder out = new StringBuilder();
        for (SystemEvent e : events) {
            if (!isPlatform(e)) {
                continue;
            }
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(e.type());
            String when = e.finishTime() != null ? "finished " + e.finishTime()
                    : e.notBefore() != null ? "not before " + e.notBefore()
                    : e.publishTime() != null ? "published " + e.publishTime() : null;
            if (e.cycleStatus() != null || when != null) {
                out.append(" (");
                if (e.cycleStatus() != null) {
                    out.append(e.cycleStatus());
                }
                if (when != null) {
                    out.append(e.cycleStatus() != null ? ", " : "").append(when);
                }
                out.append(')');
            }
        }
        if (out.length() == 0) {
            return null;
        }
        boolean failure = events.stream().anyMatch(PlatformEvents::isFailure);
        return out + (failure
                ? ": the host failed and the platform acted on the instance; not the build's fault"
                : ": planned maintenance by the platform; a reboot or stop around it is not the build's fault");
    }
}
