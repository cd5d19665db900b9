package dev.ecsdiag.config;

import java.util.Optional;

/**
 * The job cannot start as asked: a malformed instance id, no usable credentials, an output folder
 * that cannot be created, an unreadable fleet file. The one exception type for every invalid
 * setting: its {@link #kind()} says what sort of problem it is (a front end maps it to an exit
 * status or a build failure) and {@link #setting()} which setting to change, so no adapter has to
 * read the message. The message says what to change in the core's words; it never holds a secret.
 */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 2L;

    private final Kind kind;
    private final Setting setting;

    public enum Kind {
        /** the request itself is wrong (ids, tags, numbers) */
        USAGE,
        /** an input file cannot be read */
        UNREADABLE_INPUT,
        /** credentials or configuration (region, endpoint, output folder) */
        CONFIGURATION
    }

    public InvalidRequestException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    public InvalidRequestException(Kind kind, String message, Throwable cause) {
        this(kind, null, message, cause);
    }

    public InvalidRequestException(Kind kind, Setting setting, String message) {
        this(kind, setting, message, null);
    }

    public InvalidRequestException(Kind kind, Setting setting, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.setting = setting;
    }

    public Kind kind() {
        return kind;
    }

    /** The setting to change, when one is to blame. */
    public Optional<Setting> setting() {
        return Optional.ofNullable(setting);
    }
}
