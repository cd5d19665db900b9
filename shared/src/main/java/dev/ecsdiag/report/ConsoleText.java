package dev.ecsdiag.report;

/**
 * Makes console text safe to show as plain text: ANSI escape sequences, control characters and
 * Unicode direction overrides (which can make a line read differently from what it holds) go.
 * This is not HTML escaping: every writer still escapes for its own format.
 */
public final class ConsoleText {

    private ConsoleText() {
    }

    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean drop;
            if (c == 0x1b) {
                // ESC [ params final-byte, or ESC + one character
                int j = i + 1;
                if (j < n && s.charAt(j) == '[') {
                    j++;
                    while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3f) {
                        j++;
                    }
                    if (j < n && s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7e) {
                        j++;
                    }
                } else if (j < n) {
                    j++;
                }
                if (out == null) {
                    out = new StringBuilder(n).append(s, 0, i);
                }
                i = j - 1;
                continue;
            }
            drop = (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
            if (drop) {
                if (out == null) {
                    out = new StringBuilder(n).append(s, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
