package dev.ecsdiag.ecs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns raw serial console bytes into text people and the classifier can read, as a stream:
 * UTF-8 (invalid bytes become U+FFFD), line ends normalised to {@code \n} (serial consoles write
 * {@code \r\n}, sometimes {@code \r\r\n}), terminal escape sequences and other control characters
 * removed. The raw bytes stay untouched beside it.
 */
public final class ConsoleText {

    private static final int ESC = 0x1B;

    private ConsoleText() {
    }

    /** Converts {@code raw} into {@code text}; returns the number of characters written. */
    public static long convert(Path raw, Path text) throws IOException {
        Path part = text.resolveSibling(text.getFileName() + ".part");
        try {
            long n;
            try (InputStream in = Files.newInputStream(raw);
                 Writer out = new BufferedWriter(Files.newBufferedWriter(part, StandardCharsets.UTF_8), 1 << 16)) {
                n = convert(in, out);
            }
            // whole or not at all, like every output file
            Files.move(part, text, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    public static long convert(InputStream raw, Writer out) throws IOException {
        // InputStreamReader replaces malformed UTF-8 with U+FFFD rather than failing
        Reader in = new InputStreamReader(raw, StandardCharsets.UTF_8);
        char[] buf = new char[1 << 15];
        char[] line = new char[buf.length + 1]; // + a line break owed by a CR at the end of the previous chunk
        Filter f = new Filter();
        long written = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            int len = f.filter(buf, n, line);
            out.write(line, 0, len);
            written += len;
        }
        if (f.pendingCr) {
            out.write('\n');
            written++;
        }
        return written;
    }

    /**
     * The conversion as a state machine over chunks: escape sequences and CR LF pairs may be split
     * across two reads. Output never exceeds input, so one buffer of the same size suffices.
     */
    private static final class Filter {
        private static final int TEXT = 0;
        private static final int ESCAPE = 1; // after ESC
        private static final int CSI = 2;    // ESC [ ... final byte
        private static final int OSC = 3;    // ESC ] ... BEL or ESC \
        private static final int OSC_ESC = 4;
        private static final int MAX_SEQUENCE = 256;

        int state = TEXT;
        int sequenceLength;
        boolean pendingCr;

        int filter(char[] in, int n, char[] out) {
            int o = 0;
            for (int i = 0; i < n; i++) {
                char c = in[i];
                switch (state) {
                    case ESCAPE -> {
                        if (c == '[') {
                            state = CSI;
                            sequenceLength = 0;
                        } else if (c == ']') {
                            state = OSC;
                            sequenceLength = 0;
                        } else {
                            state = TEXT;
                            if (c == '\n' || c == '\r') {
                                i--; // a stray ESC at a line end: keep the line break
                            }
                        }
                        continue;
                    }
                    case CSI -> {
                        if ((c >= 0x40 && c <= 0x7E) || ++sequenceLength > MAX_SEQUENCE || c == '\n') {
                            state = TEXT;
                            if (c == '\n') {
                                i--;
                            }
                        }
                        continue;
                    }
                    case OSC -> {
                        if (c == 0x07 || ++sequenceLength > MAX_SEQUENCE || c == '\n') {
                            state = TEXT;
                            if (c == '\n') {
                                i--;
                            }
                        } else if (c == ESC) {
                            state = OSC_ESC;
                        }
                        continue;
                    }
                    case OSC_ESC -> {
                        state = TEXT;
                        continue;
                    }
                    default -> {
                        // TEXT, below
                    }
                }
                if (c == '\r') {
                    pendingCr = true;
                    continue;
                }
                if (pendingCr) {
                    pendingCr = false;
                    if (c != '\n') {
                        out[o++] = '\n'; // a lone carriage return still ended a line
                    }
                }
                if (c == ESC) {
                    state = ESCAPE;
                } else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0))) {
                    out[o++] = c;
                }
            }
            return o;
        }
    }
}
