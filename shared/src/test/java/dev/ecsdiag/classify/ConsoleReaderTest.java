package dev.ecsdiag.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdiag.classify.text.ConsoleLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReaderTest {

    static List<ConsoleLine> read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes));
    }

    static List<ConsoleLine> read(InputStream in) throws IOException {
        ConsoleReader reader = new ConsoleReader(in);
        List<ConsoleLine> lines = new ArrayList<>();
        for (ConsoleLine l = reader.next(); l != null; l = reader.next()) {
            lines.add(l);
        }
        return lines;
    }

    static List<ConsoleLine> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void crlfLoneCrAndCrCrLfEndLinesAndNumbersCountLineFeeds() throws IOException {
        List<ConsoleLine> lines = read("one\r\ntwo\r\r\nthree\rover\nfour\nlast");
        assertEquals(List.of("one", "two", "three", "over", "four", "last"), lines.stream().map(ConsoleLine::text).toList());
        assertEquals(List.of(1L, 2L, 3L, 3L, 4L, 5L), lines.stream().map(ConsoleLine::number).toList());
    }

    @Test
    void emptyLinesAreKeptSoNumbersStayTrue() throws IOException {
        List<ConsoleLine> lines = read("a\n\n\nb\n");
        assertEquals(4, lines.size());
        assertEquals(4L, lines.get(3).number());
        assertEquals("b", lines.get(3).text());
    }

    @Test
    void ansiEscapesAndControlCharactersAreRemoved() throws IOException {
        List<ConsoleLine> lines = read("\u001b[0;31mred\u001b[0m \u001b]0;title\u0007ok\u0000\u0001\u007f\u001b(Bdone\tend");
        assertEquals("red okdone end", lines.get(0).text());
    }

    /**
     * systemd ellipsizes a status line without regard to its colour escapes (a real capture:
     * {@code device ESC[0;1;… ESC[0m - /dev/disk/by-label/labdata.}): an escape cut short by a byte
     * that cannot belong to it ends there, and that byte, the ellipsis, and the next escape are read
     * as what they are.
     */
    @Test
    void anEscapeCutShortEndsWhereItWasCut() throws IOException {
        List<ConsoleLine> lines = read("[ TIME ] Timed out waiting for device \u001b[0;1;\u2026\u001b[0m - /dev/disk/by-label/labdata.\r\n"
                + "\u001b[0;1\u001b[0;31mred\u001b[0m\n\u001b(\u001b[1mbold\n");
        assertEquals("[ TIME ] Timed out waiting for device \u2026 - /dev/disk/by-label/labdata.", lines.get(0).text());
        assertEquals("red", lines.get(1).text());
        assertEquals("bold", lines.get(2).text());
    }

    @Test
    void invalidUtf8IsDecodedLenientlyAndValidUtf8Kept() throws IOException {
        byte[] bytes = {'a', (byte) 0xff, (byte) 0xc3, 'b', ' ', (byte) 0xc3, (byte) 0xa9, '\n'};
        ConsoleLine line = read(bytes).get(0);
        assertTrue(line.text().startsWith("a\uFFFD"), line.text());
        assertTrue(line.text().endsWith(" \u00e9"), line.text());
    }

    @Test
    void printkTimestampCallerIdAndLevelAreTakenOff() throws IOException {
        ConsoleLine line = read("<3>[   12.345678][ T1234] BUG: something\n").get(0);
        assertEquals("BUG: something", line.text());
        assertEquals(12.345678, line.timestamp(), 1e-9);
        assertEquals(3, line.level());
        assertEquals("T1234", line.caller());

        ConsoleLine cpu = read("[ 9080.453689][  C3] NMI backtrace for cpu 3").get(0);
        assertEquals("C3", cpu.caller());
        assertEquals("NMI backtrace for cpu 3", cpu.text());
    }

    @Test
    void indentationAfterTheTimestampIsKept() throws IOException {
        assertEquals(" ? tcp_close+0x2a/0x60", read("[    1.000000]  ? tcp_close+0x2a/0x60").get(0).text());
    }

    @Test
    void syslogPrefixIsTakenOffAndTheKernelIdentDropped() throws IOException {
        ConsoleLine line = read("Jul 14 10:25:59 web-3 kernel: [   12.345678] Call Trace:").get(0);
        assertEquals("Call Trace:", line.text());
        assertEquals(12.345678, line.timestamp(), 1e-9);
        ConsoleLine user = read("Jul  4 10:25:59 web-3 systemd[1]: Started Journal Service.").get(0);
        assertEquals("systemd[1]: Started Journal Service.", user.text());
        assertNull(user.timestamp());
    }

    @Test
    void linesFiledByALogDaemonAreMarkedFiledAndTheirHeaderIsNoLoginPrompt() throws IOException {
        ConsoleLine kernLog = read("Dec  4 10:31:06 lab kernel: [    0.000000] Linux version 6.1.0-56-amd64 (x@y) #1").get(0);
        assertEquals("Linux version 6.1.0-56-amd64 (x@y) #1", kernLog.text());
        assertEquals(0.0, kernLog.timestamp(), 1e-9);
        assertTrue(kernLog.filed());
        ConsoleLine prompted = read("Jul 14 10:25:59 ecs-vm-7 kernel: syzkaller login: [   50.946624] WARNING: CPU: 0 PID: 1").get(0);
        assertEquals("WARNING: CPU: 0 PID: 1", prompted.text());
        assertTrue(prompted.filed());
        assertTrue(read("2024-01-02T03:04:05+08:00 vm-1 kernel: Oops").get(0).filed());
        assertTrue(read("[   12.345678] ecs-vm-1 kernel: Call Trace:").get(0).filed());
        assertFalse(read("[   12.345678] Call Trace:").get(0).filed(), "a console line");
        assertFalse(read("syzkaller login: [   50.946624] WARNING: x").get(0).filed(), "a console line");
    }

    @Test
    void isoJournalAndShortPrecisePrefixesAreTakenOff() throws IOException {
        assertEquals("WARNING: CPU: 0 PID: 1 at mm/page_alloc.c:4000 __alloc_pages+0x1/0x2",
                read("2020-07-14T10:25:59.123456+0000 host kernel: WARNING: CPU: 0 PID: 1 at mm/page_alloc.c:4000 "
                        + "__alloc_pages+0x1/0x2").get(0).text());
        assertEquals("Oops", read("2024-01-02T03:04:05+08:00 vm-1 kernel: Oops").get(0).text());
        assertEquals("Oops", read("Jul 14 10:25:59.123456 vm-1 kernel: Oops").get(0).text());
    }

    @Test
    void monotonicJournalPrefixIsTakenOffButKernelTextIsNot() throws IOException {
        ConsoleLine line = read("[   12.345678] ecs-vm-1 kernel: Call Trace:").get(0);
        assertEquals("Call Trace:", line.text());
        assertEquals(12.345678, line.timestamp(), 1e-9);
        assertEquals("Booting paravirtualized kernel on KVM",
                read("[    0.000000] Booting paravirtualized kernel on KVM").get(0).text());
    }

    @Test
    void dmesgHumanDatesAreTakenOff() throws IOException {
        ConsoleLine line = read("[Tue Jul 14 10:25:59 2020] general protection fault: 0000 [#1] SMP").get(0);
        assertEquals("general protection fault: 0000 [#1] SMP", line.text());
        assertEquals("x", read("[Sun Jan  5 01:02:03 2025] x").get(0).text());
    }

    @Test
    void syslogPriorityMapsToPrintkLevel() throws IOException {
        assertEquals(3, read("<11>hello").get(0).level()); // facility user (1), level err (3)
        assertEquals("<EOI>", read("<EOI>").get(0).text());
        assertNull(read("<EOI>").get(0).level());
    }

    @Test
    void droppedMessagesMarkerAndLoginPromptAreTakenOff() throws IOException {
        assertEquals("BUG: x", read("** 12 printk messages dropped ** [    3.000001] BUG: x").get(0).text());
        ConsoleLine line = read("syzkaller login: [   50.946624] WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2").get(0);
        assertTrue(line.text().startsWith("WARNING: CPU"), line.text());
        assertEquals(50.946624, line.timestamp(), 1e-9);
        ConsoleLine shell = read("root@lab:~# \u001b[6n[   28.602988] watchdog: BUG: soft lockup - CPU#0 stuck for 26s!").get(0);
        assertEquals("watchdog: BUG: soft lockup - CPU#0 stuck for 26s!", shell.text());
        assertEquals(28.602988, shell.timestamp(), 1e-9);
        assertEquals("echo: [   1.000] x", read("echo: [   1.000] x").get(0).text());
    }

    @Test
    void aHugeLineIsCutNotBufferedAndTheNextLineIsIntact() throws IOException {
        int size = 10 * 1024 * 1024;
        InputStream in = new InputStream() {
            int pos;
            final byte[] tail = "\nnext line\n".getBytes(StandardCharsets.US_ASCII);

            @Override
            public int read() {
                if (pos < size) {
                    pos++;
                    return 'x';
                }
                int i = pos++ - size;
                return i < tail.length ? tail[i] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) c;
                }
                return n;
            }
        };
        ConsoleReader reader = new ConsoleReader(in);
        ConsoleLine big = reader.next();
        assertEquals(ConsoleReader.MAX_LINE_BYTES, big.text().length());
        ConsoleLine next = reader.next();
        assertEquals("next line", next.text());
        assertEquals(2L, next.number());
        assertNull(reader.next());
        assertEquals(1, reader.truncatedLines());
        assertEquals(size + 11L, reader.bytes());
    }

    @Test
    void aTimestampInsideTheTextIsNotAPrefix() throws IOException {
        assertEquals("foo [   1.000] bar", read("foo [   1.000] bar").get(0).text());
        assertNull(read("foo [   1.000] bar").get(0).timestamp());
    }

    /** {@code line} cut into rows of {@code width} characters, as a terminal of that width shows it. */
    private static String wrapped(String line, int width) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i += width) {
            out.append(line, i, Math.min(line.length(), i + width)).append('\n');
        }
        return out.toString();
    }

    /** A timestamped line padded with spaces after the timestamp to exactly {@code length} characters. */
    private static String lineOf(int length, String text) {
        String prefix = "[   12.345678] ";
        return prefix + " ".repeat(length - prefix.length() - text.length()) + text;
    }

    @Test
    void aFrameCutByAn80ColumnTerminalIsJoinedAndLaterLinesKeepTheirNumbers() throws IOException {
        String frame = lineOf(86, " ? __x64_sys_fcntl+0x90/0xc0");
        String log = wrapped(frame, 80) + "[   12.345679]  do_syscall_64+0x3b/0x90\n";
        assertEquals(3, log.split("\n").length, "the frame is cut in two");
        List<ConsoleLine> lines = read(log);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).text().endsWith(" ? __x64_sys_fcntl+0x90/0xc0"), lines.get(0).text());
        assertEquals(1L, lines.get(0).number());
        assertEquals(12.345678, lines.get(0).timestamp(), 1e-9);
        assertEquals("do_syscall_64+0x3b/0x90", lines.get(1).text().trim());
        assertEquals(3L, lines.get(1).number());
    }

    @Test
    void aHeaderCutTwiceAt120ColumnsIsJoinedWhole() throws IOException {
        String header = "BUG: unable to handle page fault for address: ffffc90000b7f000 "
                + "x".repeat(200) + " end";
        String log = "<1>[  100.000001] " + header;
        assertEquals(3, wrapped(log, 120).split("\n").length);
        String text = wrapped(log, 120) + "<1>[  100.000002] #PF: supervisor read access in kernel mode\n";
        List<ConsoleLine> lines = read(text);
        assertEquals(2, lines.size());
        assertEquals(header, lines.get(0).text());
        assertEquals(1, lines.get(0).level());
        assertEquals(4L, lines.get(1).number());
    }

    @Test
    void aLineOfExactly80CharactersFollowedByATimestampedLineIsNotJoined() throws IOException {
        String full = lineOf(80, "RIP: 0010:fcntl_setlk+0x5c/0x3c0");
        List<ConsoleLine> lines = read(full + "\n[   12.400000] Code: 48 89 e5\n");
        assertEquals(2, lines.size());
        assertEquals("Code: 48 89 e5", lines.get(1).text());
        assertEquals(2L, lines.get(1).number());
    }

    @Test
    void fullWidthLinesAreNotJoinedWhenTheNextLineCouldBeFresh() throws IOException {
        String full = lineOf(80, "some message");
        String unprefixed = "x".repeat(80);
        String register = "[   12.345678] R13: 0000000000000000 R14: 00007ffffffff000 R15: 000000002001be51";
        assertEquals(80, register.length());
        List<String> cases = List.of(
                full + "\n<4>next message\n",                                // printk level
                full + "\nJul 14 10:25:59 vm kernel: next\n",                 // syslog header
                full + "\n2020-07-14T10:25:59.123456+00:00 vm kernel: next\n", // ISO journal
                full + "\necs login: [   50.946624] WARNING: next\n",         // prompt that swallowed a line
                full + "\n\nrest\n",                                          // an empty line between
                full + "\n" + "y".repeat(81) + "\n",                           // longer than the row
                full + "\rrest\n",                                            // lone CR: an overwrite
                full + "\n2017/12/25 06:06:21 executing program 6:\n",        // syzkaller's Go log line
                lineOf(79, "seventy-nine") + "\nrest\n",                       // not a terminal width
                lineOf(81, "eighty-one") + "\nrest\n",
                unprefixed + "\nrest\n",                                       // a log without prefixes
                register + "\nexecuting program\n");                          // complete at 80 columns
        for (String text : cases) {
            List<ConsoleLine> lines = read(text);
            assertTrue(lines.size() >= 2, text);
            assertEquals(text.split("[\r\n]", -1)[0].replaceFirst("^\\[   12\\.345678\\] ", ""), lines.get(0).text(),
                    text);
        }
    }

    @Test
    void aRowOf80ThenOneOf120IsJoinedOnlyAtTheFirstWidth() throws IOException {
        // pieces of one wrapped line all share the first piece's width; a 120-character piece ends it
        String first = lineOf(80, "start");
        String second = "z".repeat(80);
        String third = "w".repeat(40);
        List<ConsoleLine> lines = read(first + "\n" + second + "\n" + third + "\n");
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).text().endsWith("start" + second + third));
        List<ConsoleLine> notJoined = read(first + "\n" + "q".repeat(120) + "\n");
        assertEquals(2, notJoined.size());
    }

    @Test
    void atMostEightContinuationsAreJoined() throws IOException {
        StringBuilder log = new StringBuilder(lineOf(80, "start")).append('\n');
        for (int i = 0; i < 12; i++) {
            log.append(String.valueOf((char) ('a' + i)).repeat(80)).append('\n');
        }
        log.append("[   13.000000] after\n");
        ConsoleReader reader = new ConsoleReader(new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)));
        ConsoleLine joined = reader.next();
        assertEquals(80 * 9, joined.text().length() + "[   12.345678] ".length());
        assertEquals(1L, joined.number());
        ConsoleLine rest = reader.next();
        assertEquals("i".repeat(80), rest.text());
        assertEquals(10L, rest.number());
        assertEquals(List.of(11L, 12L, 13L, 14L), List.of(reader.next().number(), reader.next().number(),
                reader.next().number(), reader.next().number()));
        assertNull(reader.next());
        assertEquals(8, reader.joinedLines());
        assertEquals(14, reader.lines());
    }
}
