package dev.ecsdiag.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {

    private static String text(byte[] raw) throws Exception {
        StringWriter out = new StringWriter();
        ConsoleText.convert(new ByteArrayInputStream(raw), out);
        return out.toString();
    }

    private static String text(String raw) throws Exception {
        return text(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void normalisesSerialLineEnds() throws Exception {
        assertThat(text("a\r\nb\r\r\nc\rd\n")).isEqualTo("a\nb\nc\nd\n");
    }

    @Test
    void removesTerminalEscapesAndControlCharacters() throws Exception {
        assertThat(text("\u001b[0;32m  OK  \u001b[0m] Started\u0000 sshd\u0007\n")).isEqualTo("  OK  ] Started sshd\n");
        assertThat(text("\u001b]0;title\u0007prompt\n")).isEqualTo("prompt\n");
    }

    @Test
    void keepsKernelTextAndReplacesInvalidUtf8() throws Exception {
        String panic = "[   12.345678] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n";
        assertThat(text(panic)).isEqualTo(panic);
        assertThat(text(new byte[] {'a', (byte) 0xC3, 'b', '\n'})).isEqualTo("a\uFFFDb\n");
    }

    @Test
    void chunkBoundariesDoNotChangeTheResult() throws Exception {
        StringBuilder sb = new StringBuilder();
        java.util.Random r = new java.util.Random(99);
        while (sb.length() < 200_000) {
            switch (r.nextInt(6)) {
                case 0 -> sb.append("\u001b[").append(r.nextInt(90)).append(";1m");
                case 1 -> sb.append("\r\n");
                case 2 -> sb.append('\r');
                case 3 -> sb.append("\u001b]0;t\u0007");
                default -> sb.append("[ ").append(r.nextInt()).append("] text ");
            }
        }
        String base = text(sb.toString());
        assertThat(base).doesNotContain("\r").doesNotContain("\u001b");
        for (int pad = 1; pad < 40; pad++) {
            String p = "x".repeat(pad);
            assertThat(text(p + sb)).as("shifted by %d", pad).isEqualTo(p + base);
        }
    }
}
