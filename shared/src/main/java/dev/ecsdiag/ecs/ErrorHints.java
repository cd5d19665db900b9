package dev.ecsdiag.ecs;

import dev.ecsdiag.config.Hint;
import dev.ecsdiag.config.Setting;
import java.util.List;
import java.util.Locale;

/**
 * One sentence a person can act on, for each error code ecsdiag meets: bad credentials, a missing
 * RAM permission, the wrong region, an instance that is not running, a flaky network.
 */
public final class ErrorHints {

    private ErrorHints() {
    }

    /**
     * @param call     the API action that failed
     * @param code     service or SDK error code
     * @param region   the region asked for
     * @param endpoint where the calls went, for messages
     */
    public static String hint(String call, String code, String region, String endpoint) {
        String c = code == null ? "" : code;
        String lower = c.toLowerCase(Locale.ROOT);
        if (c.startsWith("InvalidAccessKeyId")) {
            return "the AccessKey ID is not known to Alibaba Cloud: check the AccessKey ID and that the key is enabled";
        }
        if (c.equals("SignatureDoesNotMatch") || c.equals("SDK.InvalidAccessKeySecret") || c.equals("IncompleteSignature")
                || c.equals("SDK.InvalidAccessSecret")) {
            return "the AccessKey secret does not belong to this AccessKey ID: check the AccessKey secret";
        }
        if (c.startsWith("InvalidSecurityToken")) {
            return "the STS security token is invalid or expired: get a fresh one";
        }
        if (c.equals("InvalidTimeStamp.Expired") || c.equals("InvalidTimeStamp.Format")) {
            return "this machine's clock is more than 15 minutes off: synchronise it (NTP) and retry";
        }
        if (c.startsWith("Forbidden") || c.equals("NoPermission") || c.startsWith("Forbbiden") || lower.contains("unauthorized")) {
            return "the RAM user or role lacks a permission: grant ecs:" + call + " (a policy such as AliyunECSReadOnlyAccess covers it)";
        }
        if (c.equals("IncorrectInstanceStatus") || c.startsWith("IncorrectInstanceStatus.")) {
            return EcsApi.SCREENSHOT.equals(call)
                    ? "the instance is not running: a screenshot needs a running instance (console output and events are still collected)"
                    : "the instance is not in a status that allows " + call + ": check it in the ECS console";
        }
        if (c.startsWith("InvalidInstanceId")) {
            return "no such instance in region " + region + ": check the instance id and the region";
        }
        if (c.startsWith("InvalidRegionId") || c.equals("SDK.InvalidRegionId") || c.startsWith("SDK.EndpointResolving")) {
            return "the region '" + region + "' is not known: check the region (e.g. cn-hangzhou)";
        }
        if (c.startsWith("Throttling") || c.equals("HTTP429")) {
            return "the service kept throttling: lower the concurrency, or run again a little later";
        }
        if (c.equals("SDK.ServerUnreachable")) {
            return "cannot reach " + endpoint + ": check the region and the endpoint, the network and any proxy";
        }
        if (c.equals("SDK.ReadTimeout")) {
            return "no answer in time from " + endpoint + ": raise the per-call timeout, or check the network";
        }
        if (c.equals("InvalidResponse")) {
            return "the answer was not a valid ECS answer: check that the endpoint points at ECS and not at a proxy or portal; retry";
        }
        if (c.equals("InvalidPayload")) {
            return "the answer's Base64 payload was corrupt: run again; the payload as received is kept beside the outputs";
        }
        if (c.equals("DeadlineReached")) {
            return "the collection ran out of time before this call: raise the deadline, or collect fewer instances";
        }
        if (c.equals("Cancelled")) {
            return "the collection was cancelled before this call finished";
        }
        if (c.equals("LocalIOError")) {
            return "writing to the output folder failed: check free space and permissions";
        }
        if (c.equals("ServiceUnavailable") || c.equals("InternalError") || c.startsWith("HTTP5") || c.startsWith("Unknown")) {
            return "the ECS service failed repeatedly: run again later";
        }
        if (c.equals("MissingParameter") || c.startsWith("InvalidParameter")) {
            return "the service refused a parameter: this is an ecsdiag bug if the instance id is right; please report it";
        }
        return "see the service's message; the request id identifies the call for Alibaba Cloud support";
    }

    /** The hint of {@link #hint} with the settings it names, so that a front end can name its own options. */
    public static Hint of(String call, String code, String region, String endpoint) {
        return new Hint(hint(call, code, region, endpoint), settings(code));
    }

    /** The settings the hint for this code asks a person to check or change. */
    public static List<Setting> settings(String code) {
        String c = code == null ? "" : code;
        if (c.startsWith("InvalidAccessKeyId")) {
            return List.of(Setting.ACCESS_KEY_ID);
        }
        if (c.equals("SignatureDoesNotMatch") || c.equals("SDK.InvalidAccessKeySecret") || c.equals("IncompleteSignature")
                || c.equals("SDK.InvalidAccessSecret")) {
            return List.of(Setting.ACCESS_KEY_SECRET);
        }
        if (c.startsWith("InvalidSecurityToken")) {
            return List.of(Setting.SECURITY_TOKEN);
        }
        if (c.startsWith("InvalidInstanceId")) {
            return List.of(Setting.INSTANCES, Setting.REGION);
        }
        if (c.startsWith("InvalidRegionId") || c.equals("SDK.InvalidRegionId") || c.startsWith("SDK.EndpointResolving")) {
            return List.of(Setting.REGION);
        }
        if (c.startsWith("Throttling") || c.equals("HTTP429")) {
            return List.of(Setting.CONCURRENCY);
        }
        if (c.equals("SDK.ServerUnreachable")) {
            return List.of(Setting.REGION, Setting.ENDPOINT);
        }
        if (c.equals("SDK.ReadTimeout")) {
            return List.of(Setting.CALL_TIMEOUT);
        }
        if (c.equals("InvalidResponse")) {
            return List.of(Setting.ENDPOINT);
        }
        if (c.equals("DeadlineReached")) {
            return List.of(Setting.DEADLINE);
        }
        if (c.equals("LocalIOError")) {
            return List.of(Setting.OUTPUT_DIRECTORY);
        }
        return List.of();
    }

    /** Codes that mean the endpoint cannot be reached at all: no call of this collection can succeed either. */
    public static boolean isUnreachable(String code) {
        return "SDK.ServerUnreachable".equals(code);
    }

    /** Codes that mean the region does not exist. */
    public static boolean isUnknownRegion(String code) {
        return code != null && (code.startsWith("InvalidRegionId") || code.equals("SDK.InvalidRegionId")
                || code.startsWith("SDK.EndpointResolving"));
    }

    /** Codes that mean no call of this collection can succeed: stop early rather than fail every instance. */
    public static boolean failsEveryCall(String code) {
        if (code == null) {
            return false;
        }
        return isCredentialProblem(code) || code.equals("InvalidTimeStamp.Expired") || isUnknownRegion(code) || isUnreachable(code);
    }

    /** Codes that mean the credentials themselves are wrong (exit status 4 on the command line). */
    public static boolean isCredentialProblem(String code) {
        if (code == null) {
            return false;
        }
        return code.startsWith("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch") || code.equals("SDK.InvalidAccessKeySecret")
                || code.equals("IncompleteSignature") || code.startsWith("InvalidSecurityToken");
    }
}
