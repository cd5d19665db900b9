package dev.ecsdiag.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdiag.classify.crash.Crash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and mutated console logs: the classifier never throws, never hangs, and what it
 * returns is well formed. The seed is printed so a failure can be replayed.
 */
class ClassifierRobustnessTest {

    private static final long SEED = Long.getLong("ecsdiag.fuzz.seed", 20261125L);
    private static final int CASES = Integer.getInteger("ecsdiag.fuzz.cases", 400);

    /** Kernel-ish fragments the mutator splices in, so random logs reach the parser's corners. */
    private static final List<String> FRAGMENTS = List.of("BUG: KASAN: use-after-free in ", "WARNING: CPU: 0 PID: 1 at ",
            "general protection fault: 0000 [#1] SMP", "Call Trace:", " <TASK>", " ? ", "+0x1a/0x30", "[<ffffffff",
            "RIP: 0010:", "Kernel panic - not syncing: ", "INFO: task ", " blocked for more than 120 seconds.",
            "INFO: rcu_sched self-detected stall on CPU", "Linux version 6.1.0", "kernel BUG at fs/ext4/inode.c:12!",
            "invalid opcode: 0000 [#1]", "Unable to handle kernel paging request", "Internal error: Oops",
            "** replaying previous printk message **", "[ T1234]", "[  C3]", "[   12.345678]", "<3>",
            "Jul 14 10:25:59 host kernel: ", "\u001b[31m", "\r", "\r\n", "\u0000", "_RNvMs_", "_Z8",
            "is trying to acquire lock:", " at: ", "Read of size 8 at addr ffff", "backtrace:", "BUG: memory leak",
            "Allocated by task 1:", "Freed by task 2:", "(foo) from [<80100a74>] (bar+0x54/0xa0)", "\u00ff\u00fe");

    @Test
    void randomAndMutatedLogsNeverBreakTheClassifier() throws IOException {
        List<byte[]> seeds = seeds();
        System.out.println("robustness: seed " + SEED + ", " + CASES + " cases, " + seeds.size() + " seed logs");
        assertTimeoutPreemptively(Duration.ofSeconds(300), () -> {
            Random random = new Random(SEED);
            ConsoleClassifier classifier = new ConsoleClassifier();
            for (int i = 0; i < CASES; i++) {
                byte[] log = next(random, seeds);
                Classification c;
                try {
                    c = classifier.classify(log);
                } catch (RuntimeException e) {
                    throw new AssertionError("case " + i + " (seed " + SEED + ") threw", e);
                }
                check(c, log, i);
            }
        });
    }

    private static void check(Classification c, byte[] log, int i) {
        assertEquals(log.length, c.bytes(), "case " + i);
        int previous = 0;
        for (Crash crash : c.crashes()) {
            assertNotNull(crash.title(), "case " + i);
            assertTrue(crash.title().length() <= 120, "case " + i + ": " + crash.title());
            assertTrue(crash.startLine() >= previous, "case " + i + ": crashes out of order");
            assertTrue(crash.startLine() <= crash.endLine(), "case " + i + ": " + crash);
            assertTrue(crash.endLine() <= c.lines(), "case " + i + ": end beyond the log");
            assertNotNull(crash.signature(), "case " + i);
            assertTrue(crash.corruptedReason() == null || !crash.corruptedReason().startsWith("parser error"),
                    "case " + i + ": " + crash.corruptedReason());
            previous = crash.startLine();
        }
    }

    private static byte[] next(Random random, List<byte[]> seeds) {
        return switch (random.nextInt(5)) {
            case 0 -> randomBytes(random);
            case 1 -> fragments(random);
            default -> mutate(random, seeds.isEmpty() ? fragments(random) : seeds.get(random.nextInt(seeds.size())));
        };
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(20_000)];
        random.nextBytes(b);
        return b;
    }

    private static byte[] fragments(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(2000);
        for (int i = 0; i < n; i++) {
            s.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            if (random.nextInt(4) == 0) {
                s.append('\n');
            }
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] mutate(Random random, byte[] seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(seed.length + 1024);
        int pos = 0;
        while (pos < seed.length) {
            int run = 1 + random.nextInt(Math.max(1, Math.min(4000, seed.length - pos)));
            int op = random.nextInt(10);
            switch (op) {
                case 0 -> { // drop a run: truncated and interleaved reports
                }
                case 1 -> { // flip bytes
                    for (int k = 0; k < run && pos + k < seed.length; k++) {
                        out.write(random.nextInt(8) == 0 ? random.nextInt(256) : seed[pos + k]);
                    }
                }
                case 2 -> { // splice a fragment
                    out.writeBytes(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())).getBytes(StandardCharsets.ISO_8859_1));
                    out.write(seed, pos, Math.min(run, seed.length - pos));
                }
                case 3 -> { // repeat a run (deeply repeated frames)
                    int times = 1 + random.nextInt(20);
                    for (int t = 0; t < times; t++) {
                        out.write(seed, pos, Math.min(run, seed.length - pos));
                    }
                }
                default -> out.write(seed, pos, Math.min(run, seed.length - pos));
            }
            pos += run;
        }
        return out.toByteArray();
    }

    /** Corpus logs when the shared folder is there; the test still runs on fragments without it. */
    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        Path dir;
        try {
            dir = dev.ecsdiag.testing.SharedMaterial.sharedDir().resolve("corpus").resolve("syzkaller-linux-report");
        } catch (IllegalStateException e) {
            return seeds;
        }
        if (!Files.isDirectory(dir)) {
            return seeds;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("[0-9]+")).sorted().toList()) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        return seeds;
    }
}
