package dev.ecsdiag.classify;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens a file a person handed over as a console log. Console logs are often archived with gzip
 * ({@code console.log.gz}, a CI's artifact store): gzip is found by its magic bytes, whatever the
 * name, and decompressed as it is read. Input that is not text (a program, a picture, another
 * archive) is refused with a reason, rather than classified as an empty, healthy log.
 */
public final class ConsoleInput {

    /** Bytes looked at to tell text from binary. */
    static final int SAMPLE = 8192;
    /** Share of control bytes in the sample above which it is not text; serial noise stays far below. */
    static final double MAX_CONTROL_SHARE = 0.10;

    /** The input is not a console log; the message says what it seems to be. */
    public static final class NotTextException extends IOException {
        public NotTextException(String message) {
            super(message);
        }
    }

    private ConsoleInput() {
    }

    /** The console text of {@code in}, gzip decompressed; throws {@link NotTextException} for binary input. */
    public static InputStream open(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        byte[] magic = peek(buffered, 6);
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            buffered = new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
            magic = peek(buffered, 6);
        }
        String kind = knownBinary(magic);
        if (kind != null) {
            throw new NotTextException("not text: " + kind);
        }
        byte[] sample = peek(buffered, SAMPLE);
        int control = 0;
        for (byte b : sample) {
            int c = b & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1b && c != '\b' && c != '\f' || c == 0x7f) {
                control++;
            }
        }
        if (sample.length > 0 && control > sample.length * MAX_CONTROL_SHARE) {
            throw new NotTextException("not text: " + (100 * control / sample.length) + " % of its first "
                    + sample.length + " bytes are control characters (a binary file?)");
        }
        return buffered;
    }

    private static String knownBinary(byte[] m) {
        if (starts(m, 0x7f, 'E', 'L', 'F')) {
            return "an ELF program or library";
        }
        if (starts(m, 0x89, 'P', 'N', 'G')) {
            return "a PNG picture";
        }
        if (starts(m, 0xff, 0xd8, 0xff)) {
            return "a JPEG picture";
        }
        if (starts(m, 'P', 'K', 3, 4)) {
            return "a zip archive (unpack it first)";
        }
        if (starts(m, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return "xz-compressed (xz -d it first)";
        }
        if (starts(m, 'B', 'Z', 'h')) {
            return "bzip2-compressed (bunzip2 it first)";
        }
        if (starts(m, 0x28, 0xb5, 0x2f, 0xfd)) {
            return "zstd-compressed (zstd -d it first)";
        }
        return null;
    }

    private static boolean starts(byte[] m, int... expected) {
        if (m.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((m[i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Up to {@code n} bytes from the stream's current position, left unread. */
    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] buf = new byte[n];
        int got = 0;
        while (got < n) {
            int r = in.read(buf, got, n - got);
            if (r < 0) {
                break;
            }
            got += r;
        }
        in.reset();
        return got == n ? buf : java.util.Arrays.copyOf(buf, got);
    }
}
