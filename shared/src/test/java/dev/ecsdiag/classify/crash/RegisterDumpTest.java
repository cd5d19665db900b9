package dev.ecsdiag.classify.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdiag.testing.SharedMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The hand scanner finds exactly the pairs the regular expression it replaced found. */
class RegisterDumpTest {

    private static final Pattern REGISTER = Pattern.compile(
            "([A-Za-z][A-Za-z0-9]{0,6}) ?: {0,2}([0-9a-fA-F]{4,16}(?::[0-9a-fA-F]{4,16})?)\\b");

    private static Map<String, String> byRegex(String line, int max) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = REGISTER.matcher(line);
        while (m.find() && out.size() < max) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }

    private static Map<String, String> byScanner(String line, int max) {
        Map<String, String> out = new LinkedHashMap<>();
        RegisterDump.read(line, out, max);
        return out;
    }

    private static void same(String line, int max) {
        assertEquals(byRegex(line, max), byScanner(line, max), () -> "line: " + line);
        assertEquals(List.copyOf(byRegex(line, max).keySet()), List.copyOf(byScanner(line, max).keySet()),
                () -> "order, line: " + line);
    }

    @Test
    void readsTheUsualDumps() {
        Map<String, String> r = byScanner("RAX: 0000000000000000 RBX: ffff888012345678 RCX: 0000:1234", 64);
        assertEquals("0000000000000000", r.get("RAX"));
        assertEquals("ffff888012345678", r.get("RBX"));
        assertEquals("0000:1234", r.get("RCX"));
        for (String line : List.of("RAX: 0000000000000000 RBX: ffff888012345678 RCX: ffffffff81234567",
                "FS:  00007f1234567890(0000) GS:ffff88807ec00000(0000) knlGS:0000000000000000",
                "CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033", "x29: ffff80000a1b3c40 x28: 0000000000000000",
                "sp : ffff80000a1b3c40", "RIP: 0010:lkdtm_do_action+0x1a/0x30", "Code: 48 89 e5 0f 0b 90 90 90",
                "ABCDEFGHI: 1234 abcdefgh:12345g ab:   1234 cd: 12345678901234567 ef:1234:12345 gh: 1234_",
                "R1:1234:5678:9abc Q :1234 9X: abcd", "a: 1234\u0301 b: 12345\u00e9 c: 123456 d")) {
            same(line, 64);
            same(line, 2);
        }
    }

    @Test
    void agreesOnRandomLines() {
        Random random = new Random(20261125L);
        String alphabet = "RAXrbx09afAFGgz_ ::  \u0301\u00e9()";
        for (int k = 0; k < 200_000; k++) {
            int len = random.nextInt(60);
            StringBuilder b = new StringBuilder(len);
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            same(b.toString(), 1 + random.nextInt(8));
        }
    }

    @Test
    void agreesOnEveryCorpusLine() throws IOException {
        Path corpus = SharedMaterial.sharedDir().resolve("corpus").resolve("syzkaller-linux-report");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path p : files.toList()) {
                for (String line : new String(Files.readAllBytes(p), StandardCharsets.UTF_8).split("\n")) {
                    if (line.length() < 256) {
                        same(line, 64);
                    }
                }
            }
        }
    }
}
