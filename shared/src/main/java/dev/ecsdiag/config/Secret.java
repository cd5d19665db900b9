package dev.ecsdiag.config;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A credential value (AccessKey secret, STS token) that never shows itself by accident: its
 * {@link #toString()} is a fixed mask, so it cannot leak through a log line, an exception message
 * or a request's JSON. Only {@link #reveal()} gives the value, for signing. Java serialisation
 * carries the value (a job sent to a build agent needs it there); nothing else does.
 */
public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, "a secret must not be empty");
        }
        return new Secret(value.toCharArray());
    }

    /** The value, for the SDK's signer. Never log or store what this returns. */
    public String reveal() {
        return new String(value);
    }

    public boolean isBlank() {
        for (char c : value) {
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "********";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
