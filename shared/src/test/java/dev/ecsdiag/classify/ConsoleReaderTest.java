package dev.ecsdiag.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
