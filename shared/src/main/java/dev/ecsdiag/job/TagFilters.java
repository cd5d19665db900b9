package dev.ecsdiag.job;

import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.Setting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tag filters written as one text, for front ends whose settings are plain strings (a Maven user
 * property, a Jenkins text field): {@code ci-build=42,team=kernel}. Pairs are separated by commas;
 * a key is everything before the first {@code =}, so a value may itself contain {@code =}.
 */
public final class TagFilters {

    private TagFilters() {
    }

    /**
     * @throws InvalidRequestException (USAGE, {@link Setting#TAGS}) for a pair without a key or without {@code =}
     */
    public static Map<String, String> parse(String text) {
        return parse(text, ",", "KEY=VALUE pairs separated by commas");
    }

    /**
     * Tag filters one per line ({@code KEY=VALUE}), as a text area holds them; values may hold commas.
     *
     * @throws InvalidRequestException (USAGE, {@link Setting#TAGS}) for a line without a key or without {@code =}
     */
    public static Map<String, String> parseLines(String text) {
        return parse(text, "\\R", "KEY=VALUE, one per line");
    }

    /**
     * One filter, {@code KEY=VALUE} (the value may be empty or hold further {@code =}).
     *
     * @throws InvalidRequestException (USAGE, {@link Setting#TAGS}) without a key or without {@code =}
     */
    public static Map.Entry<String, String> pair(String pair) {
        int eq = pair == null ? -1 : pair.indexOf('=');
        if (eq <= 0 || pair.substring(0, eq).isBlank()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.USAGE, Setting.TAGS,
                    "a tag filter is KEY=VALUE, got '" + (pair == null ? "" : pair.strip()) + "'");
        }
        return Map.entry(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }

    private static Map<String, String> parse(String text, String separator, String shape) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : (text == null ? "" : text).split(separator)) {
            if (part.isBlank()) {
                continue;
            }
            try {
                Map.Entry<String, String> e = pair(part);
                tags.put(e.getKey(), e.getValue());
            } catch (InvalidRequestException e) {
                throw new InvalidRequestException(InvalidRequestException.Kind.USAGE, Setting.TAGS,
                        "tag filters are " + shape + ", got '" + part.strip() + "'");
            }
        }
        return tags;
    }
}
