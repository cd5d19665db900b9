package dev.ecsdiag.emulator;

import java.util.Map;

/**
 * A platform event on an instance, as DescribeInstanceHistoryEvents returns it.
 *
 * @param eventId     e.g. {@code e-bp1hygp5b04o8a4r****}
 * @param type        e.g. {@code SystemFailure.Reboot}
 * @param cycleStatus {@code Scheduled}, {@code Avoided}, {@code Executing}, {@code Executed},
 *                    {@code Canceled}, {@code Failed} or {@code Inquiring}
 * @param publishTime ISO 8601 UTC, e.g. {@code 2026-11-25T09:12:31Z}
 * @param notBefore   ISO 8601 UTC
 * @param finishTime  ISO 8601 UTC; null while not finished
 * @param reason      free text; may be null
 * @param impactLevel may be null
 */
public record SystemEventFixture(
        String eventId,
        String type,
        String cycleStatus,
        String publishTime,
        String notBefore,
        String finishTime,
        String reason,
        String impactLevel) {

    /**
     * Numeric codes beside the names. The documentation's sample shows
     * {@code SystemMaintenance.Reboot} = 1 and {@code Scheduled} = 24; it gives no table, so the
     * other numbers are ours (stable, distinct) and clients must rely on the names.
     */
    static final Map<String, Integer> TYPE_CODES = Map.ofEntries(
            Map.entry("SystemMaintenance.Reboot", 1),
            Map.entry("SystemMaintenance.Redeploy", 2),
            Map.entry("SystemMaintenance.Stop", 3),
            Map.entry("SystemFailure.Reboot", 33),
            Map.entry("SystemFailure.Redeploy", 34),
            Map.entry("SystemFailure.Stop", 35),
            Map.entry("SystemFailure.Delete", 36),
            Map.entry("InstanceFailure.Reboot", 65),
            Map.entry("InstanceExpiration.Stop", 129),
            Map.entry("InstanceExpiration.Delete", 130),
            Map.entry("AccountUnbalanced.Stop", 161),
            Map.entry("AccountUnbalanced.Delete", 162));

    static final Map<String, Integer> CYCLE_CODES = Map.of(
            "Scheduled", 24,
            "Avoided", 16,
            "Executing", 32,
            "Executed", 48,
            "Canceled", 64,
            "Failed", 80,
            "Inquiring", 96);

    public SystemEventFixture {
        if (eventId == null || type == null || cycleStatus == null) {
            throw new IllegalArgumentException("an event needs eventId, type and cycleStatus");
        }
        if (!CYCLE_CODES.containsKey(cycleStatus)) {
            throw new IllegalArgumentException("event " + eventId + ": unknown cycleStatus " + cycleStatus
                    + " (one of " + CYCLE_CODES.keySet() + ")");
        }
    }

    int typeCode() {
        return TYPE_CODES.getOrDefault(type, 0);
    }

    int cycleCode() {
        return CYCLE_CODES.get(cycleStatus);
    }

    /** Finished events, the ones the service returns when no cycle status is asked for. */
    boolean inactive() {
        return switch (cycleStatus) {
            case "Avoided", "Executed", "Canceled", "Failed" -> true;
            default -> false;
        };
    }
}
