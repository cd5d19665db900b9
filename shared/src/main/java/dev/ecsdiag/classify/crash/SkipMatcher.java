package dev.ecsdiag.classify.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Decides whether a frame name matches any of a list of regular expressions found anywhere in
 * the name (skip lists, stall anchors). Most entries are plain words, anchored words or suffixes: those are tested with string
 * operations, and only the few real expressions meet a regex. Answers are memoised per name
 * (bounded), because the same helper frames appear in every report.
 */
final class SkipMatcher {

    private static final int MAX_CACHE = 4096; // per matcher: bounded memory on adversarial logs
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_]+");

    private final List<String> contains = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();
    private final List<String> exact = new ArrayList<>();
    private final Pattern rest;
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

    SkipMatcher(List<String> patterns) {
        List<String> regexes = new ArrayList<>();
        for (String p : patterns) {
            boolean start = p.startsWith("^");
            boolean end = p.endsWith("$") && !p.endsWith("\\$");
            String core = p.substring(start ? 1 : 0, p.length() - (end ? 1 : 0));
            if (!PLAIN.matcher(core).matches()) {
                regexes.add(p);
            } else if (start && end) {
                exact.add(core);
            } else if (start) {
                prefixes.add(core);
            } else if (end) {
                suffixes.add(core);
            } else {
                contains.add(core);
            }
        }
        rest = regexes.isEmpty() ? null : Pattern.compile(String.join("|", regexes));
    }

    boolean skips(String frame) {
        Boolean known = cache.get(frame);
        if (known != null) {
            return known;
        }
        boolean result = compute(frame);
        if (cache.size() < MAX_CACHE) {
            cache.put(frame, result);
        }
        return result;
    }

    private boolean compute(String frame) {
        for (String e : exact) {
            if (frame.equals(e)) {
                return true;
            }
        }
        for (String p : prefixes) {
            if (frame.startsWith(p)) {
                return true;
            }
        }
        for (String s : suffixes) {
            if (frame.endsWith(s)) {
                return true;
            }
        }
        for (String c : contains) {
            if (frame.contains(c)) {
                return true;
            }
        }
        return rest != null && rest.matcher(frame).find();
    }
}
