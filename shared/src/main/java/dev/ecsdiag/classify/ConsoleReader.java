package dev.ecsdiag.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits console bytes into normalized lines. PLACEHOLDER: the classifier work replaces this
 * naive version (UTF-8, LF only, no prefix stripping) with the real normalizer.
 */
public final class ConsoleReader {

    private final InputStream in;
    private long number;
    private long bytes;

    public ConsoleReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of input. */
    public ConsoleLine next() throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            bytes++;
            if (b == '\n') {
                break;
            }
            buf.write(b);
        }
        if (!any) {
            return null;
        }
        number++;
        return new ConsoleLine(number, buf.toString(StandardCharsets.UTF_8).replace("\r", ""), null, null, null);
    }

    public long lines() {
        return number;
    }

    public long bytes() {
        return bytes;
    }
}
