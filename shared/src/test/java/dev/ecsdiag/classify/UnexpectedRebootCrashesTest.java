package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.crash.Crash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A new boot banner in the middle of a console log, with no shutdown, reboot request or panic
 * before it, is a crash titled {@code unexpected kernel reboot} (syzkaller's convention), besides
 * its {@code unexpected-reboot} finding (issue 11).
 */
class UnexpectedRebootCrashesTest {

    private static final String BOOT = BootAnalyzerTest.DEBIAN_BOOT;
    private static final String FIRMWARE = "SeaBIOS (version 1.16.2-debian-1.16.2-1)\nBooting from Hard Disk...\n";

    private static Classification classify(String log) {
        return new ConsoleClassifier().classify(log.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aResetWithoutAWordIsAnUnexpectedKernelReboot() {
        String log = FIRMWARE + BOOT + "\n[ 3600.123456] hrtimer: interrupt took 2161490 ns\n" + FIRMWARE + BOOT;
        Classification c = classify(log);
        assertThat(c.crashes()).singleElement().satisfies(k -> {
            assertThat(k.title()).isEqualTo("unexpected kernel reboot");
            assertThat(k.type()).isEqualTo("REBOOT");
            assertThat(k.boot()).isZero();
            assertThat(k.startLine()).isEqualTo(c.boots().get(0).endLine());
            assertThat(k.firstLine()).isEqualTo("hrtimer: interrupt took 2161490 ns");
            assertThat(k.signature()).hasSize(16);
        });
        assertThat(c.findings()).extracting(Finding::kind).containsExactly(FindingKind.UNEXPECTED_REBOOT);
        assertThat(c.verdict()).as("the VM came back, but its kernel went down").isEqualTo(Verdict.CRASH);
    }

    @Test
    void aCleanRebootOrAPanicExplainsTheNewBanner() {
        String clean = BOOT + "\n[  OK  ] Reached target reboot.target - System Reboot.\n[  120.500000] reboot: Restarting system\n"
                + FIRMWARE + BOOT;
        assertThat(classify(clean).crashes()).isEmpty();
        String panic = BOOT + "\n[  130.000100] Kernel panic - not syncing: sysrq triggered crash\n"
                + "[  130.010000] Rebooting in 10 seconds..\n" + FIRMWARE + BOOT;
        assertThat(classify(panic).crashes()).extracting(Crash::title).containsExactly("kernel panic: sysrq triggered crash");
    }

    @Test
    void aCrashReportAmongTheBootsLastLinesExplainsTheReset() {
        String log = BOOT + """

                [  200.000000] PANIC: double fault, error_code: 0x0
                [  200.000100] CPU: 0 PID: 402 Comm: sh Not tainted 6.1.0-56-amd64 #1  Debian 6.1.192-2
                [  200.000200] RIP: 0010:__udp6_lib_lookup+0x2f/0x4b0
                """ + FIRMWARE + BOOT;
        Classification c = classify(log);
        assertThat(c.crashes()).extracting(Crash::title).noneMatch(t -> t.equals("unexpected kernel reboot"));
        assertThat(c.crashes()).isNotEmpty();
    }
}
