package dev.ecsdiag.classify;

import static dev.ecsdiag.classify.FindingKind.FILESYSTEM_ERROR;
import static dev.ecsdiag.classify.FindingKind.FILESYSTEM_READ_ONLY;
import static dev.ecsdiag.classify.FindingKind.FILESYSTEM_SHUTDOWN;
import static dev.ecsdiag.classify.FindingKind.STORAGE_IO_ERROR;
import static dev.ecsdiag.classify.FindingRule.Role.BOOT;
import static dev.ecsdiag.classify.FindingRule.Role.EVENT;
import static dev.ecsdiag.classify.FindingRule.Role.MOUNT;
import static dev.ecsdiag.classify.FindingRule.Role.OOM_CONTEXT;
import static dev.ecsdiag.classify.FindingRule.Role.OOM_VICTIM;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The table of OOM and storage messages, in the kernel's own wording (the printk format strings
 * of mm/oom_kill.c, block/blk-core.c, fs/buffer.c, drivers/nvme, drivers/scsi, fs/xfs, fs/ext4,
 * fs/jbd2, fs/btrfs). Adding a message is adding a row; earlier rows win when one line matches
 * several. Every pattern is applied only to lines that contain its needle, and only to the first
 * {@link LineText#MAX_CHARS} characters, so no row can make the scan super-linear.
 */
final class FindingRules {

    private FindingRules() {
    }

    /** Block devices whose errors are routine noise on VMs: empty floppy and CD-ROM drives. */
    static final Pattern NOISY_DEVICES = Pattern.compile("(?:fd|sr)\\d+");

    private static final String DEV = "(?<device>[A-Za-z][\\w.:/-]{0,63})";
    private static final String PAREN_DEV = "\\((?<device>[^()\\s]{1,64})\\)";

    static final List<FindingRule> ALL = List.of(
            // A new kernel: what was pending belongs to the previous boot.
            FindingRule.of("boot-banner", BOOT, null, "Linux version ", "Linux version \\S+ \\(", ""),

            // ---- OOM killer (mm/oom_kill.c, mm/memcontrol.c) ----
            // "stress invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0"
            FindingRule.of("oom-invoked", OOM_CONTEXT, null, " invoked oom-killer: ",
                    "^(?<invokedBy>.{1,15}?) invoked oom-killer: gfp_mask=(?<gfpMask>0x[0-9a-f]+)(?:\\([^)]{0,200}\\))?,"
                            + "(?: nodemask=(?<invokerNodemask>[^,]{1,64}),)? order=(?<order>-?\\d+),"
                            + " oom_score_adj=(?<invokerOomScoreAdj>-?\\d+)", ""),
            // "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/t,task_memcg=/t,task=stress,pid=812,uid=0"
            FindingRule.of("oom-summary", OOM_CONTEXT, null, "oom-kill:", "oom-kill:(?<kv>constraint=.*)", ""),
            // a memory cgroup's OOM: "memory: usage 1048576kB, limit 1048576kB, failcnt 12"
            // (mem_cgroup_print_oom_meminfo; "memory+swap: usage" and "kmem: usage" follow it)
            FindingRule.of("oom-memcg-usage", OOM_CONTEXT, null, "memory: usage ",
                    "^memory: usage (?<memcgUsageKb>\\d+)kB, limit (?<memcgLimitKb>\\d+)kB", ""),
            // 4.x: "Out of memory: Kill process 812 (stress) score 912 or sacrifice child"
            FindingRule.of("oom-choice", OOM_CONTEXT, null, "Kill process ",
                    "Kill process \\d+ \\(.{0,32}?\\) score (?<score>\\d+)", ""),
            // "Out of memory: Killed process 812 (stress) total-vm:1065224kB, anon-rss:227428kB, file-rss:4kB,
            //  shmem-rss:0kB, UID:0 pgtables:568kB oom_score_adj:0"; 4.x prints "Killed process ..." alone.
            FindingRule.of("oom-killed", OOM_VICTIM, FindingKind.OOM_KILL, "Killed process ",
                    "Killed process (?<pid>\\d+)"
                            + " \\((?<process>.{0,32}?)\\)(?=$| total-vm:| score| UID)"
                            + "(?: total-vm:(?<totalVmKb>\\d+)kB, anon-rss:(?<anonRssKb>\\d+)kB, file-rss:(?<fileRssKb>\\d+)kB,"
                            + " shmem-rss:(?<shmemRssKb>\\d+)kB(?:,? UID:(?<uid>\\d+) pgtables:(?<pgtablesKb>\\d+)kB"
                            + " oom_score_adj:(?<oomScoreAdj>-?\\d+))?)?",
                    "{header}: Killed process {pid} ({process})"),
            // No "oom-panic" rows: with panic_on_oom, or with nothing left to kill, the kernel panics
            // instead of killing; that panic is a crash report ("kernel panic: Out of memory: ...").

            // ---- block layer (block/blk-core.c blk_print_req_error; 4.x-5.x prefix "blk_update_request: ") ----
            // "I/O error, dev vda, sector 2048 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 0"
            FindingRule.of("block-error", EVENT, STORAGE_IO_ERROR, " error, dev ",
                    "^(?:[a-z_]{1,32}: )?(?<error>critical medium|critical target|critical nexus|critical space allocation"
                            + "|recoverable transport|protection|timeout|I/O|kernel resource|device resource|zone resource|critical) error,"
                            + " dev " + DEV + ", sector (?<sector>\\d+)(?: op 0x[0-9a-f]+:\\((?<op>[A-Z_]+)\\))?",
                    "{error} error on {device}, sector {sector}", "group", "block"),
            // fs/buffer.c: "Buffer I/O error on dev vda1, logical block 1234, lost async page write"
            FindingRule.of("buffer-error", EVENT, STORAGE_IO_ERROR, "Buffer I/O error on dev",
                    "Buffer I/O error on dev(?:ice)? " + DEV + ", logical block (?<logicalBlock>\\d+)(?:, (?<operation>[a-z ]{1,40}))?",
                    "Buffer I/O error on {device}, logical block {logical-block}", "group", "buffer"),

            // ---- NVMe (drivers/nvme/host/pci.c, core.c) ----
            // 6.x: "nvme nvme0: I/O tag 12 (100c) opcode 0x1 (Write) QID 2 timeout, aborting req_op:WRITE(1) size:4096"
            // 5.x: "nvme nvme0: I/O 12 QID 2 timeout, aborting"
            FindingRule.of("nvme-timeout", EVENT, STORAGE_IO_ERROR, "nvme nvme",
                    "nvme (?<device>nvme\\d+): I/O (?:tag )?(?<tag>\\d+) (?:\\([0-9a-f]+\\) )?(?:opcode (?<opcode>0x[0-9a-f]+)"
                            + " (?:\\((?<command>[^)]{0,40})\\) )?)?QID (?<qid>\\d+) timeout, (?<action>aborting|reset controller"
                            + "|disable controller|completion polled)",
                    "NVMe I/O timeout on {device} (QID {qid}), {action}", "group", "nvme"),
            FindingRule.of("nvme-controller-down", EVENT, STORAGE_IO_ERROR, "controller is down; will reset",
                    "nvme (?<device>nvme\\d+): (?<message>controller is down; will reset)(?:: CSTS=(?<csts>0x[0-9a-f]+))?",
                    "NVMe controller {device} is down; will reset", "group", "nvme"),
            FindingRule.of("nvme-not-ready", EVENT, STORAGE_IO_ERROR, "nvme nvme",
                    "nvme (?<device>nvme\\d+): (?<message>Device not ready; aborting (?:reset|initialisation)"
                            + "|Removing after probe failure|Disabling device after reset failure)",
                    "NVMe controller {device}: {message}", "group", "nvme"),
            // drivers/nvme/host/core.c nvme_log_error: "nvme0n1: I/O Cmd(0x2) @ LBA 2048, 8 blocks, I/O Error (sct 0x2 / sc 0x81)"
            FindingRule.of("nvme-command-error", EVENT, STORAGE_IO_ERROR, "I/O Cmd(",
                    "(?<device>nvme\\d+n\\d+): I/O Cmd\\((?<opcode>0x[0-9a-f]+)\\) @ LBA (?<lba>\\d+), (?<blocks>\\d+) blocks,"
                            + " (?<status>[^(]{1,60}?) \\(sct",
                    "NVMe {status} on {device}, LBA {lba}", "group", "nvme-command"),

            // ---- SCSI, virtio-scsi, ATA (drivers/scsi, drivers/ata) ----
            // "sd 2:0:0:0: [sdb] tag#9 FAILED Result: hostbyte=DID_OK driverbyte=DRIVER_OK cmd_age=30s"
            FindingRule.of("scsi-failed", EVENT, STORAGE_IO_ERROR, "FAILED Result:",
                    "(?<scsiAddress>\\d+:\\d+:\\d+:\\d+): \\[" + DEV + "\\] (?:tag#\\d+ )?FAILED Result:"
                            + " hostbyte=(?<hostbyte>\\w+) driverbyte=(?<driverbyte>\\w+)",
                    "SCSI command failed on {device}: {hostbyte} {driverbyte}", "group", "scsi"),
            // "sd 2:0:0:0: [sdb] tag#9 Sense Key : Medium Error [current]"
            FindingRule.of("scsi-sense", EVENT, STORAGE_IO_ERROR, "Sense Key : ",
                    "\\[" + DEV + "\\] (?:tag#\\d+ )?Sense Key : (?<senseKey>Medium Error|Hardware Error|Aborted Command"
                            + "|Not Ready|Data Protect)",
                    "SCSI {sense-key} on {device}", "group", "scsi"),
            FindingRule.of("scsi-offline", EVENT, STORAGE_IO_ERROR, "offline",
                    "(?:sd|scsi) (?<device>\\d+:\\d+:\\d+:\\d+): (?<message>rejecting I/O to offline device"
                            + "|Device offlined - not ready after error recovery)",
                    "SCSI {device}: {message}", "group", "scsi"),
            // "ata1.00: failed command: READ FPDMA QUEUED"
            FindingRule.of("ata-failed", EVENT, STORAGE_IO_ERROR, "failed command: ",
                    "(?<device>ata\\d+(?:\\.\\d+)?): failed command: (?<command>[A-Z][A-Z0-9 ]{0,40})",
                    "ATA command failed on {device}: {command}", "group", "ata"),

            // ---- XFS (fs/xfs) ----
            // "XFS (vdb1): metadata I/O error in \"xfs_trans_read_buf_map\" at daddr 0x2 len 1 error 5"
            FindingRule.of("xfs-metadata-io", EVENT, STORAGE_IO_ERROR, "XFS (",
                    "XFS " + PAREN_DEV + ": metadata I/O error in \"(?<function>[^\"]{0,80})\" at daddr (?<daddr>0x[0-9a-f]+)"
                            + " len (?<len>\\d+) error (?<errno>\\d+)",
                    "XFS metadata I/O error on {device} (error {errno})", "filesystem", "xfs", "group", "xfs-io"),
            FindingRule.of("xfs-log-io", EVENT, STORAGE_IO_ERROR, "XFS (",
                    "XFS " + PAREN_DEV + ": log I/O error (?<errno>-?\\d+)",
                    "XFS log I/O error on {device} (error {errno})", "filesystem", "xfs", "group", "xfs-io"),
            // "XFS (vdb1): Log I/O Error (0x2) detected at xlog_ioend_work+0x6e/0x70 [xfs] (fs/xfs/xfs_log.c:1378).  Shutting down filesystem."
            FindingRule.of("xfs-shutting-down", EVENT, FILESYSTEM_SHUTDOWN, "Shutting down filesystem",
                    "XFS " + PAREN_DEV + ": (?<reason>.{1,240}?)\\.? +Shutting down filesystem",
                    "XFS on {device} shut down", "filesystem", "xfs", "group", "xfs-shutdown"),
            // 6.x: "XFS (vdb1): Filesystem has been shut down due to log error (0x2)."
            FindingRule.of("xfs-shut-down", EVENT, FILESYSTEM_SHUTDOWN, "Filesystem has been shut down",
                    "XFS " + PAREN_DEV + ": Filesystem has been shut down(?: due to (?<reason>[^.]{1,120}))?",
                    "XFS on {device} shut down", "filesystem", "xfs", "group", "xfs-shutdown"),
            // 4.x-5.x: "XFS (vdb1): xfs_do_force_shutdown(0x2) called from line 1272 of file fs/xfs/xfs_log.c. Return address = ..."
            FindingRule.of("xfs-force-shutdown", EVENT, FILESYSTEM_SHUTDOWN, "xfs_do_force_shutdown(",
                    "XFS " + PAREN_DEV + ": xfs_do_force_shutdown\\((?<flags>0x[0-9a-f]+)\\) called from line (?<sourceLine>\\d+)"
                            + " of file (?<sourceFile>[\\w./-]{1,80}?)\\.? ",
                    "XFS on {device} shut down", "filesystem", "xfs", "group", "xfs-shutdown"),
            FindingRule.of("xfs-corruption", EVENT, FILESYSTEM_ERROR, "XFS (",
                    "XFS " + PAREN_DEV + ": (?<message>Corruption (?:of in-memory data|detected|warning)[^.]{0,80})",
                    "XFS {message} on {device}", "filesystem", "xfs", "group", "xfs-corruption"),

            // ---- ext2/3/4 and jbd2 (fs/ext4/super.c, fs/jbd2/journal.c) ----
            // "EXT4-fs error (device vda1): ext4_find_entry:1463: inode #2: comm ls: reading directory lblock 0"
            // "EXT4-fs error (device vda1) in ext4_reserve_inode_write:5764: Journal has aborted"
            FindingRule.of("ext-error", EVENT, FILESYSTEM_ERROR, "-fs error (device ",
                    "(?<filesystem>EXT[234])-fs error \\(device (?<device>[^()\\s]{1,64})\\)(?::| in) (?<function>\\w{1,64})"
                            + "(?::(?<sourceLine>\\d+))?(?:: (?<message>.{1,200}))?",
                    "{filesystem} error on {device} in {function}", "group", "ext-error"),
            FindingRule.of("ext-read-only", EVENT, FILESYSTEM_READ_ONLY, "emounting filesystem read-only",
                    "(?<filesystem>EXT[234])-fs \\((?<device>[^()\\s]{1,64})\\): (?:error: )?[Rr]emounting filesystem read-only",
                    "{device} ({filesystem}) remounted read-only", "group", "read-only"),
            FindingRule.of("ext-superblock-io", EVENT, STORAGE_IO_ERROR, "I/O error while writing superblock",
                    "(?<filesystem>EXT[234])-fs \\((?<device>[^()\\s]{1,64})\\): I/O error while writing superblock",
                    "{filesystem} I/O error on {device} while writing superblock", "group", "ext-io"),
            // "EXT4-fs warning (device vda1): ext4_end_bio:343: I/O error 10 writing to inode 12 starting block 1234)"
            FindingRule.of("ext-end-bio", EVENT, STORAGE_IO_ERROR, "-fs warning (device ",
                    "(?<filesystem>EXT[234])-fs warning \\(device (?<device>[^()\\s]{1,64})\\): ext4_end_bio:\\d+:"
                            + " I/O error (?<errno>-?\\d+) writing to inode (?<inode>\\d+)",
                    "{filesystem} I/O error on {device} writing inode {inode}", "group", "ext-io"),
            // "Aborting journal on device vda1-8."
            FindingRule.of("jbd2-abort", EVENT, FILESYSTEM_SHUTDOWN, "Aborting journal on device ",
                    "Aborting journal on device (?<device>[^\\s]{1,64}?)(?:-\\d+)?\\.",
                    "Journal aborted on {device}", "journal", "jbd2", "group", "journal"),
            FindingRule.of("fat-read-only", EVENT, FILESYSTEM_READ_ONLY, "Filesystem has been set read-only",
                    "FAT-fs " + PAREN_DEV + ": Filesystem has been set read-only",
                    "{device} (vfat) remounted read-only", "filesystem", "vfat", "group", "read-only"),

            // ---- btrfs (fs/btrfs) ----
            // "BTRFS error (device vda1): bdev /dev/vda1 errs: wr 1, rd 0, flush 0, corrupt 0, gen 0"
            FindingRule.of("btrfs-dev-errors", EVENT, STORAGE_IO_ERROR, "BTRFS ",
                    "BTRFS \\w+ \\(device (?<device>[^():\\s]{1,64})(?:: state \\w+)?\\): bdev \\S+ errs: (?<errors>[\\w ,]{1,120})",
                    "btrfs I/O errors on {device}: {errors}", "filesystem", "btrfs", "group", "btrfs-io"),
            // "BTRFS: error (device vda1: state A) in btrfs_commit_transaction:2418: errno=-5 IO failure"
            FindingRule.of("btrfs-error", EVENT, FILESYSTEM_ERROR, "BTRFS",
                    "BTRFS(?::| critical)? error \\(device (?<device>[^():\\s]{1,64})(?:: state \\w+)?\\)(?::| in)"
                            + " (?<function>\\w{1,64})(?::\\d+)?(?:: errno=(?<errno>-?\\d+) ?(?<message>[^(]{0,120}))?",
                    "btrfs error on {device} in {function}", "filesystem", "btrfs", "group", "btrfs-error"),
            FindingRule.of("btrfs-read-only", EVENT, FILESYSTEM_READ_ONLY, "forced readonly",
                    "BTRFS \\w+ \\(device (?<device>[^():\\s]{1,64})(?:: state \\w+)?\\): forced readonly",
                    "{device} (btrfs) forced read-only", "filesystem", "btrfs", "group", "read-only"),

            // ---- mounts: which filesystem lives on which device ----
            FindingRule.of("ext-mount", MOUNT, null, "mounted filesystem",
                    "(?<filesystem>EXT[234])-fs \\((?<device>[^()\\s]{1,64})\\): mounted filesystem", ""),
            FindingRule.of("xfs-mount", MOUNT, null, "XFS (",
                    "XFS " + PAREN_DEV + ": (?:Mounting V\\d|Ending clean mount|Starting recovery)", "", "filesystem", "xfs"),
            FindingRule.of("btrfs-mount", MOUNT, null, "BTRFS",
                    "BTRFS info \\(device (?<device>[^():\\s]{1,64})\\): (?:disk space caching|using free space tree|first mount)",
                    "", "filesystem", "btrfs")
    );
}
