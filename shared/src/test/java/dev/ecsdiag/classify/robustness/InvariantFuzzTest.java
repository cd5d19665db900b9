package dev.ecsdiag.classify.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the classifier: random and mutated console logs must never make it throw or
 * hang, and every answer must satisfy {@link ClassificationInvariants}. Every case derives from
 * one seed, so a failure is reproduced by its seed; the failing input is also written to
 * {@code target/robustness-failures/}.
 *
 * <p>The default run (a few thousand cases) takes seconds. More: {@code -Decsdiag.robustness.scale=20}
 * multiplies every case count; {@code -Decsdiag.robustness.seed=N} picks other cases;
 * {@code -Decsdiag.robustness.timeout=S} is the hang bound per input (default 10 s, generous: a
 * healthy classifier needs milliseconds).
 */
class InvariantFuzzTest {

    private static final double SCALE = Double.parseDouble(System.getProperty("ecsdiag.robustness.scale", "1"));
    private static final long SEED = Long.getLong("ecsdiag.robustness.seed", 20251125L);
    private static final Duration PER_INPUT = Duration.ofSeconds(Long.getLong("ecsdiag.robustness.timeout", 10L));

    private final ConsoleClassifier classifier = new ConsoleClassifier();

    private static int cases(int n) {
        return Math.max(1, (int) Math.round(n * SCALE));
    }

    private static SplittableRandom random(String test, int i) {
        return new SplittableRandom(SEED * 1_000_003L + test.hashCode() * 31L + i);
    }

    @Test
    void randomBytesNeverBreakIt() {
        int n = cases(400);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = random("bytes", i);
            byte[] input = i % 2 == 0 ? RandomConsoles.uniformBytes(r, 16 * 1024) : RandomConsoles.biasedBytes(r, 16 * 1024);
            check("random bytes #" + i + (i % 2 == 0 ? " (uniform)" : " (biased)"), input);
        }
    }

    @Test
    void tokenSoupNeverBreaksIt() {
        int n = cases(1000);
        for (int i = 0; i < n; i++) {
            check("token soup #" + i, RandomConsoles.tokenSoup(random("soup", i), 600));
        }
    }

    @Test
    void mutatedCorpusLogsNeverBreakIt() throws IOException {
        List<CorpusConsoles.Log> logs = CorpusConsoles.load();
        int n = cases(3 * logs.size());
        for (int i = 0; i < n; i++) {
            SplittableRandom r = random("mutants", i);
            CorpusConsoles.Log log = logs.get(i % logs.size());
            CorpusConsoles.Log other = logs.get(r.nextInt(logs.size()));
            ConsoleMutations.Mutant m = ConsoleMutations.mutate(log.console(), other.console(), r);
            check("corpus log " + log.name() + " #" + i + " (" + m.description() + "; other log " + other.name() + ")", m.bytes());
        }
    }

    @Test
    void unmutatedCorpusLogsSatisfyTheInvariants() throws IOException {
        for (CorpusConsoles.Log log : CorpusConsoles.load()) {
            check("corpus log " + log.name(), log.console());
        }
    }

    /**
     * The answer must not depend on how the bytes arrive: short reads from a pipe put buffer
     * boundaries inside CR LF pairs, UTF-8 sequences and prefixes. Also checks determinism.
     */
    @Test
    void splitReadsGiveTheSameAnswerAsOneBuffer() throws IOException {
        List<CorpusConsoles.Log> logs = CorpusConsoles.load();
        int n = cases(300);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = random("split", i);
            byte[] input;
            String name;
            if (i % 3 == 2) {
                input = RandomConsoles.tokenSoup(r, 400);
                name = "token soup #" + i;
            } else {
                CorpusConsoles.Log log = logs.get(r.nextInt(logs.size()));
                ConsoleMutations.Mutant m = i % 3 == 0 ? new ConsoleMutations.Mutant(log.console(), "unmutated")
                        : ConsoleMutations.mutate(log.console(), logs.get(r.nextInt(logs.size())).console(), r);
                input = m.bytes();
                name = "corpus log " + log.name() + " #" + i + " (" + m.description() + ")";
            }
            Classification whole = check(name, input);
            long readSeed = r.nextLong();
            Classification split = assertTimeoutPreemptively(PER_INPUT,
                    () -> classifier.classify(new ChoppyInputStream(input, readSeed)), () -> saved(name + ", split reads", input));
            if (!whole.equals(split)) {
                fail(saved(name, input) + ": classification differs when read in short pieces (read seed " + readSeed + ")\n"
                        + firstDifference(whole, split));
            }
            assertEquals(whole, classifier.classify(input), () -> saved(name, input) + ": a second run gave another answer");
        }
    }

    /** Bigger hostile shapes, a few hundred KB each: they must finish well within the bound. */
    @Test
    void hostileShapesFinishAndSatisfyTheInvariants() {
        int size = 512 * 1024;
        String[][] shapes = {
            {"no newline", "eth0 link up 1000Mbps "},
            {"address fragments", "[<ffffffff"},
            {"repeated frames", " ? foo+0x1/0x2\n"},
            {"BUG line", "BUG: "},
            {"carriage returns", "\r"},
            {"NULs", "\u0000"},
            {"word characters", "abcdefghijklmnopqrstuvwxyz_0123456789"},
            {"hex digits", "ffffffff"},
            {"spaces", " "},
            {"open brackets", "["},
            {"timestamps", "[   12.345678] "},
            {"ANSI fragments", "\u001b[1;"},
            {"warning storm", "WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2\n"},
            {"call trace headers", "Call Trace:\n"},
            {"report separators", "==================================================================\n"},
        };
        for (String[] shape : shapes) {
            String head = "WARNING: CPU: 0 PID: 1 at kernel/foo.c:1 foo+0x1/0x2\nCall Trace:\n";
            StringBuilder sb = new StringBuilder(size + 64).append(head);
            while (sb.length() < size) {
                sb.append(shape[1]);
            }
            check("hostile shape: " + shape[0], sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private Classification check(String name, byte[] input) {
        Classification c = assertTimeoutPreemptively(PER_INPUT, () -> {
            try {
                return classifier.classify(input);
            } catch (RuntimeException | Error e) {
                throw new AssertionError(saved(name, input) + ": the classifier threw " + e, e);
            }
        }, () -> saved(name, input) + ": no answer within " + PER_INPUT.toSeconds() + " s (hang?)");
        List<String> violations = ClassificationInvariants.violations(input, c);
        if (!violations.isEmpty()) {
            fail(saved(name, input) + ": " + violations.size() + " invariant(s) broken (verdict " + c.verdict() + "):\n  "
                    + String.join("\n  ", violations.subList(0, Math.min(20, violations.size()))));
        }
        return c;
    }

    /** Writes a failing input where it can be replayed; returns the case name with that path. */
    private static String saved(String name, byte[] input) {
        try {
            Path dir = Paths.get("target", "robustness-failures");
            Files.createDirectories(dir);
            Path file = dir.resolve(Integer.toHexString(name.hashCode()) + ".log");
            Files.write(file, input);
            return name + " [seed " + SEED + ", input saved to " + file.toAbsolutePath() + "]";
        } catch (IOException e) {
            return name + " [seed " + SEED + ", input not saved: " + e.getMessage() + "]";
        }
    }

    private static String firstDifference(Classification a, Classification b) {
        if (a.lines() != b.lines() || a.bytes() != b.bytes()) {
            return String.format(Locale.ROOT, "lines %d vs %d, bytes %d vs %d", a.lines(), b.lines(), a.bytes(), b.bytes());
        }
        if (!a.crashes().equals(b.crashes())) {
            return "crashes:\n  one buffer:  " + a.crashes() + "\n  split reads: " + b.crashes();
        }
        if (!a.boots().equals(b.boots())) {
            return "boots:\n  one buffer:  " + a.boots() + "\n  split reads: " + b.boots();
        }
        if (!a.findings().equals(b.findings())) {
            return "findings:\n  one buffer:  " + a.findings() + "\n  split reads: " + b.findings();
        }
        return "verdict " + a.verdict() + " vs " + b.verdict();
    }
}
