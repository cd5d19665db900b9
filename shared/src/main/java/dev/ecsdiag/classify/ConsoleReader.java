package dev.ecsdiag.classify;

import dev.ecsdiag.classify.text.ConsoleLine;
import dev.ecsdiag.classify.text.LinePrefixes;
import dev.ecsdiag.classify.text.TerminalWrap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits console bytes into normalized {@link ConsoleLine}s, streaming, in bounded memory.
 *
 * <p>Works on bytes, not characters, so that it never throws on what real consoles produce:
 * <ul>
 *   <li>line ends: LF, CRLF, CR CR LF and a lone CR (a terminal overwrite) all end a line; line
 *       numbers count LFs, so they match what {@code grep -n} and editors show for the original file
 *       (the pieces of a line split by a lone CR share its number);</li>
 *   <li>ANSI escape sequences (CSI, OSC, two-byte escapes) are removed, so are NUL, DEL and the other
 *       C0 control characters; TAB becomes a space;</li>
 *   <li>bytes are decoded as UTF-8 leniently (malformed sequences become U+FFFD);</li>
 *   <li>a line longer than {@link #MAX_LINE_BYTES} keeps its first part only: the rest is counted, not
 *       buffered, so a 10 MB line without a newline costs 8 KB;</li>
 *   <li>a line a terminal wrapped at a fixed width is joined again ({@link TerminalWrap} decides,
 *       conservatively); the joined line keeps the number of its first physical line;</li>
 *   <li>the prefixes consoles and log files add are taken off by {@link LinePrefixes}.</li>
 * </ul>
 */
public final class ConsoleReader {

    /** Longest part of one line that is kept; kernel lines are at most 1 KB (LOG_LINE_MAX). */
    public static final int MAX_LINE_BYTES = 8192;
    /** An escape sequence longer than this is garbage, not an escape: give up and keep the text. */
    private static final int MAX_ESCAPE_BYTES = 64;

    private static final int TEXT = 0;
    private static final int ESC = 1;
    private static final int CSI = 2;
    private static final int STRING = 3;     // OSC, DCS, PM, APC: until BEL or ESC '\'
    private static final int STRING_ESC = 4;
    private static final int INTERMEDIATE = 5; // ESC ( B and friends

    private final InputStream in;
    private byte[] chunk;
    private int chunkPos;
    private int chunkLen;
    private boolean eof;

    private byte[] line = new byte[512]; // grows up to MAX_LINE_BYTES
    private int lineLen;
    private boolean lineAscii = true;
    private long droppedBytes;
    private boolean lineHasBytes;
    private long lineNumber = 1;      // physical (LF-counted) line the current line started on
    private long physical = 1;        // physical line the reader is on
    private boolean afterCr;
    private int escState = TEXT;
    private int escLen;

    private long bytes;
    private long linesEmitted;
    private long lastNumber;
    private long truncatedLines;
    private long joinedLines;

    public ConsoleReader(InputStream in) {
        this.in = in;
    }

    // one raw line of lookahead, read to see whether the line before it was wrapped
    private String pending;
    private long pendingNumber;
    private long rawNumber;           // number of the raw line nextRaw() returned last

    /** The next line, or null at the end of input. */
    public ConsoleLine next() throws IOException {
        String raw;
        long number;
        if (pending != null) {
            raw = pending;
            number = pendingNumber;
            pending = null;
        } else {
            raw = nextRaw();
            if (raw == null) {
                return null;
            }
            number = rawNumber;
        }
        int width = raw.length();
        if (TerminalWrap.isTerminalWidth(width) && TerminalWrap.mayBeWrapped(raw)) {
            raw = joinContinuations(raw, number, width);
        }
        return LinePrefixes.parse(number, raw);
    }

    /**
     * Appends the physical lines that continue {@code first} (which is exactly {@code width}
     * characters long), at most {@link TerminalWrap#MAX_CONTINUATIONS} of them and never beyond
     * {@link #MAX_LINE_BYTES}. The first line that does not continue it is kept for the next call.
     */
    private String joinContinuations(String first, long number, int width) throws IOException {
        StringBuilder joined = null;
        long lastPiece = number;
        int pieceLength = width;
        for (int k = 0; k < TerminalWrap.MAX_CONTINUATIONS && pieceLength == width; k++) {
            String piece = nextRaw();
            if (piece == null) {
                break;
            }
            int length = joined == null ? first.length() : joined.length();
            // a lone CR (same number) is an overwrite, not a wrap; only LF-separated pieces join
            if (rawNumber != lastPiece + 1 || length + piece.length() > MAX_LINE_BYTES
                    || !TerminalWrap.continues(piece, width)) {
                pending = piece;
                pendingNumber = rawNumber;
                break;
            }
            if (joined == null) {
                joined = new StringBuilder(width * 2).append(first);
            }
            joined.append(piece);
            lastPiece = rawNumber;
            pieceLength = piece.length();
            joinedLines++;
        }
        return joined == null ? first : joined.toString();
    }

    /** The next physical line before prefixes are taken off, or null at the end of input. */
    private String nextRaw() throws IOException {
        while (true) {
            if (chunkPos == chunkLen) {
                if (eof || !fill()) {
                    eof = true;
                    if (lineHasBytes) {
                        return emit();
                    }
                    return null;
                }
            }
            final byte[] c = chunk;
            final int end = chunkLen;
            int i = chunkPos;
            while (i < end) {
                int b = c[i++] & 0xff;
                if (afterCr) {
                    if (b == '\n') {
                        afterCr = false;
                        physical++;
                        lineNumber = physical;
                        continue;
                    }
                    if (b == '\r') {
                        continue;
                    }
                    afterCr = false;
                }
                if (b == '\n') {
                    chunkPos = i;
                    String result = emit();
                    physical++;
                    lineNumber = physical;
                    return result;
                }
                if (b == '\r') {
                    chunkPos = i;
                    afterCr = true;
                    String result = emit();
                    lineNumber = physical;
                    return result;
                }
                lineHasBytes = true;
                if (escState != TEXT && escape(b)) {
                    continue;
                }
                // not in an escape, or the escape ended without taking this byte: it is text (or a new escape)
                if (b >= 0x20 && b < 0x7f) {
                    // Fast path: a run of printable ASCII is copied in one go.
                    int runStart = i - 1;
                    while (i < end) {
                        byte x = c[i];
                        if (x < 0x20 || x == 0x7f) { // negative (non-ASCII) bytes end the run too
                            break;
                        }
                        i++;
                    }
                    appendRun(c, runStart, i - runStart);
                    continue;
                }
                if (b < 0x20 || b == 0x7f) {
                    if (b == 0x1b) {
                        escState = ESC;
                        escLen = 0;
                    } else if (b == '\t') {
                        append(' ');
                    }
                    continue;
                }
                append(b);
            }
            chunkPos = i;
        }
    }

    private boolean fill() throws IOException {
        if (chunk == null) {
            // small inputs (a byte array of a few KB) need no 64 KB buffer
            chunk = new byte[Math.max(4096, Math.min(1 << 16, in.available()))];
        }
        int n = in.read(chunk, 0, chunk.length);
        while (n == 0) {
            n = in.read(chunk, 0, chunk.length);
        }
        if (n < 0) {
            return false;
        }
        bytes += n;
        chunkPos = 0;
        chunkLen = n;
        return true;
    }

    private void appendRun(byte[] src, int from, int len) {
        int room = MAX_LINE_BYTES - lineLen;
        int n = Math.min(room, len);
        ensure(lineLen + n);
        System.arraycopy(src, from, line, lineLen, n);
        lineLen += n;
        droppedBytes += len - n;
    }

    private void ensure(int size) {
        if (size > line.length) {
            line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(size, line.length * 2)));
        }
    }

    private void append(int b) {
        if (lineLen < MAX_LINE_BYTES) {
            ensure(lineLen + 1);
            line[lineLen++] = (byte) b;
            if (b >= 0x80) {
                lineAscii = false;
            }
        } else {
            droppedBytes++;
        }
    }

    /**
     * Feeds one byte to the escape sequence being read.
     *
     * @return false when the byte cannot belong to it: the sequence ends there and the byte is read as
     *         text. systemd ellipsizes status lines without regard to escapes
     *         ({@code ESC [ 0 ; 1 ; … ESC [ 0 m}): the ellipsis and the next escape must survive.
     */
    private boolean escape(int b) {
        if (++escLen > MAX_ESCAPE_BYTES) {
            escState = TEXT;
            return true;
        }
        switch (escState) {
            case ESC -> {
                if (b == '[') {
                    escState = CSI;
                } else if (b == ']' || b == 'P' || b == 'X' || b == '^' || b == '_') {
                    escState = STRING;
                } else if (b >= 0x20 && b <= 0x2f) {
                    escState = INTERMEDIATE;
                } else {
                    escState = TEXT; // two-byte escape such as ESC 7, ESC c
                }
            }
            case CSI -> {
                // parameters and intermediates 0x20-0x3f, then one final byte 0x40-0x7e
                if (b >= 0x40 && b <= 0x7e) {
                    escState = TEXT;
                } else if (b < 0x20 || b > 0x7e) {
                    escState = TEXT; // cut short: this byte is not part of it
                    return false;
                }
            }
            case INTERMEDIATE -> {
                if (b < 0x20 || b > 0x7e) {
                    escState = TEXT;
                    return false;
                }
                if (b > 0x2f) {
                    escState = TEXT; // the final byte: ESC ( B
                }
            }
            case STRING -> {
                if (b == 0x07) {
                    escState = TEXT;
                } else if (b == 0x1b) {
                    escState = STRING_ESC;
                }
            }
            case STRING_ESC -> escState = b == '\\' ? TEXT : STRING;
            default -> escState = TEXT;
        }
        return true;
    }

    private String emit() {
        String raw = lineLen == 0 ? ""
                : new String(line, 0, lineLen, lineAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        if (droppedBytes > 0) {
            truncatedLines++;
        }
        long number = lineNumber;
        lastNumber = number;
        lineLen = 0;
        lineAscii = true;
        droppedBytes = 0;
        lineHasBytes = false;
        escState = TEXT;
        linesEmitted++;
        rawNumber = number;
        return raw;
    }

    /** Number of physical (LF-separated) lines read so far. */
    public long lines() {
        return lastNumber;
    }

    public long bytes() {
        return bytes;
    }

    /** Number of physical lines appended to the line before them as terminal-wrap continuations. */
    public long joinedLines() {
        return joinedLines;
    }

    /** Number of lines whose end was dropped because they exceeded {@link #MAX_LINE_BYTES}. */
    public long truncatedLines() {
        return truncatedLines;
    }
}
