package dev.ecsdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdversarialInputTest {

    @Test
    void everyKindReachesTheRequestedSizeAndIsDeterministic() {
        for (AdversarialInput kind : AdversarialInput.values()) {
            byte[] a = kind.bytes(100_000);
            // overshoot: at most one repeated unit (the largest, a report of 60 long frames, is 480 KB)
            assertThat(a.length).as(kind.name()).isBetween(100_000, 100_000 + 600_000);
            assertThat(kind.bytes(100_000)).as(kind.name()).isEqualTo(a);
        }
    }

    @Test
    void readingByteByByteGivesWhatBulkReadsGive() throws java.io.IOException {
        for (AdversarialInput kind : AdversarialInput.values()) {
            java.io.ByteArrayOutputStream single = new java.io.ByteArrayOutputStream();
            try (java.io.InputStream in = kind.stream(50_000)) {
                for (int b = in.read(); b >= 0; b = in.read()) {
                    single.write(b);
                }
            }
            assertThat(single.toByteArray()).as(kind.name()).isEqualTo(kind.bytes(50_000));
        }
    }

    @Test
    void singleLineKindsHaveNoLineFeed() {
        for (AdversarialInput kind : new AdversarialInput[] {AdversarialInput.NO_NEWLINE, AdversarialInput.BUG_LINE,
            AdversarialInput.CARRIAGE_RETURNS, AdversarialInput.WORD_CHARACTERS}) {
            assertThat(kind.bytes(50_000)).as(kind.name()).doesNotContain((byte) '\n');
        }
    }

    @Test
    void repeatedFramesAreHundredThousandIdenticalLinesAtTwoMegabytes() {
        String s = new String(AdversarialInput.REPEATED_FRAMES.bytes(2 << 20), java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(s.split("\n", -1)).hasSizeGreaterThan(100_000);
    }
}
