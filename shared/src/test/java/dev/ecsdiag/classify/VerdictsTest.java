package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.crash.Crash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verdict's order of precedence: boot-failure > crash > storage-failure > oom > healthy, and
 * which of the first two applies when a crash report ended a boot (issue 11).
 */
class VerdictsTest {

    private static final Boot.Milestone BANNER = new Boot.Milestone(BootStage.KERNEL, 1, 0.0, "Linux version 6.1.0");
    private static final Boot.Milestone LOGIN = new Boot.Milestone(BootStage.LOGIN, 400, 9.0, "ci login:");

    private static Boot up() {
        return new Boot(0, 1, 500, "6.1.0", null, BootStage.LOGIN, null, 0, "running", List.of(BANNER, LOGIN));
    }

    /** Captured while it still boots: no failure shown. */
    private static Boot stillBooting() {
        return new Boot(0, 1, 500, "6.1.0", null, BootStage.INITRAMFS, null, 0, "running", List.of(BANNER));
    }

    /** The log ends while the boot waits for its root device. */
    private static Boot waiting() {
        return new Boot(0, 1, 500, "6.1.0", null, BootStage.KERNEL,
                "the log ends while the boot waits: Waiting for root device /dev/vda1...", 450, "running", List.of(BANNER));
    }

    private static Boot failed() {
        return new Boot(0, 1, 500, "6.1.0", null, BootStage.KERNEL, "VFS: Unable to mount root fs on unknown-block(0,0)",
                300, "panic", List.of(BANNER));
    }

    private static Boot joined() {
        return new Boot(0, 1, 500, null, null, BootStage.KERNEL, null, 0, "running", List.of());
    }

    private static Crash crash() {
        return new Crash("kernel BUG in lkdtm_BUG", List.of(), "BUG", false, null, "lkdtm_BUG", 10, 40, List.of(), null,
                Map.of(), 0, 1, "sh", null, null, null, false, 0, "kernel BUG at drivers/misc/lkdtm/bugs.c:76!",
                "---[ end trace ]---", "sig");
    }

    private static Finding finding(FindingKind kind) {
        return new Finding(kind, kind.id(), 5, 0, Map.of());
    }

    /** The boot-failure finding a failure line gives (here: the line of {@link #failed()}'s failure). */
    private static Finding failureLine(int line) {
        return new Finding(FindingKind.BOOT_FAILURE, "VFS: Unable to mount root fs on unknown-block(0,0)", line, 0,
                Map.of("rule", "root-unable-to-mount", "fatal", "true"));
    }

    @Test
    void precedence() {
        List<Finding> everything = List.of(finding(FindingKind.OOM_KILL), finding(FindingKind.STORAGE_IO_ERROR),
                failureLine(300));
        assertThat(Verdicts.decide(List.of(failed()), List.of(crash()), everything)).isEqualTo(Verdict.BOOT_FAILURE);
        assertThat(Verdicts.decide(List.of(waiting()), List.of(crash()), everything)).isEqualTo(Verdict.BOOT_FAILURE);
        assertThat(Verdicts.decide(List.of(stillBooting()), List.of(crash()), everything))
                .as("a boot still going when the log ends failed at nothing").isEqualTo(Verdict.CRASH);
        assertThat(Verdicts.decide(List.of(up()), List.of(crash()), everything)).isEqualTo(Verdict.CRASH);
        assertThat(Verdicts.decide(List.of(up()), List.of(), everything)).isEqualTo(Verdict.STORAGE_FAILURE);
        assertThat(Verdicts.decide(List.of(up()), List.of(), List.of(finding(FindingKind.OOM_KILL))))
                .isEqualTo(Verdict.OOM);
        assertThat(Verdicts.decide(List.of(up()), List.of(), List.of())).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void everyStorageKindIsAStorageFailure() {
        for (FindingKind kind : List.of(FindingKind.STORAGE_IO_ERROR, FindingKind.FILESYSTEM_SHUTDOWN,
                FindingKind.FILESYSTEM_READ_ONLY, FindingKind.FILESYSTEM_ERROR)) {
            assertThat(Verdicts.decide(List.of(up()), List.of(), List.of(finding(kind), finding(FindingKind.OOM_KILL))))
                    .as(kind.id()).isEqualTo(Verdict.STORAGE_FAILURE);
        }
        assertThat(Verdicts.decide(List.of(up()), List.of(), List.of(finding(FindingKind.UNEXPECTED_REBOOT))))
                .isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void onlyTheLastBootDecidesBootFailure() {
        Boot retried = new Boot(1, 501, 900, "6.1.0", null, BootStage.LOGIN, null, 0, "running", List.of(BANNER, LOGIN));
        assertThat(Verdicts.decide(List.of(failed(), retried), List.of(), List.of())).isEqualTo(Verdict.HEALTHY);
        assertThat(Verdicts.decide(List.of(up(), failed()), List.of(), List.of())).isEqualTo(Verdict.BOOT_FAILURE);
    }

    @Test
    void aLogEndingInTheKdumpCaptureKernelIsJudgedByTheCrashedSystem() {
        Boot crashed = new Boot(0, 1, 500, "5.10.134-16.al8.x86_64", "BOOT_IMAGE=/vmlinuz root=UUID=x ro crashkernel=auto",
                BootStage.LOGIN, null, 0, "panic", List.of(BANNER, LOGIN));
        Boot capture = new Boot(1, 501, 700, "5.10.134-16.al8.x86_64",
                "BOOT_IMAGE=/vmlinuz ro irqpoll nr_cpus=1 reset_devices cgroup_disable=memory elfcorehdr=0x73000000",
                BootStage.INITRAMFS, null, 0, "running", List.of(BANNER));
        assertThat(Verdicts.decide(List.of(crashed, capture), List.of(crash()), List.of())).isEqualTo(Verdict.CRASH);
        assertThat(Verdicts.isCaptureKernel(capture)).isTrue();
        assertThat(Verdicts.isCaptureKernel(crashed)).isFalse();
        Boot neverUp = new Boot(0, 1, 500, "5.10.134-16.al8.x86_64", "root=UUID=x", BootStage.KERNEL,
                "Kernel panic - not syncing: Fatal exception", 400, "panic", List.of(BANNER));
        assertThat(Verdicts.decide(List.of(neverUp, capture), List.of(crash()), List.of()))
                .as("a crash report ended the boot before user space: a crash at any stage").isEqualTo(Verdict.CRASH);
        assertThat(Verdicts.decide(List.of(neverUp, capture), List.of(), List.of())).isEqualTo(Verdict.BOOT_FAILURE);
    }

    @Test
    void aPanicThatNamesABootFailureIsOneUnlessAnOopsJustBeforeCausedIt() {
        Boot killed = new Boot(0, 1, 500, "6.1.0", null, BootStage.INIT, "Attempted to kill init! exitcode=0x0000000b", 45,
                "panic", List.of(BANNER));
        List<Finding> found = List.of(new Finding(FindingKind.BOOT_FAILURE, "Attempted to kill init! exitcode=0x0000000b",
                45, 0, Map.of("rule", "kill-init", "fatal", "true")));
        Crash bare = new Crash("kernel panic: Attempted to kill init!", List.of(), "DoS", false, null, "do_exit", 45, 60,
                List.of(), null, Map.of(), 0, 1, "init", null, null, null, true, 0, "Kernel panic - not syncing: Attempted to kill init!",
                "---[ end Kernel panic ]---", "sig2");
        assertThat(Verdicts.decide(List.of(killed), List.of(bare), found)).isEqualTo(Verdict.BOOT_FAILURE);
        Crash oopsInInit = new Crash("BUG: unable to handle kernel NULL pointer dereference in run_tests", List.of(),
                "NULL-POINTER-DEREFERENCE", false, null, "run_tests", 10, 44, List.of(), null, Map.of(), 0, 1, "init", null,
                null, null, true, 0, "BUG: kernel NULL pointer dereference, address: 0000000000000000", "---[ end trace ]---",
                "sig3");
        assertThat(Verdicts.decide(List.of(killed), List.of(oopsInInit), found))
                .as("init died of an oops: the crash report ended the boot").isEqualTo(Verdict.CRASH);
    }

    @Test
    void aLogJoinedMidWayNeedsAFailureLineToBeABootFailure() {
        assertThat(Verdicts.decide(List.of(joined()), List.of(crash()), List.of())).isEqualTo(Verdict.CRASH);
        assertThat(Verdicts.decide(List.of(), List.of(), List.of())).isEqualTo(Verdict.HEALTHY);
    }

    /** End to end through {@link ConsoleClassifier}: the analyzers' outputs meet in the verdict. */
    @Test
    void classifierPutsBootFailuresAmongTheFindingsInLogOrder() {
        String log = BootAnalyzerTest.DEBIAN_BOOT + "\n"
                + "[  600.000000] I/O error, dev vdb, sector 2048 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 2\n"
                + "[  601.000000] Out of memory: Killed process 97 (tail) total-vm:85820kB, anon-rss:81224kB, file-rss:4kB, shmem-rss:0kB, UID:0 pgtables:212kB oom_score_adj:0\n"
                + "SeaBIOS (version 1.16.2-debian-1.16.2-1)\n"
                + BootAnalyzerTest.BANNER
                + "[    2.294000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n";
        Classification c = new ConsoleClassifier().classify(log.getBytes(StandardCharsets.UTF_8));
        assertThat(c.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
        assertThat(c.boots()).hasSize(2);
        assertThat(c.findings()).extracting(Finding::kind).containsExactly(FindingKind.STORAGE_IO_ERROR,
                FindingKind.OOM_KILL, FindingKind.UNEXPECTED_REBOOT, FindingKind.BOOT_FAILURE);
        assertThat(c.findings()).extracting(Finding::boot).containsExactly(0, 0, 0, 1);
    }
}
