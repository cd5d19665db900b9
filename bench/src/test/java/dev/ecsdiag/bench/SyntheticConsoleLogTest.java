package dev.ecsdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SyntheticConsoleLogTest {

    @Test
    void theSameSeedGivesTheSameBytesWhetherWrittenOrStreamed() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        long size = new SyntheticConsoleLog(5).writeTo(written, 3 << 20);
        byte[] streamed;
        try (InputStream in = new SyntheticConsoleLog(5).stream(3 << 20)) {
            streamed = in.readAllBytes();
        }
        assertThat(size).isGreaterThanOrEqualTo(3 << 20).isLessThan((3 << 20) + 64 * 1024);
        assertThat(streamed).isEqualTo(written.toByteArray());
    }

    @Test
    void injectsCrashesAtTheRequestedDensityAndCountsThem() throws IOException {
        SyntheticConsoleLog log = new SyntheticConsoleLog(9, 64 * 1024, 1 << 20);
        String text = new String(log.stream(4 << 20).readAllBytes(), StandardCharsets.UTF_8);
        long reports = count(text, "WARNING: CPU:") + count(text, "BUG: kernel NULL pointer dereference")
                + count(text, "BUG: KASAN: use-after-free") + count(text, "blocked for more than 120 seconds");
        assertThat(log.crashesInjected()).isBetween(32L, 128L).isEqualTo(reports);
        assertThat(count(text, "Linux version ")).isEqualTo(log.boots()).isGreaterThan(1);
    }

    @Test
    void mixesLinePrefixStylesAndLineEnds() throws IOException {
        String text = new String(new SyntheticConsoleLog(1, 256 * 1024, 256 * 1024).stream(8 << 20).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(text).contains(" ci-vm-3 kernel: [").contains("][    T1] ").contains("<4>[").contains("\r\n")
                .containsPattern("(?m)^\\[ {1,4}\\d+\\.\\d{6}\\] [A-Za-z]");
    }

    private static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
