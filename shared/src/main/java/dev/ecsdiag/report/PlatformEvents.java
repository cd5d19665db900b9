package dev.ecsdiag.report;

import dev.ecsdiag.collect.SystemEvent;
import java.util.List;

/**
 * Tells the platform's own failures and maintenance apart from faults inside the guest. ECS names
 * them by prefix: {@code SystemFailure.*} (the host failed) and {@code SystemMaintenance.*}
 * (planned work on the host) are the infrastructure's; {@code InstanceFailure.*} is the guest's.
 */
final class PlatformEvents {

    private PlatformEvents() {
    }

    static boolean isPlatform(SystemEvent e) {
        return e.platformFault() || e.type() != null
                && (e.type().startsWith("SystemFailure.") || e.type().startsWith("SystemMaintenance."));
    }

    /** One line about the platform events of an instance, or null when there are none. */
    static String note(List<SystemEvent> events) {
        StringBuilder out = new StringBuilder();
        for (SystemEvent e : events) {
            if (!isPlatform(e)) {
                continue;
            }
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(e.type());
            String when = e.finishTime() != null ? e.finishTime() : e.notBefore() != null ? e.notBefore() : e.publishTime();
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
        boolean failure = events.stream().anyMatch(e -> isPlatform(e) && e.type() != null && e.type().startsWith("SystemFailure."));
        return out + (failure
                ? ": the host failed and the platform acted on the instance; not the build's fault"
                : ": planned maintenance by the platform; a reboot or stop around it is not the build's fault");
    }
}
