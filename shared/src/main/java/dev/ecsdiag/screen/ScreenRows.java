package dev.ecsdiag.screen;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a screen's rows back into the lines the console printed: a row that fills every column
 * was wrapped by the console (fbcon and vgacon wrap at exactly the grid's width), so the next row
 * continues it. Blank rows stay: they were printed.
 */
final class ScreenRows {

    /**
     * @param text      the joined line
     * @param firstRow  the row it starts on
     * @param lastRow   the row it ends on
     */
    record Line(String text, int firstRow, int lastRow) {
    }

    private ScreenRows() {
    }

    static List<Line> lines(ScreenText screen) {
        List<Line> lines = new ArrayList<>();
        StringBuilder pending = null;
        int pendingFirst = 0;
        int next = screen.lines().isEmpty() ? 0 : screen.lines().get(0).row();
        for (ScreenLine row : screen.lines()) {
            if (pending == null) {
                for (; next < row.row(); next++) {
                    lines.add(new Line("", next, next));
                }
            } else if (row.row() != next) {
                lines.add(new Line(pending.toString(), pendingFirst, next - 1)); // the wrap ran into a blank row
                pending = null;
                for (; next < row.row(); next++) {
                    lines.add(new Line("", next, next));
                }
            }
            if (pending == null) {
                pending = new StringBuilder();
                pendingFirst = row.row();
            }
            pending.append(row.text());
            next = row.row() + 1;
            boolean wrapped = screen.columns() > 0 && row.text().length() == screen.columns();
            if (!wrapped) {
                lines.add(new Line(pending.toString(), pendingFirst, row.row()));
                pending = null;
            }
        }
        if (pending != null) {
            lines.add(new Line(pending.toString(), pendingFirst, next - 1));
        }
        return lines;
    }
}
