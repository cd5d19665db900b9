package dev.ecsdiag.screen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a glyph table out of a screenshot of the lab's glyph-chart scenario (lab/init.sh): the
 * screen was cleared and rows 0-2 hold characters 32-63, 64-95 and 96-126 from column 0, rows 4-6
 * the same again. Every glyph is cut from rows 0-2 and must equal its copy in rows 4-6.
 *
 * <pre>
 *   regenerate the tables (from the module folder shared/):
 *   java -cp target/classes:target/test-classes dev.ecsdiag.screen.GlyphChart \
 *       src/test/resources/screen/chart-vga-text/screenshot.png 9 src/main/resources/dev/ecsdiag/screen/font-vga-text-8x16.txt
 * </pre>
 */
public final class GlyphChart {

    static final int FIRST = 32;
    static final int LAST = 126;
    static final int PER_ROW = 32;

    private GlyphChart() {
    }

    /** The table's text: one line per character, code and 16 row bytes in hex. */
    static String cut(Path screenshot, int pitch, String source) throws IOException {
        DecodedScreen decoded = new ScreenDecoder().decode(Files.readAllBytes(screenshot));
        if (!decoded.read()) {
            throw new IOException(screenshot + ": " + decoded.problem());
        }
        InkMap ink = decoded.ink();
        StringBuilder table = new StringBuilder();
        table.append("# ").append(source).append('\n');
        table.append("# Cut by dev.ecsdiag.screen.GlyphChart from the lab's glyph-chart screenshot; code, then rows 0-15\n");
        Cell cell = new Cell();
        Cell copy = new Cell();
        for (int code = FIRST; code <= LAST; code++) {
            int row = (code - FIRST) / PER_ROW;
            int column = (code - FIRST) % PER_ROW;
            cell.read(ink, column * pitch, row * ConsoleFont.HEIGHT, pitch);
            copy.read(ink, column * pitch, (row + 4) * ConsoleFont.HEIGHT, pitch);
            if (cell.top != copy.top || cell.bottom != copy.bottom) {
                throw new IOException(screenshot + ": character " + code + " differs between its two copies");
            }
            table.append(String.format("%02x %016x%016x%n", code, cell.top, cell.bottom));
        }
        return table.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: GlyphChart SCREENSHOT PITCH TABLE");
            System.exit(2);
        }
        String table = cut(Path.of(args[0]), Integer.parseInt(args[1]), "from " + Path.of(args[0]).getParent().getFileName());
        Files.writeString(Path.of(args[2]), table, StandardCharsets.US_ASCII);
        List<String> lines = new ArrayList<>(table.lines().toList());
        System.err.println("wrote " + (lines.size() - 2) + " glyphs to " + args[2]);
    }
}
