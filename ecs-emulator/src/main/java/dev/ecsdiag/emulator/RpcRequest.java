package dev.ecsdiag.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One RPC call as the server sees it: the HTTP method and every parameter, decoded from the query
 * (and from a form body, which RPC also signs).
 */
public record RpcRequest(String httpMethod, Map<String, String> parameters) {

    public RpcRequest {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Decodes {@code a=b&c=d} (as {@link java.net.URLEncoder} writes it) into {@code into}. */
    static void decodeForm(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                into.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw EcsError.invalidParameter(key, "the query is not well encoded");
            }
        }
    }

    public String action() {
        return parameters.get("Action");
    }

    public String get(String name) {
        String v = parameters.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public String require(String name) {
        String v = get(name);
        if (v == null) {
            throw EcsError.missingParameter(name);
        }
        return v;
    }

    /** An optional integer parameter within {@code [min, max]}; {@code fallback} when absent. */
    public int intParameter(String name, int fallback, int min, int max) {
        String v = get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw EcsError.invalidParameter(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw EcsError.invalidParameter(name, "not an integer");
        }
    }

    /** Values of a repeated parameter {@code prefix.1}, {@code prefix.2}, ... in index order. */
    public List<String> repeated(String prefix) {
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(prefix + ".")) {
                String rest = k.substring(prefix.length() + 1);
                if (rest.chars().allMatch(Character::isDigit) && !rest.isEmpty()) {
                    byIndex.put(Integer.parseInt(rest), e.getValue());
                }
            }
        }
        return List.copyOf(byIndex.values());
    }
}
