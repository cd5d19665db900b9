package dev.ecsdiag.classify.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsdiag.classify.ConsoleClassifier;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The fixed cost of one classification must stay small. Corpus logs average 4.5 KB, and a CI run
 * classifies many short logs, so work done per call rather than per byte (building rule tables
 * again for every log) weighs on the throughput as much as the scanning does. Measured in bytes
 * allocated by this thread (deterministic, unlike a timing): rule tables are data that never
 * change and should be built once, not on every call.
 */
class SetupCostTest {

    private static final long MAX_BYTES_PER_SMALL_LOG = 128 * 1024;

    @Test
    void classifyingAOneLineLogAllocatesLittle() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean bean && bean.isThreadAllocatedMemorySupported(),
                "skipped: this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) threads;
        ConsoleClassifier classifier = new ConsoleClassifier();
        byte[] log = "[    0.000000] Linux version 6.1.0-56-amd64\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 50; i++) {
            classifier.classify(log); // class loading, caches, JIT
        }
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long before = bean.getCurrentThreadAllocatedBytes();
            classifier.classify(log);
            least = Math.min(least, bean.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(least).as("bytes allocated to classify a one-line log (rule tables rebuilt per call?)")
                .isLessThan(MAX_BYTES_PER_SMALL_LOG);
    }
}
