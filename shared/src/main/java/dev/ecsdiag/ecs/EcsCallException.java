package dev.ecsdiag.ecs;

/**
 * A failed ECS call, reduced to what retry decisions and people need. The message is the
 * service's (or a sentence of ours for transport failures); it never holds a secret or a signed
 * URL.
 */
public final class EcsCallException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is, which decides whether to retry. */
    public enum Kind {
        /** {@code Throttling}, {@code Throttling.User}, HTTP 429: wait and retry */
        THROTTLED(true),
        /** HTTP 5xx: retry */
        SERVER(true),
        /** no answer within the per-call timeout: retry */
        TIMEOUT(true),
        /** connection refused or reset: retry */
        CONNECTION(true),
        /** the service answered something that is not a valid ECS answer */
        MALFORMED(false),
        /** the service refused the call for a reason retrying cannot change */
        REJECTED(false),
        /** the collection was cancelled (thread interrupted) */
        CANCELLED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final String call;
    private final Kind kind;
    private final String code;
    private final String serviceMessage;
    private final String requestId;
    private final int httpStatus;

    public EcsCallException(String call, Kind kind, String code, String serviceMessage, String requestId, int httpStatus) {
        super(call + ": " + code + (serviceMessage == null || serviceMessage.isEmpty() ? "" : ": " + serviceMessage));
        this.call = call;
        this.kind = kind;
        this.code = code;
        this.serviceMessage = serviceMessage;
        this.requestId = requestId;
        this.httpStatus = httpStatus;
    }

    public String call() {
        return call;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String serviceMessage() {
        return serviceMessage;
    }

    /** The service's request id; null when there was no answer. */
    public String requestId() {
        return requestId;
    }

    /** HTTP status of the answer; 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }
}
