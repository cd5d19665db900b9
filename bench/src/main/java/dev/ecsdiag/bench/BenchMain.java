package dev.ecsdiag.bench;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Entry point of {@code bench/target/benchmarks.jar}. Plain runners print figures for people;
 * anything else goes to JMH's own command line.
 *
 * <pre>
 *   corpus      [--corpus DIR] [--warmup N] [--passes N]     corpus MB/s, per-file median and p99
 *   jmh         [--corpus DIR] [JMH options]                 the same with JMH, MB/s derived from ops/s
 *   scale       [--dir DIR] [--sizes 1,16,256] [--heap 256m] [--keep]
 *   adversarial [--base-mb 1] [--kinds a,b] [--heap 256m] [--timeout S]
 *   screens     [--dir shared/src/test/resources] [--passes 5] screen recognition: start-up, ms per screen, CER
 *   generate    FILE MEGABYTES [SEED]                         write a synthetic console log
 *   (anything else: org.openjdk.jmh.Main, e.g. -l to list, -h for help)
 * </pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "corpus" -> CorpusSpeed.main(rest);
            case "jmh" -> jmh(rest);
            case "scale" -> ScaleBench.main(rest);
            case "adversarial" -> AdversarialBench.main(rest);
            case "screens" -> ScreenBench.main(rest);
            case "generate" -> {
                long injected = ScaleBench.generate(Paths.get(value(rest, 0)), Long.parseLong(value(rest, 1)) << 20,
                        rest.length > 2 ? Long.parseLong(rest[2]) : 42);
                System.out.println("wrote " + rest[0] + " with " + injected + " crash reports");
            }
            // internal: run in child JVMs by scale and adversarial
            case "classify-file" -> ScaleBench.classifyFile(Paths.get(value(rest, 0)));
            case "adversarial-kind" -> AdversarialBench.runKind(AdversarialInput.valueOf(value(rest, 0)),
                    Integer.parseInt(value(rest, 1)));
            default -> org.openjdk.jmh.Main.main(args);
        }
    }

    /** Runs {@link CorpusBenchmark} and prints the MB/s and latency percentiles it implies. */
    private static void jmh(String[] args) throws Exception {
        String corpus = "";
        java.util.List<String> jmhArgs = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--corpus")) {
                corpus = value(args, ++i);
            } else {
                jmhArgs.add(args[i]);
            }
        }
        long bytes = CorpusLogs.totalBytes(CorpusLogs.load(corpus.isEmpty() ? CorpusLogs.defaultDir() : Paths.get(corpus)));
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(jmhArgs.toArray(String[]::new)))
                .include(CorpusBenchmark.class.getName())
                .param("corpus", corpus)
                .build();
        for (RunResult r : new Runner(options).run()) {
            String name = r.getParams().getBenchmark();
            Statistics s = r.getPrimaryResult().getStatistics();
            if (name.endsWith("wholeCorpus")) {
                System.out.printf(Locale.ROOT, "%nthroughput  %.1f MB/s (%.2f ± %.2f corpus passes/s × %.2f MB)%n",
                        s.getMean() * bytes / 1e6, s.getMean(), r.getPrimaryResult().getScoreError(), bytes / 1e6);
            } else if (name.endsWith("oneFile")) {
                System.out.printf(Locale.ROOT, "per file    median %.1f µs, p99 %.1f µs, max %.1f µs (%d samples)%n",
                        s.getPercentile(50), s.getPercentile(99), s.getMax(), s.getN());
            }
        }
    }

    static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value after " + (i > 0 ? args[i - 1] : "command"));
        }
        return args[i];
    }
}
