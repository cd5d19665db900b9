package dev.ecsdiag.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

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
    WARNING_STORM("", "WARNING: CPU: 1 PID: 4242 at mm/slub.c:4410 kfree+0x1a/0x2b0\n");

    private final String head;
    private final String unit;

    AdversarialInput(String head, String unit) {
        this.head = head;
        this.unit = unit;
    }

    /** The input of about {@code size} bytes (never less), deterministic for a kind and size. */
    public byte[] bytes(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 256);
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        out.write(h, 0, h.length);
        switch (this) {
            case ENDLESS_CALL_TRACE -> {
                long n = 0;
                StringBuilder sb = new StringBuilder(128);
                while (out.size() < size) {
                    sb.setLength(0);
                    sb.append("[    1.").append(100000 + n % 900000).append("]  func_").append(n)
                            .append("+0x").append(Long.toHexString(16 + n % 4000)).append("/0x1000 [mod_")
                            .append(n % 97).append("]\n");
                    byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
                    out.write(b, 0, b.length);
                    n++;
                }
            }
            case NUL_AND_INVALID_UTF8 -> {
                byte[] alphabet = {0x00, (byte) 0xC3, 0x28, (byte) 0xE2, (byte) 0x82, (byte) 0xF0, (byte) 0x9F,
                    (byte) 0xFF, (byte) 0xFE, (byte) 0x80, (byte) 0xC0, (byte) 0xED, (byte) 0xA0, 0x00, 0x00};
                SplittableRandom random = new SplittableRandom(size);
                byte[] block = new byte[8192];
                while (out.size() < size) {
                    for (int i = 0; i < block.length; i++) {
                        block[i] = alphabet[random.nextInt(alphabet.length)];
                    }
                    out.write(block, 0, block.length);
                }
            }
            default -> {
                byte[] u = unit.getBytes(StandardCharsets.UTF_8);
                byte[] block = new byte[Math.max(u.length, 8192 / u.length * u.length)];
                for (int i = 0; i + u.length <= block.length; i += u.length) {
                    System.arraycopy(u, 0, block, i, u.length);
                }
                while (out.size() < size) {
                    out.write(block, 0, block.length);
                }
            }
        }
        return out.toByteArray();
    }
}
