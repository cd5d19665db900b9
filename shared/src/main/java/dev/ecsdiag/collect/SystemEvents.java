package dev.ecsdiag.collect;

import com.aliyuncs.ecs.model.v20140526.DescribeInstanceHistoryEventsResponse.InstanceSystemEventType;

/**
 * Turns the SDK's event into ours, and tells the platform's faults from the guest's: ECS itself
 * separates {@code SystemFailure.*} / {@code SystemMaintenance.*} (the infrastructure failed or was
 * serviced) from {@code InstanceFailure.*} (the operating system inside failed).
 */
final class SystemEvents {

    private SystemEvents() {
    }

    static SystemEvent from(InstanceSystemEventType e) {
        String type = e.getEventType() == null ? null : e.getEventType().getName();
        String cycle = e.getEventCycleStatus() == null ? null : e.getEventCycleStatus().getName();
        return new SystemEvent(e.getEventId(), type, cycle, e.getEventPublishTime(), e.getNotBefore(),
                blankToNull(e.getEventFinishTime()), blankToNull(e.getReason()), blankToNull(e.getImpactLevel()),
                isPlatformFault(type));
    }

    static boolean isPlatformFault(String type) {
        return type != null && (type.startsWith("SystemFailure.") || type.startsWith("SystemMaintenance."));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
