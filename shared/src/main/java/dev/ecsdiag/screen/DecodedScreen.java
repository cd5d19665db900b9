package dev.ecsdiag.screen;

/**
 * What decoding a screenshot gave: the ink map, or why there is none.
 *
 * @param format  {@code png}, {@code jpeg} or {@code unknown}
 * @param width   pixels as the header says (0 when unreadable)
 * @param height  pixels as the header says (0 when unreadable)
 * @param ink     the pixels; null when not read
 * @param problem why it was not read (or what was wrong though it was read); null when all went well
 */
public record DecodedScreen(String format, int width, int height, InkMap ink, String problem) {

    static DecodedScreen notRead(String format, int width, int height, String problem) {
        return new DecodedScreen(format, width, height, null, problem);
    }

    public boolean read() {
        return ink != null;
    }
}
