package dev.ecsdiag.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import dev.ecsdiag.classify.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line people read per instance names a crash as the console printed it. */
class InstanceVerdictsTest {

    @Test
    void aCrashIsNamedAsPrintedNotWithTheGroupingWords() {
        String log = """
                [    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12) #1 SMP PREEMPT_DYNAMIC Debian 6.1.153-1 (2025-09-20)
                [    6.509139] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)
                [    6.514885] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0-56-amd64 #1  Debian 6.1.192-2
                [    6.536068] Call Trace:
                [    6.536068]  <TASK>
                [    6.586200]  dump_stack_lvl+0x44/0x5c
                [    6.590829]  panic+0x118/0x2f4
                [    6.597010]  mount_block_root+0x1d3/0x1e6
                [    6.601370]  </TASK>
                [    6.601370] ---[ end Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0) ]---
                """;
        Classification real = new ConsoleClassifier().classify(log.getBytes(StandardCharsets.UTF_8));
        assertThat(real.crashes()).isNotEmpty();
        assertThat(real.crashes().get(0).title()).endsWith("unknown-block(NUM,NUM)"); // the classifier's, for grouping
        // the same crash deciding a crash verdict (as a panic after a login would)
        Classification c = new Classification(Verdict.CRASH, real.crashes(), List.of(), List.of(), real.lines(), real.bytes());
        InstanceOutcome outcome = new InstanceOutcome("i-x1", null, "Running", Map.of(), null, null, List.of(), List.of(), c);
        InstanceVerdict v = InstanceVerdicts.decide(outcome);
        assertThat(v.verdict()).isEqualTo(Verdict.CRASH);
        assertThat(v.reason()).isEqualTo("kernel panic: VFS: Unable to mount root fs on unknown-block(0,0)");
        assertThat(v.title()).isEqualTo("kernel panic: VFS: Unable to mount root fs on unknown-block(0,0)");
    }
}
