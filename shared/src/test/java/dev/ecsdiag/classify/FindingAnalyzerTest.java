package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.text.ConsoleLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OOM kills and storage failures, on console text in the kernel's own wording. */
class FindingAnalyzerTest {

    private static List<Finding> findings(String log, boolean raw) {
        List<ConsoleLine> lines = raw ? ConsoleLines.raw(log) : ConsoleLines.normalized(log);
        FindingAnalyzer analyzer = ConsoleLines.feed(new FindingAnalyzer(), lines);
        return analyzer.findings(line -> 0);
    }

    // Debian 6.1, global OOM (the QEMU lab's `tail /dev/zero` under mem=96M), trimmed in the middle.
    static final String GLOBAL_OOM = """
            [  112.201841] tail invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0
            [  112.203092] CPU: 1 PID: 97 Comm: tail Not tainted 6.1.0-56-amd64 #1  Debian 6.1.153-1
            [  112.203955] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014
            [  112.204802] Call Trace:
            [  112.205010]  <TASK>
            [  112.205189]  dump_stack_lvl+0x44/0x5c
            [  112.205503]  dump_header+0x4a/0x211
            [  112.205799]  oom_kill_process.cold+0xb/0x10
            [  112.206142]  out_of_memory+0x1fd/0x4c0
            [  112.206459]  __alloc_pages_slowpath.constprop.0+0xbc5/0xd30
            [  112.215022]  </TASK>
            [  112.215207] Mem-Info:
            [  112.215388] active_anon:11 inactive_anon:20421 isolated_anon:0
            [  112.230000] Tasks state (memory values in pages):
            [  112.230500] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name
            [  112.231000] [     97]     0    97    21455    20307   217088        0             0 tail
            [  112.232011] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=tail,pid=97,uid=0
            [  112.233320] Out of memory: Killed process 97 (tail) total-vm:85820kB, anon-rss:81224kB, file-rss:4kB, shmem-rss:0kB, UID:0 pgtables:212kB oom_score_adj:0
            [  112.240000] oom_reaper: reaped process 97 (tail), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB""";

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void globalOomKillWithItsMemoryAndConstraint(boolean raw) {
        List<Finding> found = findings(GLOBAL_OOM, raw);
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.kind()).isEqualTo(FindingKind.OOM_KILL);
        assertThat(f.title()).isEqualTo("Out of memory: Killed process 97 (tail)");
        assertThat(f.line()).isEqualTo(18);
        assertThat(f.details())
                .containsEntry("scope", "global")
                .containsEntry("invoked-by", "tail")
                .containsEntry("gfp-mask", "0x140cca")
                .containsEntry("order", "0")
                .containsEntry("constraint", "CONSTRAINT_NONE")
                .containsEntry("task-memcg", "/")
                .containsEntry("process", "tail")
                .containsEntry("pid", "97")
                .containsEntry("uid", "0")
                .containsEntry("total-vm-kb", "85820")
                .containsEntry("anon-rss-kb", "81224")
                .containsEntry("file-rss-kb", "4")
                .containsEntry("shmem-rss-kb", "0")
                .containsEntry("pgtables-kb", "212")
                .containsEntry("oom-score-adj", "0")
                .containsEntry("report-line", "1")
                .doesNotContainKey("oom-memcg")
                .doesNotContainKey("header");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void memoryCgroupOomKill(boolean raw) {
        String log = """
                [ 4021.112345] stress invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0
                [ 4021.112400] CPU: 0 PID: 2231 Comm: stress Not tainted 5.15.0-91-generic #101-Ubuntu
                [ 4021.120000] memory: usage 524288kB, limit 524288kB, failcnt 1453
                [ 4021.120100] swap: usage 0kB, limit 9007199254740988kB, failcnt 0
                [ 4021.120200] Memory cgroup stats for /system.slice/ci-job.service:
                [ 4021.130000] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/system.slice/ci-job.service,task_memcg=/system.slice/ci-job.service,task=stress,pid=2231,uid=1000
                [ 4021.130500] Memory cgroup out of memory: Killed process 2231 (stress) total-vm:532564kB, anon-rss:523892kB, file-rss:1044kB, shmem-rss:0kB, UID:1000 pgtables:1072kB oom_score_adj:0
                [ 4021.140000] oom_reaper: reaped process 2231 (stress), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB""";
        List<Finding> found = findings(log, raw);
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.title()).isEqualTo("Memory cgroup out of memory: Killed process 2231 (stress)");
        assertThat(f.details())
                .containsEntry("scope", "memcg")
                .containsEntry("constraint", "CONSTRAINT_MEMCG")
                .containsEntry("oom-memcg", "/system.slice/ci-job.service")
                .containsEntry("uid", "1000")
                .containsEntry("anon-rss-kb", "523892");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void oldKernelsReportTheChoiceAndTheKillOnTwoLines(boolean raw) {
        String log = """
                [ 1234.500000] java invoked oom-killer: gfp_mask=0x14280ca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), nodemask=(null), order=0, oom_score_adj=0
                [ 1234.600000] Out of memory: Kill process 4321 (java) score 912 or sacrifice child
                [ 1234.601000] Killed process 4321 (java) total-vm:8123456kB, anon-rss:3712000kB, file-rss:0kB, shmem-rss:0kB""";
        Finding f = findings(log, raw).get(0);
        assertThat(f.title()).isEqualTo("Out of memory: Killed process 4321 (java)");
        assertThat(f.details()).containsEntry("score", "912").containsEntry("anon-rss-kb", "3712000")
                .containsEntry("invoker-nodemask", "(null)").containsEntry("scope", "global");
        assertThat(f.line()).isEqualTo(3);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void oldKernelsMemoryCgroupKillIsMemcgScoped(boolean raw) {
        String log = """
                [ 5000.100000] java invoked oom-killer: gfp_mask=0x24000c0(GFP_KERNEL), nodemask=0, order=0, oom_score_adj=0
                [ 5000.200000] Task in /docker/3f2a killed as a result of limit of /docker/3f2a
                [ 5000.300000] Memory cgroup out of memory: Kill process 2718 (java) score 1000 or sacrifice child
                [ 5000.300100] Killed process 2718 (java) total-vm:4123456kB, anon-rss:1048576kB, file-rss:0kB, shmem-rss:0kB""";
        Finding f = findings(log, raw).get(0);
        assertThat(f.title()).isEqualTo("Memory cgroup out of memory: Killed process 2718 (java)");
        assertThat(f.details()).containsEntry("scope", "memcg").containsEntry("score", "1000")
                .containsEntry("invoker-nodemask", "0");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void oomKillAllocatingTaskKeepsItsHeader(boolean raw) {
        String log = "[  77.0] Out of memory (oom_kill_allocating_task): Killed process 4242 (stress-ng) total-vm:1000kB, anon-rss:900kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0";
        Finding f = findings(log, raw).get(0);
        assertThat(f.title()).isEqualTo("Out of memory (oom_kill_allocating_task): Killed process 4242 (stress-ng)");
        assertThat(f.details()).containsEntry("scope", "global").containsEntry("process", "stress-ng");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void quietKernelsPrintOnlyTheKill(boolean raw) {
        String log = "[  300.1] Out of memory: Killed process 812 ((sd-pam)) total-vm:1000kB, anon-rss:900kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0";
        Finding f = findings(log, raw).get(0);
        assertThat(f.title()).isEqualTo("Out of memory: Killed process 812 ((sd-pam))");
        assertThat(f.details()).containsEntry("process", "(sd-pam)").doesNotContainKey("report-line");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void anOomPanicKillsNothingAndIsNoOomKill(boolean raw) {
        String log = """
                [   50.1] stress invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0
                [   50.3] Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled""";
        assertThat(findings(log, raw)).isEmpty();
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void repeatedKillsOfTheSameProgramMergeWithACount(boolean raw) {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            log.append("[  ").append(100 + i).append(".000000] Out of memory: Killed process ").append(1000 + i)
                    .append(" (stress) total-vm:1000kB, anon-rss:900kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0\n");
        }
        log.append("[  200.000000] Out of memory: Killed process 3000 (java) total-vm:1000kB, anon-rss:900kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:40kB oom_score_adj:0");
        List<Finding> found = findings(log.toString(), raw);
        assertThat(found).extracting(Finding::title).containsExactly(
                "Out of memory: Killed process 1000 (stress)", "Out of memory: Killed process 3000 (java)");
        assertThat(found.get(0).details()).containsEntry("count", "50").containsEntry("last-line", "50");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void blockLayerErrorsOfFiveAndSixSeriesKernels(boolean raw) {
        String log = """
                [    3.100000] EXT4-fs (vdb1): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.
                [  623.112233] blk_update_request: I/O error, dev vdb, sector 2048 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0
                [  623.113000] Buffer I/O error on dev vdb1, logical block 0, lost async page write
                [  624.000000] I/O error, dev vdc, sector 4096 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2
                [  625.000000] critical medium error, dev sdb, sector 1953525000 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 2""";
        List<Finding> found = findings(log, raw);
        assertThat(found).extracting(Finding::kind).containsOnly(FindingKind.STORAGE_IO_ERROR);
        assertThat(found).extracting(Finding::title).containsExactly(
                "I/O error on vdb, sector 2048",
                "Buffer I/O error on vdb1, logical block 0",
                "I/O error on vdc, sector 4096",
                "critical medium error on sdb, sector 1953525000");
        assertThat(found.get(0).details()).containsEntry("device", "vdb").containsEntry("op", "WRITE")
                .containsEntry("filesystem", "ext4 (vdb1)");
        assertThat(found.get(1).details()).containsEntry("device", "vdb1").containsEntry("filesystem", "ext4")
                .containsEntry("operation", "lost async page write");
        assertThat(found.get(3).details()).containsEntry("error", "critical medium");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void emptyFloppyAndCdromDrivesAreNoise(boolean raw) {
        String log = """
                [    4.000000] blk_update_request: I/O error, dev fd0, sector 0 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0
                [    4.100000] I/O error, dev sr0, sector 0 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2""";
        assertThat(findings(log, raw)).isEmpty();
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aDyingDiskIsOneFindingPerDeviceWithACount(boolean raw) {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            log.append("[  ").append(700 + i).append(".000000] I/O error, dev vdb, sector ").append(2048 + 8 * i)
                    .append(" op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 2\n");
        }
        List<Finding> found = findings(log.toString(), raw);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).details()).containsEntry("sector", "2048").containsEntry("count", "5000");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void nvmeTimeoutsResetsAndCommandErrors(boolean raw) {
        String log = """
                [   95.123000] nvme nvme0: I/O 23 QID 2 timeout, aborting
                [  125.456000] nvme nvme1: I/O tag 12 (100c) opcode 0x1 (Write) QID 3 timeout, aborting req_op:WRITE(1) size:4096
                [  156.789000] nvme nvme2: controller is down; will reset: CSTS=0x3, PCI_STATUS=0x10
                [  160.000000] nvme0n1: I/O Cmd(0x2) @ LBA 1024, 8 blocks, I/O Error (sct 0x3 / sc 0x71)
                [  161.000000] nvme nvme3: Device not ready; aborting reset, CSTS=0x1""";
        List<Finding> found = findings(log, raw);
        assertThat(found).extracting(Finding::title).containsExactly(
                "NVMe I/O timeout on nvme0 (QID 2), aborting",
                "NVMe I/O timeout on nvme1 (QID 3), aborting",
                "NVMe controller nvme2 is down; will reset",
                "NVMe I/O Error on nvme0n1, LBA 1024",
                "NVMe controller nvme3: Device not ready; aborting reset");
        assertThat(found.get(1).details()).containsEntry("opcode", "0x1").containsEntry("command", "Write")
                .containsEntry("tag", "12");
        assertThat(found.get(2).details()).containsEntry("csts", "0x3");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void scsiFailureAndSenseMergeForOneDevice(boolean raw) {
        String log = """
                [ 2345.600000] sd 2:0:0:0: [sdb] tag#3 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_OK cmd_age=0s
                [ 2345.600100] sd 2:0:0:0: [sdb] tag#3 Sense Key : Medium Error [current]
                [ 2345.600200] sd 2:0:0:0: [sdb] tag#3 Add. Sense: Unrecovered read error
                [ 2345.600300] sd 2:0:0:0: [sdb] tag#3 CDB: Read(10) 28 00 00 00 08 00 00 00 08 00
                [ 2346.000000] sd 3:0:0:0: rejecting I/O to offline device""";
        List<Finding> found = findings(log, raw);
        assertThat(found).extracting(Finding::title).containsExactly(
                "SCSI command failed on sdb: DID_OK DRIVER_OK", "SCSI 3:0:0:0: rejecting I/O to offline device");
        assertThat(found.get(0).details()).containsEntry("sense-key", "Medium Error").containsEntry("count", "2")
                .containsEntry("scsi-address", "2:0:0:0");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void xfsShutdownIsOneFindingWithItsReason(boolean raw) {
        String log = """
                [  301.000000] XFS (vdb1): Mounting V5 Filesystem
                [  301.100000] XFS (vdb1): Ending clean mount
                [  401.100000] XFS (vdb1): metadata I/O error in "xfs_buf_ioend_handle_error+0x10f/0x430 [xfs]" at daddr 0x2 len 1 error 5
                [  401.200000] XFS (vdb1): log I/O error -5
                [  401.300000] XFS (vdb1): Log I/O Error (0x2) detected at xlog_ioend_work+0x6e/0x70 [xfs] (fs/xfs/xfs_log.c:1378).  Shutting down filesystem.
                [  401.400000] XFS (vdb1): Please unmount the filesystem and rectify the problem(s)
                [  401.500000] XFS (vdb1): Filesystem has been shut down due to log error (0x2).""";
        List<Finding> found = findings(log, raw);
        assertThat(found).extracting(Finding::kind).containsExactly(FindingKind.STORAGE_IO_ERROR,
                FindingKind.FILESYSTEM_SHUTDOWN);
        Finding io = found.get(0);
        assertThat(io.title()).isEqualTo("XFS metadata I/O error on vdb1 (error 5)");
        assertThat(io.details()).containsEntry("count", "2").containsEntry("filesystem", "xfs");
        Finding shutdown = found.get(1);
        assertThat(shutdown.title()).isEqualTo("XFS on vdb1 shut down");
        assertThat(shutdown.line()).isEqualTo(5);
        assertThat(shutdown.details()).containsEntry("device", "vdb1").containsEntry("filesystem", "xfs")
                .containsEntry("reason", "Log I/O Error (0x2) detected at xlog_ioend_work+0x6e/0x70 [xfs] (fs/xfs/xfs_log.c:1378)");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void olderXfsForceShutdown(boolean raw) {
        String log = """
                [  88.000000] XFS (dm-0): xfs_do_force_shutdown(0x2) called from line 1196 of file fs/xfs/xfs_log.c. Return address = 00000000a2f1c0f4
                [  88.000100] XFS (dm-0): Log I/O Error Detected. Shutting down filesystem""";
        List<Finding> found = findings(log, raw);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).details()).containsEntry("device", "dm-0").containsEntry("flags", "0x2")
                .containsEntry("source-file", "fs/xfs/xfs_log.c").containsEntry("reason", "Log I/O Error Detected");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void ext4ErrorJournalAbortAndReadOnlyRemount(boolean raw) {
        String log = """
                [    1.900000] EXT4-fs (vda1): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.
                [  512.100000] EXT4-fs error (device vda1): ext4_find_entry:1463: inode #2: comm ls: reading directory lblock 0
                [  512.200000] Aborting journal on device vda1-8.
                [  512.300000] EXT4-fs error (device vda1) in ext4_reserve_inode_write:5764: Journal has aborted
                [  512.400000] EXT4-fs (vda1): Remounting filesystem read-only
                [  513.000000] EXT4-fs (vda1): I/O error while writing superblock""";
        List<Finding> found = findings(log, raw);
        assertThat(found).extracting(Finding::kind).containsExactly(FindingKind.FILESYSTEM_ERROR,
                FindingKind.FILESYSTEM_SHUTDOWN, FindingKind.FILESYSTEM_READ_ONLY, FindingKind.STORAGE_IO_ERROR);
        assertThat(found).extracting(Finding::title).containsExactly(
                "ext4 error on vda1 in ext4_find_entry",
                "Journal aborted on vda1",
                "vda1 (ext4) remounted read-only",
                "ext4 I/O error on vda1 while writing superblock");
        Map<String, String> error = found.get(0).details();
        assertThat(error).containsEntry("filesystem", "ext4").containsEntry("device", "vda1")
                .containsEntry("source-line", "1463").containsEntry("count", "2")
                .containsEntry("message", "inode #2: comm ls: reading directory lblock 0");
        assertThat(found.get(1).details()).containsEntry("device", "vda1").containsEntry("journal", "jbd2")
                .containsEntry("filesystem", "ext4");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void btrfsErrors(boolean raw) {
        String log = """
                [  70.000000] BTRFS error (device vdc): bdev /dev/vdc errs: wr 1, rd 0, flush 0, corrupt 0, gen 0
                [  70.100000] BTRFS: error (device vdc: state A) in btrfs_commit_transaction:2418: errno=-5 IO failure (Error while writing out transaction)
                [  70.200000] BTRFS info (device vdc: state EA): forced readonly""";
        List<Finding> found = findings(log, raw);
        assertThat(found).extracting(Finding::kind).containsExactly(FindingKind.STORAGE_IO_ERROR,
                FindingKind.FILESYSTEM_ERROR, FindingKind.FILESYSTEM_READ_ONLY);
        assertThat(found).allSatisfy(f -> assertThat(f.details()).containsEntry("filesystem", "btrfs")
                .containsEntry("device", "vdc"));
        assertThat(found.get(1).details()).containsEntry("errno", "-5");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void sameErrorInTwoBootsIsTwoFindings(boolean raw) {
        String log = """
                [    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12) #1 SMP PREEMPT_DYNAMIC
                [  624.000000] I/O error, dev vdc, sector 4096 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2
                [    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12) #1 SMP PREEMPT_DYNAMIC
                [   24.000000] I/O error, dev vdc, sector 4096 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2""";
        List<ConsoleLine> lines = raw ? ConsoleLines.raw(log) : ConsoleLines.normalized(log);
        List<Finding> found = ConsoleLines.feed(new FindingAnalyzer(), lines).findings(line -> line < 3 ? 0 : 1);
        assertThat(found).extracting(Finding::boot).containsExactly(0, 1);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void healthyKernelChatterGivesNothing(boolean raw) {
        String log = """
                [    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12) #1 SMP PREEMPT_DYNAMIC
                [    1.000000] virtio_blk virtio1: [vda] 20971520 512-byte logical blocks (10.7 GB/10.0 GiB)
                [    1.100000]  vda: vda1 vda14 vda15
                [    2.000000] EXT4-fs (vda1): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.
                [    3.000000] systemd[1]: Started systemd-journald.service - Journal Service.
                [    4.000000] nvme nvme0: 2/0/0 default/read/poll queues
                [    5.000000] blk_update_request: operation not supported error, dev vda, sector 0 op 0x3:(DISCARD) flags 0x800 phys_seg 1 prio class 0
                [    6.000000] oom_reaper: reaped process 97 (tail), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB
                [    7.000000] XFS (vdb1): Unmounting Filesystem""";
        assertThat(findings(log, raw)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aMegabyteLineFullOfNeedlesStaysCheap() {
        String piece = "I/O error, dev vdb, sector 8 ";
        String line = piece.repeat(1 << 16); // 1.7 MB of near-matches without a newline
        FindingAnalyzer analyzer = new FindingAnalyzer();
        for (int i = 0; i < 20; i++) {
            analyzer.accept(new ConsoleLine(i + 1, line, null, null, null));
        }
        analyzer.finish();
        // the line is looked at only up to LineText.MAX_CHARS: the first complete match wins
        assertThat(analyzer.findings(l -> 0)).hasSize(1);
    }
}
