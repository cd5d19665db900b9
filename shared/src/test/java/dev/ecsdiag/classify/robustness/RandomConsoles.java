package dev.ecsdiag.classify.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random console logs: plain random bytes, bytes biased towards line ends and control
 * characters, and "token soup" — random sequences of the words the classifier looks for
 * (report headers, frames, prefixes, boot milestones, OOM and storage messages), which walk the
 * parser through far more of its states than random bytes do.
 */
final class RandomConsoles {

    private static final String[] TOKENS = {
        "\n", "\n", "\n", "\r\n", "\r", " ", " ", "  ", "\t", "\u0000", "\u001b[0m", "\u001b[1;31m",
        "[   12.345678] ", "[    0.000000] ", "[ 9999.999999][ T1234] ", "[  C1] ", "<0>", "<3>", "<4>", "<7>", "<13>",
        "Nov 25 17:42:08 ci-vm-3 kernel: ", "[Tue Nov 25 17:42:08 2025] ", "ci-vm-3 systemd[1]: ",
        "BUG: ", "BUG: KASAN: use-after-free in ", "BUG: kernel NULL pointer dereference, address: 0000000000000008",
        "BUG: unable to handle kernel paging request at ", "WARNING: CPU: 0 PID: 1 at mm/slub.c:10 ", "WARNING: ",
        "------------[ cut here ]------------", "---[ end trace 0000000000000000 ]---", "general protection fault: 0000 [#1] SMP KASAN",
        "Oops: 0000 [#1] PREEMPT SMP", "kernel BUG at fs/ext4/inode.c:123!", "INFO: task kworker/0:1:12 blocked for more than 120 seconds.",
        "INFO: rcu_sched self-detected stall on CPU", "watchdog: BUG: soft lockup - CPU#0 stuck for 22s!",
        "Kernel panic - not syncing: ", "Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b",
        "Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)", "UBSAN: ", "KMSAN: ", "KFENCE: ",
        "==================================================================", "possible deadlock", "WARNING: possible circular locking dependency detected",
        "Call Trace:", " <TASK>", " </TASK>", " <IRQ>", " </IRQ>", "Call Trace:\n", " ? ", "[<ffffffff81234567>] ", "[<ffffffff",
        "foo+0x1/0x2", "tcp_close+0x2a/0x60 [ipv6]", "__alloc_pages+0x1a/0x330", "kasan_report+0x10/0x20", "dump_stack+0x1/0x2",
        "RIP: 0010:", "RIP: 0033:0x7f1234567890", "RSP: 0018:ffffb3c0c1d3bc48 EFLAGS: 00010246", "RAX: 0000000000000000 RBX: ",
        "CPU: 1 PID: 4321 Comm: syz-executor Not tainted 6.1.0 #1", "CPU: 0 PID: 1 Comm: swapper/0 Tainted: G        W  OE ",
        "Hardware name: Alibaba Cloud ECS", "Modules linked in: xfs", "Code: 48 89 <0f> 0b", "Read of size 8 at addr ffff888012345678 by task a/1",
        "Allocated by task 1:", "Freed by task 1:", "The buggy address belongs to", "Linux version 6.1.0-56-amd64 (gcc) #1 SMP",
        "Command line: root=/dev/vda1 console=ttyS0", "Run /init as init process", "Freeing unused kernel image",
        "EXT4-fs (vda1): mounted filesystem", "systemd[1]: Reached target multi-user.target", "login: ", "ci-vm-3 login: ",
        "Welcome to emergency mode!", "dracut-initqueue[312]: Warning: dracut-initqueue timeout", "error: file '/boot/vmlinuz' not found.",
        "reboot: Restarting system", "Out of memory: Killed process 812 (stress) total-vm:1000kB, anon-rss:900kB",
        "oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/a,task_memcg=/a,task=stress,pid=812,uid=0",
        "Memory cgroup out of memory: Killed process 9 (x)", "invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0",
        "blk_update_request: I/O error, dev vda, sector 1234 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 0",
        "critical medium error, dev sdb, sector 42", "nvme nvme0: I/O 12 QID 3 timeout, aborting", "Buffer I/O error on dev vda1, logical block 9",
        "XFS (vdb): Filesystem has been shut down due to log error (0x2).", "EXT4-fs error (device vda1): ext4_find_entry:1455: inode #2",
        "EXT4-fs (vda1): Remounting filesystem read-only", "fsck failed", "Attempted to kill init!", "sysrq: ",
        "a", "ffffffff", "0x", "+", "/", "[", "]", ":", "(", ")", "#", "é", "\u00ff",
    };

    private RandomConsoles() {
    }

    static byte[] uniformBytes(SplittableRandom random, int maxLength) {
        byte[] b = new byte[random.nextInt(maxLength + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    /** Mostly printable ASCII with many line ends, CRs, NULs, escapes and high bytes. */
    static byte[] biasedBytes(SplittableRandom random, int maxLength) {
        byte[] special = {'\n', '\n', '\r', 0, 0x1b, '[', ']', (byte) 0x80, (byte) 0xC3, (byte) 0xFF, ' ', '<', '>', ':'};
        byte[] b = new byte[random.nextInt(maxLength + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextInt(5) == 0 ? special[random.nextInt(special.length)] : (byte) (32 + random.nextInt(95));
        }
        return b;
    }

    static byte[] tokenSoup(SplittableRandom random, int maxTokens) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = random.nextInt(maxTokens + 1);
        for (int i = 0; i < n; i++) {
            byte[] t = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
            out.write(t, 0, t.length);
        }
        return out.toByteArray();
    }
}
