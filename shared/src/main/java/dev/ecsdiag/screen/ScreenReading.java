package dev.ecsdiag.screen;

/**
 * The screen as a source of evidence: what was read and what it says, or why it was not read.
 *
 * @param format          {@code png}, {@code jpeg} or {@code unknown}
 * @param width           pixels (0 when the header was unreadable)
 * @param height          pixels
 * @param text            the recognised text; null when not read
 * @param classification  what the text says; null when not read
 * @param problem         why the screen was not read, or what was odd though it was; null when all went well
 * @param decodeMillis    time to decode the image
 * @param recognizeMillis time to recognise and classify the text
 */
public record ScreenReading(String format, int width, int height, ScreenText text,
        ScreenClassification classification, String problem, double decodeMillis, double recognizeMillis)
        implements java.io.Serializable {

    public boolean read() {
        return text != null;
    }
}
