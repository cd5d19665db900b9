package dev.ecsdiag.classify.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.Boot;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.crash.StackFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Inconsistencies {@link InvariantFuzzTest} found, each reduced by hand to the few lines that show
 * it, so they stay fixed whatever the fuzzer's seed.
 */
class FuzzFindingsTest {

    private static Classification classify(String log) {
        return new ConsoleClassifier().classify(log.getBytes(StandardCharsets.UTF_8));
    }

    /** A VM reset during the initramfs: the failure belongs to the boot that failed, on one of its lines. */
    @Test
    void anUnexpectedRebootIsAFailureOnALineOfTheBootThatFailed() {
        Classification c = classify("""
                [    0.000000] Linux version 6.1.0-56-amd64 (gcc) #1 SMP
                [    0.100000] Run /init as init process
                [    0.000000] Linux version 6.1.0-56-amd64 (gcc) #1 SMP
                [    0.100000] Run /init as init process
                ci-vm login:\s
                """);
        Boot reset = c.boots().get(0);
        assertThat(reset.failure()).startsWith("rebooted unexpectedly");
        assertThat(reset.failureLine()).as("failure line of boot lines %d..%d", reset.startLine(), reset.endLine())
                .isBetween(reset.startLine(), reset.endLine());
    }

    /**
     * A frame printed after {@code ---[ end trace ]---} (here another report's marker, interleaved)
     * is not inside the report's lines, so it is not one of its frames.
     */
    @Test
    void everyFrameOfACrashLiesWithinItsLines() {
        Classification c = classify("""
                [  554.423839] INFO: task syz-executor7:6763 blocked for more than 140 seconds.
                [   61.919641] ---[ end trace e4754c7187702be5 ]---
                [  554.452082]  __schedule+0x87c/0x1df0
                """);
        assertThat(c.crashes()).isNotEmpty();
        for (Crash crash : c.crashes()) {
            for (StackFrame f : crash.callTrace()) {
                assertThat(f.line()).as("frame %s of %s (lines %d..%d)", f.function(), crash.title(), crash.startLine(),
                        crash.endLine()).isBetween(crash.startLine(), crash.endLine());
            }
        }
    }
}
