package dev.ecsdiag.ecs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.codec.CodecPolicy;
import org.apache.commons.codec.binary.Base64InputStream;

/**
 * Decodes a Base64 payload from an answer straight into a file, through a stream: the decoded
 * bytes never sit in memory as a whole. commons-codec's decoder silently skips characters outside
 * the alphabet, so a checking stream in front of it refuses them (and padding in the middle):
 * a broken payload fails loudly instead of becoming a quietly corrupt log or image.
 */
public final class Base64Payload {

    private Base64Payload() {
    }

    /**
     * Decodes {@code base64} into {@code target} (written whole or not at all) and returns the
     * number of bytes written.
     */
    public static long decodeTo(CharSequence base64, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try {
            long n;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                n = decode(base64, out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Characters gathered per decoding step: a multiple of 4, so that every full chunk decodes on its own. */
    private static final int CHUNK_CHARS = 1 << 16;
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    /**
     * Checks and decodes in one pass over the characters, 64 Ki characters at a time, with
     * commons-codec's decoder (the checks before it make it as strict as we need: the alphabet,
     * padding only at the end, no truncation, no impossible trailing bits). This replaced a chain
     * of streams (checking stream, buffered stream, commons-codec's decoding stream, a transfer
     * buffer) that copied every byte three times more and was the client's largest CPU cost per
     * call in the collection benchmark.
     */
    static long decode(CharSequence text, OutputStream out) throws IOException {
        char[] array = null;
        int base = 0;
        if (text instanceof java.nio.CharBuffer cb && cb.hasArray()) {
            array = cb.array();
            base = cb.arrayOffset() + cb.position();
        }
        int length = text.length();
        byte[] chunk = new byte[Math.min(CHUNK_CHARS, roundUp4(length))];
        org.apache.commons.codec.binary.Base64 decoder = new org.apache.commons.codec.binary.Base64(0, null, false, CodecPolicy.STRICT);
        int fill = 0;
        long data = 0;
        int padding = 0;
        int last = 0; // value of the last alphabet character, for the trailing-bits check
        long written = 0;
        for (int pos = 0; pos < length; pos++) {
            char c = array != null ? array[base + pos] : text.charAt(pos);
            int v = c < 128 ? VALUES[c] : -1;
            if (v >= 0) {
                if (padding > 0) {
                    throw new MalformedPayloadException("Base64 data after padding at character " + pos);
                }
                chunk[fill++] = (byte) c;
                data++;
                last = v;
                if (fill == chunk.length) {
                    byte[] decoded = decoder.decode(chunk);
                    out.write(decoded);
                    written += decoded.length;
                    fill = 0;
                }
            } else if (c == '=') {
                if (++padding > 2) {
                    throw new MalformedPayloadException("too much Base64 padding at character " + pos);
                }
            } else if (c != '\r' && c != '\n' && c != ' ' && c != '\t') { // line breaks are allowed by MIME-style encoders
                throw new MalformedPayloadException("character " + pos + " of the Base64 payload is not Base64 ("
                        + (c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'") + ")");
            }
        }
        if (data % 4 == 1 || (padding > 0 && (data + padding) % 4 != 0)) {
            throw new MalformedPayloadException("the Base64 payload is truncated (" + (data + padding) + " characters)");
        }
        if ((data % 4 == 2 && (last & 0x0f) != 0) || (data % 4 == 3 && (last & 0x03) != 0)) {
            throw new MalformedPayloadException("the Base64 payload ends in the middle of a byte (impossible trailing bits)");
        }
        if (fill > 0) {
            // the last, partial chunk: the decoder takes the final 2 or 3 characters without padding
            byte[] decoded = decoder.decode(java.util.Arrays.copyOf(chunk, fill));
            out.write(decoded);
            written += decoded.length;
        }
        return written;
    }

    private static int roundUp4(int n) {
        return Math.max(4, (n + 3) & ~3);
    }

    /** A stream of the decoded bytes; reading throws {@link MalformedPayloadException} where the payload breaks. */
    public static InputStream open(CharSequence base64) {
        return new StrictDecodingStream(new Base64InputStream(new java.io.BufferedInputStream(new CheckedAscii(base64), 1 << 16), false, 0, null, CodecPolicy.STRICT));
    }

    /** Turns the decoder's complaint about impossible trailing bits into our exception. */
    private static final class StrictDecodingStream extends java.io.FilterInputStream {
        StrictDecodingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IllegalArgumentException e) {
                throw new MalformedPayloadException("the Base64 payload ends in the middle of a byte (" + e.getMessage() + ")");
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IllegalArgumentException e) {
                throw new MalformedPayloadException("the Base64 payload ends in the middle of a byte (" + e.getMessage() + ")");
            }
        }
    }

    /** The characters of the payload as ASCII bytes, refusing anything that is not Base64. */
    private static final class CheckedAscii extends InputStream {
        private final CharSequence text;
        /** The characters' backing array when there is one (the JSON parser's buffer): read directly, no virtual calls. */
        private final char[] array;
        private final int base;
        private int pos;
        private int data;
        private int padding;

        CheckedAscii(CharSequence text) {
            this.text = text;
            if (text instanceof java.nio.CharBuffer cb && cb.hasArray()) {
                this.array = cb.array();
                this.base = cb.arrayOffset() + cb.position();
            } else {
                this.array = null;
                this.base = 0;
            }
        }

        @Override
        public int read() throws IOException {
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
                    continue; // line breaks are allowed by MIME-style encoders
                }
                if (c == '=') {
                    padding++;
                    if (padding > 2) {
                        throw new MalformedPayloadException("too much Base64 padding at character " + (pos - 1));
                    }
                    return c;
                }
                if (!isAlphabet(c)) {
                    throw new MalformedPayloadException("character " + (pos - 1) + " of the Base64 payload is not Base64 ("
                            + (c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'") + ")");
                }
                if (padding > 0) {
                    throw new MalformedPayloadException("Base64 data after padding at character " + (pos - 1));
                }
                data++;
                return c;
            }
            if (data % 4 == 1 || (padding > 0 && (data + padding) % 4 != 0)) {
                throw new MalformedPayloadException("the Base64 payload is truncated (" + (data + padding) + " characters)");
            }
            return -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // the common case in a tight loop: alphabet characters before any padding
            int n = 0;
            int end = text.length();
            while (n < len && pos < end && padding == 0) {
                char c = array != null ? array[base + pos] : text.charAt(pos);
                if (!isAlphabet(c)) {
                    break;
                }
                b[off + n++] = (byte) c;
                pos++;
                data++;
            }
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }

        private static final boolean[] ALPHABET = new boolean[128];

        static {
            for (char c = 'A'; c <= 'Z'; c++) {
                ALPHABET[c] = true;
                ALPHABET[c + ('a' - 'A')] = true;
            }
            for (char c = '0'; c <= '9'; c++) {
                ALPHABET[c] = true;
            }
            ALPHABET['+'] = true;
            ALPHABET['/'] = true;
        }

        private static boolean isAlphabet(char c) {
            return c < 128 && ALPHABET[c];
        }
    }
}
