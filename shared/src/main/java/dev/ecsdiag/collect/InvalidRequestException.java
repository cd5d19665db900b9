package dev.ecsdiag.collect;

/**
 * The collection cannot start as asked: a malformed instance id, no usable credentials, an
 * output folder that cannot be created. The message says what to change; it never holds a secret.
 */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    public enum Kind {
        /** the request itself is wrong (ids, tags, numbers) */
        USAGE,
        /** an input file cannot be read */
        UNREADABLE_INPUT,
        /** credentials or configuration (region, endpoint, output folder) */
        CONFIGURATION
    }

    public InvalidRequestException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public InvalidRequestException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
