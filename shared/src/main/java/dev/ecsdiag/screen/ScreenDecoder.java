package dev.ecsdiag.screen;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a PNG or JPEG screenshot with the JDK's own readers, bounded: the format is taken from
 * the magic bytes, the dimensions from the header, and an image larger than {@link #MAX_SIDE} on a
 * side or {@link #MAX_PIXELS} in all is refused before a pixel is allocated (a 20-byte PNG header
 * can claim 65535 x 65535, 17 GB as RGB). Anything wrong comes back as a reason, never as an
 * exception. Sets no system property and never touches the AWT toolkit: ImageIO's readers work
 * without a display.
 */
public final class ScreenDecoder {

    /** Largest side accepted; a 4K screen (3840 x 2160) passes with room to spare. */
    public static final int MAX_SIDE = 8192;
    /**
     * Largest area accepted: 16 Mpixel (a 5K screen is 14.7) peaks at about 64 MB (3-byte raster,
     * 1-byte ink map). The collector reads screens in its workers, up to its concurrency at once, so
     * this bound times the concurrency is the worst case a hostile fleet can cost.
     */
    public static final long MAX_PIXELS = 16_000_000L;

    public DecodedScreen decode(byte[] bytes) {
        String format = formatOf(bytes);
        if (format.equals("unknown")) {
            return DecodedScreen.notRead(format, 0, 0, "not read: not a PNG or JPEG image (" + bytes.length + " bytes"
                    + (bytes.length == 0 ? ")" : ", starting " + hex(bytes) + ")"));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                return DecodedScreen.notRead(format, 0, 0, "not read: this Java runtime has no " + format + " reader");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                String refused = refusal(width, height);
                if (refused != null) {
                    return DecodedScreen.notRead(format, width, height, refused);
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                InkMap ink = InkMaps.of(image);
                String problem = warnings.isEmpty() ? null : "read with warnings: " + String.join("; ", warnings);
                return new DecodedScreen(format, width, height, ink, problem);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO reports truncation and corruption as IIOException, and some broken streams as
            // IndexOutOfBounds or IllegalArgument from inside the decoder: all mean the same here.
            return DecodedScreen.notRead(format, 0, 0, "not read: damaged or truncated " + format + " ("
                    + describe(e) + ")");
        }
    }

    static String refusal(int width, int height) {
        if (width <= 0 || height <= 0) {
            return "not read: the header says " + width + " x " + height + " pixels";
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            return "not read: " + width + " x " + height + " pixels is larger than a screen ("
                    + MAX_SIDE + " a side, " + MAX_PIXELS / 1_000_000 + " Mpixel at most)";
        }
        return null;
    }

    /** {@code png}, {@code jpeg} or {@code unknown}, from the magic bytes; the name is not trusted. */
    public static String formatOf(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == '\r' && b[5] == '\n' && b[6] == 0x1a && b[7] == '\n') {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "jpeg";
        }
        return "unknown";
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            s.append(String.format("%02x", bytes[i] & 0xff));
        }
        return s.toString();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !cause.getMessage().equals(message)) {
            message = (message == null ? "" : message + ": ") + cause.getMessage();
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
