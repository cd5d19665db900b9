package dev.ecsdiag.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Base64PayloadTest {

    @TempDir
    Path dir;

    @Test
    void decodesSeededRandomPayloadsOfEveryLengthModuloThree() throws Exception {
        Random random = new Random(20140526L);
        for (int length : new int[] {0, 1, 2, 3, 4, 5, 57, 58, 59, 1000, 65_537, 300_001}) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            Path out = dir.resolve("p" + length);
            long n = Base64Payload.decodeTo(Base64.getEncoder().encodeToString(bytes), out);
            assertThat(n).as("length %d", length).isEqualTo(length);
            assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
        }
    }

    @Test
    void acceptsMimeLineBreaks() throws Exception {
        byte[] bytes = new byte[500];
        new Random(7).nextBytes(bytes);
        String mime = Base64.getMimeEncoder().encodeToString(bytes);
        assertThat(mime).contains("\r\n");
        Path out = dir.resolve("mime");
        Base64Payload.decodeTo(mime, out);
        assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
    }

    @Test
    void refusesCharactersOutsideTheAlphabetAndLeavesNoFile() {
        String broken = "!!" + Base64.getEncoder().encodeToString("hello world".getBytes()) + "%";
        Path out = dir.resolve("broken");
        assertThatThrownBy(() -> Base64Payload.decodeTo(broken, out))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("character 0")
                .hasMessageContaining("'!'");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("broken.part")).doesNotExist();
    }

    @Test
    void refusesTruncationAndDataAfterPadding() {
        assertThatThrownBy(() -> Base64Payload.decodeTo("QUJDRA=", dir.resolve("a")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> Base64Payload.decodeTo("QUJDR", dir.resolve("b")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> Base64Payload.decodeTo("QQ==QUJD", dir.resolve("c")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("after padding");
    }

    @Test
    void refusesImpossibleTrailingBits() {
        // "QR==" encodes 'A' with non-zero leftover bits: lenient decoders accept it, we do not
        assertThatThrownBy(() -> Base64Payload.decodeTo("QR==", dir.resolve("d")))
                .isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void decodesPayloadsSpanningManyChunksWithAndWithoutLineBreaks() throws Exception {
        // the decoder works in chunks of 64 Ki characters: lengths around and across chunk edges
        Random random = new Random(11);
        for (int length : new int[] {49_151, 49_152, 49_153, 200_001, 393_216}) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            for (String b64 : List.of(Base64.getEncoder().encodeToString(bytes), Base64.getMimeEncoder().encodeToString(bytes))) {
                Path out = dir.resolve("big-" + length);
                assertThat(Base64Payload.decodeTo(b64, out)).isEqualTo(length);
                assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
            }
            String broken = Base64.getEncoder().encodeToString(bytes);
            int at = broken.length() - 7; // past the first chunks
            String bad = broken.substring(0, at) + "*" + broken.substring(at + 1);
            assertThatThrownBy(() -> Base64Payload.decodeTo(bad, dir.resolve("bad-" + length)))
                    .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("character " + at);
            assertThat(dir.resolve("bad-" + length)).doesNotExist();
        }
    }

    @Test
    void decodesFromAWindowOfALargerCharArrayAsTheJsonParserHandsIt() throws Exception {
        byte[] bytes = new byte[10_000];
        new Random(3).nextBytes(bytes);
        String b64 = Base64.getEncoder().encodeToString(bytes);
        char[] buffer = ("{\"ConsoleOutput\":\"" + b64 + "\"}").toCharArray();
        int offset = "{\"ConsoleOutput\":\"".length();
        Path out = dir.resolve("window");
        Base64Payload.decodeTo(java.nio.CharBuffer.wrap(buffer, offset, b64.length()), out);
        assertThat(Files.readAllBytes(out)).isEqualTo(bytes);

        buffer[offset + 5000] = '%';
        assertThatThrownBy(() -> Base64Payload.decodeTo(java.nio.CharBuffer.wrap(buffer, offset, b64.length()), dir.resolve("w2")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("character 5000");
    }
}
