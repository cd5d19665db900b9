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
        Map<String, String> tags = new LinkedHashMap<>();
        if (text == null) {
            return tags;
        }
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || pair.substring(0, eq).isBlank()) {
                throw new InvalidRequestException(InvalidRequestException.Kind.USAGE, Setting.TAGS,
                        "tag filters are KEY=VALUE pairs separated by commas, got '" + pair.strip() + "'");
            }
            tags.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return tags;
    }
}
