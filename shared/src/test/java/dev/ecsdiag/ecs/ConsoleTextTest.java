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
}
