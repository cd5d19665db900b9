package dev.ecsdiag.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic console log of any size, produced piece by piece so it never has to sit in memory:
 * boots (banner, early kernel messages, initramfs, root mount, systemd, login prompt) followed by
 * steady healthy noise from the kernel and user space, with kernel crash reports (WARNING, NULL
 * pointer oops, KASAN use-after-free, hung task) injected at random intervals. Each boot picks
 * how its lines look: bare printk timestamps, printk caller ids, printk level prefixes, or
 * journal/syslog prefixes ({@code Nov 25 17:42:08 ci-vm-3 kernel: [   12.345678] ...}), with LF
 * or CRLF line ends, as serial consoles and log collectors produce them.
 *
 * <p>Everything is drawn from a seeded random generator: the same seed gives the same bytes.
 * {@link #crashesInjected()} counts the reports written so far, so a test can check that the
 * classifier finds every one of them.
 */
public final class SyntheticConsoleLog {

    private static final String RELEASE = "6.1.0-56-amd64";
    private static final String HARDWARE = "Alibaba Cloud Alibaba Cloud ECS, BIOS 449e491 04/01/2014";

    private final SplittableRandom random;
    private final long meanBytesBetweenCrashes;
    private final long bytesPerBoot;

    private long produced;
    private long crashes;
    private long nextCrashAt;
    private long bootEndsAt;
    private int boots;
    private boolean inBoot;
    private int bootStep;
    private double clock;
    private long wallSeconds = 1_764_092_528L; // 2025-11-25 17:42:08 UTC, advances with the clock
    private Style style;
    private String eol;
    private final StringBuilder sb = new StringBuilder(8192);
    private static final String[] CALLERS = {"    T1", "  T245", " T4242", "    C0", "    C1"};
    private String caller = CALLERS[0];

    /** How one boot's lines are prefixed. */
    enum Style { PRINTK, CALLER_ID, LEVEL, JOURNAL }

    /**
     * @param seed                    the same seed gives the same log
     * @param meanBytesBetweenCrashes average distance between two crash reports
     * @param bytesPerBoot            roughly how much output each boot prints before the next reboot
     */
    public SyntheticConsoleLog(long seed, long meanBytesBetweenCrashes, long bytesPerBoot) {
        this.random = new SplittableRandom(seed);
        this.meanBytesBetweenCrashes = Math.max(4096, meanBytesBetweenCrashes);
        this.bytesPerBoot = Math.max(64 * 1024, bytesPerBoot);
        this.nextCrashAt = this.meanBytesBetweenCrashes / 2 + random.nextLong(this.meanBytesBetweenCrashes);
        startBoot();
    }

    /** A crash every 256 KB on average, a reboot every 256 KB on average (4 boots per MB, one per line style). */
    public SyntheticConsoleLog(long seed) {
        this(seed, 256 * 1024, 256 * 1024);
    }

    public long crashesInjected() {
        return crashes;
    }

    public long bytesProduced() {
        return produced;
    }

    public int boots() {
        return boots;
    }

    /** The next piece of the log: one or a few lines, or a whole crash report (never split). */
    public byte[] nextChunk() {
        sb.setLength(0);
        caller = CALLERS[random.nextInt(CALLERS.length)];
        if (produced >= bootEndsAt && !inBoot) {
            line("kernel", "reboot: Restarting system");
            startBoot();
        } else if (inBoot) {
            bootLines();
        } else if (produced >= nextCrashAt) {
            crashReport();
            crashes++;
            nextCrashAt = produced + meanBytesBetweenCrashes / 2 + random.nextLong(meanBytesBetweenCrashes);
        } else {
            noise();
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        produced += bytes.length;
        return bytes;
    }

    /** Writes whole pieces until at least {@code targetBytes} are written; returns the bytes written. */
    public long writeTo(OutputStream out, long targetBytes) throws IOException {
        long start = produced;
        while (produced - start < targetBytes) {
            out.write(nextChunk());
        }
        return produced - start;
    }

    /** The log as a stream of at least {@code targetBytes} bytes, generated while it is read. */
    public InputStream stream(long targetBytes) {
        return new ChunkStream(targetBytes);
    }

    private final class ChunkStream extends InputStream {
        private final long target;
        private long emitted;
        private byte[] chunk = new byte[0];
        private int pos;

        ChunkStream(long target) {
            this.target = target;
        }

        private boolean fill() {
            while (pos >= chunk.length) {
                if (emitted >= target) {
                    return false;
                }
                chunk = nextChunk();
                pos = 0;
                emitted += chunk.length;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    // ---- boots ------------------------------------------------------------------------------

    private void startBoot() {
        wallSeconds += (long) clock + 30;
        boots++;
        inBoot = true;
        bootStep = 0;
        clock = 0;
        // boots take the styles in turn, so logs of any size (past a few boots) hold the same mix
        style = Style.values()[(boots - 1) % Style.values().length];
        eol = random.nextInt(3) == 0 ? "\r\n" : "\n";
        bootEndsAt = produced + bytesPerBoot / 2 + random.nextLong(bytesPerBoot);
    }

    private static final List<String> EARLY = List.of(
            "x86/fpu: Supporting XSAVE feature 0x001: 'x87 floating point registers'",
            "BIOS-provided physical RAM map:",
            "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable",
            "BIOS-e820: [mem 0x0000000000100000-0x00000000bffd9fff] usable",
            "NX (Execute Disable) protection: active",
            "SMBIOS 2.8 present.",
            "DMI: " + HARDWARE,
            "Hypervisor detected: KVM",
            "kvm-clock: Using msrs 4b564d01 and 4b564d00",
            "tsc: Detected 2499.998 MHz processor",
            "ACPI: Early table checksum verification disabled",
            "ACPI: RSDP 0x00000000000F5A50 000014 (v00 BOCHS )",
            "Zone ranges:",
            "  DMA      [mem 0x0000000000001000-0x0000000000ffffff]",
            "  DMA32    [mem 0x0000000001000000-0x00000000ffffffff]",
            "percpu: Embedded 61 pages/cpu s212992 r8192 d28672 u1048576",
            "Built 1 zonelists, mobility grouping on.  Total pages: 1031876",
            "Memory: 3986732K/4193764K available (14343K kernel code, 2439K rwdata)",
            "rcu: Hierarchical RCU implementation.",
            "Console: colour VGA+ 80x25",
            "printk: console [ttyS0] enabled",
            "clocksource: tsc-early: mask: 0xffffffffffffffff max_cycles: 0x24093623c91",
            "pid_max: default: 32768 minimum: 301",
            "smp: Bringing up secondary CPUs ...",
            "smp: Brought up 1 node, 2 CPUs",
            "devtmpfs: initialized",
            "PCI: Using configuration type 1 for base access",
            "SCSI subsystem initialized",
            "NetLabel: Initializing",
            "clocksource: Switched to clocksource kvm-clock",
            "NET: Registered PF_INET protocol family",
            "Trying to unpack rootfs image as initramfs...",
            "Freeing initrd memory: 34512K",
            "Serial: 8250/16550 driver, 4 ports, IRQ sharing enabled",
            "virtio_blk virtio2: [vda] 83886080 512-byte logical blocks (42.9 GB/40.0 GiB)",
            " vda: vda1 vda14 vda15",
            "Freeing unused kernel image (initmem) memory: 2920K",
            "Write protecting the kernel read-only data: 26624k",
            "Run /init as init process",
            "EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.",
            "Run /sbin/init as init process");

    private static final List<String> SYSTEMD = List.of(
            "systemd 252.38-1~deb12u1 running in system mode (+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP)",
            "Detected virtualization kvm.",
            "Detected architecture x86-64.",
            "Hostname set to <ci-vm-3>.",
            "Queued start job for default target graphical.target.",
            "Created slice system-getty.slice - Slice /system/getty.",
            "Reached target cryptsetup.target - Local Encrypted Volumes.",
            "Listening on systemd-journald.socket - Journal Socket.",
            "Starting systemd-fsck-root.service - File System Check on Root Device...",
            "Finished systemd-fsck-root.service - File System Check on Root Device.",
            "Started systemd-journald.service - Journal Service.",
            "Reached target local-fs.target - Local File Systems.",
            "Starting networking.service - Raise network interfaces...",
            "Started ssh.service - OpenBSD Secure Shell server.",
            "Reached target multi-user.target - Multi-User System.",
            "Startup finished in 2.104s (kernel) + 5.871s (userspace) = 7.975s.");

    private void bootLines() {
        if (bootStep == 0) {
            line("kernel", "Linux version " + RELEASE + " (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0)"
                    + " #1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22)");
            line("kernel", "Command line: BOOT_IMAGE=/boot/vmlinuz-" + RELEASE + " root=UUID=4f2c1e8a-1b7d-4a4e-9d3c-7c0f2b1e5a66"
                    + " ro console=tty0 console=ttyS0,115200n8 net.ifnames=0");
        } else if (bootStep <= EARLY.size()) {
            line("kernel", EARLY.get(bootStep - 1));
        } else if (bootStep <= EARLY.size() + SYSTEMD.size()) {
            userLine("systemd[1]", SYSTEMD.get(bootStep - EARLY.size() - 1));
        } else {
            raw("");
            raw("Debian GNU/Linux 12 ci-vm-3 ttyS0");
            raw("");
            raw("ci-vm-3 login: ");
            inBoot = false;
        }
        bootStep++;
    }

    // ---- healthy noise ----------------------------------------------------------------------

    private static final String[] UNITS = {"apt-daily.service", "logrotate.service", "man-db.service",
        "systemd-tmpfiles-clean.service", "phpsessionclean.service", "fstrim.service"};
    private static final String[] IFACES = {"eth0", "docker0", "veth3f2a1c9", "br-5e1c0a9d"};

    private void noise() {
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(10)) {
                case 0 -> line("kernel", "audit: type=1400 audit(" + wallSeconds + "." + (100 + random.nextInt(900))
                        + ":" + random.nextInt(100000) + "): apparmor=\"STATUS\" operation=\"profile_load\""
                        + " profile=\"unconfined\" name=\"docker-default\" pid=" + (1000 + random.nextInt(30000))
                        + " comm=\"apparmor_parser\"");
                case 1 -> {
                    String i1 = IFACES[random.nextInt(IFACES.length)];
                    line("kernel", i1 + ": port " + (1 + random.nextInt(4)) + "(veth" + Long.toHexString(random.nextLong() >>> 36)
                            + ") entered " + (random.nextBoolean() ? "forwarding" : "blocking") + " state");
                }
                case 2 -> line("kernel", "IPv6: ADDRCONF(NETDEV_CHANGE): veth" + Long.toHexString(random.nextLong() >>> 36)
                        + ": link becomes ready");
                case 3 -> userLine("systemd[1]", "Started session-" + random.nextInt(5000) + ".scope - Session "
                        + random.nextInt(5000) + " of User ci.");
                case 4 -> {
                    String unit = UNITS[random.nextInt(UNITS.length)];
                    userLine("systemd[1]", unit + ": Deactivated successfully.");
                    userLine("systemd[1]", "Finished " + unit + ".");
                }
                case 5 -> userLine("sshd[" + (1000 + random.nextInt(30000)) + "]", "Accepted publickey for ci from 10.0."
                        + random.nextInt(256) + "." + random.nextInt(256) + " port " + (30000 + random.nextInt(30000))
                        + " ssh2: ED25519 SHA256:Yx3kQ0pR7b2mVd9sLw4fTn8cHj6eAz1uKq5oNi2gBvE");
                case 6 -> line("kernel", "EXT4-fs (vda1): resizing filesystem from " + random.nextInt(1 << 20)
                        + " to " + random.nextInt(1 << 22) + " blocks");
                case 7 -> userLine("CRON[" + (1000 + random.nextInt(30000)) + "]",
                        "(root) CMD (test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.hourly; })");
                case 8 -> line("kernel", "docker0: port 1(veth" + Long.toHexString(random.nextLong() >>> 36)
                        + ") entered disabled state");
                default -> raw("+ mvn -B -q verify -Dtest=Suite" + random.nextInt(100) + " # test output from the CI job, "
                        + "step " + random.nextInt(1000) + " of the build");
            }
        }
    }

    // ---- crash reports ----------------------------------------------------------------------

    private static final String[][] PATHS = {
        {"ext4_write_begin", "ext4_buffered_write_iter", "vfs_write", "ksys_write"},
        {"tcp_sendmsg_locked", "tcp_sendmsg", "sock_sendmsg", "__sys_sendto"},
        {"xfs_file_buffered_write", "xfs_file_write_iter", "vfs_write", "ksys_write"},
        {"blk_mq_submit_bio", "submit_bio_noacct", "ext4_io_submit", "ext4_writepages"},
        {"kmem_cache_alloc", "alloc_inode", "new_inode", "ext4_new_inode"},
    };

    private void crashReport() {
        int cpu = random.nextInt(2);
        int pid = 300 + random.nextInt(60000);
        String comm = random.nextBoolean() ? "stress-ng" : "kworker/u4:2";
        String[] path = PATHS[random.nextInt(PATHS.length)];
        switch (random.nextInt(4)) {
            case 0 -> warning(cpu, pid, comm, path);
            case 1 -> nullDeref(cpu, pid, comm, path);
            case 2 -> kasan(cpu, pid, comm, path);
            default -> hungTask(path);
        }
    }

    private String frame(String function) {
        return " " + function + "+0x" + Integer.toHexString(1 + random.nextInt(0x300)) + "/0x"
                + Integer.toHexString(0x300 + random.nextInt(0x400));
    }

    private void task(int cpu, int pid, String comm) {
        line("kernel", "CPU: " + cpu + " PID: " + pid + " Comm: " + comm + " Not tainted " + RELEASE + " #1 Debian 6.1.140-1");
        line("kernel", "Hardware name: " + HARDWARE);
    }

    private void registers(String rip) {
        line("kernel", "RIP: 0010:" + rip.trim());
        line("kernel", "Code: 48 89 df e8 d5 fe ff ff 48 8b 43 08 48 85 c0 74 0b <0f> 0b 48 83 c4 08 5b 5d c3 cc");
        line("kernel", "RSP: 0018:ffffb3c0c1d3bc48 EFLAGS: 00010246");
        line("kernel", "RAX: 0000000000000000 RBX: ffff9b1e4a2c3d00 RCX: 0000000000000000");
        line("kernel", "RDX: 0000000000000001 RSI: 0000000000000cc0 RDI: ffff9b1e4a2c3d00");
        line("kernel", "RBP: ffffb3c0c1d3bcb0 R08: 0000000000000000 R09: ffffb3c0c1d3bb40");
        line("kernel", "R10: 0000000000000000 R11: 0000000000000001 R12: 0000000000000cc0");
        line("kernel", "R13: ffff9b1e40c4e000 R14: 0000000000000000 R15: ffff9b1e4a2c3d00");
        line("kernel", "FS:  00007f4c8a7fc740(0000) GS:ffff9b1f7bc80000(0000) knlGS:0000000000000000");
        line("kernel", "CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033");
    }

    private void trace(String[] path) {
        line("kernel", "Call Trace:");
        line("kernel", " <TASK>");
        for (String f : path) {
            line("kernel", frame(f));
        }
        line("kernel", frame("do_syscall_64"));
        line("kernel", frame("entry_SYSCALL_64_after_hwframe"));
        line("kernel", " </TASK>");
    }

    private void warning(int cpu, int pid, String comm, String[] path) {
        String rip = frame(path[0]);
        line("kernel", "------------[ cut here ]------------");
        line("kernel", "WARNING: CPU: " + cpu + " PID: " + pid + " at fs/ext4/inode.c:" + (100 + random.nextInt(5000)) + " " + rip.trim());
        line("kernel", "Modules linked in: nf_tables nfnetlink xfs virtio_net");
        task(cpu, pid, comm);
        registers(rip);
        trace(path);
        line("kernel", "---[ end trace " + String.format("%016x", random.nextLong()) + " ]---");
    }

    private void nullDeref(int cpu, int pid, String comm, String[] path) {
        String rip = frame(path[0]);
        line("kernel", "BUG: kernel NULL pointer dereference, address: 0000000000000008");
        line("kernel", "#PF: supervisor read access in kernel mode");
        line("kernel", "#PF: error_code(0x0000) - not-present page");
        line("kernel", "PGD 0 P4D 0 ");
        line("kernel", "Oops: 0000 [#1] PREEMPT SMP NOPTI");
        task(cpu, pid, comm);
        registers(rip);
        trace(path);
        line("kernel", "Modules linked in: nf_tables nfnetlink xfs virtio_net");
        line("kernel", "CR2: 0000000000000008");
        line("kernel", "---[ end trace 0000000000000000 ]---");
    }

    private void kasan(int cpu, int pid, String comm, String[] path) {
        String sep = "==================================================================";
        line("kernel", sep);
        line("kernel", "BUG: KASAN: use-after-free in " + frame(path[0]).trim());
        line("kernel", "Read of size 8 at addr ffff88801c2d3e40 by task " + comm + "/" + pid);
        line("kernel", "");
        task(cpu, pid, comm);
        line("kernel", "Call Trace:");
        line("kernel", " <TASK>");
        line("kernel", frame("dump_stack_lvl"));
        line("kernel", frame("print_report"));
        line("kernel", frame("kasan_report"));
        for (String f : path) {
            line("kernel", frame(f));
        }
        line("kernel", frame("do_syscall_64"));
        line("kernel", " </TASK>");
        line("kernel", "");
        line("kernel", "Allocated by task " + pid + ":");
        line("kernel", frame("kasan_save_stack"));
        line("kernel", frame("__kasan_kmalloc"));
        line("kernel", frame(path[path.length - 1]));
        line("kernel", "");
        line("kernel", "Freed by task " + pid + ":");
        line("kernel", frame("kasan_save_stack"));
        line("kernel", frame("kfree"));
        line("kernel", frame(path[1]));
        line("kernel", "");
        line("kernel", "The buggy address belongs to the object at ffff88801c2d3e00");
        line("kernel", " which belongs to the cache kmalloc-128 of size 128");
        line("kernel", sep);
    }

    private void hungTask(String[] path) {
        int pid = 200 + random.nextInt(1000);
        line("kernel", "INFO: task jbd2/vda1-8:" + pid + " blocked for more than 120 seconds.");
        line("kernel", "      Not tainted " + RELEASE + " #1 Debian 6.1.140-1");
        line("kernel", "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.");
        line("kernel", "task:jbd2/vda1-8     state:D stack:0     pid:" + pid + "   ppid:2      flags:0x00004000");
        line("kernel", "Call Trace:");
        line("kernel", " <TASK>");
        line("kernel", frame("__schedule"));
        line("kernel", frame("schedule"));
        line("kernel", frame("io_schedule"));
        line("kernel", frame("jbd2_journal_commit_transaction"));
        line("kernel", frame("kjournald2"));
        line("kernel", frame("kthread"));
        line("kernel", frame("ret_from_fork"));
        line("kernel", " </TASK>");
    }

    // ---- line formatting --------------------------------------------------------------------

    /** A kernel line in this boot's style; {@code source} is the journal identifier. */
    private void line(String source, String text) {
        clock += random.nextInt(4000) / 1e6;
        if (random.nextInt(64) == 0) {
            clock += random.nextInt(30);
        }
        long micros = (long) (clock * 1e6);
        String ts = printkTime(micros);
        switch (style) {
            case PRINTK -> sb.append(ts).append(' ');
            case CALLER_ID -> sb.append(ts).append('[').append(caller).append("] ");
            case LEVEL -> sb.append('<').append(text.startsWith("WARNING") || text.startsWith("BUG") ? 4 : 6).append('>')
                    .append(ts).append(' ');
            case JOURNAL -> journalHeader(source).append(ts).append(' ');
        }
        sb.append(text).append(eol);
    }

    /** A user-space line: journal style in JOURNAL boots, a bare line on the console otherwise. */
    private void userLine(String source, String text) {
        clock += random.nextInt(4000) / 1e6;
        if (style == Style.JOURNAL) {
            journalHeader(source);
        } else if (source.startsWith("systemd")) {
            sb.append("[  OK  ] ");
        }
        sb.append(text).append(eol);
    }

    private void raw(String text) {
        sb.append(text).append(eol);
    }

    private StringBuilder journalHeader(String source) {
        long t = wallSeconds + (long) clock;
        long secOfDay = Math.floorMod(t, 86400L);
        sb.append("Nov 25 ");
        two(secOfDay / 3600).append(':');
        two(secOfDay / 60 % 60).append(':');
        two(secOfDay % 60).append(" ci-vm-3 ").append(source).append(": ");
        return sb;
    }

    private StringBuilder two(long v) {
        return sb.append(v < 10 ? "0" : "").append(v);
    }

    /** {@code [   12.345678]}: seconds right-aligned in 5 columns, 6 digits of microseconds. */
    private static String printkTime(long micros) {
        String secs = Long.toString(micros / 1_000_000);
        String frac = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        StringBuilder b = new StringBuilder(16).append('[');
        for (int i = secs.length(); i < 5; i++) {
            b.append(' ');
        }
        return b.append(secs).append('.').append(frac).append(']').toString();
    }
}
