package dev.ecsdiag.collect;

import dev.ecsdiag.screen.ScreenReading;

/**
 * Screenshot fetched for an instance and written to disk.
 *
 * @param file      path relative to the output folder, with the real extension ({@code .png}/{@code .jpg})
 * @param format    {@code png} or {@code jpeg}, from the magic bytes; {@code unknown} otherwise
 * @param bytes     size in bytes
 * @param width     pixel width, 0 when it could not be read
 * @param height    pixel height, 0 when it could not be read
 * @param requestId the service's request id
 * @param screen    the screen read as text and classified, or why it was not read; null when nobody tried
 */
public record ScreenshotCapture(String file, String format, long bytes, int width, int height, String requestId,
        ScreenReading screen) implements java.io.Serializable {

    /** A capture not (yet) read as text. */
    public ScreenshotCapture(String file, String format, long bytes, int width, int height, String requestId) {
        this(file, format, bytes, width, height, requestId, null);
    }
}
