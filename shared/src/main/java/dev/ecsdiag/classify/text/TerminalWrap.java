package dev.ecsdiag.classify.text;

/**
 * Decides whether a console line was cut by a terminal. A log captured through a terminal
 * ({@code script(1)}, a tmux capture, a serial console viewer) has its long lines cut at a fixed
 * width, so a frame {@code ? __x64_sys_fcntl+0x90/0xc0} may arrive as {@code ? __x64_sys_fcntl+0x90/0}
 * and, on the next line, {@code xc0}.
 *
 * <p>The rule is conservative; it joins only when a fresh line would look different:
 * <ul>
 *   <li>the line is exactly one of the common terminal widths long (counted before prefixes are
 *       taken off, after escapes are removed);</li>
 *   <li>it carries a prefix (printk timestamp or level, syslog or journal header...), so the log is
 *       one whose fresh lines carry prefixes. In a log without them a wrapped remainder cannot be
 *       told from a new message, so nothing is joined;</li>
 *   <li>it is not a line known to be complete at that width (an x86 register line);</li>
 *   <li>the next line carries no such prefix (nor the date of Go's log, which syzkaller's own lines
 *       start with), is not empty and is not longer than the width (what a terminal moved to the
 *       next row cannot be).</li>
 * </ul>
 * The reader checks that the two lines are LF-separated and bounds the number of continuations.
 */
public final class TerminalWrap {

    /** At most this many physical lines are appended to one line (8 x 256 columns covers 1 KB printk lines). */
    public static final int MAX_CONTINUATIONS = 8;

    private TerminalWrap() {
    }

    /** Whether a line of this many characters filled a whole row of a common terminal. */
    public static boolean isTerminalWidth(int length) {
        return switch (length) {
            case 80, 100, 120, 132, 160, 200, 240, 256 -> true;
            default -> false;
        };
    }

    /**
     * Whether a full-width raw line may have been cut: it has a prefix (so fresh lines can be told
     * apart from continuations) and is not a line known to be complete at that width. An x86
     * register line ({@code R13: 0000000000000000 R14: ... R15: ...}) behind a 15-character printk
     * timestamp is exactly 80 characters long; in syzkaller's logs the program's own output often
     * follows it without a prefix.
     */
    public static boolean mayBeWrapped(String raw) {
        if (!LinePrefixes.hasPrefix(raw)) {
            return false;
        }
        String text = LinePrefixes.parse(0, raw).text();
        return !isRegisterLine(text);
    }

    /** Whether {@code next} is the rest of a line of {@code width} characters. */
    public static boolean continues(String next, int width) {
        return !next.isEmpty() && next.length() <= width && !LinePrefixes.hasPrefix(next) && !goLogDate(next);
    }

    /** Only {@code NAM: 16 hex digits} groups separated by one space, as x86 dumps registers. */
    static boolean isRegisterLine(String text) {
        int n = text.length();
        if (n == 0) {
            return false;
        }
        int i = 0;
        while (true) {
            if (i + 21 > n || text.charAt(i + 3) != ':' || text.charAt(i + 4) != ' ') {
                return false;
            }
            for (int k = i + 5; k < i + 21; k++) {
                if (Character.digit(text.charAt(k), 16) < 0) {
                    return false;
                }
            }
            i += 21;
            if (i == n) {
                return true;
            }
            if (text.charAt(i) != ' ') {
                return false;
            }
            i++;
        }
    }

    /**
     * {@code 2017/12/25 06:06:21 }: Go's log date, which syzkaller's executor and manager lines
     * start with; a fresh line, never the rest of a kernel line.
     */
    static boolean goLogDate(String s) {
        if (s.length() < 20) {
            return false;
        }
        for (int k = 0; k < 19; k++) {
            char c = s.charAt(k);
            boolean ok = switch (k) {
                case 4, 7 -> c == '/';
                case 10 -> c == ' ';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return s.charAt(19) == ' ';
    }
}
