package dev.ecsdiag.emulator;

/**
 * An answer in the service's error shape. The codes and HTTP statuses follow the ECS
 * documentation; where its pages disagree on a status, the comment says which one we chose.
 */
public final class EcsError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;

    public EcsError(int httpStatus, String code, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public static EcsError missingParameter(String name) {
        return new EcsError(400, "MissingParameter",
                "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
    }

    /** The documentation lists 400 and 404 for InvalidParameter; 400 is what most pages show. */
    public static EcsError invalidParameter(String name, String why) {
        return new EcsError(400, "InvalidParameter", "The specified parameter \"" + name + "\" is not valid: " + why);
    }

    public static EcsError actionNotFound(String action) {
        return new EcsError(404, "InvalidAction.NotFound",
                "Specified api \"" + action + "\" is not found, please check your url and method.");
    }

    public static EcsError instanceNotFound() {
        return new EcsError(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.");
    }

    /** 403 as on the GetInstanceScreenshot page (some pages say 405). */
    public static EcsError incorrectInstanceStatus() {
        return new EcsError(403, "IncorrectInstanceStatus",
                "The current status of the resource does not support this operation.");
    }

    public static EcsError throttling() {
        return new EcsError(429, "Throttling", "Request was denied due to request throttling.");
    }

    public static EcsError instanceCallTooSoon(long windowMillis) {
        return new EcsError(429, "Throttling", "Request was denied due to request throttling: calls on the same"
                + " instance must be at least " + (windowMillis / 1000.0) + " seconds apart.");
    }

    public static EcsError throttlingUser() {
        return new EcsError(400, "Throttling.User", "Request was denied due to user flow control.");
    }

    public static EcsError accessKeyNotFound() {
        return new EcsError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }

    /**
     * The service echoes its string to sign; the SDK compares it with its own and, when they are
     * equal (only the secret differs), reports {@code SDK.InvalidAccessKeySecret}.
     */
    public static EcsError signatureDoesNotMatch(String serverStringToSign) {
        return new EcsError(400, "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. server string to sign is:" + serverStringToSign);
    }

    public static EcsError timestampExpired(String timestamp) {
        return new EcsError(400, "InvalidTimeStamp.Expired",
                "Specified time stamp or date value is expired (" + timestamp + "): the clock skew exceeds 15 minutes.");
    }

    public static EcsError timestampFormat(String timestamp) {
        return new EcsError(400, "InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted: " + timestamp);
    }

    public static EcsError nonceUsed() {
        return new EcsError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }

    public static EcsError securityTokenMismatch() {
        return new EcsError(400, "InvalidSecurityToken.MismatchWithAccessKey",
                "Specified SecurityToken mismatch with the AccessKey.");
    }

    public static EcsError forbiddenRam(String action) {
        return new EcsError(403, "Forbidden.RAM", "User not authorized to operate on the specified resource, or this API"
                + " doesn't support RAM (missing permission ecs:" + action + ").");
    }

    public static EcsError internalError() {
        return new EcsError(500, "InternalError",
                "The request processing has failed due to some unknown error, exception or failure.");
    }

    public static EcsError serviceUnavailable() {
        return new EcsError(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
    }
}
