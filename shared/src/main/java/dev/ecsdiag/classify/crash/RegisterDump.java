package dev.ecsdiag.classify.crash;

import java.util.Map;

/**
 * Reads {@code NAME: value} pairs off a register dump line ({@code RAX: 0000000000000000 RBX:
 * ffff888012345678}, {@code x29: ffff80000a1b3c40}, {@code CS:  0010 DS: 0000}, {@code FS:
 * 00007f12(0000) GS:ffff888}). Hand-scanned: this used to be a regular expression run with
 * {@code find()} from every position of every register line, the costliest single step of titling a
 * report. It finds exactly what {@code ([A-Za-z][A-Za-z0-9]{0,6}) ?: {0,2}([0-9a-fA-F]{4,16}(?::[0-9a-fA-F]{4,16})?)\b}
 * finds, in the same order ({@code RegisterDumpTest} compares the two).
 */
final class RegisterDump {

    private RegisterDump() {
    }

    /** Adds each pair of {@code line} to {@code out} (first value of a name wins) until it holds {@code max}. */
    static void read(String line, Map<String, String> out, int max) {
        int n = line.length();
        int from = 0;
        for (int colon = line.indexOf(':'); colon >= 0 && out.size() < max; colon = line.indexOf(':', colon + 1)) {
            // the name ends right before the colon or before one space in front of it
            int nameEnd = colon > from && isAlnum(line.charAt(colon - 1)) ? colon
                    : colon - 1 > from && line.charAt(colon - 1) == ' ' && isAlnum(line.charAt(colon - 2)) ? colon - 1
                    : -1;
            if (nameEnd < 0) {
                continue;
            }
            // leftmost start: at most 7 characters back, alphanumeric all the way, a letter first
            int runStart = nameEnd;
            while (runStart > from && runStart > nameEnd - 7 && isAlnum(line.charAt(runStart - 1))) {
                runStart--;
            }
            int nameStart = runStart;
            while (nameStart < nameEnd && !isLetter(line.charAt(nameStart))) {
                nameStart++;
            }
            if (nameStart == nameEnd) {
                continue;
            }
            int p = colon + 1;
            int spaces = 0;
            while (p < n && line.charAt(p) == ' ') {
                p++;
                spaces++;
            }
            if (spaces > 2) {
                continue;
            }
            int q = hexEnd(line, p);
            if (q - p < 4 || q - p > 16) {
                continue;
            }
            int end = -1;
            if (q < n && line.charAt(q) == ':') {
                int q2 = hexEnd(line, q + 1);
                if (q2 - (q + 1) >= 4 && q2 - (q + 1) <= 16 && !isWordAt(line, q2)) {
                    end = q2; // NAME: hex:hex
                } else {
                    end = q; // the colon is a word boundary
                }
            } else if (!isWordAt(line, q)) {
                end = q;
            }
            if (end < 0) {
                continue;
            }
            out.putIfAbsent(line.substring(nameStart, nameEnd), line.substring(p, end));
            from = end;
            colon = Math.max(colon, end - 1);
        }
    }

    private static int hexEnd(String s, int i) {
        while (i < s.length() && isHex(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAlnum(char c) {
        return isLetter(c) || c >= '0' && c <= '9';
    }

    /** {@code \b} after a hex digit fails when a word character (JDK 17 meaning) follows. */
    private static boolean isWordAt(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        int cp = s.codePointAt(i);
        return cp == '_' || Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }
}
