package dev.ecsdiag.screen;

/**
 * One row of text read from a screen.
 *
 * @param row        0-based row of the cell grid
 * @param column     0-based column of the first character that is not a space
 * @param text       the row from column 0, trailing spaces removed; unreadable cells are U+FFFD
 * @param confidence 0-1: how closely the row's cells matched their glyphs (1 = every cell exactly)
 */
public record ScreenLine(int row, int column, String text, double confidence) implements java.io.Serializable {
}
