package dev.ecsdiag.classify.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a frame name matches any of a list of regular expressions found anywhere in
 * the name (skip lists, stall anchors). Most entries are plain words, anchored words or suffixes: those are tested with string
 * operations, and only the few real expressions meet a regex. Immutable, so the table's lists are
 * shared by every classifier; the answers are remembered per classifier ({@link SkipAnswers}).
 */
final class SkipMatcher {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_]+");

    private final List<String> contains;
    private final List<String> prefixes;
    private final List<String> suffixes;
    private final List<String> exact;
    private final Pattern rest;

    SkipMatcher(List<String> patterns) {
        List<String> contains = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        List<String> exact = new ArrayList<>();
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
        this.contains = List.copyOf(contains);
        this.prefixes = List.copyOf(prefixes);
        this.suffixes = List.copyOf(suffixes);
        this.exact = List.copyOf(exact);
        rest = regexes.isEmpty() ? null : Pattern.compile(String.join("|", regexes));
    }

    /** Whether one of the patterns is found in {@code frame}; see {@link SkipAnswers} for the remembered answer. */
    boolean skips(String frame) {
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
