package dev.ecsdiag.report;

import java.util.List;

/**
 * Lines of a console text file, as put into the page.
 *
 * @param firstLine 1-based number of the first line shown
 * @param lastLine  1-based number of the last line shown
 * @param truncated lines of the range were left out because the range was longer than the page allows,
 *                  or the file ended before the range did
 * @param lines     the lines, in order
 */
public record Excerpt(int firstLine, int lastLine, boolean truncated, List<ExcerptLine> lines) {

    public Excerpt {
        lines = List.copyOf(lines);
    }

    /**
     * One line.
     *
     * @param n    1-based line number in the console text
     * @param text the line with control characters removed; over-long lines are cut
     * @param mark {@code context} (around the report), {@code report} (inside it), {@code guilty}
     *             (the guilty frame's line) or {@code cause} (the line a finding or failure points at)
     */
    public record ExcerptLine(int n, String text, String mark) {
    }
}
