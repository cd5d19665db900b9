package dev.ecsdiag.screen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A console's 8x16 bitmap font: the glyph of each printable ASCII character. Each glyph is 128
 * bits in two longs, row by row, the leftmost pixel first (bit 63 of {@code top} is row 0's
 * leftmost pixel; {@code top} holds rows 0-7, {@code bottom} rows 8-15).
 *
 * <p>The tables in this package's resources were cut from real renderings (the lab's glyph-chart
 * scenarios, docs/screen.md), not copied from the fonts' sources.
 */
public final class ConsoleFont {

    public static final int WIDTH = 8;
    public static final int HEIGHT = 16;

    private final String name;
    private final char[] chars;
    private final long[] top;
    private final long[] bottom;

    ConsoleFont(String name, List<Character> chars, List<long[]> glyphs) {
        this.name = name;
        this.chars = new char[chars.size()];
        this.top = new long[chars.size()];
        this.bottom = new long[chars.size()];
        for (int i = 0; i < chars.size(); i++) {
            this.chars[i] = chars.get(i);
            this.top[i] = glyphs.get(i)[0];
            this.bottom[i] = glyphs.get(i)[1];
        }
    }

    public String name() {
        return name;
    }

    public int size() {
        return chars.length;
    }

    public char charAt(int index) {
        return chars[index];
    }

    public long top(int index) {
        return top[index];
    }

    public long bottom(int index) {
        return bottom[index];
    }

    /** Pixels set in a glyph row (0-15), over all glyphs: where ink is expected in a cell. */
    int[] rowProfile() {
        int[] profile = new int[HEIGHT];
        for (int g = 0; g < chars.length; g++) {
            for (int r = 0; r < HEIGHT; r++) {
                profile[r] += Long.bitCount(row(g, r));
            }
        }
        return profile;
    }

    /** Pixels set in a glyph column (0-7), over all glyphs. */
    int[] columnProfile() {
        int[] profile = new int[WIDTH];
        for (int g = 0; g < chars.length; g++) {
            for (int r = 0; r < HEIGHT; r++) {
                long bits = row(g, r);
                for (int c = 0; c < WIDTH; c++) {
                    profile[c] += (int) (bits >> (7 - c) & 1);
                }
            }
        }
        return profile;
    }

    private long row(int glyph, int r) {
        long half = r < 8 ? top[glyph] : bottom[glyph];
        return half >>> (56 - 8 * (r % 8)) & 0xff;
    }

    /** Loads a table: lines {@code XX HHHH...} (character code in hex, then 16 row bytes in hex). */
    public static ConsoleFont load(String name, InputStream in) throws IOException {
        List<Character> chars = new ArrayList<>();
        List<long[]> glyphs = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length < 2 || parts[1].length() != 32) {
                throw new IOException(name + ": not a glyph line: " + line);
            }
            chars.add((char) Integer.parseInt(parts[0], 16));
            glyphs.add(new long[] {Long.parseUnsignedLong(parts[1].substring(0, 16), 16),
                    Long.parseUnsignedLong(parts[1].substring(16), 16)});
        }
        return new ConsoleFont(name, chars, glyphs);
    }

    static ConsoleFont resource(String name) {
        try (InputStream in = ConsoleFont.class.getResourceAsStream(name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("font table missing from the jar: " + name);
            }
            return load(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The VGA BIOS font QEMU's (and most PCs') text mode draws, 80x25 in 9x16 cells. */
    public static ConsoleFont vgaText() {
        return Holder.VGA_TEXT;
    }

    /** The kernel's built-in {@code font_vga_8x16}, drawn by fbcon on frame buffers. */
    public static ConsoleFont kernel8x16() {
        return Holder.KERNEL;
    }

    private static final class Holder {
        static final ConsoleFont VGA_TEXT = resource("font-vga-text-8x16");
        static final ConsoleFont KERNEL = resource("font-kernel-8x16");
    }
}
