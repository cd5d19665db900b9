package dev.ecsdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
     * Hostile logs that try to make the classifier keep what it reads: eight reports open at once
     * (caller ids), each fed 8 KB lines of bytes that are not UTF-8 (U+FFFD, two bytes per char in a
     * Java string); a storm of crashes whose first and last lines are 8 KB of such bytes; crashes
     * whose frames have 8000-character names; crashes of 256 short frames each, one after another. Each is 64 MB, generated while read, in this test
     * JVM's 96 MB heap: what is kept must be bounded in bytes, not only in lines or crashes.
     */
    @ParameterizedTest
    @EnumSource(value = AdversarialInput.class, names = {"OPEN_REPORTS_HOARD", "CRASH_STORM_LONG_LINES", "LONG_FRAME_NAMES", "FRAME_STORM"})
    void hostileLogsDoNotMakeItHoardMemory(AdversarialInput kind) throws IOException {
        Classification c;
        try (InputStream in = kind.stream(64L << 20)) {
            c = new ConsoleClassifier().classify(in);
        } catch (OutOfMemoryError e) {
            c = null; // what was kept is garbage now: the heap is usable again for the report
        }
        assertThat(c).as("classification of 64 MB of " + kind + " in a " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB heap (null: OutOfMemoryError)").isNotNull();
        assertThat(c.bytes()).isGreaterThanOrEqualTo(64L << 20);
        assertThat(c.crashes()).isNotEmpty();
    }
}
