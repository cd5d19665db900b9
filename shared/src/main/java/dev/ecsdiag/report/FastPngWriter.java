package dev.ecsdiag.report;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an RGB image as an 8-bit truecolour PNG with the "Sub" filter on every row and fast
 * deflation. A thumbnail is small and written once, so {@code javax.imageio}'s PNG writer (adaptive
 * filtering, maximum compression: about 3.5 ms for 320x240) costs more than it saves; this takes
 * a fraction of a millisecond and gives a file of similar size for console screens.
 */
final class FastPngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int FILTER_SUB = 1;

    private FastPngWriter() {
    }

    /** Writes beside the target first, then moves it in place: a reader never sees half a thumbnail. */
    static void write(BufferedImage image, Path target) throws IOException {
        // a name of its own (process and thread), so two reports written into one folder at once do not
        // share a partial file; not createTempFile, whose owner-only permissions a web server could not read
        Path partial = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId() + ".partial");
        try {
            writeFile(image, partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void writeFile(BufferedImage image, Path target) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        try (OutputStream file = Files.newOutputStream(target);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16))) {
            out.write(SIGNATURE);
            byte[] ihdr = new byte[13];
            putInt(ihdr, 0, w);
            putInt(ihdr, 4, h);
            ihdr[8] = 8; // bit depth
            ihdr[9] = 2; // colour type: truecolour
            chunk(out, "IHDR", ihdr, ihdr.length);
            byte[] idat = deflate(image, w, h);
            chunk(out, "IDAT", idat, idat.length);
            chunk(out, "IEND", new byte[0], 0);
        }
    }

    private static byte[] deflate(BufferedImage image, int w, int h) {
        int stride = 1 + 3 * w;
        byte[] raw = new byte[stride * h];
        int[] rgb = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, rgb, 0, w);
            int o = y * stride;
            raw[o++] = FILTER_SUB;
            int pr = 0, pg = 0, pb = 0;
            for (int x = 0; x < w; x++) {
                int p = rgb[x];
                int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
                raw[o++] = (byte) (r - pr);
                raw[o++] = (byte) (g - pg);
                raw[o++] = (byte) (b - pb);
                pr = r;
                pg = g;
                pb = b;
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buf = new byte[Math.max(1024, raw.length / 4)];
            java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream(buf.length);
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                z.write(buf, 0, n);
            }
            return z.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        out.writeInt(length);
        out.write(t);
        out.write(data, 0, length);
        out.writeInt((int) crc.getValue());
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
