package dev.ecsdiag.classify.robustness;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * Hands out its bytes in reads of random short lengths (1 to 17 bytes, sometimes 0 from a
 * zero-length request), as pipes and sockets do, so a reader's buffer boundaries fall inside
 * every construct: CR LF pairs, UTF-8 sequences, prefixes.
 */
final class ChoppyInputStream extends InputStream {

    private final byte[] data;
    private final SplittableRandom random;
    private int pos;

    ChoppyInputStream(byte[] data, long seed) {
        this.data = data;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
        return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos >= data.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, 1 + random.nextInt(17)), data.length - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return 0; // a pipe that promises nothing
    }
}
