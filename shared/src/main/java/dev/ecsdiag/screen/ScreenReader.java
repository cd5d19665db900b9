package dev.ecsdiag.screen;

/**
 * The screen stage's front door: screenshot bytes in, recognised and classified text out, or a
 * reason ("not read: ...") that the report shows. Never throws for bad input. Stateless and
 * thread-safe.
 */
public final class ScreenReader {

    /**
     * Share of the inked cells that must match a console glyph for the screen to count as a Linux
     * console: below it the picture is something else (a desktop, a proportional font, a scaled
     * screenshot), and guessing text from it would mislead.
     */
    public static final double MIN_MATCHED_SHARE = 0.9;

    private final ScreenDecoder decoder = new ScreenDecoder();
    private final GlyphRecognizer recognizer = new GlyphRecognizer();
    private final ScreenClassifier classifier = new ScreenClassifier();

    public ScreenReading read(byte[] image) {
        long started = System.nanoTime();
        DecodedScreen decoded = decoder.decode(image);
        double decodeMillis = (System.nanoTime() - started) / 1e6;
        if (!decoded.read()) {
            return new ScreenReading(decoded.format(), decoded.width(), decoded.height(), null, null, decoded.problem(),
                    decodeMillis, 0);
        }
        long recognizing = System.nanoTime();
        ScreenText text = recognizer.recognize(decoded.ink());
        if (text.cells() == 0) {
            return new ScreenReading(decoded.format(), decoded.width(), decoded.height(), null, null,
                    "not read: the screen is blank", decodeMillis, (System.nanoTime() - recognizing) / 1e6);
        }
        if (text.matchedShare() < MIN_MATCHED_SHARE) {
            return new ScreenReading(decoded.format(), decoded.width(), decoded.height(), null, null,
                    String.format(java.util.Locale.ROOT, "not read: no Linux console font on this screen (%.0f %% of %d"
                            + " character cells matched a glyph; best grid %s)", 100 * text.matchedShare(), text.cells(),
                            text.grid()),
                    decodeMillis, (System.nanoTime() - recognizing) / 1e6);
        }
        ScreenClassification classification = classifier.classify(text);
        return new ScreenReading(decoded.format(), decoded.width(), decoded.height(), text, classification,
                decoded.problem(), decodeMillis, (System.nanoTime() - recognizing) / 1e6);
    }
}
