package dev.ecsdiag.screen;

/**
 * One character cell cut from an {@link InkMap}: its 8x16 glyph area as bits, and its peak ink.
 * A pixel is ink when it is at least half as far from the background as the cell's strongest pixel:
 * the threshold follows the text's own colour (grey, white, red, dim blue) and ignores JPEG's
 * faint ringing around strokes. Reused for every cell of a screen (no allocation per cell).
 */
final class Cell {

    long top;
    long bottom;
    int peak;

    /**
     * Reads the cell whose glyph area starts at (x0, y0); {@code width} is the cell's pitch (8 or 9):
     * the VGA text mode's 9th column only repeats box-drawing glyphs, so it counts for the peak
     * (a cursor or a line there is ink) but not for the bits.
     */
    Cell read(InkMap ink, int x0, int y0, int width) {
        byte[] c = ink.contrast();
        int stride = ink.width();
        int peak = 0;
        for (int y = 0; y < ConsoleFont.HEIGHT; y++) {
            int base = (y0 + y) * stride + x0;
            for (int x = 0; x < width; x++) {
                peak = Math.max(peak, c[base + x] & 0xff);
            }
        }
        this.peak = peak;
        long t = 0;
        long b = 0;
        if (peak > 0) {
            int threshold = (peak + 1) / 2;
            for (int y = 0; y < ConsoleFont.HEIGHT; y++) {
                int base = (y0 + y) * stride + x0;
                long row = 0;
                for (int x = 0; x < ConsoleFont.WIDTH; x++) {
                    row = row << 1 | ((c[base + x] & 0xff) >= threshold ? 1 : 0);
                }
                if (y < 8) {
                    t = t << 8 | row;
                } else {
                    b = b << 8 | row;
                }
            }
        }
        this.top = t;
        this.bottom = b;
        return this;
    }
}
