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

    /**
     * Eight reports open at once (eight caller ids), each fed 8 KB stack-like lines of bytes that are
     * not UTF-8 (U+FFFD: two bytes per char in a Java string), in turns. Whatever the classifier keeps
     * per open report must be bounded in bytes, not only in lines: 8 reports x 2000 lines x 16 KB would
     * be 256 MB, which is an OutOfMemoryError for a 256 MB heap on a 140 MB log.
     */
    @Test
    void eightEndlessInterleavedReportsOfLongLinesDoNotHoardMemory() throws IOException {
        Classification c;
        try (InputStream in = AdversarialInput.OPEN_REPORTS_HOARD.stream(64L << 20)) {
            c = new ConsoleClassifier().classify(in);
        } catch (OutOfMemoryError e) {
            c = null; // what was kept is garbage now: the heap is usable again for the report
        }
        assertThat(c).as("classification of 64 MB of open reports in a " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB heap (null: OutOfMemoryError)").isNotNull();
        assertThat(c.bytes()).isGreaterThanOrEqualTo(64L << 20);
        assertThat(c.crashes()).hasSize(8);
    }
}
