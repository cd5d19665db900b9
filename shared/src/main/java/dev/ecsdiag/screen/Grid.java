package dev.ecsdiag.screen;

/**
 * Where the character cells are: the first cell's top-left pixel, the cell pitch, how many cells.
 *
 * @param font    the glyphs expected in the cells
 * @param pitchX  cell width in pixels: 9 in VGA text mode, 8 on a frame buffer
 * @param pitchY  cell height in pixels (16)
 * @param originX left edge of column 0
 * @param originY top edge of row 0
 * @param columns cells across
 * @param rows    cells down
 */
public record Grid(ConsoleFont font, int pitchX, int pitchY, int originX, int originY, int columns, int rows) {

    static Grid of(ConsoleFont font, int pitchX, int originX, int originY, int width, int height) {
        int pitchY = ConsoleFont.HEIGHT;
        return new Grid(font, pitchX, pitchY, originX, originY,
                Math.max(0, (width - originX) / pitchX), Math.max(0, (height - originY) / pitchY));
    }

    public String describe() {
        return columns + "x" + rows + " cells of " + pitchX + "x" + pitchY + " at (" + originX + "," + originY + "), "
                + font.name();
    }
}
