package dev.ecsdiag.ecs;

import java.io.BufferedReader;
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
        try (InputStream in = Files.newInputStream(raw);
             Writer out = new BufferedWriter(Files.newBufferedWriter(text, StandardCharsets.UTF_8), 1 << 16)) {
            return convert(in, out);
        }
    }

    public static long convert(InputStream raw, Writer out) throws IOException {
        // InputStreamReader replaces malformed UTF-8 with U+FFFD rather than failing
        Reader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16);
        long written = 0;
        boolean pendingCr = false;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\r') {
                pendingCr = true;
                continue;
            }
            if (pendingCr) {
                pendingCr = false;
                if (c != '\n') {
                    out.write('\n'); // a lone carriage return still ended a line
                    written++;
                }
            }
            if (c == ESC) {
                skipEscape(in);
                continue;
            }
            if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0))) {
                out.write(c);
                written++;
            }
        }
        if (pendingCr) {
            out.write('\n');
            written++;
        }
        return written;
    }

    /** Skips a terminal escape sequence: CSI ({@code ESC [ ... final}), OSC ({@code ESC ] ... BEL}), or ESC + one character. */
    private static void skipEscape(Reader in) throws IOException {
        in.mark(256);
        int next = in.read();
        if (next == '[') {
            for (int i = 0; i < 64; i++) {
                int c = in.read();
                if (c < 0 || (c >= 0x40 && c <= 0x7E)) {
                    return;
                }
            }
        } else if (next == ']') {
            for (int i = 0; i < 200; i++) {
                int c = in.read();
                if (c < 0 || c == 0x07) {
                    return;
                }
                if (c == ESC) {
                    in.read(); // ESC \ ends it too
                    return;
                }
            }
        } else if (next == '\n' || next == '\r') {
            in.reset(); // a stray ESC at a line end: keep the line break
        }
    }
}
