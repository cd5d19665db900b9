package dev.ecsdiag.screen;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;


/**
 * Measures recognised screen text against the serial log of the same boot, which is the ground
 * truth of what the console printed: the log is wrapped at the screen's width, the window of rows
 * that the screen shows is found (the one with most rows equal to the screen's), and the character
 * error rate is the edit distance between the two texts divided by the length of the log's window.
 * Used by the accuracy test and the benchmark.
 */
public final class ScreenAccuracy {

    /** The kernel's console draws a tab in a message as one cell, CP437's circle glyph (not as spaces). */
    private static final boolean TAB_IS_A_GLYPH = true;
    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

    private ScreenAccuracy() {
    }

    /**
     * @param expected   the serial log's rows that the screen shows, joined with newlines
     * @param actual     the recognised rows, joined with newlines
     * @param distance   edit distance (insertions, deletions, substitutions)
     * @param rowsEqual  rows recognised exactly
     * @param rows       rows compared
     */
    public record Result(String expected, String actual, int distance, int rowsEqual, int rows) {

        public double characterErrorRate() {
            return expected.isEmpty() ? (actual.isEmpty() ? 0 : 1) : (double) distance / expected.length();
        }
    }

    public static Result measure(ScreenText screen, byte[] serialLog) {
        return measure(screen, serialLog, Pattern.compile("(?!)"), Pattern.compile("(?!)"));
    }

    /**
     * Blank rows are left out on both sides (they hold no character to get wrong; a wrongly read
     * blank row still shows as characters that the log has not got).
     *
     * @param screenOnly text that the system wrote to the screen alone, removed from the screen's
     *                   rows before the comparison (the lab's init writes its shell prompt to tty1
     *                   only, and kernel messages then continue on the prompt's row: lab/init.sh)
     * @param serialOnly text that reached the serial console alone, removed from the log's rows (user space writes to the last
     *                   {@code console=} device only: the shell's banner, {@code Killed}, ...)
     */
    public static Result measure(ScreenText screen, byte[] serialLog, java.util.regex.Pattern screenOnly,
            Pattern serialOnly) {
        List<String> truth = new ArrayList<>();
        for (String row : wrap(serialLog, screen.columns())) {
            truth.add(serialOnly.matcher(row).replaceAll(""));
        }
        truth.removeIf(String::isBlank);
        List<String> shown = new ArrayList<>();
        for (String row : rows(screen)) {
            shown.add(screenOnly.matcher(row).replaceAll(""));
        }
        shown.removeIf(String::isBlank);
        int n = shown.size();
        int bestEnd = -1;
        int bestEqual = -1;
        // The window may run past the log's end: the screen can show a row the log has not got yet.
        for (int end = Math.min(n, truth.size()) - 1; end < truth.size() + n; end++) {
            int equal = 0;
            for (int i = 0; i < n; i++) {
                int t = end - (n - 1) + i;
                if (t >= 0 && t < truth.size() && truth.get(t).equals(shown.get(i))) {
                    equal++;
                }
            }
            if (equal >= bestEqual) {
                bestEqual = equal;
                bestEnd = end;
            }
        }
        List<String> window = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int t = bestEnd - (n - 1) + i;
            window.add(t >= 0 && t < truth.size() ? truth.get(t) : "");
        }
        String expected = String.join("\n", window);
        String actual = String.join("\n", shown);
        return new Result(expected, actual, editDistance(expected, actual), Math.max(0, bestEqual), n);
    }

    /** The screen's rows from its first to its last row with text; blank rows as empty strings. */
    static List<String> rows(ScreenText screen) {
        List<String> rows = new ArrayList<>();
        if (screen.lines().isEmpty()) {
            return rows;
        }
        int next = screen.lines().get(0).row();
        for (ScreenLine line : screen.lines()) {
            for (; next < line.row(); next++) {
                rows.add("");
            }
            rows.add(line.text());
            next = line.row() + 1;
        }
        return rows;
    }

    /** The log as a console of {@code columns} columns shows it: CRs and escapes gone, long lines wrapped, tabs expanded. */
    static List<String> wrap(byte[] log, int columns) {
        String text = ESCAPES.matcher(new String(log, StandardCharsets.ISO_8859_1)).replaceAll("");
        List<String> rows = new ArrayList<>();
        for (String line : text.replace("\r", "").split("\n", -1)) {
            StringBuilder expanded = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '\t' && !TAB_IS_A_GLYPH) {
                    do {
                        expanded.append(' ');
                    } while (expanded.length() % 8 != 0);
                } else if (ch >= ' ' || ch == '\t') {
                    expanded.append(ch);
                }
            }
            String s = expanded.toString();
            if (columns <= 0) {
                rows.add(s.stripTrailing());
                continue;
            }
            do {
                rows.add(s.substring(0, Math.min(columns, s.length())).stripTrailing());
                s = s.length() > columns ? s.substring(columns) : "";
            } while (!s.isEmpty());
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    /** Levenshtein distance in O(len(a) x len(b)) time and O(len(b)) memory. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
