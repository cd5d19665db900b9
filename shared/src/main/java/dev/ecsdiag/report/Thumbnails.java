package dev.ecsdiag.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Scales screenshots (PNG or JPEG, whatever their extension says) to PNG thumbnails. Images are
 * decoded with {@code javax.imageio}, subsampled while decoding to about the thumbnail's width, so a
 * large screenshot needs neither a large buffer nor a costly scale; the thumbnail is written by
 * {@link FastPngWriter}. Thread-safe: the report makes thumbnails on its worker threads.
 */
public final class Thumbnails {

    /** Screens are at most a few thousand pixels wide; anything far beyond is a broken or hostile file. */
    static final int MAX_SIDE = 16_384;
    static final long MAX_DECODED_PIXELS = 4_000_000;

    private final int width;

    public Thumbnails(int width) {
        this.width = width;
    }

    /** The thumbnail's path for a screenshot: beside it, {@code NAME.thumb.png}. */
    public static Path thumbnailPathFor(Path screenshot) {
        String name = screenshot.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return screenshot.resolveSibling(base + ".thumb.png");
    }

    /**
     * True when {@code thumb} was written from {@code screenshot} at this width and the screenshot has
     * not changed since: writing the report again (another front end, a re-run) skips the decoding,
     * which is most of a report's cost.
     */
    public boolean upToDate(Path screenshot, Path thumb) {
        try {
            if (!Files.isRegularFile(thumb) || Files.size(thumb) == 0
                    || Files.getLastModifiedTime(thumb).compareTo(Files.getLastModifiedTime(screenshot)) < 0) {
                return false;
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(thumb.toFile())) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    return false;
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    int sourceWidth = readSourceWidth(screenshot);
                    return reader.getWidth(0) == Math.min(width, sourceWidth);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static int readSourceWidth(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not an image: " + file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.getWidth(0); // reads the header only
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Writes the thumbnail of {@code screenshot} to {@code target}.
     *
     * @return the thumbnail's size
     * @throws IOException when the screenshot cannot be read as an image (with a message naming it)
     */
    public java.awt.Dimension write(Path screenshot, Path target) throws IOException {
        BufferedImage source = read(screenshot);
        int w = Math.min(width, source.getWidth());
        int h = Math.max(1, (int) Math.round(source.getHeight() * (w / (double) source.getWidth())));
        BufferedImage thumb = scale(source, w, h);
        Files.createDirectories(target.toAbsolutePath().getParent());
        FastPngWriter.write(thumb, target);
        return new java.awt.Dimension(w, h);
    }

    private BufferedImage read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open screenshot " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("screenshot " + file + " is neither PNG nor JPEG (no image reader recognises it)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int sourceWidth = reader.getWidth(0);
                int sourceHeight = reader.getHeight(0);
                if (sourceWidth > MAX_SIDE || sourceHeight > MAX_SIDE) {
                    throw new IOException("screenshot " + file + " claims " + sourceWidth + "x" + sourceHeight
                            + " pixels; more than " + MAX_SIDE + " on a side is not a screen, it was not decoded");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // Decode about the thumbnail's width (every step-th pixel of every step-th row, never
                // narrower than the thumbnail), and never more than MAX_DECODED_PIXELS: the decoded
                // raster stays small whatever the file claims, and scaling it down is cheap.
                int step = Math.max(1, sourceWidth / width);
                while ((long) (sourceWidth / step) * (sourceHeight / step) > MAX_DECODED_PIXELS) {
                    step++;
                }
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Scales by averaging the source pixels under each thumbnail pixel (a box filter), on plain pixel
     * arrays. No {@code Graphics2D}: drawing would start AWT's graphics environment, which on a JVM
     * that is not headless and whose DISPLAY names an unreachable X server (common on CI agents and
     * Jenkins controllers) fails, and making the JVM headless is not ours to decide.
     */
    static BufferedImage scale(BufferedImage source, int w, int h) {
        int sw = source.getWidth();
        int sh = source.getHeight();
        int[] src = source.getRGB(0, 0, sw, sh, null, 0, sw);
        int[] dst = new int[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = (int) ((long) y * sh / h);
            int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * sh / h));
            for (int x = 0; x < w; x++) {
                int x0 = (int) ((long) x * sw / w);
                int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * sw / w));
                long r = 0;
                long g = 0;
                long b = 0;
                for (int sy = y0; sy < y1; sy++) {
                    int row = sy * sw;
                    for (int sx = x0; sx < x1; sx++) {
                        int p = src[row + sx];
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                }
                long n = (long) (y1 - y0) * (x1 - x0);
                dst[y * w + x] = (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
            }
        }
        BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        thumb.setRGB(0, 0, w, h, dst, 0, w);
        return thumb;
    }
}
