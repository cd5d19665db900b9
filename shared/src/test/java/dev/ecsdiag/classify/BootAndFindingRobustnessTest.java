package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.text.ConsoleLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and mutated logs: the boot and finding analyzers never throw, and what they report
 * stays consistent (boots in order, stages rising, bounded lists). Seeds are fixed, so a failure
 * reproduces; the seed is in the assertion message.
 */
class BootAndFindingRobustnessTest {

    /** Real lines of every kind the tables know, to mutate and splice. */
    private static final List<String> MATERIAL = material();

    private static List<String> material() {
        List<String> lines = new ArrayList<>();
        for (String log : List.of(BootAnalyzerTest.DEBIAN_BOOT, FindingAnalyzerTest.GLOBAL_OOM)) {
            lines.addAll(List.of(log.split("\n")));
        }
        lines.addAll(List.of(
                "SeaBIOS (version 1.16.2-debian-1.16.2-1)", "Booting from Hard Disk...", "grub rescue> ",
                "error: file `/boot/vmlinuz' not found.", "[  OK  ] Reached target emergency.target - Emergency Mode.",
                "[    2.6] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100",
                "[    2.2] VFS: Cannot open root device \"vda\" or unknown-block(0,0): error -6",
                "[  191.2] dracut-initqueue[312]: Warning: dracut-initqueue timeout - starting timeout scripts",
                "/dev/vda1: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.", "(initramfs) ", "root@host:~# ",
                "[  120.5] reboot: Restarting system", "[  200.0] reboot: Power down",
                "[  623.1] blk_update_request: I/O error, dev vdb, sector 2048 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0",
                "[   95.1] nvme nvme0: I/O 23 QID 2 timeout, aborting",
                "[  401.3] XFS (vdb1): Log I/O Error (0x2) detected at xlog_ioend_work+0x6e/0x70 [xfs] (fs/xfs/xfs_log.c:1378).  Shutting down filesystem.",
                "[  512.1] EXT4-fs error (device vda1): ext4_find_entry:1463: inode #2: comm ls: reading directory lblock 0",
                "[  512.2] Aborting journal on device vda1-8.", "[  512.4] EXT4-fs (vda1): Remounting filesystem read-only",
                "[ 2345.6] sd 2:0:0:0: [sdb] tag#3 Sense Key : Medium Error [current]",
                "[ 4021.1] Memory cgroup out of memory: Killed process 2231 (stress) total-vm:532564kB, anon-rss:523892kB, file-rss:1044kB, shmem-rss:0kB, UID:1000 pgtables:1072kB oom_score_adj:0",
                "Jul 14 10:25:59 host kernel: [    0.0] Linux version 5.10.0-28-amd64 (x@y) (gcc) #1 SMP",
                "<3>[    1.0] [  T123] EXT4-fs (vda1): I/O error while writing superblock"));
        return List.copyOf(lines);
    }

    private static String mutate(String line, Random r) {
        StringBuilder b = new StringBuilder(line);
        int edits = r.nextInt(4);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(6)) {
                case 0 -> b.setCharAt(at, (char) r.nextInt(0x250));
                case 1 -> b.deleteCharAt(at);
                case 2 -> b.insert(at, MATERIAL.get(r.nextInt(MATERIAL.size())));
                case 3 -> b.setLength(at);
                case 4 -> b.insert(at, "\u001b[" + r.nextInt(100) + (r.nextBoolean() ? "m" : ""));
                default -> b.insert(at, "(((((((((([<ffffffff".repeat(1 + r.nextInt(50)));
            }
        }
        return b.toString();
    }

    private static List<ConsoleLine> randomLog(Random r, int lines) {
        List<ConsoleLine> log = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            String text;
            int pick = r.nextInt(10);
            if (pick < 6) {
                text = MATERIAL.get(r.nextInt(MATERIAL.size()));
            } else if (pick < 9) {
                text = mutate(MATERIAL.get(r.nextInt(MATERIAL.size())), r);
            } else {
                char[] junk = new char[r.nextInt(300)];
                for (int j = 0; j < junk.length; j++) {
                    junk[j] = (char) r.nextInt(r.nextBoolean() ? 128 : 0xFFFF);
                }
                text = new String(junk);
            }
            Double ts = r.nextInt(3) == 0 ? r.nextDouble() * 1000 : null;
            log.add(new ConsoleLine(i + 1, text, ts, null, null));
        }
        return log;
    }

    @Test
    void randomAndMutatedLogsNeverBreakTheAnalyzers() {
        for (long seed = 1; seed <= 300; seed++) {
            Random r = new Random(seed);
            List<ConsoleLine> log = randomLog(r, 1 + r.nextInt(400));
            BootAnalyzer boots = ConsoleLines.feed(new BootAnalyzer(), log);
            FindingAnalyzer findings = ConsoleLines.feed(new FindingAnalyzer(), log);
            List<Boot> list = boots.boots();
            String why = "seed " + seed;
            assertThat(list).as(why).isNotEmpty();
            int previousEnd = 0;
            for (int i = 0; i < list.size(); i++) {
                Boot b = list.get(i);
                assertThat(b.index()).as(why).isEqualTo(i);
                assertThat(b.startLine()).as(why).isEqualTo(previousEnd + 1);
                assertThat(b.endLine()).as(why).isGreaterThanOrEqualTo(b.startLine());
                previousEnd = b.endLine();
                for (int m = 1; m < b.milestones().size(); m++) {
                    assertThat(b.milestones().get(m).stage()).as(why).isGreaterThan(b.milestones().get(m - 1).stage());
                }
                assertThat(b.endedBy()).as(why).isIn("running", "reboot", "panic", "halt");
                assertThat(boots.bootOfLine(b.startLine())).as(why).isEqualTo(i);
                assertThat(boots.bootOfLine(b.endLine())).as(why).isEqualTo(i);
            }
            assertThat(previousEnd).as(why).isEqualTo(log.size());
            List<Finding> found = findings.findings(boots::bootOfLine);
            assertThat(found.size()).as(why).isLessThanOrEqualTo(FindingAnalyzer.MAX_FINDINGS);
            assertThat(found).as(why).allSatisfy(f -> {
                assertThat(f.title()).isNotBlank();
                assertThat(f.line()).isBetween(1, log.size());
            });
            assertThat(Verdicts.decide(list, List.of(), found)).as(why).isNotNull();
        }
    }

    @Test
    void linesWithoutEndOrOfEndlessFragmentsAreHandled() {
        List<ConsoleLine> log = List.of(
                new ConsoleLine(1, "[<ffffffff".repeat(200_000), null, null, null),
                new ConsoleLine(2, "Linux version ".repeat(100_000), null, null, null),
                new ConsoleLine(3, "XFS (" + "(".repeat(500_000), null, null, null),
                new ConsoleLine(4, "Welcome to " + "x".repeat(1_000_000) + "!", null, null, null),
                new ConsoleLine(5, "/ # " + "#".repeat(100_000), null, null, null));
        BootAnalyzer boots = ConsoleLines.feed(new BootAnalyzer(), log);
        FindingAnalyzer findings = ConsoleLines.feed(new FindingAnalyzer(), log);
        assertThat(boots.boots()).hasSize(1);
        assertThat(findings.findings(l -> 0)).isEmpty();
    }
}
