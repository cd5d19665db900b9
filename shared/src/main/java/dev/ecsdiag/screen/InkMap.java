package dev.ecsdiag.screen;

/**
 * A decoded screenshot reduced to what recognition needs: how far each pixel is from the
 * background colour (0 = background, 255 = as far as a channel can be), one byte per pixel.
 * Colour and grey text on black, and light text on a blue screen, all become ink this way.
 *
 * @param width      pixels
 * @param height     pixels
 * @param contrast   row-major, {@code width * height} bytes, unsigned
 * @param background the background colour as 0xRRGGBB
 */
public record InkMap(int width, int height, byte[] contrast, int background) {

    public int at(int x, int y) {
        return contrast[y * width + x] & 0xff;
    }
}
