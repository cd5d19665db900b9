package dev.ecsdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded: a 64 MB console log, generated while it is read and never held anywhere,
 * goes through the classifier in this test JVM, whose heap the build limits to 96 MB (see the
 * surefire argLine in bench/pom.xml). A classifier that kept the log or its lines would run out
 * of memory here; one that lost track of reports across 64 MB would miss some of them.
 */
class StreamingMemoryTest {

    @Test
    void classifiesA64MegabyteStreamInASmallHeapAndFindsEveryInjectedCrash() throws IOException {
        assertThat(Runtime.getRuntime().maxMemory()).as("heap limit of this test JVM").isLessThan(128L << 20);
        SyntheticConsoleLog log = new SyntheticConsoleLog(64, 512 * 1024, 16L << 20);
        Classification c;
        try (InputStream in = log.stream(64L << 20)) {
            c = new ConsoleClassifier().classify(in);
        }
        assertThat(c.bytes()).isEqualTo(log.bytesProduced()).isGreaterThanOrEqualTo(64L << 20);
        assertThat(log.crashesInjected()).isGreaterThan(100);
        assertThat(c.crashes()).hasSize((int) log.crashesInjected());
        assertThat(c.boots()).hasSize(log.boots());
    }
}
