package dev.ecsdiag.classify.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrashPartsTest {

    @Test
    void frameLinesOfEachArchitectureAreRead() {
        StackFrame x86 = FrameLine.parse(" tcp_close+0x2a/0x60 net/ipv4/tcp.c:2180", 7);
        assertEquals("tcp_close", x86.function());
        assertEquals("0x2a", x86.offset());
        assertEquals("0x60", x86.size());
        assertNull(x86.module());
        assertTrue(x86.reliable());
        assertEquals(7, x86.line());

        StackFrame old = FrameLine.parse(" [<ffffffff81234567>] ? ext4_map_blocks.isra.3+0x10/0x80 [ext4]", 1);
        assertEquals("ext4_map_blocks.isra.3", old.function());
        assertEquals("ext4", old.module());
        assertFalse(old.reliable());
        assertEquals("ext4_map_blocks", FrameLine.baseName(old.function()));

        StackFrame ppc = FrameLine.parse("[c00000000012f4a0] [c000000000a1b2c4] dump_stack+0xb0/0xf0 (unreliable)", 1);
        assertEquals("dump_stack", ppc.function());
        assertFalse(ppc.reliable());

        String arm = "[<802e12b8>] (trace_hardirqs_off) from [<80100a74>] (__dabt_svc+0x54/0xa0)";
        assertEquals(List.of("trace_hardirqs_off", "__dabt_svc"), FrameLine.titleNames(arm));
    }

    @Test
    void linesThatAreNotFramesAreNot() {
        assertNull(FrameLine.parse(" __dump_stack lib/dump_stack.c:77 [inline]", 1));
        assertNull(FrameLine.parse("RIP: 0010:foo+0x1/0x2", 1));
        assertNull(FrameLine.parse("6.1.0-rc1+ #1 Not tainted", 1));
        assertNull(FrameLine.parse("ext4_fill_super.c:123", 1));
        assertNull(FrameLine.parse("[<ffffffff[<ffffffff[<ffffffff", 1));
    }

    @Test
    void mangledSymbolsAreDemangled() {
        assertEquals("<rust_binder::node::Node>::update_refcount_locked", FrameLine.demangle(
                "_RNvMs0_NtCshgDM7dBCdno_11rust_binder4nodeNtB5_4Node22update_refcount_locked"));
        assertEquals("__rustc::rust_begin_unwind", FrameLine.demangle("_RNvCscSpY9Juk0HT_7___rustc17rust_begin_unwind"));
        assertEquals("fakeName", FrameLine.demangle("_Z8fakeNameiii"));
        assertEquals("ns::func", FrameLine.demangle("_ZN2ns4funcEv"));
        assertEquals("plain_c_function", FrameLine.demangle("plain_c_function"));
    }

    @Test
    void hostileMangledSymbolsFailFast() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertNull(RustSymbols.demangle("_R" + "IB_".repeat(5000)));
            assertNull(RustSymbols.demangle("_RNvB_3foo"));
            assertNull(RustSymbols.demangle("_RC999999999999"));
            StringBuilder nested = new StringBuilder("_R");
            for (int i = 0; i < 500; i++) {
                nested.append("INvC1a1b");
            }
            RustSymbols.demangle(nested.toString()); // any answer, but quickly
        });
    }

    @Test
    void titlesAreCanonical() {
        TitleCanon canon = new TitleCanon();
        assertEquals("WARNING in foo", canon.canonical("WARNING in foo+0x12/0x34"));
        assertEquals("kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)",
                canon.canonical("kernel panic: VFS: Unable to mount root fs on unknown-block(0,0)"));
        assertEquals("KASAN: wild-memory-access Read in ADDR", canon.canonical("KASAN: wild-memory-access Read in ffff888012345678"));
        assertEquals("INFO: task syz-executor blocked", canon.canonical("INFO: task syz-executor.3:1234 blocked"));
        assertEquals("WARNING in a/b.c:LINE", canon.canonical("WARNING in a/b.c:123"));
        assertEquals(120, canon.canonical("x".repeat(500)).length());
        assertEquals("a b", canon.canonical("a\t\u0001 b"));
    }

    @Test
    void stackStartsAreReadFromOneTableByKind() {
        assertEquals(StackStart.CALL_TRACE, StackStart.of(" Call Trace:"));
        assertEquals(StackStart.CALL_TRACE, StackStart.of("Call trace:"));
        assertEquals(StackStart.ALLOCATED_BY_TASK, StackStart.of("Allocated by task 5301:"));
        assertEquals(StackStart.FREED_BY_TASK, StackStart.of("Freed by task 5301:"));
        assertNull(StackStart.of("Freed by task of mine"), "a task number and colon are required");
        assertEquals(StackStart.BACKTRACE, StackStart.of("  backtrace (crc 3f2a1b4c):"));
        assertNull(StackStart.of("stack backtrace:"), "lockdep's stack backtrace is part of its report");
        assertEquals(StackStart.UNINIT_STORED, StackStart.of("Uninit was stored to memory at:"));
        assertEquals(StackStart.RISCV_REGISTERS_END, StackStart.of(
                "status: 0000000000000120 badaddr: 0000000000000000 cause: 000000000000000f"));
        assertFalse(StackStart.RISCV_REGISTERS_END.framesFollow());
        assertTrue(StackStart.CALL_TRACE.framesFollow());
        assertNull(StackStart.of("WARNING: CPU: 0 PID: 1 at mm/page_alloc.c:4000"));
    }

    @Test
    void headerScanFindsKeywordsAnywhereAndHonoursSuppressions() {
        HeaderScanner scanner = new HeaderScanner(OopsTable.GROUPS);
        assertEquals("kernel BUG", group(scanner, "kernel BUG at fs/ext4/inode.c:123!"));
        assertEquals("BUG:", group(scanner, "watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [kworker/1:1:77]"));
        assertEquals("INFO:", group(scanner, "rcu: INFO: rcu_sched self-detected stall on CPU"));
        assertEquals("general protection fault",
                group(scanner, "general protection fault, probably for non-canonical address 0xdffffc0000000000"));
        assertEquals("Kernel panic", group(scanner, "Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b"));
        assertNull(group(scanner, "WARNING: workqueue cpumask: online intersect > possible intersect"));
        assertNull(group(scanner, "INFO: lockdep is turned off."));
        assertNull(group(scanner, "EXT4-fs (vda1): WARNING: mounting fs with errors"));
        assertNull(group(scanner, " tcp_close+0x2a/0x60 net/ipv4/tcp.c:2180"));
        assertNull(group(scanner, "skb_panic: text"));
        assertNull(group(scanner, "main.c:3:10: fatal error: foo.h: No such file or directory"));
        assertEquals("fatal error:", group(scanner, "fatal error: runtime: out of memory"));
    }

    private static String group(HeaderScanner scanner, String line) {
        int g = scanner.find(line);
        return g < 0 ? null : scanner.group(g).header();
    }

    @Test
    void categoriesFollowTitles() {
        assertEquals("KASAN-USE-AFTER-FREE-READ", CrashTypes.of("KASAN: use-after-free Read in tcp_close"));
        assertEquals("HANG", CrashTypes.of("INFO: task hung in jbd2_journal_commit_transaction"));
        assertEquals("LOCKDEP", CrashTypes.of("possible deadlock in rtnl_lock"));
        assertEquals("DoS", CrashTypes.of("kernel panic: Attempted to kill init!"));
        assertEquals("BUG", CrashTypes.of("kernel BUG in lkdtm_BUG"));
        assertEquals("WARNING", CrashTypes.of("WARNING in __alloc_pages"));
        assertNull(CrashTypes.of("BUG: stack guard page was hit in foo"));
    }

    @Test
    void everyRowTitleStartsWithItsGroupKeyword() {
        for (OopsGroup g : OopsTable.GROUPS) {
            for (OopsFormat f : g.formats()) {
                assertTrue(RegexLiteral.leadingLiteral(f.title().pattern()).startsWith(g.header()),
                        f.title().pattern() + " does not start with " + g.header());
            }
        }
    }

    @Test
    void literalPrefixesOfRowPatterns() {
        assertEquals("BUG: KASAN: ", RegexLiteral.leadingLiteral("BUG: KASAN: ([a-z]+) in"));
        assertEquals("WARNING: ", RegexLiteral.leadingLiteral("WARNING: .*lib/x"));
        assertEquals("BU", RegexLiteral.leadingLiteral("BUG?"));
        assertEquals("", RegexLiteral.leadingLiteral("(?i)warning"));
    }
}
