package dev.ecsdiag.collect;

/**
 * One API call that failed for an instance, with what a person can do about it.
 *
 * @param call      API action, e.g. {@code GetInstanceConsoleOutput}
 * @param code      service or SDK error code, e.g. {@code Throttling.User}, {@code SDK.ReadTimeout}
 * @param message   the service's message (never contains secrets)
 * @param requestId the service's request id, for support tickets; null when none
 * @param hint      an actionable sentence, e.g. "grant the RAM permission ecs:GetInstanceConsoleOutput"
 * @param attempts  how many attempts were made
 */
public record CallFailure(String call, String code, String message, String requestId, String hint, int attempts) implements java.io.Serializable {
}
