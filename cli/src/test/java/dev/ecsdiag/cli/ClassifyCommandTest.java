package dev.ecsdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecsdiag classify} through {@link Main#run}, with standard streams captured. */
class ClassifyCommandTest {

    static final String HEALTHY = """
            [    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.153-1 (2025-09-20)
            [    0.000000] Command line: console=tty0 console=ttyS0,115200 root=/dev/vda1
            [    1.269834] Trying to unpack rootfs image as initramfs...
            [    2.506588] Run /init as init process

            Debian GNU/Linux 12 lab ttyS0

            lab login: root (automatic login)
            """;

    static final String OOM = HEALTHY + """
            [  112.201841] tail invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0
            [  112.232011] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=tail,pid=97,uid=0
            [  112.233320] Out of memory: Killed process 97 (tail) total-vm:85820kB, anon-rss:81224kB, file-rss:4kB, shmem-rss:0kB, UID:0 pgtables:212kB oom_score_adj:0
            """;

    /** A login, then lkdtm's BUG (the QEMU lab's Debian 6.1 kernel), CRLF line ends as on a serial console. */
    static final String OOPS = (HEALTHY + """
            [    2.912548] lkdtm: Performing direct entry BUG
            [    2.919503] ------------[ cut here ]------------
            [    2.922337] kernel BUG at drivers/misc/lkdtm/bugs.c:78!
            [    2.925654] invalid opcode: 0000 [#1] PREEMPT SMP NOPTI
            [    2.928373] CPU: 0 PID: 94 Comm: sh Tainted: G           OE      6.1.0-56-amd64 #1  Debian 6.1.192-2
            [    2.929105] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014
            [    2.929105] RIP: 0010:lkdtm_BUG+0x5/0x10 [lkdtm]
            [    2.929105] RSP: 0018:ff5f7c4fc0403c50 EFLAGS: 00000282
            [    2.929105] RAX: ffffffffc02a7620 RBX: 0000000000000004 RCX: c0000000ffffefff
            [    2.929105] Call Trace:
            [    2.929105]  <TASK>
            [    2.929105]  direct_entry.cold+0x18/0x24 [lkdtm]
            [    2.929105]  full_proxy_write+0x53/0x80
            [    2.929105]  vfs_write+0xc7/0x3f0
            [    2.929105]  ? do_set_pte+0x189/0x1d0
            [    2.929105]  ksys_write+0x6b/0xf0
            [    2.929105]  do_syscall_64+0x5d/0xb0
            [    2.929105]  ? do_fault+0x1a7/0x410
            [    2.929105]  ? __handle_mm_fault+0x660/0xfa0
            [    2.929105]  entry_SYSCALL_64_after_hwframe+0x6e/0xd8
            [    2.929105]  </TASK>
            [    2.929105] Modules linked in: lkdtm(OE)
            [    3.060727] ---[ end trace 0000000000000000 ]---
            """).replace("\n", "\r\n");

    static final String NO_ROOT = """
            [    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12) #1 SMP PREEMPT_DYNAMIC Debian 6.1.153-1 (2025-09-20)
            [    2.291734] VFS: Cannot open root device "vda" or unknown-block(0,0): error -6
            [    2.294000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)
            """;

    /** A hung task whose guilty function the compiler split: its frame is {@code direct_entry.cold.36}. */
    static final String HUNG_COLD = HEALTHY + """
            [   21.162160] INFO: task sh:95 blocked for more than 10 seconds.
            [   21.166941]       Tainted: G           OE      6.1.0-56-amd64 #1 Debian 6.1.192-2
            [   21.174200] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
            [   21.177318] task:sh              state:D stack:0     pid:95    ppid:93     flags:0x00000002
            [   21.180322] Call Trace:
            [   21.199145]  <TASK>
            [   21.210533]  __schedule+0x34d/0xa00
            [   21.222129]  schedule+0x5a/0xd0
            [   21.229028]  direct_entry.cold.36+0x18/0x24 [lkdtm]
            [   21.231795]  full_proxy_write+0x53/0x80
            [   21.238997]  vfs_write+0xc7/0x3f0
            [   21.241864]  ksys_write+0x6b/0xf0
            [   21.244269]  do_syscall_64+0x5d/0xb0
            [   21.246947]  ? handle_mm_fault+0xdb/0x2d0
            [   21.264864]  ? do_user_addr_fault+0x1b0/0x570
            [   21.273757]  ? exit_to_user_mode_prepare+0x44/0x240
            [   21.276363]  entry_SYSCALL_64_after_hwframe+0x6e/0xd8
            [   21.285481] RIP: 0033:0x47b7a0
            [   21.288215] RSP: 002b:00007ffe2a7263c8 EFLAGS: 00000202 ORIG_RAX: 0000000000000001
            [   21.295549] RAX: ffffffffffffffda RBX: 0000000000000001 RCX: 000000000047b7a0
            [   21.308558] RDX: 000000000000000a RSI: 00000000145f7920 RDI: 0000000000000001
            [   21.311458] RBP: 00000000145f7920 R08: 0000000000000000 R09: 004b5341545f474e
            [   21.324822] R10: 00000000000001b6 R11: 0000000000000202 R12: 000000000000000a
            [   21.330964] R13: 00000000145f53a0 R14: 0000000000000001 R15: 00007ffe2a726430
            [   21.339750]  </TASK>
            """;

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void textGivesTheVerdictBootsAndFindingsPerFile() throws Exception {
        Path healthy = file("healthy.log", HEALTHY);
        Path oom = file("oom.log", OOM);
        Path noRoot = file("no-root.log", NO_ROOT);

        int status = Main.run("classify", healthy.toString(), oom.toString(), noRoot.toString());

        assertThat(status).isZero();
        assertThat(streams.stderr()).isEmpty();
        String text = streams.stdout();
        assertThat(text).contains(healthy + ": healthy (0 crashes, 1 boot, 0 findings, 8 lines)");
        assertThat(text).contains(oom + ": oom (");
        assertThat(text).contains("line 11  oom-kill  Out of memory: Killed process 97 (tail)  {scope=global, invoked-by=tail");
        assertThat(text).contains(noRoot + ": boot-failure (");
        assertThat(text).contains("  boot 0: 6.1.0-56-amd64, reached kernel, ended by panic  [lines 1-3]");
        assertThat(text).contains("    failure (line 2): VFS: Cannot open root device \"vda\" or unknown-block(0,0): error -6");
        assertThat(text).contains("  boot 0: 6.1.0-56-amd64, reached login, ended by running  [lines 1-8]");
    }

    @Test
    void jsonIsOneObjectPerFileAndLine() throws Exception {
        Path oom = file("oom.log", OOM);
        Path noRoot = file("no-root.log", NO_ROOT);

        int status = Main.run("classify", "--format", "json", oom.toString(), noRoot.toString());

        assertThat(status).isZero();
        List<String> lines = streams.stdout().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.fieldNames()).toIterable().containsExactly("file", "verdict", "crashes", "boots", "findings",
                "lines", "bytes");
        assertThat(first.get("file").asText()).isEqualTo(oom.toString());
        assertThat(first.get("verdict").asText()).isEqualTo("oom");
        assertThat(first.get("crashes").isArray()).isTrue();
        JsonNode finding = first.get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("oom-kill");
        assertThat(finding.get("title").asText()).isEqualTo("Out of memory: Killed process 97 (tail)");
        assertThat(finding.get("details").get("anon-rss-kb").asText()).isEqualTo("81224");
        assertThat(finding.get("details").get("constraint").asText()).isEqualTo("CONSTRAINT_NONE");
        JsonNode boot = first.get("boots").get(0);
        assertThat(boot.fieldNames()).toIterable().containsExactly("index", "startLine", "endLine", "kernelRelease",
                "commandLine", "reached", "failure", "failureLine", "endedBy", "milestones");
        assertThat(boot.get("reached").asText()).isEqualTo("login");
        assertThat(boot.get("milestones").get(0).get("stage").asText()).isEqualTo("kernel");
        assertThat(boot.get("milestones").get(0).get("timestamp").asDouble()).isZero();

        JsonNode second = mapper.readTree(lines.get(1));
        assertThat(second.get("verdict").asText()).isEqualTo("boot-failure");
        assertThat(second.get("boots").get(0).get("failure").asText()).startsWith("VFS: Cannot open root device");
        assertThat(second.get("boots").get(0).get("endedBy").asText()).isEqualTo("panic");
        assertThat(second.get("findings").get(0).get("kind").asText()).isEqualTo("boot-failure");
        assertThat(second.get("bytes").asLong()).isEqualTo(NO_ROOT.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aCrashIsABlockWithTitleGuiltyFrameAndAShortTrace() throws Exception {
        Path oops = file("oops.log", OOPS);

        assertThat(Main.run("classify", oops.toString())).isZero();

        String text = streams.stdout().replace("\r", "");
        assertThat(text).contains(oops + ": crash (1 crash, 1 boot, 0 findings");
        assertThat(text).contains("  crash 1: kernel BUG in lkdtm_BUG  [BUG, lines ");
        assertThat(text).contains("    guilty frame: lkdtm_BUG\n    RIP: 0010:lkdtm_BUG+0x5/0x10 [lkdtm]\n    call trace:\n"
                + "      direct_entry.cold+0x18/0x24 [lkdtm]\n      full_proxy_write+0x53/0x80\n");
        assertThat(text).contains("      ? do_set_pte+0x189/0x1d0\n");
        assertThat(text).contains("      (1 more frame)");
    }

    @Test
    void jsonCrashesCarryEveryField() throws Exception {
        Path oops = file("oops.log", OOPS);

        assertThat(Main.run("classify", "--format", "json", oops.toString())).isZero();

        JsonNode crash = new ObjectMapper().readTree(streams.stdout()).get("crashes").get(0);
        assertThat(crash.fieldNames()).toIterable().containsExactly("title", "altTitles", "type", "corrupted",
                "corruptedReason", "guiltyFrame", "startLine", "endLine", "callTrace", "rip", "registers", "cpu", "pid",
                "command", "taint", "kernelRelease", "hardware", "panicked", "boot", "firstLine", "lastLine", "signature");
        assertThat(crash.get("title").asText()).isEqualTo("kernel BUG in lkdtm_BUG");
        assertThat(crash.get("type").asText()).isEqualTo("BUG");
        assertThat(crash.get("guiltyFrame").asText()).isEqualTo("lkdtm_BUG");
        assertThat(crash.get("callTrace").get(0).get("function").asText()).isEqualTo("direct_entry.cold");
        assertThat(crash.get("callTrace").get(0).get("module").asText()).isEqualTo("lkdtm");
        assertThat(crash.get("callTrace").get(3).get("reliable").asBoolean()).isFalse();
        assertThat(crash.get("signature").asText()).isNotBlank();
    }

    @Test
    void aDyingDiskIsAStorageFailureWithDeviceAndFilesystem() throws Exception {
        Path disk = file("disk.log", HEALTHY + """
                [    3.100000] EXT4-fs (vdb1): mounted filesystem with ordered data mode. Quota mode: none.
                [  623.112233] I/O error, dev vdb, sector 2048 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 2
                [  623.113000] Buffer I/O error on dev vdb1, logical block 0, lost async page write
                [  623.200000] Aborting journal on device vdb1-8.
                [  623.300000] EXT4-fs (vdb1): Remounting filesystem read-only
                """);

        assertThat(Main.run("classify", "--format", "json", disk.toString())).isZero();

        JsonNode result = new ObjectMapper().readTree(streams.stdout());
        assertThat(result.get("verdict").asText()).isEqualTo("storage-failure");
        List<String> kinds = new java.util.ArrayList<>();
        result.get("findings").forEach(f -> kinds.add(f.get("kind").asText()));
        assertThat(kinds).containsExactly("storage-io-error", "storage-io-error", "filesystem-shutdown",
                "filesystem-read-only");
        JsonNode first = result.get("findings").get(0);
        assertThat(first.get("details").get("device").asText()).isEqualTo("vdb");
        assertThat(first.get("details").get("filesystem").asText()).isEqualTo("ext4 (vdb1)");
        assertThat(result.get("findings").get(3).get("details").get("filesystem").asText()).isEqualTo("ext4");
    }

    @Test
    void dashReadsStandardInput() {
        streams.stdin(OOM);

        int status = Main.run("classify", "--format", "json", "-");

        assertThat(status).isZero();
        assertThat(streams.stdout()).startsWith("{\"file\":\"-\",\"verdict\":\"oom\",");
    }

    @Test
    void standardInputIsReadOnlyOnce() {
        streams.stdin(OOM);

        int status = Main.run("classify", "--format", "json", "-", "-");

        assertThat(status).isEqualTo(3);
        assertThat(streams.stdout().lines()).hasSize(1);
        assertThat(streams.stderr()).contains("standard input (-) can be read only once");
    }

    @Test
    void anUnreadableFileIsNamedTheOthersAreStillClassifiedAndTheStatusIs3() throws Exception {
        Path healthy = file("healthy.log", HEALTHY);
        Path missing = dir.resolve("no-such.log");

        int status = Main.run("classify", missing.toString(), dir.toString(), healthy.toString());

        assertThat(status).isEqualTo(3);
        assertThat(streams.stderr()).contains("ecsdiag classify: cannot read " + missing + ": no such file")
                .contains("ecsdiag classify: cannot read " + dir + ": is a directory");
        assertThat(streams.stdout()).contains(healthy + ": healthy");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(Main.run("classify")).isEqualTo(2);
        assertThat(streams.stderr()).contains("Missing required parameter: 'FILE'");
        streams.clearStderr();
        assertThat(Main.run("classify", "--format", "yaml", "x.log")).isEqualTo(2);
        assertThat(streams.stderr()).contains("--format").contains("yaml");
        assertThat(Main.run("classify", "--no-such-option", "x.log")).isEqualTo(2);
    }

    @Test
    void terminalEscapesInTheLogDoNotReachTheTerminal() throws Exception {
        Path evil = file("evil.log", OOM.replace("(tail)", "(t\u001b]0;pwned\u0007ail)"));

        assertThat(Main.run("classify", evil.toString())).isZero();

        assertThat(streams.stdout()).doesNotContain("\u001b").doesNotContain("\u0007");
    }

    /** A real panic screen from the QEMU lab (module shared's test resources), under a name that does not say PNG. */
    private Path labScreen(String scenario, String name) throws Exception {
        Path p = dir.resolve(name);
        Files.copy(Path.of("../shared/src/test/resources/lab", scenario, "screenshot.png"), p);
        return p;
    }

    @Test
    void aScreenshotIsReadAndClassifiedLikeAConsoleLog() throws Exception {
        Path screen = labScreen("lkdtm-panic", "instance-screen.bin");

        int status = Main.run("classify", screen.toString());

        assertThat(status).isZero();
        String text = streams.stdout();
        assertThat(text).contains(screen + ": crash (1 crash");
        assertThat(text).contains("kernel panic: dumptest");
        assertThat(text).contains("read from the screen (png, 1024x768, 128x48 cells of 8x16 at (0,0), font-kernel-8x16;");
        assertThat(text).containsPattern("> +\\d+ \\| \\[    6\\.490649\\] Kernel panic - not syncing: dumptest");
    }

    @Test
    void aScreenshotInJsonCarriesItsSourceAndText() throws Exception {
        Path screen = labScreen("no-rootfs", "no-rootfs.png");
        Path log = file("oom.log", OOM);

        int status = Main.run("classify", "--format", "json", screen.toString(), log.toString());

        assertThat(status).isZero();
        List<String> lines = streams.stdout().lines().toList();
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("source").asText()).isEqualTo("screen");
        assertThat(first.get("verdict").asText()).isEqualTo("boot-failure");
        assertThat(first.get("screenFormat").asText()).isEqualTo("png");
        JsonNode rows = first.get("screenText");
        assertThat(rows.size()).isGreaterThan(40);
        assertThat(rows.get(rows.size() - 1).get("text").asText()).contains("end Kernel panic - not syncing: VFS: Unable to mount root fs");
        assertThat(rows.get(0).fieldNames()).toIterable().containsExactly("row", "column", "text", "confidence");
        assertThat(first.get("decidingRows").size()).isPositive();
        assertThat(new ObjectMapper().readTree(lines.get(1)).has("source")).isFalse();
    }

    @Test
    void aDamagedScreenshotIsNamedAndTheStatusIs3() throws Exception {
        byte[] png = Files.readAllBytes(Path.of("../shared/src/test/resources/lab/sysrq-c/screenshot.png"));
        Path broken = dir.resolve("broken.png");
        Files.write(broken, java.util.Arrays.copyOf(png, 2000));
        Path log = file("oom.log", OOM);

        int status = Main.run("classify", broken.toString(), log.toString());

        assertThat(status).isEqualTo(Main.EXIT_UNREADABLE);
        assertThat(streams.stderr()).contains("ecsdiag classify: screenshot " + broken + " not read: damaged or truncated png");
        assertThat(streams.stdout()).contains(log + ": oom (");
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(Main.run("classify", "--help")).isZero();
        assertThat(streams.stdout()).contains("--format=FORMAT").contains("Exit status");
    }

    /** The guilty frame is marked {@code >} also when its symbol carries the compiler's suffix. */
    @Test
    void theGuiltyFrameIsMarkedAlsoWithACompilerSuffix() throws Exception {
        assertThat(Main.run("classify", file("hung.log", HUNG_COLD).toString())).isZero();
        String text = streams.stdout();
        assertThat(text).contains("    guilty frame: direct_entry\n");
        assertThat(text).contains("    > direct_entry.cold.36+0x18/0x24 [lkdtm]\n");
        assertThat(text.lines().filter(l -> l.startsWith("    > "))).hasSize(1);
    }

    /** Console logs are often archived with gzip: found by its magic bytes, whatever the file's name. */
    @Test
    void gzipIsDecompressedWhateverItsName() throws Exception {
        Path plain = file("oops.log", OOPS);
        for (String name : List.of("oops.log.gz", "console-archived.log")) {
            Path gz = dir.resolve(name);
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
                out.write(OOPS.getBytes(StandardCharsets.UTF_8));
            }
            streams.clearStdout();
            assertThat(Main.run("classify", "--format", "json", plain.toString(), gz.toString())).isZero();
            List<String> lines = streams.stdout().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).isEqualTo(lines.get(0).replace("\"file\":" + json(plain.toString()),
                    "\"file\":" + json(gz.toString())));
        }
        assertThat(streams.stderr()).isEmpty();
    }

    /** A program, a picture or noise is not a console log: said plainly, not called healthy. */
    @Test
    void binaryInputIsNamedAsNotTextAndTheOthersAreStillClassified() throws Exception {
        Path program = Path.of(ProcessHandle.current().info().command().orElseThrow()); // the JVM's own executable
        Path noise = dir.resolve("noise.bin");
        byte[] bytes = new byte[20_000];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(noise, bytes);
        Path gzProgram = dir.resolve("program.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzProgram))) {
            out.write(Files.readAllBytes(program));
        }
        Path healthy = file("healthy.log", HEALTHY);

        int status = Main.run("classify", program.toString(), noise.toString(), gzProgram.toString(), healthy.toString());

        assertThat(status).isEqualTo(3);
        assertThat(streams.stderr()).contains("ecsdiag classify: " + program + " is not text: an ELF program or library; give a console log")
                .contains("ecsdiag classify: " + noise + " is not text: ")
                .contains("ecsdiag classify: " + gzProgram + " is not text: an ELF program or library");
        assertThat(streams.stdout()).doesNotContain(program.toString()).doesNotContain(noise.toString())
                .contains(healthy + ": healthy");
    }

    /** A crash the classifier has no category for says so, rather than printing an empty one ("[, lines"). */
    @Test
    void aCrashWithoutCategorySaysUnknownCategory() throws Exception {
        Path log = file("unwind.log", HEALTHY + "[   26.148943] WARNING: kernel stack regs at         (ptrval) in sh:4493"
                + " has bad 'bp' value         (ptrval)\n");
        assertThat(Main.run("classify", log.toString())).isZero();
        assertThat(streams.stdout()).contains("  crash 1: WARNING: kernel stack regs has bad value  [unknown category, lines ")
                .doesNotContain("[, lines");
    }

    /** Xen's grant table warning is printed with "WARNING:" but reports no kernel crash. */
    @Test
    void xensGrantTableWarningIsNotACrash() throws Exception {
        Path log = file("xen.log", HEALTHY + "[  412.118023] xen:grant_table: WARNING: g.e. 0xa still in use!\n"
                + "[  412.118031] WARNING: g.e. 0x1f3 still in use!\n");
        assertThat(Main.run("classify", log.toString())).isZero();
        assertThat(streams.stdout()).contains(log + ": healthy (0 crashes,");
    }

    /**
     * A header another message cut into ("INFO: task jbd2/[ 1572.336420]  __rq_qos_throttle...")
     * titles no garbled task name ("INFO: task jbd2/[NUM.ADDR] __rq_qos_throttle"): it is a
     * corrupted report, its guilty frame kept.
     */
    @Test
    void aHeaderInterleavedWithAnotherMessageIsCorruptedNotGarbled() throws Exception {
        String log = HEALTHY + """
                [ 1572.336418] INFO: task jbd2/[ 1572.336420]  __rq_qos_throttle+0x10d/0x150
                [ 1572.338212] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
                [ 1572.339011] task:jbd2/vda1-8     state:D stack:    0 pid:  243 ppid:     2 flags:0x00004000
                [ 1572.339642] Call Trace:
                [ 1572.339990]  __schedule+0x282/0x870
                [ 1572.340476]  schedule+0x46/0xb0
                [ 1572.340912]  io_schedule+0x42/0x70
                [ 1572.341371]  rq_qos_wait+0xbb/0x130
                [ 1572.341853]  wbt_wait+0x9b/0x100
                [ 1572.342301]  __rq_qos_throttle+0x23/0x30
                [ 1572.342812]  blk_mq_submit_bio+0x12a/0x560
                [ 1572.343355]  submit_bio_noacct+0x3c4/0x420
                [ 1572.343907]  jbd2_journal_commit_transaction+0x5f6/0x1940 [jbd2]
                [ 1572.344659]  kjournald2+0xab/0x270 [jbd2]
                [ 1572.345201]  kthread+0x11b/0x140
                [ 1572.345650]  ret_from_fork+0x22/0x30
                """;
        assertThat(Main.run("classify", file("interleaved.log", log).toString())).isZero();
        String text = streams.stdout();
        assertThat(text).contains("  crash 1: INFO: task corrupted  [").contains(", corrupted]");
        assertThat(text).doesNotContain("NUM").doesNotContain("ADDR").doesNotContain("jbd2/[");
    }

    private static String json(String s) throws Exception {
        return new ObjectMapper().writeValueAsString(s);
    }
}
