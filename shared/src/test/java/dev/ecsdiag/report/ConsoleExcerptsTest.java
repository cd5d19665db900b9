package dev.ecsdiag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleExcerptsTest {

    @Test
    void readsOnlyTheWantedLinesCleanedAndCut(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("console.txt");
        String longLine = "x".repeat(5000);
        Files.write(f, ("one\r\ntwo \u001b[1;31mred\u001b[0m\u0007\nthree\n" + longLine + "\nfive\u202e evil\nsix")
                .getBytes(StandardCharsets.UTF_8));
        Map<Integer, String> lines = new ConsoleExcerpts(100).read(f,
                List.of(new ConsoleExcerpts.Range(2, 2), new ConsoleExcerpts.Range(4, 6), new ConsoleExcerpts.Range(9, 12)));
        assertThat(lines).containsOnlyKeys(2, 4, 5, 6);
        assertThat(lines.get(2)).isEqualTo("two red");
        assertThat(lines.get(4)).startsWith("x".repeat(100)).endsWith("[line cut: 4900 more bytes]");
        assertThat(lines.get(5)).isEqualTo("five evil");
        assertThat(lines.get(6)).isEqualTo("six"); // last line without a newline
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("console.txt");
        Files.write(f, new byte[] {'a', (byte) 0xff, (byte) 0xfe, 'b', '\n'});
        assertThat(new ConsoleExcerpts(100).read(f, List.of(new ConsoleExcerpts.Range(1, 1))).get(1))
                .isEqualTo("a\ufffd\ufffdb");
    }

    /** Seeded random logs and ranges against a naive reader that splits the whole file. */
    @Test
    void agreesWithANaiveReaderOnRandomLogs(@TempDir Path dir) throws Exception {
        Random random = new Random(20261125L);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            int lineCount = 1 + random.nextInt(300);
            for (int i = 0; i < lineCount; i++) {
                int len = random.nextInt(10) == 0 ? 70_000 + random.nextInt(5000) : random.nextInt(120);
                for (int c = 0; c < len; c++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                if (i < lineCount - 1 || random.nextBoolean()) {
                    text.append('\n');
                }
            }
            Path f = dir.resolve("c" + round + ".txt");
            Files.writeString(f, text);
            List<ConsoleExcerpts.Range> ranges = new ArrayList<>();
            for (int r = random.nextInt(5); r >= 0; r--) {
                int from = 1 + random.nextInt(lineCount + 5);
                ranges.add(new ConsoleExcerpts.Range(from, from + random.nextInt(20)));
            }
            String[] all = text.toString().split("\n", -1);
            int count = text.toString().endsWith("\n") ? all.length - 1 : all.length;
            Map<Integer, String> expected = new HashMap<>();
            for (ConsoleExcerpts.Range range : ranges) {
                for (int n = range.from(); n <= range.to() && n <= count; n++) {
                    String l = all[n - 1];
                    expected.put(n, l.length() > 1000 ? l.substring(0, 1000) + " \u2026 [line cut: " + (l.length() - 1000)
                            + " more bytes]" : l);
                }
            }
            assertThat(new ConsoleExcerpts(1000).read(f, ranges)).as("round %d", round).isEqualTo(expected);
        }
    }
}
