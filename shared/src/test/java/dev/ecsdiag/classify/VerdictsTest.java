package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.crash.Crash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict's order of precedence: boot-failure > crash > storage-failure > oom > healthy. */
class VerdictsTest {

    private static final Boot.Milestone BANNER = new Boot.Milestone(BootStage.KERNEL, 1, 0.0, "Linux version 6.1.0");
    private static final Boot.Milestone LOGIN = new Boot.Milestone(BootStage.LOGIN, 400, 9.0, "ci login:");

    private static Boot up() {
        return new Boot(0, 1, 500, "6.1.0", null, BootStage.LOGIN, null, 0, "running", List.of(BANNER, LOGIN));
    }

    private static Boot stuck() {
        return new Boot(0, 1, 500, "6.1.0", null, BootStage.INITRAMFS, null, 0, "running", List.of(BANNER));
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

    @Test
    void precedence() {
        List<Finding> everything = List.of(finding(FindingKind.OOM_KILL), finding(FindingKind.STORAGE_IO_ERROR));
        assertThat(Verdicts.decide(List.of(failed()), List.of(crash()), everything)).isEqualTo(Verdict.BOOT_FAILURE);
        assertThat(Verdicts.decide(List.of(stuck()), List.of(crash()), everything)).isEqualTo(Verdict.BOOT_FAILURE);
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
        assertThat(Verdicts.decide(List.of(neverUp, capture), List.of(crash()), List.of())).isEqualTo(Verdict.BOOT_FAILURE);
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
