package dev.ecsdiag.classify.text;



/**
 * Takes off the prefixes that consoles, {@code dmesg}, syslog and the journal put in front of a
 * kernel message, keeping what they say apart (timestamp, level, caller id). Prefixes can stack,
 * e.g. {@code Jul 14 10:25:59 host kernel: <3>[   12.345678][ T1234] message}, so they are taken
 * off in a loop until none is left.
 *
 * <p>Recognised, each by a hand-written scanner (no regular expressions: this runs on every line):
 * <ul>
 *   <li>{@code <3>} printk level (also syslog priorities such as {@code <30>}: level = value &amp; 7);</li>
 *   <li>{@code [   12.345678]} printk timestamp, seconds since boot;</li>
 *   <li>{@code [ T1234]} / {@code [  C3]} printk caller id (CONFIG_PRINTK_CALLER);</li>
 *   <li>{@code [Tue Jul 14 10:25:59 2020]} {@code dmesg -T} date;</li>
 *   <li>{@code Jul 14 10:25:59 host ident[pid]: } syslog / journal (short, short-precise);</li>
 *   <li>{@code 2020-07-14T10:25:59.123456+00:00 host ident: } ISO timestamped journal / RFC 5424;</li>
 *   <li>{@code [   12.345678] host kernel: } journal with monotonic timestamps;</li>
 *   <li>{@code ** 5 printk messages dropped ** }.</li>
 * </ul>
 * For syslog and journal lines the {@code kernel:} ident is dropped; any other ident (e.g.
 * {@code systemd[1]:}) stays in the text, because it says who is talking.
 */
public final class LinePrefixes {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String DAYS = "MonTueWedThuFriSatSun";
    private static final int MAX_ROUNDS = 8;

    private LinePrefixes() {
    }

    public static ConsoleLine parse(long number, String s) {
        int p = loginPrompt(s);
        Double timestamp = null;
        Integer level = null;
        String caller = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (p >= s.length()) {
                break;
            }
            char c = s.charAt(p);
            int q;
            if (c == '<') {
                q = level(s, p);
                if (q > 0) {
                    level = Integer.valueOf(levelValue(s, p) & 7);
                    p = q;
                    continue;
                }
            } else if (c == '[') {
                q = timestampEnd(s, p);
                if (q > 0) {
                    timestamp = timestampValue(s, p + 1, q - 1);
                    p = skipOneSpace(s, q);
                    p = monotonicJournalHost(s, p);
                    continue;
                }
                q = callerEnd(s, p);
                if (q > 0) {
                    caller = s.substring(p + 1, q - 1).trim();
                    p = skipOneSpace(s, q);
                    continue;
                }
                q = dmesgDateEnd(s, p);
                if (q > 0) {
                    p = skipOneSpace(s, q);
                    continue;
                }
            } else if (c >= 'A' && c <= 'S') {
                q = syslogEnd(s, p);
                if (q > 0) {
                    p = q;
                    continue;
                }
            } else if (c >= '0' && c <= '9') {
                q = isoJournalEnd(s, p);
                if (q > 0) {
                    p = q;
                    continue;
                }
            } else if (c == '*') {
                q = droppedEnd(s, p);
                if (q > 0) {
                    p = q;
                    continue;
                }
            }
            break;
        }
        return new ConsoleLine(number, p == 0 ? s : s.substring(p), timestamp, level, caller);
    }

    /**
     * Whether the line starts with a prefix {@link #parse} would take off (or a prompt that
     * swallowed one): what a fresh kernel, syslog or journal line starts with.
     */
    public static boolean hasPrefix(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (c == '<') {
            return level(s, 0) > 0;
        }
        if (c == '[') {
            return timestampEnd(s, 0) > 0 || callerEnd(s, 0) > 0 || dmesgDateEnd(s, 0) > 0;
        }
        if (c >= 'A' && c <= 'S' && syslogEnd(s, 0) > 0) {
            return true;
        }
        if (c >= '0' && c <= '9' && isoJournalEnd(s, 0) > 0) {
            return true;
        }
        if (c == '*' && droppedEnd(s, 0) > 0) {
            return true;
        }
        return loginPrompt(s) > 0;
    }

    /**
     * A prompt never ends its line, so the next kernel message lands behind it: a login prompt
     * ({@code ecs login: [   50.946624] WARNING: ...}) or a shell prompt ({@code root@vm:~# [
     * 28.602988] watchdog: BUG: soft lockup ...}). Start after the prompt when it ends in
     * {@code :}, {@code #}, {@code $}, {@code >} or {@code %} and a space, and a printk timestamp
     * with its six decimals (as printk prints it) or a printk level follows.
     */
    private static int loginPrompt(String s) {
        if (s.isEmpty() || s.charAt(0) == '[' || s.charAt(0) == '<') {
            return 0;
        }
        for (int k = s.indexOf(' '); k > 0 && k < 512; k = s.indexOf(' ', k + 1)) {
            char before = s.charAt(k - 1);
            if (before != ':' && before != '#' && before != '$' && before != '>' && before != '%') {
                continue;
            }
            int p = k + 1;
            if (p >= s.length()) {
                return 0;
            }
            char c = s.charAt(p);
            if (c == '[') {
                int end = timestampEnd(s, p);
                if (end > 0 && end - 8 > p && s.charAt(end - 8) == '.') {
                    return p;
                }
            } else if (c == '<' && level(s, p) > 0) {
                int q = level(s, p);
                if (q < s.length() && s.charAt(q) == '[' && timestampEnd(s, q) > 0) {
                    return p;
                }
            }
        }
        return 0;
    }

    private static int skipOneSpace(String s, int p) {
        return p < s.length() && s.charAt(p) == ' ' ? p + 1 : p;
    }

    private static boolean digit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static int digits(String s, int i) {
        int j = i;
        while (j < s.length() && j - i < 20 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
        }
        return j;
    }

    private static int spaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** {@code <N>} with N up to 191 (syslog facility*8+level); returns the end, or -1. */
    private static int level(String s, int p) {
        int q = digits(s, p + 1);
        if (q == p + 1 || q - p - 1 > 3 || q >= s.length() || s.charAt(q) != '>') {
            return -1;
        }
        return levelValue(s, p) <= 191 ? q + 1 : -1;
    }

    private static int levelValue(String s, int p) {
        int v = 0;
        for (int i = p + 1; s.charAt(i) != '>'; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /** {@code [   12.345678]}: returns the index after ']', or -1. */
    private static int timestampEnd(String s, int p) {
        int i = spaces(s, p + 1);
        int q = digits(s, i);
        if (q == i || q >= s.length() || s.charAt(q) != '.') {
            return -1;
        }
        int r = digits(s, q + 1);
        if (r == q + 1 || r >= s.length() || s.charAt(r) != ']') {
            return -1;
        }
        return r + 1;
    }

    private static Double timestampValue(String s, int from, int to) {
        long whole = 0;
        long frac = 0;
        long scale = 1;
        boolean inFrac = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                inFrac = true;
            } else if (c >= '0' && c <= '9') {
                if (inFrac) {
                    if (scale < 1_000_000_000L) {
                        frac = frac * 10 + (c - '0');
                        scale *= 10;
                    }
                } else {
                    whole = whole * 10 + (c - '0');
                }
            }
        }
        return whole + (double) frac / scale;
    }

    /** {@code [ T1234]} or {@code [  C3]}: returns the index after ']', or -1. */
    private static int callerEnd(String s, int p) {
        int i = spaces(s, p + 1);
        if (i >= s.length() || s.charAt(i) != 'T' && s.charAt(i) != 'C') {
            return -1;
        }
        int q = digits(s, i + 1);
        if (q == i + 1 || q >= s.length() || s.charAt(q) != ']') {
            return -1;
        }
        return q + 1;
    }

    private static boolean word(String s, int i, String table) {
        if (i + 3 > s.length()) {
            return false;
        }
        for (int k = 0; k < table.length(); k += 3) {
            if (s.regionMatches(i, table, k, 3)) {
                return true;
            }
        }
        return false;
    }

    /** {@code hh:mm:ss}; returns the end or -1. */
    private static int clock(String s, int i) {
        if (i + 8 > s.length()) {
            return -1;
        }
        return digit(s, i) && digit(s, i + 1) && s.charAt(i + 2) == ':' && digit(s, i + 3) && digit(s, i + 4)
                && s.charAt(i + 5) == ':' && digit(s, i + 6) && digit(s, i + 7) ? i + 8 : -1;
    }

    /** {@code [Tue Jul 14 10:25:59 2020]}. */
    private static int dmesgDateEnd(String s, int p) {
        int i = p + 1;
        if (!word(s, i, DAYS) || i + 3 >= s.length() || s.charAt(i + 3) != ' ' || !word(s, i + 4, MONTHS)) {
            return -1;
        }
        i = spaces(s, i + 7);
        int q = digits(s, i);
        if (q == i || q - i > 2 || q >= s.length() || s.charAt(q) != ' ') {
            return -1;
        }
        int r = clock(s, q + 1);
        if (r < 0 || r >= s.length() || s.charAt(r) != ' ') {
            return -1;
        }
        int y = digits(s, r + 1);
        if (y - r - 1 != 4 || y >= s.length() || s.charAt(y) != ']') {
            return -1;
        }
        return y + 1;
    }

    /** {@code Jul 14 10:25:59[.123456] host ident[pid]: }. */
    private static int syslogEnd(String s, int p) {
        if (!word(s, p, MONTHS) || p + 3 >= s.length() || s.charAt(p + 3) != ' ') {
            return -1;
        }
        int i = spaces(s, p + 4);
        int q = digits(s, i);
        if (q == i || q - i > 2 || q >= s.length() || s.charAt(q) != ' ') {
            return -1;
        }
        int r = clock(s, q + 1);
        if (r < 0) {
            return -1;
        }
        if (r < s.length() && s.charAt(r) == '.') {
            r = digits(s, r + 1);
        }
        return hostAndIdent(s, r);
    }

    /** {@code 2020-07-14T10:25:59[.123456][Z|+00:00|+0000] host ident: }. */
    private static int isoJournalEnd(String s, int p) {
        if (p + 19 > s.length()) {
            return -1;
        }
        for (int k = 0; k < 10; k++) {
            boolean dash = k == 4 || k == 7;
            if (dash ? s.charAt(p + k) != '-' : !digit(s, p + k)) {
                return -1;
            }
        }
        char t = s.charAt(p + 10);
        if (t != 'T' && t != ' ') {
            return -1;
        }
        int r = clock(s, p + 11);
        if (r < 0) {
            return -1;
        }
        if (r < s.length() && (s.charAt(r) == '.' || s.charAt(r) == ',')) {
            r = digits(s, r + 1);
        }
        if (r < s.length() && s.charAt(r) == 'Z') {
            r++;
        } else if (r < s.length() && (s.charAt(r) == '+' || s.charAt(r) == '-')) {
            int z = digits(s, r + 1);
            if (z < s.length() && s.charAt(z) == ':') {
                z = digits(s, z + 1);
            }
            r = z;
        }
        return hostAndIdent(s, r);
    }

    /**
     * After a syslog/journal date: {@code " host ident: "}. The {@code kernel:} ident is consumed;
     * any other ident is left in the text. Returns the end or -1 if this is not that shape.
     */
    private static int hostAndIdent(String s, int r) {
        if (r >= s.length() || s.charAt(r) != ' ') {
            return -1;
        }
        int hostStart = r + 1;
        int hostEnd = hostStart;
        while (hostEnd < s.length() && s.charAt(hostEnd) != ' ' && hostEnd - hostStart < 256) {
            hostEnd++;
        }
        if (hostEnd == hostStart || hostEnd >= s.length()) {
            return -1;
        }
        int identStart = hostEnd + 1;
        int identEnd = identStart;
        while (identEnd < s.length() && s.charAt(identEnd) != ' ' && s.charAt(identEnd) != ':'
                && identEnd - identStart < 256) {
            identEnd++;
        }
        if (identEnd >= s.length() || s.charAt(identEnd) != ':' || identEnd == identStart) {
            return -1;
        }
        if (s.startsWith("kernel", identStart) && identEnd == identStart + 6) {
            return skipOneSpace(s, identEnd + 1);
        }
        return identStart;
    }

    /**
     * {@code journalctl -o short-monotonic} puts the host and ident after the timestamp:
     * {@code [   12.345678] host kernel: message}. Only the {@code kernel:} ident is recognised here,
     * so kernel text is never mistaken for a host name.
     */
    private static int monotonicJournalHost(String s, int p) {
        int space = s.indexOf(' ', p);
        if (space <= p || space - p > 255 || !s.startsWith(" kernel: ", space)) {
            return p;
        }
        for (int i = p; i < space; i++) {
            if (s.charAt(i) == ':' || s.charAt(i) == '[') {
                return p;
            }
        }
        return space + " kernel: ".length();
    }

    /** {@code ** 5 printk messages dropped ** }. */
    private static int droppedEnd(String s, int p) {
        if (!s.startsWith("** ", p)) {
            return -1;
        }
        int q = digits(s, p + 3);
        if (q == p + 3 || !s.startsWith(" printk messages dropped **", q)) {
            return -1;
        }
        return skipOneSpace(s, q + " printk messages dropped **".length());
    }
}
