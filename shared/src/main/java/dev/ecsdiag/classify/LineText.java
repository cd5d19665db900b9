package dev.ecsdiag.classify;

import dev.ecsdiag.classify.text.ConsoleLine;

/**
 * The text the boot and finding rules look at, taken from a {@link ConsoleLine}.
 *
 * <p>The normalizer ({@link ConsoleReader}) already removes printk and syslog prefixes; this class
 * still peels the common ones off when they are present, so the rules give the same answer on raw
 * text (a line built by hand, or a reader that left a prefix on). It also caps the text at
 * {@link #MAX_CHARS}: the kernel never prints a longer record (LOG_LINE_MAX is 1024 minus its
 * prefix), and a cap keeps every regular expression's work per line bounded, so a megabyte-long line
 * costs no more than a normal one.
 */
final class LineText {

    /** Characters of a line the rules look at. */
    static final int MAX_CHARS = 2048;

    private LineText() {
    }

    /** The line's message: prefixes peeled, ANSI escapes removed, capped, trailing blanks kept. */
    static String of(ConsoleLine line) {
        String s = line.text();
        if (s == null) {
            return "";
        }
        if (s.length() > MAX_CHARS) {
            s = s.substring(0, MAX_CHARS);
        }
        if (s.indexOf('\u001b') >= 0) {
            s = stripAnsi(s);
        }
        return stripPrefixes(s);
    }

    /** The printk timestamp: the reader's, else one still written at the start of the raw text. */
    static Double timestamp(ConsoleLine line) {
        if (line.timestamp() != null) {
            return line.timestamp();
        }
        String s = line.text();
        if (s == null) {
            return null;
        }
        int i = skipLevel(s, 0);
        int end = timestampEnd(s, i);
        if (end < 0) {
            return null;
        }
        try {
            return Double.parseDouble(s.substring(i + 1, end - 1).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String stripPrefixes(String s) {
        int i = skipLevel(s, 0);
        int end = timestampEnd(s, i);
        if (end >= 0) {
            i = end;
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            int callerEnd = callerEnd(s, i);
            if (callerEnd >= 0) {
                i = callerEnd;
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
            }
        } else {
            i = skipSyslogHeader(s, i);
        }
        return i == 0 ? s : s.substring(i);
    }

    /** Skips a printk level prefix {@code <N>} (also {@code <NN>} as syslog facilities write it). */
    private static int skipLevel(String s, int i) {
        if (s.length() > i + 2 && s.charAt(i) == '<' && isDigit(s.charAt(i + 1))) {
            int j = i + 1;
            while (j < s.length() && j < i + 5 && isDigit(s.charAt(j))) {
                j++;
            }
            if (j < s.length() && s.charAt(j) == '>') {
                return j + 1;
            }
        }
        return i;
    }

    /** End (exclusive) of a {@code [   12.345678]} timestamp starting at i, or -1. */
    private static int timestampEnd(String s, int i) {
        if (i >= s.length() || s.charAt(i) != '[') {
            return -1;
        }
        int j = i + 1;
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        int digits = 0;
        while (j < s.length() && isDigit(s.charAt(j))) {
            j++;
            digits++;
        }
        if (digits == 0 || j >= s.length() || s.charAt(j) != '.') {
            return -1;
        }
        j++;
        int frac = 0;
        while (j < s.length() && isDigit(s.charAt(j))) {
            j++;
            frac++;
        }
        if (frac == 0 || j >= s.length() || s.charAt(j) != ']') {
            return -1;
        }
        return j + 1;
    }

    /** End (exclusive) of a caller id {@code [ T123]} or {@code [  C3]} starting at i, or -1. */
    private static int callerEnd(String s, int i) {
        if (i >= s.length() || s.charAt(i) != '[') {
            return -1;
        }
        int j = i + 1;
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        if (j >= s.length() || (s.charAt(j) != 'T' && s.charAt(j) != 'C')) {
            return -1;
        }
        j++;
        int digits = 0;
        while (j < s.length() && isDigit(s.charAt(j))) {
            j++;
            digits++;
        }
        return digits > 0 && j < s.length() && s.charAt(j) == ']' ? j + 1 : -1;
    }

    /**
     * Skips {@code Jul 14 10:25:59 host kernel: } (syslog) or {@code ... host kernel: [ 1.2] }:
     * three-letter month, day, time, host, then {@code kernel: }.
     */
    private static int skipSyslogHeader(String s, int i) {
        if (s.length() < i + 16 || !Character.isUpperCase(s.charAt(i)) || s.charAt(i + 3) != ' '
                || s.charAt(i + 9) != ':' && s.charAt(i + 8) != ':') {
            return i;
        }
        int k = s.indexOf(" kernel: ", i);
        if (k < 0 || k > i + 80) {
            return i;
        }
        int j = k + " kernel: ".length();
        int end = timestampEnd(s, j);
        if (end >= 0) {
            j = end;
            while (j < s.length() && s.charAt(j) == ' ') {
                j++;
            }
        }
        return j;
    }

    private static String stripAnsi(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u001b') {
                // CSI: ESC [ parameters final-byte; other escapes: ESC + one character
                if (i + 1 < s.length() && s.charAt(i + 1) == '[') {
                    int j = i + 2;
                    while (j < s.length() && s.charAt(j) >= ' ' && s.charAt(j) < '@') {
                        j++;
                    }
                    // the final byte ends it; anything else cut it short and is text (an ellipsis)
                    i = j < s.length() && s.charAt(j) >= '@' && s.charAt(j) <= '~' ? j : j - 1;
                } else {
                    i++;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
