package dev.ecsdiag.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.crash.ParserMemory;
import dev.ecsdiag.classify.crash.StackFrame;
import dev.ecsdiag.classify.text.ConsoleLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrashAnalyzerTest {

    /** A NULL pointer dereference as a 6.1 x86-64 kernel prints it (lkdtm). */
    static final String NULL_DEREF = """
            [  120.123456] BUG: kernel NULL pointer dereference, address: 0000000000000000
            [  120.123500] #PF: supervisor write access in kernel mode
            [  120.123510] #PF: error_code(0x0002) - not-present page
            [  120.123520] PGD 0 P4D 0
            [  120.123530] Oops: 0002 [#1] PREEMPT SMP NOPTI
            [  120.123540] CPU: 3 PID: 4242 Comm: bash Tainted: G           OE      6.1.0-18-amd64 #1  Debian 6.1.76-1
            [  120.123550] Hardware name: Alibaba Cloud Alibaba Cloud ECS, BIOS 449e491 04/01/2014
            [  120.123560] RIP: 0010:lkdtm_WRITE_KERN+0x1a/0x30 [lkdtm]
            [  120.123570] Code: 00 00 00 0f 1f 44 00 00 48 c7 c7 60 <c6> 04 25 00 00 00 00 00 c3
            [  120.123580] RSP: 0018:ffffb1a0c0c4fd68 EFLAGS: 00010246
            [  120.123590] RAX: 0000000000000000 RBX: 0000000000000000 RCX: 0000000000000000
            [  120.123600] RDX: 0000000000000000 RSI: ffffffffc0a1b2c0 RDI: 0000000000000000
            [  120.123610] Call Trace:
            [  120.123620]  <TASK>
            [  120.123630]  ? __die+0x23/0x70
            [  120.123640]  ? page_fault_oops+0x171/0x4e0
            [  120.123650]  lkdtm_do_action+0x19/0x30 [lkdtm]
            [  120.123660]  direct_entry+0x10c/0x160 [lkdtm]
            [  120.123670]  full_proxy_write+0x58/0x80
            [  120.123680]  vfs_write+0xf8/0x400
            [  120.123690]  ksys_write+0x6f/0xf0
            [  120.123700]  do_syscall_64+0x5b/0xc0
            [  120.123710]  entry_SYSCALL_64_after_hwframe+0x64/0xce
            [  120.123720]  </TASK>
            [  120.123730] Modules linked in: lkdtm(OE) nls_ascii
            [  120.123740] CR2: 0000000000000000
            [  120.123750] ---[ end trace 0000000000000000 ]---
            """;

    static final String WARNING = """
            [  200.000001] ------------[ cut here ]------------
            [  200.000002] WARNING: CPU: 1 PID: 77 at mm/page_alloc.c:5534 __alloc_pages+0x2c9/0x370
            [  200.000003] Modules linked in: xfs
            [  200.000004] CPU: 1 PID: 77 Comm: kworker/1:1 Not tainted 6.1.0-18-amd64 #1
            [  200.000005] RIP: 0010:__alloc_pages+0x2c9/0x370
            [  200.000006] Call Trace:
            [  200.000007]  <TASK>
            [  200.000008]  alloc_pages+0x90/0x1a0
            [  200.000009]  xfs_buf_alloc_pages+0x8e/0x260 [xfs]
            [  200.000010]  xfs_buf_get_map+0x1a8/0x2f0 [xfs]
            [  200.000011]  process_one_work+0x1c7/0x380
            [  200.000012]  </TASK>
            [  200.000013] ---[ end trace 0000000000000000 ]---
            """;

    static List<Crash> crashes(String log) throws IOException {
        return new ConsoleClassifier().classify(log.getBytes(StandardCharsets.UTF_8)).crashes();
    }

    @Test
    void aNullPointerDereferenceIsTitledByTheFaultingFunctionAndItsFactsRead() throws IOException {
        List<Crash> crashes = crashes("[    0.000000] Linux version 6.1.0-18-amd64\n" + NULL_DEREF);
        assertEquals(1, crashes.size());
        Crash c = crashes.get(0);
        assertEquals("BUG: unable to handle kernel NULL pointer dereference in lkdtm_WRITE_KERN", c.title());
        assertEquals("NULL-POINTER-DEREFERENCE", c.type());
        assertEquals("lkdtm_WRITE_KERN", c.guiltyFrame());
        assertTrue(c.altTitles().contains("bad-access in lkdtm_WRITE_KERN"), c.altTitles().toString());
        assertFalse(c.corrupted(), c.corruptedReason());
        assertEquals(2, c.startLine());
        assertEquals(28, c.endLine());
        assertEquals(3, c.cpu());
        assertEquals(4242, c.pid());
        assertEquals("bash", c.command());
        assertEquals("G           OE", c.taint());
        assertEquals("6.1.0-18-amd64", c.kernelRelease());
        assertEquals("Alibaba Cloud Alibaba Cloud ECS, BIOS 449e491 04/01/2014", c.hardware());
        assertEquals("RIP: 0010:lkdtm_WRITE_KERN+0x1a/0x30 [lkdtm]", c.rip());
        assertEquals("0018:ffffb1a0c0c4fd68", c.registers().get("RSP"));
        assertEquals(null, c.registers().get("PID"));
        assertEquals("0000000000000000", c.registers().get("RAX"));
        StackFrame first = c.callTrace().get(0);
        assertEquals("__die", first.function());
        assertFalse(first.reliable());
        StackFrame action = c.callTrace().get(2);
        assertEquals("lkdtm_do_action", action.function());
        assertEquals("0x19", action.offset());
        assertEquals("0x30", action.size());
        assertEquals("lkdtm", action.module());
        assertTrue(action.reliable());
        assertEquals(18, action.line());
        assertEquals("BUG: kernel NULL pointer dereference, address: 0000000000000000", c.firstLine());
        assertEquals("---[ end trace 0000000000000000 ]---", c.lastLine());
        assertFalse(c.panicked());
    }

    @Test
    void everyCrashOfTheLogIsReportedInOrder() throws IOException {
        List<Crash> crashes = crashes(WARNING + "[  300.1] random: crng init done\n" + NULL_DEREF);
        assertEquals(2, crashes.size());
        assertEquals("WARNING in xfs_buf_get_map", crashes.get(0).title());
        assertEquals("WARNING", crashes.get(0).type());
        assertEquals("BUG: unable to handle kernel NULL pointer dereference in lkdtm_WRITE_KERN", crashes.get(1).title());
        assertTrue(crashes.get(0).endLine() < crashes.get(1).startLine());
    }

    @Test
    void crashesKnowTheirBoot() {
        String log = "[    0.000000] Linux version 6.1.0 (gcc) #1 SMP\n" + WARNING
                + "[    0.000000] Linux version 6.1.0 (gcc) #1 SMP\n" + NULL_DEREF;
        List<Long> bannerLines = new ArrayList<>();
        CrashAnalyzer analyzer = new CrashAnalyzer(new ParserMemory());
        try {
            ConsoleReader reader = new ConsoleReader(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
            for (ConsoleLine l = reader.next(); l != null; l = reader.next()) {
                if (l.text().startsWith("Linux version")) {
                    bannerLines.add(l.number());
                }
                analyzer.accept(l);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        analyzer.finish();
        List<Crash> crashes = analyzer.crashes(line -> (int) bannerLines.stream().filter(b -> b <= line).count() - 1);
        assertEquals(List.of(0, 1), crashes.stream().map(Crash::boot).toList());
    }

    @Test
    void aTruncatedReportIsMarkedCorrupted() throws IOException {
        String cut = """
                [   10.000001] general protection fault, probably for non-canonical address 0xdffffc0000000000: 0000 [#1]
                [   10.000002] CPU: 0 PID: 1 Comm: init Not tainted 6.1.0 #1
                [   10.000003] RIP: 0010:ext4_fill_super+0x1234/0x5678
                [   10.000004] Call Trace:
                """;
        Crash c = crashes(cut).get(0);
        assertEquals("general protection fault in ext4_fill_super", c.title());
        assertTrue(c.corrupted());
        assertNotNull(c.corruptedReason());

        Crash headerOnly = crashes("[   10.0] BUG: KASAN: use-after-free in tcp_close+0x2a/0x60\n").get(0);
        assertTrue(headerOnly.corrupted());
    }

    @Test
    void aPanicAfterTheOopsMarksItInsteadOfAddingACrash() throws IOException {
        String log = NULL_DEREF + "[  120.2] Kernel panic - not syncing: Fatal exception\n"
                + "[  120.3] Kernel Offset: disabled\n";
        List<Crash> crashes = crashes(log);
        assertEquals(1, crashes.size());
        assertTrue(crashes.get(0).panicked());
    }

    @Test
    void aPanicLongAfterAnEarlierReportIsACrashOfItsOwn() throws IOException {
        StringBuilder log = new StringBuilder(WARNING);
        for (int i = 0; i < 200; i++) {
            log.append("[  201.").append(i).append("] systemd[1]: Starting unit ").append(i).append('\n');
        }
        log.append("[  300.000000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n");
        List<Crash> crashes = crashes(log.toString());
        assertEquals(2, crashes.size());
        assertFalse(crashes.get(0).panicked());
        assertEquals("kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)", crashes.get(1).title());
        assertEquals("DoS", crashes.get(1).type());
    }

    @Test
    void journalPrefixedReportsKeepTheirCallTrace() throws IOException {
        StringBuilder journal = new StringBuilder();
        for (String line : WARNING.split("\n")) {
            journal.append("Jul 14 10:25:59 ecs-vm-1 kernel: ").append(line).append('\n');
        }
        Crash c = crashes(journal.toString()).get(0);
        assertEquals("WARNING in xfs_buf_get_map", c.title());
        assertEquals(4, c.callTrace().size());
        assertFalse(c.corrupted(), c.corruptedReason());
        StringBuilder iso = new StringBuilder();
        for (String line : NULL_DEREF.split("\n")) {
            iso.append("2026-11-25T10:25:59.123456+00:00 ecs-vm-1 kernel: ").append(line.substring(15)).append('\n');
        }
        Crash d = crashes(iso.toString()).get(0);
        assertEquals("BUG: unable to handle kernel NULL pointer dereference in lkdtm_WRITE_KERN", d.title());
        assertEquals(9, d.callTrace().size());
    }

    @Test
    void theSignatureGroupsTheSameCrashAcrossBuildsAndSeparatesOthers() throws IOException {
        Crash a = crashes(NULL_DEREF).get(0);
        Crash b = crashes(NULL_DEREF.replace("0x1a/0x30", "0x2b/0x40").replace("120.", "999.")
                .replace("4242", "17")).get(0);
        Crash w = crashes(WARNING).get(0);
        assertEquals(a.signature(), b.signature());
        assertNotEquals(a.signature(), w.signature());
        assertEquals(16, a.signature().length());
    }

    @Test
    void userSpaceLinesInterleavedWithoutTimestampsDoNotBreakTheReport() throws IOException {
        StringBuilder log = new StringBuilder();
        for (String line : WARNING.split("\n")) {
            log.append(line).append('\n').append("Starting foo.service...\n");
        }
        Crash c = crashes(log.toString()).get(0);
        assertEquals("WARNING in xfs_buf_get_map", c.title());
    }

    @Test
    void aLogWithoutCrashesHasNone() throws IOException {
        assertTrue(crashes("""
                [    0.000000] Linux version 6.1.0
                [    1.000000] WARNING: workqueue cpumask: online intersect > possible intersect
                [    2.000000] EXT4-fs (vda1): mounted filesystem with ordered data mode
                [    3.000000] INFO: lockdep is turned off.
                Debian GNU/Linux 12 ecs ttyS0

                ecs login:
                """).isEmpty());
    }
}
