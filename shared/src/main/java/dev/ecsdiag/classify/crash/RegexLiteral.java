package dev.ecsdiag.classify.crash;

import java.util.ArrayList;
import java.util.List;

/**
 * Literal texts one of which every match of a regular expression must contain: its leading
 * characters up to the first metacharacter, or, when it starts with alternatives
 * ({@code (?:IP|NIP|pc )...}, {@code Call [Tt]race:|Backtrace:}), the leading characters of each
 * alternative. A line holding none of them cannot match, so a few {@code contains} (vectorised
 * searches) decide most lines of a report before a matcher is even created.
 */
final class RegexLiteral {

    private RegexLiteral() {
    }

    /** Texts one of which every match contains; empty when nothing can be said (then nothing is filtered). */
    static List<String> requiredAnyOf(String regex) {
        List<String> out = new ArrayList<>();
        return collect(regex, out) ? minimal(out) : List.of();
    }

    /** Adds the texts {@code regex} requires; false when some match may hold none of them. */
    private static boolean collect(String regex, List<String> out) {
        List<String> alternatives = topLevelAlternatives(regex);
        if (alternatives == null) {
            return false;
        }
        if (alternatives.size() > 1) {
            for (String alternative : alternatives) {
                if (!collect(alternative, out)) {
                    return false;
                }
            }
            return true;
        }
        if (regex.startsWith("(")) {
            // a leading group that must occur once at least: what it requires, the whole requires
            int close = closingParen(regex);
            if (close < 0) {
                return false;
            }
            if (close + 1 < regex.length() && "?*{".indexOf(regex.charAt(close + 1)) >= 0) {
                return false;
            }
            String inner = regex.substring(1, close);
            if (inner.startsWith("?:")) {
                inner = inner.substring(2);
            } else if (inner.startsWith("?")) {
                return false; // flags, lookaround, named groups: say nothing
            }
            return collect(inner, out);
        }
        String literal = leadingLiteral(regex);
        if (literal.isEmpty()) {
            return false;
        }
        out.add(literal);
        return true;
    }

    /**
     * Texts every match contains, all of them: the leading literal and the literal that follows each
     * top-level {@code .*} or {@code .+} ({@code WARNING: .*lib/refcount\\.c.*} requires
     * {@code WARNING: } and {@code lib/refcount}). Empty for a regex with top-level alternatives.
     */
    static List<String> requiredAllOf(String regex) {
        List<String> alternatives = topLevelAlternatives(regex);
        if (alternatives == null || alternatives.size() > 1) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String lead = leadingLiteral(regex);
        if (!lead.isEmpty()) {
            out.add(lead);
        }
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            int end = endOfOpaqueAtom(regex, i);
            if (end < 0) {
                break; // unclosed class: nothing after it can be read
            }
            if (end != i) {
                i = end;
                continue;
            }
            char c = regex.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '.' && depth == 0 && i + 1 < regex.length() && "*+".indexOf(regex.charAt(i + 1)) >= 0) {
                int rest = i + 2;
                if (rest < regex.length() && "?+".indexOf(regex.charAt(rest)) >= 0) {
                    rest++; // lazy or possessive
                }
                String literal = leadingLiteral(regex.substring(rest));
                if (!literal.isEmpty()) {
                    out.add(literal);
                }
                i = rest - 1;
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code line} holds every one of the texts. */
    static boolean holdsAll(String line, List<String> allOf) {
        for (int i = 0; i < allOf.size(); i++) {
            if (!line.contains(allOf.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Leading characters of a regex that match only themselves (up to the first metacharacter); the
     * character before a quantifier is left out, since the quantifier may drop it.
     */
    static String leadingLiteral(String regex) {
        int i = 0;
        while (i < regex.length() && "\\^$.|?*+()[]{}".indexOf(regex.charAt(i)) < 0) {
            i++;
        }
        if (i < regex.length() && i > 0 && "?*{".indexOf(regex.charAt(i)) >= 0) {
            i--;
        }
        return regex.substring(0, i);
    }

    /** The regex split at its top-level {@code |}; null when it uses a construct this reader does not follow. */
    private static List<String> topLevelAlternatives(String regex) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
                return null; // quoted text: not followed here
            }
            int end = endOfOpaqueAtom(regex, i);
            if (end < 0) {
                return null; // unclosed class
            }
            if (end != i) {
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            return null;
        }
        parts.add(regex.substring(start));
        return parts;
    }

    /** Index of the parenthesis closing the one at index 0; -1 if none. */
    private static int closingParen(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            int end = endOfOpaqueAtom(regex, i);
            if (end < 0) {
                return -1;
            }
            if (end != i) {
                i = end;
            } else if (regex.charAt(i) == '(') {
                depth++;
            } else if (regex.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The structure walkers above step over escapes and character classes whole, since no
     * parenthesis, bar or dot inside them is structure. Returns the index of the last character of
     * such an atom starting at {@code i}, {@code i} itself for any other character, or -1 for a
     * class that is never closed.
     */
    private static int endOfOpaqueAtom(String regex, int i) {
        char c = regex.charAt(i);
        if (c == '\\') {
            return i + 1;
        }
        if (c != '[') {
            return i;
        }
        int j = i + 1;
        if (j < regex.length() && regex.charAt(j) == '^') {
            j++;
        }
        if (j < regex.length() && regex.charAt(j) == ']') {
            j++; // "[]...]": a leading ] is a member
        }
        for (; j < regex.length(); j++) {
            char d = regex.charAt(j);
            if (d == '\\') {
                j++;
            } else if (d == ']') {
                return j;
            }
        }
        return -1;
    }

    /** Drops texts that contain another of the set (a line holding the longer one holds the shorter). */
    private static List<String> minimal(List<String> texts) {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(texts));
        List<String> out = new ArrayList<>();
        for (String t : distinct) {
            boolean redundant = false;
            for (String o : distinct) {
                redundant |= !o.equals(t) && t.contains(o);
            }
            if (!redundant) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code line} may match: it holds one of the texts (always true when there are none). */
    static boolean mayMatch(String line, List<String> anyOf) {
        if (anyOf.isEmpty()) {
            return true;
        }
        for (int i = 0; i < anyOf.size(); i++) {
            if (line.contains(anyOf.get(i))) {
                return true;
            }
        }
        return false;
    }
}
