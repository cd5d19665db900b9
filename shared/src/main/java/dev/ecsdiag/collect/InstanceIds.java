package dev.ecsdiag.collect;

import dev.ecsdiag.config.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * ECS instance ids, checked before they become file names: {@code i-} followed by lowercase
 * letters and digits, at most 64 characters. Anything else (a path separator, {@code ..}, a
 * control character) is refused before it reaches the file system or the API.
 */
public final class InstanceIds {

    public static final int MAX_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("i-[a-z0-9]+");

    private InstanceIds() {
    }

    public static boolean isValid(String id) {
        return id != null && id.length() <= MAX_LENGTH && ID.matcher(id).matches();
    }

    /** Returns the id, or throws with a message saying what a valid id looks like. */
    public static String require(String id) {
        if (!isValid(id)) {
            throw new InvalidRequestException(InvalidRequestException.Kind.USAGE,
                    "not an ECS instance id: '" + printable(id) + "' (expected i- followed by lowercase letters and digits,"
                            + " at most " + MAX_LENGTH + " characters, e.g. i-bp67acfmxazb4ph8xxxx)");
        }
        return id;
    }

    /** The id as it can be shown in a message: shortened, control characters made visible. */
    static String printable(String id) {
        if (id == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < id.length() && sb.length() < 80; i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (id.length() > 80) {
            sb.append("...");
        }
        return sb.toString();
    }
}
