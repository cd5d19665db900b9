package dev.ecsdiag.bench;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * The corpus speed figures without the JMH ceremony: classifies every corpus log in one thread,
 * several passes after a warm-up, and prints overall MB/s and the per-file median and p99 latency.
 */
public final class CorpusSpeed {

    /** The bar from issue 2: ten times syzkaller's own parser on this kind of machine. */
    public static final double TARGET_MB_PER_S = 30.0;

    private final List<CorpusLogs.Log> logs;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final ConsoleClassifier classifier = new ConsoleClassifier();

    public CorpusSpeed(List<CorpusLogs.Log> logs) {
        this.logs = logs;
    }

    /** What one run measured. */
    public record Result(int logs, long bytesPerPass, int passes, long totalNanos, long bestPassNanos, long cpuNanos,
                         Latencies perFile, String slowestLog, long crashes, int logsWithCrashes) {

        /** MB/s by the thread's CPU time: what the figure would be on a quiet machine. */
        public double cpuMegabytesPerSecond() {
            return Latencies.megabytesPerSecond(bytesPerPass * passes, cpuNanos);
        }

        public double megabytesPerSecond() {
            return Latencies.megabytesPerSecond(bytesPerPass * passes, totalNanos);
        }

        public double bestPassMegabytesPerSecond() {
            return Latencies.megabytesPerSecond(bytesPerPass, bestPassNanos);
        }
    }

    public Result run(int warmupPasses, int passes) {
        for (int i = 0; i < warmupPasses; i++) {
            onePass(new long[logs.size()][1], 0);
        }
        long[][] nanos = new long[logs.size()][passes];
        long total = 0;
        long best = Long.MAX_VALUE;
        long crashes = 0;
        int withCrashes = 0;
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        for (int p = 0; p < passes; p++) {
            long[] pass = onePass(nanos, p);
            total += pass[0];
            best = Math.min(best, pass[0]);
            crashes = pass[1];
            withCrashes = (int) pass[2];
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long[] perFile = new long[logs.size()];
        int slowest = 0;
        for (int f = 0; f < logs.size(); f++) {
            perFile[f] = new Latencies(nanos[f]).percentileNanos(50);
            if (perFile[f] > perFile[slowest]) {
                slowest = f;
            }
        }
        return new Result(logs.size(), CorpusLogs.totalBytes(logs), passes, total, best, cpu, new Latencies(perFile),
                logs.get(slowest).name(), crashes, withCrashes);
    }

    /** Classifies every log once, timing each; returns {pass nanos, crashes found, logs with crashes}. */
    private long[] onePass(long[][] nanos, int pass) {
        long crashes = 0;
        long withCrashes = 0;
        long passStart = System.nanoTime();
        for (int f = 0; f < logs.size(); f++) {
            long t0 = System.nanoTime();
            Classification c = classifier.classify(logs.get(f).console());
            nanos[f][pass] = System.nanoTime() - t0;
            crashes += c.crashes().size();
            withCrashes += c.crashes().isEmpty() ? 0 : 1;
        }
        return new long[] {System.nanoTime() - passStart, crashes, withCrashes};
    }

    public static void print(Result r, Path corpus, PrintStream out) {
        out.printf(Locale.ROOT, "corpus      %s: %d logs, %.2f MB of console output (headers cut off)%n",
                corpus, r.logs(), r.bytesPerPass() / 1e6);
        out.printf(Locale.ROOT, "machine     %d cores, %s %s, single thread, heap max %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "throughput  %.1f MB/s over %d passes (%.1f MB in %.2f s); best pass %.1f MB/s%n",
                r.megabytesPerSecond(), r.passes(), r.bytesPerPass() * r.passes() / 1e6, r.totalNanos() / 1e9,
                r.bestPassMegabytesPerSecond());
        out.printf(Locale.ROOT, "cpu time    %.1f MB/s by the thread's CPU time (%.2f s): the wall-clock figure on a quiet machine;"
                        + " %.0f%% of the wall time was spent running%n",
                r.cpuMegabytesPerSecond(), r.cpuNanos() / 1e9, 100.0 * r.cpuNanos() / r.totalNanos());
        out.printf(Locale.ROOT, "per file    median %s, p99 %s, max %s (%s)   [each file: median of its %d passes]%n",
                Latencies.human(r.perFile().percentileNanos(50)), Latencies.human(r.perFile().percentileNanos(99)),
                Latencies.human(r.perFile().maxNanos()), r.slowestLog(), r.passes());
        out.printf(Locale.ROOT, "found       %d crashes in %d of %d logs (sanity check that the classifier ran)%n",
                r.crashes(), r.logsWithCrashes(), r.logs());
        out.printf(Locale.ROOT, "target      >= %.0f MB/s: %s by wall time, %s by CPU time%n", TARGET_MB_PER_S,
                r.megabytesPerSecond() >= TARGET_MB_PER_S ? "met" : "NOT MET",
                r.cpuMegabytesPerSecond() >= TARGET_MB_PER_S ? "met" : "NOT MET");
    }

    /** {@code corpus [--corpus DIR] [--warmup N] [--passes N]} */
    public static void main(String[] args) {
        Path dir = CorpusLogs.defaultDir();
        int warmup = 60; // 100 MB: the JIT is still speeding up after 20 MB
        int passes = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> dir = Paths.get(BenchMain.value(args, ++i));
                case "--warmup" -> warmup = Integer.parseInt(BenchMain.value(args, ++i));
                case "--passes" -> passes = Integer.parseInt(BenchMain.value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option for corpus: " + args[i]);
            }
        }
        List<CorpusLogs.Log> logs = CorpusLogs.load(dir);
        print(new CorpusSpeed(logs).run(warmup, Math.max(1, passes)), dir, System.out);
    }
}
