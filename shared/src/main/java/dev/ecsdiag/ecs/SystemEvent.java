package dev.ecsdiag.ecs;

/**
 * A platform event on an instance (DescribeInstanceHistoryEvents): the infrastructure's side of
 * a failure, such as {@code SystemFailure.Reboot}.
 *
 * @param eventId      the event's id
 * @param type         event type code, e.g. {@code SystemFailure.Reboot}
 * @param cycleStatus  e.g. {@code Executed}, {@code Scheduled}
 * @param publishTime  as returned, ISO 8601 UTC
 * @param notBefore    as returned
 * @param finishTime   as returned; null while not finished
 * @param reason       free text from the platform; may be null
 * @param impactLevel  as returned; may be null
 * @param platformFault true when the event is a fault or maintenance of the platform (not of the
 *                      guest operating system), so a crash around it is not the build's fault
 */
public record SystemEvent(
        String eventId,
        String type,
        String cycleStatus,
        String publishTime,
        String notBefore,
        String finishTime,
        String reason,
        String impactLevel,
        boolean platformFault) implements java.io.Serializable {

    /** A page of DescribeInstanceHistoryEvents, in the core's terms. */
    public record Page(java.util.List<SystemEvent> events, int totalCount) {
        public Page {
            events = java.util.List.copyOf(events);
        }
    }

    /**
     * True for the platform's faults and maintenance: ECS itself separates {@code SystemFailure.*} /
     * {@code SystemMaintenance.*} (the infrastructure failed or was serviced) from
     * {@code InstanceFailure.*} (the operating system inside failed).
     */
    static boolean isPlatformFault(String type) {
        return type != null && (type.startsWith("SystemFailure.") || type.startsWith("SystemMaintenance."));
    }
}
