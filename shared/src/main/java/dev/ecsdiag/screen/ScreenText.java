package dev.ecsdiag.screen;

import java.util.List;

/**
 * The text recognised on a screen.
 *
 * @param engine       what read it (e.g. {@code glyph-match})
 * @param grid         the cell grid found, in words (e.g. {@code 80x25 cells of 9x16 at (0,0), font-vga-text-8x16})
 * @param columns      cells across (the width at which the console wrapped long lines)
 * @param lines        rows that hold any character, top to bottom
 * @param cells        cells that held ink
 * @param unknownCells cells whose ink matched no glyph closely enough (shown as U+FFFD)
 */
public record ScreenText(String engine, String grid, int columns, List<ScreenLine> lines, int cells, int unknownCells)
        implements java.io.Serializable {

    public static final char UNKNOWN = '\uFFFD';

    public ScreenText {
        lines = List.copyOf(lines);
    }

    /** The rows as the console printed them: one line per row, blank rows kept, from the first row with text. */
    public String text() {
        StringBuilder s = new StringBuilder();
        int next = lines.isEmpty() ? 0 : lines.get(0).row();
        for (ScreenLine line : lines) {
            for (; next < line.row(); next++) {
                s.append('\n');
            }
            s.append(line.text()).append('\n');
            next = line.row() + 1;
        }
        return s.toString();
    }

    /** Share of the inked cells that matched a glyph. */
    public double matchedShare() {
        return cells == 0 ? 0 : 1.0 - (double) unknownCells / cells;
    }
}
