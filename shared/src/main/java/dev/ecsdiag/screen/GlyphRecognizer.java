package dev.ecsdiag.screen;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Linux console screenshot exactly: finds the cell grid, then gives each cell the glyph of
 * the console font nearest to its ink (Hamming distance over the 128 pixels of an 8x16 glyph).
 * A cell further than {@link #MAX_DISTANCE} pixels from every glyph is reported as U+FFFD rather
 * than guessed. Stateless and thread-safe.
 *
 * <p>Grid finding: the ink of all pixel rows, folded modulo 16, is compared with where the font
 * puts ink within a glyph (rows 0-1 and 15 are almost always empty), which gives the vertical
 * origin; the same with columns gives the horizontal origin for each pitch (9 for VGA text mode,
 * 8 for a frame buffer). Each (font, pitch) candidate then reads the whole screen, and the one whose
 * cells match their glyphs most closely wins.
 */
public final class GlyphRecognizer {

    /** Pixels a cell may differ from its glyph: JPEG at quality 75 flips a few at stroke edges. */
    public static final int MAX_DISTANCE = 14;
    /** A cell whose strongest pixel is closer than this to the background is blank. */
    public static final int BLANK_BELOW = 64;

    private static final int INK = 64;
    /**
     * The blinking cursor is not text: a cell showing only the cursor reads as a space. fbcon's
     * fills rows 14-15; the VGA text mode's (vgacon's underline) rows 13-14. The underscore glyph
     * is a single row, 13.
     */
    static boolean isCursor(long top, long bottom) {
        return top == 0 && (bottom == 0xffffL || bottom == 0xffff00L);
    }

    private final List<ConsoleFont> fonts;

    public GlyphRecognizer() {
        this(List.of(ConsoleFont.vgaText(), ConsoleFont.kernel8x16()));
    }

    GlyphRecognizer(List<ConsoleFont> fonts) {
        this.fonts = List.copyOf(fonts);
    }

    public ScreenText recognize(InkMap ink) {
        Reading best = null;
        for (ConsoleFont font : fonts) {
            for (int pitch : new int[] {9, 8}) {
                if (ink.width() < pitch || ink.height() < ConsoleFont.HEIGHT) {
                    continue;
                }
                Grid grid = locate(ink, font, pitch);
                Reading reading = read(ink, grid);
                if (best == null || reading.cost() < best.cost()) {
                    best = reading;
                }
            }
        }
        if (best == null) {
            return new ScreenText("glyph-match", "no grid: image smaller than one cell", 0, List.of(), 0, 0);
        }
        return new ScreenText("glyph-match", best.grid.describe(), best.grid.columns(), best.lines, best.cells, best.unknown);
    }

    static Grid locate(InkMap ink, ConsoleFont font, int pitch) {
        int[] rows = new int[ConsoleFont.HEIGHT];
        int[] columns = new int[pitch];
        byte[] c = ink.contrast();
        for (int y = 0; y < ink.height(); y++) {
            int base = y * ink.width();
            for (int x = 0; x < ink.width(); x++) {
                if ((c[base + x] & 0xff) >= INK) {
                    rows[y % ConsoleFont.HEIGHT]++;
                    columns[x % pitch]++;
                }
            }
        }
        int[] rowProfile = font.rowProfile();
        int[] columnProfile = new int[pitch];
        System.arraycopy(font.columnProfile(), 0, columnProfile, 0, ConsoleFont.WIDTH);
        int originY = bestPhase(rows, rowProfile);
        int originX = bestPhase(columns, columnProfile);
        return Grid.of(font, pitch, originX, originY, ink.width(), ink.height());
    }

    /** The shift of {@code expected} that correlates best with {@code observed} (both folded to one period). */
    private static int bestPhase(int[] observed, int[] expected) {
        int n = observed.length;
        double mean = 0;
        for (int e : expected) {
            mean += e;
        }
        mean /= n;
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int phase = 0; phase < n; phase++) {
            double score = 0;
            for (int i = 0; i < n; i++) {
                score += observed[(phase + i) % n] * (expected[i] - mean);
            }
            if (score > bestScore) {
                bestScore = score;
                best = phase;
            }
        }
        return best;
    }

    static Reading read(InkMap ink, Grid grid) {
        ConsoleFont font = grid.font();
        Cell cell = new Cell();
        List<ScreenLine> lines = new ArrayList<>();
        int cells = 0;
        int unknown = 0;
        long distanceSum = 0;
        char[] row = new char[grid.columns()];
        for (int r = 0; r < grid.rows(); r++) {
            int y0 = grid.originY() + r * grid.pitchY();
            int inked = 0;
            double confidence = 0;
            int last = -1;
            int first = -1;
            for (int col = 0; col < grid.columns(); col++) {
                cell.read(ink, grid.originX() + col * grid.pitchX(), y0, grid.pitchX());
                if (cell.peak < BLANK_BELOW || cell.top == 0 && cell.bottom == 0 || isCursor(cell.top, cell.bottom)) {
                    row[col] = ' ';
                    continue;
                }
                int bestGlyph = -1;
                int bestDistance = Integer.MAX_VALUE;
                for (int g = 0; g < font.size(); g++) {
                    int d = Long.bitCount(cell.top ^ font.top(g)) + Long.bitCount(cell.bottom ^ font.bottom(g));
                    if (d < bestDistance) {
                        bestDistance = d;
                        bestGlyph = g;
                    }
                }
                inked++;
                if (bestDistance <= MAX_DISTANCE) {
                    row[col] = font.charAt(bestGlyph);
                    confidence += 1.0 - (double) bestDistance / (MAX_DISTANCE + 1);
                    distanceSum += bestDistance;
                } else {
                    row[col] = ScreenText.UNKNOWN;
                    unknown++;
                    distanceSum += 2L * MAX_DISTANCE;
                }
                if (row[col] != ' ') {
                    last = col;
                    if (first < 0) {
                        first = col;
                    }
                }
            }
            cells += inked;
            if (last >= 0) {
                lines.add(new ScreenLine(r, first, new String(row, 0, last + 1), inked == 0 ? 1 : confidence / inked));
            }
        }
        return new Reading(grid, lines, cells, unknown, distanceSum);
    }

    record Reading(Grid grid, List<ScreenLine> lines, int cells, int unknown, long distanceSum) {

        /** Mean distance per inked cell; a screen without ink costs the most, so any text wins over none. */
        double cost() {
            return cells == 0 ? Double.MAX_VALUE : (double) distanceSum / cells;
        }
    }
}
