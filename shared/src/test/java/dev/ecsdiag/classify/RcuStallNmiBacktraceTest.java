package dev.ecsdiag.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdiag.classify.crash.Crash;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RCU stalls caught by another CPU: the stalled CPU's own NMI backtrace names the looping code,
 * while the stack dump of the CPU the grace-period kthread last ran on does not.
 */
class RcuStallNmiBacktraceTest {

    /** Trimmed from the lab's lkdtm HARDLOCKUP log (Debian 6.1, TCG): no NMI section in the trace. */
    static final String STALL_HEAD = """
            [   24.218946] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:
            [   24.222790] rcu: \t0-...0: (1 ticks this GP) idle=1f14/1/0x4000000000000000 softirq=194/194 fqs=1001
            [   24.222790] \t(detected by 1, t=5256 jiffies, g=-851, q=54 ncpus=2)
            [   24.222790] Sending NMI from CPU 1 to CPUs 0:
            [    4.243678] NMI backtrace for cpu 0
            [    4.243678] CPU: 0 PID: 95 Comm: sh Tainted: G           OE      6.1.0-56-amd64 #1  Debian 6.1.192-2
            [    4.243678] RIP: 0010:lkdtm_HARDLOCKUP+0xd/0x10 [lkdtm]
            [    4.243678] RSP: 0018:ff8499ab403ebbc0 EFLAGS: 00000082
            [    4.243678] Call Trace:
            """;

    static final String TASK_STACK = """
            [    4.243678]  <TASK>
            [    4.243678]  direct_entry.cold+0x18/0x24 [lkdtm]
            [    4.243678]  full_proxy_write+0x53/0x80
            [    4.243678]  vfs_write+0xc7/0x3f0
            [    4.243678]  ? __x64_sys_fcntl+0x90/0xc0
            [    4.243678]  ksys_write+0x6b/0xf0
            [    4.243678]  do_syscall_64+0x5d/0xb0
            [    4.243678]  entry_SYSCALL_64_after_hwframe+0x6e/0xd8
            [    4.243678]  </TASK>
            [    4.243678] INFO: NMI handler (nmi_cpu_backtrace_handler) took too long to run: 44.428 msecs
            """;

    /** What panic_on_rcu_stall=1 adds: the detecting CPU's stack, with a timer interrupt on it. */
    static final String PANIC = """
            [   25.789067] Kernel panic - not syncing: RCU Stall
            [   25.789067] CPU: 1 PID: 0 Comm: swapper/1 Tainted: G           OE      6.1.0-56-amd64 #1  Debian 6.1.192-2
            [   25.789067] Call Trace:
            [   25.789067]  <IRQ>
            [   25.789067]  dump_stack_lvl+0x44/0x5c
            [   25.789067]  panic+0x118/0x2f4
            [   25.789067]  panic_on_rcu_stall+0x30/0x35
            [   25.789067]  rcu_sched_clock_irq.cold+0x2d3/0x459
            [   25.789067]  update_process_times+0x70/0xb0
            [   25.789067]  hrtimer_interrupt+0xf4/0x210
            [   25.789067]  __sysvec_apic_timer_interrupt+0x5d/0x110
            [   25.789067]  sysvec_apic_timer_interrupt+0x69/0x90
            [   25.789067]  </IRQ>
            [   25.789067]  <TASK>
            [   25.789067]  asm_sysvec_apic_timer_interrupt+0x16/0x20
            [   25.789067]  default_idle_call+0x38/0xf0
            [   25.789067]  do_idle+0x206/0x2b0
            [   25.789067]  cpu_startup_entry+0x26/0x30
            [   25.789067]  start_secondary+0x1a/0x20
            [   25.789067]  </TASK>
            [   25.789067] ---[ end Kernel panic - not syncing: RCU Stall ]---
            """;

    /**
     * Trimmed from syzkaller corpus log 718: no stalled CPU (all quiescent states seen, the
     * grace-period kthread starves), then the stack of the CPU the kthread last ran on.
     */
    static final String GP_KTHREAD_ONLY = """
            [  146.893110][    C1] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:
            [  146.894767][    C1] rcu: \t(detected by 1, t=10002 jiffies, g=4241, q=1639 ncpus=2)
            [  146.896637][    C1] rcu: All QSes seen, last rcu_preempt kthread activity 9998 (4294951926-4294941928), jiffies_till_next_fqs=1, root ->qsmask 0x0
            [  146.901144][    C1] rcu: rcu_preempt kthread starved for 9998 jiffies! g4241 f0x2 RCU_GP_WAIT_FQS(5) ->state=0x0 ->cpu=0
            [  146.906067][    C1] rcu: RCU grace-period kthread stack dump:
            [  146.907296][    C1] task:rcu_preempt     state:R  running task     stack:26920 pid:17    tgid:17    ppid:2      flags:0x00004000
            [  146.909742][    C1] Call Trace:
            [  146.910457][    C1]  <TASK>
            [  146.911086][    C1]  __schedule+0x1335/0x44b0
            [  146.916411][    C1]  schedule+0xc9/0x240
            [  146.917276][    C1]  schedule_timeout+0x1ad/0x3c0
            [  146.923320][    C1]  rcu_gp_fqs_loop+0x2da/0x1200
            [  146.927740][    C1]  rcu_gp_kthread+0xa4/0x3a0
            [  146.931993][    C1]  kthread+0x2d8/0x370
            [  146.934956][    C1]  ret_from_fork+0x56/0x90
            [  146.937875][    C1]  </TASK>
            [  146.938518][    C1] rcu: Stack dump where RCU GP kthread last ran:
            [  146.939867][    C1] Sending NMI from CPU 1 to CPUs 0:
            [  146.941062][    C0] NMI backtrace for cpu 0
            [  146.941087][    C0] CPU: 0 PID: 5599 Comm: syz.0.104 Not tainted 6.10.0-rc5 #20
            [  146.941321][    C0] Call Trace:
            [  146.941326][    C0]  <NMI>
            [  146.941354][    C0]  ? nmi_cpu_backtrace+0x3b5/0x4c0
            [  146.941539][    C0]  ? exc_nmi+0x12d/0x200
            [  146.941615][    C0]  </NMI>
            [  146.941620][    C0]  <TASK>
            [  146.941626][    C0]  timerqueue_add+0x24d/0x280
            [  146.941649][    C0]  enqueue_hrtimer+0x11c/0x300
            [  146.941808][    C0]  dequeue_signal+0x23f/0x5b0
            [  146.941943][    C0]  get_signal+0x532/0x1650
            [  146.941983][    C0]  arch_do_signal_or_restart+0x96/0x840
            [  146.942100][    C0]  syscall_exit_to_user_mode+0x10/0x20
            [  146.942140][    C0]  do_syscall_64+0x6a/0x150
            [  146.942200][    C0]  entry_SYSCALL_64_after_hwframe+0x77/0x7f
            [  146.942248][    C0]  </TASK>
            """;

    private static Crash only(String log) throws IOException {
        List<Crash> crashes = CrashAnalyzerTest.crashes("[    0.000000] Linux version 6.1.0-56-amd64\n" + log);
        assertEquals(1, crashes.size(), crashes.toString());
        return crashes.get(0);
    }

    private static void assertStallIn(String frame, Crash c) {
        assertEquals("INFO: rcu detected stall in " + frame, c.title());
        assertEquals("HANG", c.type());
        assertEquals(frame, c.guiltyFrame());
        assertFalse(c.corrupted(), c.corruptedReason());
        assertTrue(c.altTitles().contains("stall in " + frame), c.altTitles().toString());
    }

    @Test
    void theStalledCpusNmiBacktraceNamesTheLoopAsForASoftLockup() throws IOException {
        assertStallIn("full_proxy_write", only(STALL_HEAD + TASK_STACK));
    }

    @Test
    void thePanicThatFollowsDoesNotLendItsTimerInterrupt() throws IOException {
        Crash c = only(STALL_HEAD + TASK_STACK + PANIC);
        assertStallIn("full_proxy_write", c);
        assertTrue(c.panicked());
    }

    @Test
    void theNmiHandlersOwnFramesAreSkipped() throws IOException {
        String nmi = """
                [    4.243678]  <NMI>
                [    4.243678]  nmi_cpu_backtrace+0xd3/0x100
                [    4.243678]  nmi_cpu_backtrace_handler+0x11/0x20
                [    4.243678]  nmi_handle+0x5e/0x140
                [    4.243678]  default_do_nmi+0x45/0x120
                [    4.243678]  exc_nmi+0x131/0x170
                [    4.243678]  end_repeat_nmi+0x16/0x67
                [    4.243678]  </NMI>
                """;
        assertStallIn("full_proxy_write", only(STALL_HEAD + nmi + TASK_STACK));
    }

    @Test
    void anInterruptThatHappenedToRunIsNotWhatStalls() throws IOException {
        // trimmed from syzkaller corpus log 501 (5.8): the NMI caught CPU 0 in a timer interrupt
        String log = """
                [  809.100032][    C1] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:
                [  809.107137][    C1] rcu: \t0-...0: (1 GPs behind) idle=59a/1/0x4000000000000000 softirq=8266/8267 fqs=5250
                [  809.117093][    C1] \t(detected by 1, t=10502 jiffies, g=6117, q=61)
                [  809.123600][    C1] Sending NMI from CPU 1 to CPUs 0:
                [  809.130926][    C1] NMI backtrace for cpu 0
                [  809.130931][    C1] CPU: 0 PID: 6826 Comm: syz-executor019 Not tainted 5.8.0-rc3-syzkaller #0
                [  809.130993][    C1] Call Trace:
                [  809.130995][    C1]  <IRQ>
                [  809.130997][    C1]  _raw_spin_lock+0xe/0x40
                [  809.131000][    C1]  advance_sched+0x47/0x8c0
                [  809.131012][    C1]  __hrtimer_run_queues+0x47f/0x930
                [  809.131014][    C1]  hrtimer_interrupt+0x373/0xd60
                [  809.131017][    C1]  __sysvec_apic_timer_interrupt+0xf0/0x260
                [  809.131020][    C1]  asm_call_on_stack+0xf/0x20
                [  809.131022][    C1]  </IRQ>
                [  809.131025][    C1]  sysvec_apic_timer_interrupt+0xb9/0x130
                [  809.131028][    C1]  asm_sysvec_apic_timer_interrupt+0x12/0x20
                [  809.131066][    C1]  taprio_change+0x4245/0x51f0
                [  809.131072][    C1]  qdisc_create+0x7d1/0x1410
                [  809.131077][    C1]  tc_modify_qdisc+0x962/0x1d90
                [  809.131082][    C1]  rtnetlink_rcv_msg+0x889/0xd40
                [  809.131105][    C1]  netlink_rcv_skb+0x190/0x3a0
                [  809.131141][    C1]  do_syscall_64+0x73/0xe0
                [  809.131144][    C1]  entry_SYSCALL_64_after_hwframe+0x44/0xa9
                """;
        assertStallIn("tc_modify_qdisc", only(log));
    }

    @Test
    void aBacktraceOfACpuThatIsNotStalledIsNotRead() throws IOException {
        String otherCpu = STALL_HEAD.replace("NMI backtrace for cpu 0", "NMI backtrace for cpu 1");
        assertEquals("INFO: rcu detected stall in corrupted", only(otherCpu + TASK_STACK).title());
    }

    @Test
    void theGracePeriodKthreadsLastCpuIsAnotherCpusStackSoTheTitleStaysCorrupted() throws IOException {
        Crash c = only(GP_KTHREAD_ONLY);
        assertEquals("INFO: rcu detected stall in corrupted", c.title());
        assertTrue(c.corrupted());
    }

    @Test
    void aStalledCpuDumpedOnlyAfterTheGracePeriodKthreadsStackIsNotReadEither() throws IOException {
        // CPU 0 is listed as stalled, but its only NMI backtrace is the one asked for the kthread
        String named = GP_KTHREAD_ONLY.replace("[  146.894767][    C1] rcu: \t(detected",
                "[  146.894700][    C1] rcu: \t0-...!: (1 GPs behind) idle=1f14/1/0x4000000000000000 softirq=1/1 fqs=0\n"
                        + "[  146.894767][    C1] rcu: \t(detected");
        assertEquals("INFO: rcu detected stall in corrupted", only(named).title());
    }
}
