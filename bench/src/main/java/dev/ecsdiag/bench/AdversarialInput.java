package dev.ecsdiag.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Console input built to hurt a line-oriented parser: huge lines, endless fragments, repeated
 * frames, reports that never end, bytes that are not text. Each kind grows to any size by
 * repeating a unit after an optional head, so its cost can be compared at 1x, 4x and 16x: a
 * parser without backtracking or quadratic buffering takes 4x and 16x the time.
 */
public enum AdversarialInput {

    /** Megabytes of ordinary words with no line end at all. */
    NO_NEWLINE("", "kernel: eth0 link up 1000Mbps full duplex flow control rx/tx "),
    /** Endless {@code [<ffffffff} fragments on one line, as a dying console prints half-written frames. */
    ADDRESS_FRAGMENTS("general protection fault: 0000 [#1] SMP\nCall Trace:\n", "[<ffffffff"),
    /** The same fragments, one per line. */
    ADDRESS_FRAGMENT_LINES("general protection fault: 0000 [#1] SMP\nCall Trace:\n", "[<ffffffff\n"),
    /** One crash whose call trace repeats the same stale frame (100k identical lines at 2 MB). */
    REPEATED_FRAMES("WARNING: CPU: 0 PID: 1 at kernel/foo.c:1 foo+0x1/0x2\nCall Trace:\n", " ? foo+0x1/0x2\n"),
    /** A single line made of {@code BUG: } over and over (10 MB at 16x of 640 KB). */
    BUG_LINE("", "BUG: "),
    /** A call trace that never ends, every frame different, with timestamps. */
    ENDLESS_CALL_TRACE("[    1.000000] BUG: unable to handle kernel paging request at ffffffffa0000000\n"
            + "[    1.000000] Call Trace:\n", null),
    /** NUL bytes and byte sequences that are not UTF-8, without line ends. */
    NUL_AND_INVALID_UTF8("", null),
    /** Long runs of carriage returns, no line feed. */
    CARRIAGE_RETURNS("", "\r"),
    /** A line of nothing but word characters: the classic trigger for {@code \w+}-style backtracking. */
    WORD_CHARACTERS("", "abcdefghij_klmnopqrs_tuvwxyz0123456789"),
    /** Printk timestamps over and over on one line. */
    TIMESTAMP_RUN("", "[   12.345678] "),
    /** ANSI escape sequences that never finish. */
    ANSI_FRAGMENTS("", "\u001b[1;31;"),
    /** A storm of WARNING headers, one per line: every line starts a report. */
    WARNING_STORM("", "WARNING: CPU: 1 PID: 4242 at mm/slub.c:4410 kfree+0x1a/0x2b0\n"),

    // Lines just under the reader's cut (8 KB): a pattern that backtracks within a line is bounded
    // by the cut, but at 8000 characters a quadratic pattern costs 64 M steps per line.

    /** Inside a report, line after line of 8000 word characters. */
    LONG_WORD_LINES(Heads.REPORT, "abcdefghij_klmnopqrs_tuvwxyz0123456789".repeat(210) + "\n"),
    /** Report headers whose function name is 7900 characters long. */
    LONG_HEADER_LINES("", "BUG: KASAN: use-after-free in " + "a".repeat(7900) + "\n"),
    /** Inside a call trace, frames that never complete: a huge name, then {@code +0x} and hex digits. */
    LONG_FRAME_LINES(Heads.REPORT, " ? " + "x".repeat(7000) + "+0x" + "f".repeat(900) + "\n"),
    /** Lines of 8000 spaces ending in one character. */
    LONG_SPACE_LINES("", " ".repeat(8000) + "x\n"),
    /** Timestamp and journal prefixes that never close. */
    LONG_PREFIX_LINES("", "[" + " ".repeat(4000) + "1".repeat(3000) + "\n" + "Nov 25 17:42:08 " + "h".repeat(7900) + "\n"),
    /** Inside a report, register lines of 8000 digits. */
    LONG_REGISTER_LINES(Heads.REPORT, "RAX: " + "0".repeat(7990) + "\n"),
    /**
     * Eight tasks (printk caller ids) each start a report, then go on printing stack-like lines of
     * 8 KB that are not UTF-8 (each byte decodes to U+FFFD, two bytes in a Java string), taking
     * turns: every report stays open and keeps what it reads.
     */
    OPEN_REPORTS_HOARD(hoardHead(), hoardUnit()),
    /**
     * One WARNING after another, each a header and a register line of 8 KB of bytes that are not
     * UTF-8: what a crash keeps of its first and last line must be bounded, or memory grows with the log.
     */
    CRASH_STORM_LONG_LINES("", "WARNING: CPU: 1 PID: 1 at a.c:1 f+0x1/0x2 " + "\u00ff".repeat(8100) + "\nRAX: "
            + "\u00ff".repeat(8100) + "\n"),
    /**
     * One WARNING after another, each with 60 frames whose function names are 8000 characters long
     * (kernel symbols are at most 512): what a crash keeps of its call trace must be bounded.
     */
    LONG_FRAME_NAMES("", longFrameReport()),
    /**
     * One WARNING after another, each with a call trace of 256 short frames: every crash keeps its
     * frames, about 200 bytes of heap for each 14-byte frame line, so what is kept per crash and the
     * number of crashes kept must together stay within a heap.
     */
    FRAME_STORM("", frameStormReport()),
    /** 8000-character lines of kernel words in a fixed shuffled order: headers, frames, prefixes, brackets. */
    LONG_TOKEN_LINES(Heads.REPORT, tokenLine());

    private static String longFrameReport() {
        StringBuilder sb = new StringBuilder("WARNING: CPU: 0 PID: 1 at kernel/foo.c:1 foo+0x1/0x2\nCall Trace:\n");
        for (int i = 0; i < 60; i++) {
            sb.append(' ').append(String.valueOf((char) ('a' + i % 26)).repeat(8000)).append("+0x1/0x2\n");
        }
        return sb.append("---[ end trace 0000000000000000 ]---\n").toString();
    }

    private static String frameStormReport() {
        StringBuilder sb = new StringBuilder("WARNING: CPU: 0 PID: 1 at kernel/foo.c:1 foo+0x1/0x2\nCall Trace:\n");
        for (int i = 0; i < 256; i++) {
            sb.append(" f").append(i).append("+0x1/0x2\n");
        }
        return sb.append("---[ end trace 0000000000000000 ]---\n").toString();
    }

    private static String hoardHead() {
        StringBuilder sb = new StringBuilder();
        for (int task = 1; task <= 8; task++) {
            sb.append("[    1.000000][    T").append(task).append("] BUG: KASAN: use-after-free in foo_").append(task)
                    .append("+0x1/0x2\n");
        }
        return sb.toString();
    }

    private static String hoardUnit() {
        StringBuilder sb = new StringBuilder();
        for (int task = 1; task <= 8; task++) {
            sb.append("[    1.000000][    T").append(task).append("]  ? ").append("\u00ff".repeat(8150)).append('\n');
        }
        return sb.toString();
    }

    private static String tokenLine() {
        String[] tokens = {"BUG: ", "WARNING: ", "Call Trace:", " ? ", "+0x", "/0x", "[<ffffffff", ">] ", "RIP: 0010:", "in ",
            "at ", "[ 1.0] ", "<4>", "kernel: ", "Comm: ", "PID: ", "CPU: ", " [", "]", "(", ")", ":", "foo", "__", "0",
            "Kernel panic - not syncing: ", "KASAN: ", "INFO: task ", " blocked for more than ", "---[ end trace "};
        SplittableRandom random = new SplittableRandom(8000);
        StringBuilder sb = new StringBuilder(8100);
        while (sb.length() < 8000) {
            sb.append(tokens[random.nextInt(tokens.length)]);
        }
        return sb.append('\n').toString();
    }


    /** Constants an enum constant's arguments can refer to (enum fields are not yet set then). */
    private static final class Heads {
        static final String REPORT = "WARNING: CPU: 0 PID: 1 at kernel/foo.c:1 foo+0x1/0x2\nCall Trace:\n";
    }

    private final String head;
    private final String unit;

    AdversarialInput(String head, String unit) {
        this.head = head;
        this.unit = unit;
    }

    /** The input of about {@code size} bytes (never less), deterministic for a kind and size. */
    public byte[] bytes(int size) {
        try (InputStream in = stream(size)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: generated in memory
        }
    }

    /**
     * The input as a stream of about {@code size} bytes (never less), made while it is read, so
     * inputs larger than the heap can be fed to the classifier. Strings are taken as ISO-8859-1:
     * one char, one byte, so {@code \u00ff} is the byte 0xFF.
     */
    public InputStream stream(long size) {
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        Supplier<byte[]> pieces = switch (this) {
            case ENDLESS_CALL_TRACE -> new Supplier<>() {
                private long n;
                private final StringBuilder sb = new StringBuilder(128);

                @Override
                public byte[] get() {
                    sb.setLength(0);
                    sb.append("[    1.").append(100000 + n % 900000).append("]  func_").append(n)
                            .append("+0x").append(Long.toHexString(16 + n % 4000)).append("/0x1000 [mod_")
                            .append(n % 97).append("]\n");
                    n++;
                    return sb.toString().getBytes(StandardCharsets.US_ASCII);
                }
            };
            case NUL_AND_INVALID_UTF8 -> {
                byte[] alphabet = {0x00, (byte) 0xC3, 0x28, (byte) 0xE2, (byte) 0x82, (byte) 0xF0, (byte) 0x9F,
                    (byte) 0xFF, (byte) 0xFE, (byte) 0x80, (byte) 0xC0, (byte) 0xED, (byte) 0xA0, 0x00, 0x00};
                SplittableRandom random = new SplittableRandom(size);
                byte[] block = new byte[8192];
                yield () -> {
                    for (int i = 0; i < block.length; i++) {
                        block[i] = alphabet[random.nextInt(alphabet.length)];
                    }
                    return block;
                };
            }
            default -> {
                byte[] u = unit.getBytes(StandardCharsets.ISO_8859_1);
                byte[] block = new byte[Math.max(u.length, 8192 / u.length * u.length)];
                for (int i = 0; i + u.length <= block.length; i += u.length) {
                    System.arraycopy(u, 0, block, i, u.length);
                }
                yield () -> block;
            }
        };
        return new PieceStream(h, pieces, size);
    }

    /** The head, then pieces from the supplier, until at least {@code size} bytes were given. */
    private static final class PieceStream extends InputStream {
        private final Supplier<byte[]> pieces;
        private final long size;
        private long given;
        private byte[] piece;
        private int pos;

        PieceStream(byte[] head, Supplier<byte[]> pieces, long size) {
            this.pieces = pieces;
            this.size = size;
            this.piece = head;
        }

        private boolean fill() {
            while (pos >= piece.length) {
                if (given >= size) {
                    return false;
                }
                piece = pieces.get();
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            given++;
            return piece[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, piece.length - pos);
            System.arraycopy(piece, pos, b, off, n);
            pos += n;
            given += n;
            return n;
        }
    }
}
