package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.crash.Crash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * arm64 page-fault oopses whose first line ({@code Unable to handle kernel ...}) was cut off
 * (issue 11), written after arch/arm64/mm/fault.c's output: the kinds the corpus does not hold
 * (kernel threads' {@code user address but active_mm is swapper}, permission faults, addresses
 * whose kind depends on the page size) and the lines that must not be taken for proof.
 * {@link HeaderlessArmOopsCorpusTest} checks the same rules on the corpus' real reports.
 */
class TruncatedArmReportTest {

    /** An arm64 oops from its {@code Mem abort info:} line on, as die_kernel_fault prints it. */
    private static String arm64Oops(String esr, String fsc, String wnr, String pageTable, String function) {
        return String.join("\n",
                "[  301.100001] Mem abort info:",
                "[  301.100002]   ESR = 0x" + esr,
                "[  301.100003]   EC = 0x25: DABT (current EL), IL = 32 bits",
                "[  301.100004]   SET = 0, FnV = 0",
                "[  301.100005]   EA = 0, S1PTW = 0",
                "[  301.100006]   FSC = " + fsc,
                "[  301.100007] Data abort info:",
                "[  301.100008]   ISV = 0, ISS = 0x000000" + esr.substring(esr.length() - 2) + ", ISS2 = 0x00000000",
                "[  301.100009]   CM = 0, WnR = " + wnr + ", TnD = 0, TagAccess = 0",
                "[  301.100010] swapper pgtable: 4k pages, 48-bit VAs, pgdp=0000000041a2e000",
                "[  301.100011] " + pageTable,
                "[  301.100012] Internal error: Oops: " + esr + " [#1] PREEMPT SMP",
                "[  301.100013] Modules linked in: demo_drv",
                "[  301.100014] CPU: 2 PID: 77 Comm: kworker/2:1 Not tainted 6.6.0 #1",
                "[  301.100015] Hardware name: linux,dummy-virt (DT)",
                "[  301.100016] Workqueue: events demo_work",
                "[  301.100017] pstate: 60400005 (nZCv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)",
                "[  301.100018] pc : " + function + "+0x24/0x60 [demo_drv]",
                "[  301.100019] lr : process_one_work+0x1f0/0x4a0",
                "[  301.100020] sp : ffff800082a3bd60",
                "[  301.100021] x29: ffff800082a3bd60 x28: 0000000000000000 x27: ffff0000c0a1b805",
                "[  301.100022] x2 : 0000000000000000 x1 : ffff0000c1234560 x0 : 0000000000000000",
                "[  301.100023] Call trace:",
                "[  301.100024]  " + function + "+0x24/0x60 [demo_drv]",
                "[  301.100025]  process_one_work+0x1f0/0x4a0",
                "[  301.100026]  worker_thread+0x2c8/0x3f8",
                "[  301.100027]  kthread+0x110/0x114",
                "[  301.100028]  ret_from_fork+0x10/0x20",
                "[  301.100029] Code: f9400c20 d2800001 b9001c1f d65f03c0 (f9400400)",
                "[  301.100030] ---[ end trace 0000000000000000 ]---",
                "");
    }

    private static List<Crash> crashes(String log) {
        return new ConsoleClassifier().classify(log.getBytes(StandardCharsets.UTF_8)).crashes();
    }

    private static Crash only(String log) {
        List<Crash> crashes = crashes(log);
        assertThat(crashes).hasSize(1);
        return crashes.get(0);
    }

    @Test
    void aKernelThreadsNullPointerDereferenceIsTitledSo() {
        Crash crash = only(arm64Oops("0000000096000005", "0x05: level 1 translation fault", "0",
                "[0000000000000010] user address but active_mm is swapper", "demo_work_fn"));
        assertThat(crash.title()).isEqualTo("BUG: unable to handle kernel NULL pointer dereference in demo_work_fn");
        assertThat(crash.type()).isEqualTo("NULL-POINTER-DEREFERENCE");
        assertThat(crash.corrupted()).isFalse();
    }

    @Test
    void aTranslationFaultOnAKernelAddressIsAPagingRequest() {
        Crash crash = only(arm64Oops("0000000096000047", "0x07: level 3 translation fault", "1",
                "[ffff800081f2a010] pgd=10000000bffff003, p4d=10000000bffff003, pud=10000000bfffe003,"
                        + " pmd=10000000bfffb003, pte=0000000000000000", "demo_work_fn"));
        assertThat(crash.title()).isEqualTo("BUG: unable to handle kernel paging request in demo_work_fn");
        assertThat(crash.type()).isEqualTo("MEMORY_SAFETY_BUG");
    }

    /** Old arm64 kernels printed addresses with "%08lx" and ESR with 8 digits, and no ESR decoding. */
    @Test
    void anOldKernelsShortAddressIsStillANullPointerDereference() {
        String log = String.join("\n",
                "[   42.000001] pgd = ffffffc0b1c2d000",
                "[   42.000002] [00000010] *pgd=0000000000000000, *pud=0000000000000000",
                "[   42.000003] Internal error: Oops: 96000005 [#1] PREEMPT SMP",
                "[   42.000004] CPU: 0 PID: 1201 Comm: demo Not tainted 4.4.0 #1",
                "[   42.000005] PC is at demo_ioctl+0x30/0x88",
                "[   42.000006] LR is at demo_ioctl+0x24/0x88",
                "[   42.000007] pc : [<ffffffc000612345>] lr : [<ffffffc000612339>] pstate: 80000145",
                "[   42.000008] Call trace:",
                "[   42.000009] [<ffffffc000612345>] demo_ioctl+0x30/0x88",
                "[   42.000010] [<ffffffc0001f0a1c>] do_vfs_ioctl+0x4a4/0x7a0",
                "[   42.000011] [<ffffffc0001f0d9c>] SyS_ioctl+0x84/0x98",
                "[   42.000012] [<ffffffc000085db0>] el0_svc_naked+0x24/0x28",
                "");
        Crash crash = only(log);
        assertThat(crash.title()).isEqualTo("BUG: unable to handle kernel NULL pointer dereference in demo_ioctl");
    }

    /**
     * At 0x2000 the kernel said "NULL pointer dereference" with 16 or 64 KB pages and "paging
     * request" with 4 KB pages; the page-table line does not say which.
     */
    @Test
    void anAddressWhoseKindDependsOnThePageSizeIsNotGuessed() {
        Crash crash = only(arm64Oops("0000000096000006", "0x06: level 2 translation fault", "0",
                "[0000000000002000] user address but active_mm is swapper", "demo_work_fn"));
        assertThat(crash.title()).isEqualTo("Internal error in demo_work_fn");
        assertThat(crash.corrupted()).isTrue();
    }

    /**
     * A permission fault was "paging request" in old kernels and "write to read-only memory" (or
     * "access to user memory outside uaccess routines" on a user address) in newer ones: the
     * remaining lines do not prove the kind, so the kernel's own line is the title.
     */
    @Test
    void aPermissionFaultIsNotTakenForAPagingRequest() {
        Crash crash = only(arm64Oops("000000009600004f", "0x0f: level 3 permission fault", "1",
                "[ffff800081f2a010] pgd=10000000bffff003, p4d=10000000bffff003, pud=10000000bfffe003,"
                        + " pmd=10000000bfffb003, pte=0060000081f2af83", "demo_work_fn"));
        assertThat(crash.title()).isEqualTo("Internal error in demo_work_fn");
        assertThat(crash.corrupted()).isTrue();
    }

    @Test
    void theWholeReportIsStillOneCrashTitledByItsFirstLine() {
        String log = "[  301.100000] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010\n"
                + arm64Oops("0000000096000005", "0x05: level 1 translation fault", "0",
                        "[0000000000000010] user address but active_mm is swapper", "demo_work_fn");
        Crash crash = only(log);
        assertThat(crash.title()).isEqualTo("BUG: unable to handle kernel NULL pointer dereference in demo_work_fn");
        assertThat(crash.corrupted()).isFalse();
        assertThat(crash.startLine()).isEqualTo(1);
    }

    /** With caller ids, a page-table line of another task proves nothing about this oops. */
    @Test
    void aPageTableLineOfAnotherTaskIsNoProof() {
        String log = String.join("\n",
                "[  301.100011][ T5001] [0000000000000010] user address but active_mm is swapper",
                "[  301.100012][   T77] Internal error: Oops: 0000000096000005 [#1] PREEMPT SMP",
                "[  301.100013][   T77] CPU: 2 PID: 77 Comm: kworker/2:1 Not tainted 6.6.0 #1",
                "[  301.100018][   T77] pc : demo_work_fn+0x24/0x60",
                "[  301.100023][   T77] Call trace:",
                "[  301.100024][   T77]  demo_work_fn+0x24/0x60",
                "[  301.100025][   T77]  process_one_work+0x1f0/0x4a0",
                "[  301.100026][   T77]  worker_thread+0x2c8/0x3f8",
                "[  301.100027][   T77]  kthread+0x110/0x114",
                "");
        Crash crash = only(log);
        assertThat(crash.title()).isEqualTo("Internal error in demo_work_fn");
        assertThat(crash.corrupted()).isTrue();
    }

    /**
     * Old arm64 kernels print the page-table walk for a user program's segmentation fault too
     * (show_unhandled_signals): without {@code Internal error:} it is no crash.
     */
    @Test
    void aUserProgramsSegfaultWithItsPageTableLineIsNoCrash() {
        String log = String.join("\n",
                "[   88.000001] demo[412]: unhandled level 1 translation fault (11) at 0x00000008, esr 0x92000005",
                "[   88.000002] pgd = ffffffc0a39a0000",
                "[   88.000003] [00000008] *pgd=0000000000000000, *pud=0000000000000000",
                "[   88.000004] CPU: 1 PID: 412 Comm: demo Not tainted 4.4.0 #1",
                "[   88.000005] pc : [<0000000000400554>] lr : [<0000007f8e3b2a4c>] pstate: 80000000",
                "[   88.000006] sp : 0000007fe4b0c8f0",
                "");
        assertThat(crashes(log)).isEmpty();
    }
}
