package dev.ecsdiag.bench;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adversarial lines: each {@link AdversarialInput} at 1x, 4x and 16x a base size, classified in a
 * fresh JVM with a small heap and a deadline. Linear time shows as the same MB/s at every size;
 * a backtracking or quadratic blow-up shows as MB/s falling by 4x per step (or a timeout).
 */
public final class AdversarialBench {

    static final int[] MULTIPLIERS = {1, 4, 16};

    private AdversarialBench() {
    }

    /** {@code adversarial [--base-mb N] [--kinds A,B] [--heap 256m] [--timeout S]} */
    public static void main(String[] args) throws IOException, InterruptedException {
        double baseMb = 1;
        String kinds = null;
        String heap = "256m";
        long timeout = 300;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base-mb" -> baseMb = Double.parseDouble(BenchMain.value(args, ++i));
                case "--kinds" -> kinds = BenchMain.value(args, ++i);
                case "--heap" -> heap = BenchMain.value(args, ++i);
                case "--timeout" -> timeout = Long.parseLong(BenchMain.value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option for adversarial: " + args[i]);
            }
        }
        List<AdversarialInput> selected = new ArrayList<>();
        if (kinds == null) {
            selected.addAll(List.of(AdversarialInput.values()));
        } else {
            for (String k : kinds.split(",")) {
                selected.add(AdversarialInput.valueOf(k.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
            }
        }
        int base = (int) (baseMb * (1 << 20));
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "adversarial inputs: base %.2f MB, sizes 1x/4x/16x, each kind in a fresh JVM with -Xmx%s,"
                + " deadline %d s; MB/s by the thread's CPU time (best of three), so other processes do not blur the ratios%n",
                base / 1048576.0, heap, timeout);
        out.printf(Locale.ROOT, "%-24s %10s %10s %10s %10s %8s %9s  %s%n", "kind", "1x MB/s", "4x MB/s", "16x MB/s",
                "16x/1x", "lines", "crashes", "outcome");
        for (AdversarialInput kind : selected) {
            ChildJvm.Outcome o = ChildJvm.run(heap, timeout, "adversarial-kind", kind.name(), Integer.toString(base));
            List<Map<String, String>> results = o.results();
            double[] rate = new double[MULTIPLIERS.length];
            String lines = "-";
            String crashes = "-";
            for (int i = 0; i < results.size() && i < rate.length; i++) {
                Map<String, String> r = results.get(i);
                rate[i] = Latencies.megabytesPerSecond(Long.parseLong(r.get("bytes")), Long.parseLong(r.get("cpuNanos")));
                lines = r.get("lines");
                crashes = r.get("crashes");
            }
            String outcome = o.timedOut() ? "TIMED OUT after " + timeout + " s (blow-up)"
                    : o.outOfMemory() ? "OUT OF MEMORY"
                    : o.exitCode() != 0 ? "FAILED (exit " + o.exitCode() + "): " + firstLine(o.stderr())
                    : results.size() < rate.length ? "incomplete" : verdict(rate);
            out.printf(Locale.ROOT, "%-24s %10s %10s %10s %10s %8s %9s  %s%n", kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    fmt(rate[0]), fmt(rate[1]), fmt(rate[2]), rate[0] > 0 && rate[2] > 0 ? String.format(Locale.ROOT, "%.2f", rate[2] / rate[0]) : "-",
                    lines, crashes, outcome);
        }
    }

    /** Linear time keeps MB/s roughly constant; quadratic time divides it by 16 from 1x to 16x. */
    static String verdict(double[] rate) {
        double ratio = rate[2] / rate[0];
        return ratio >= 0.5 ? "linear" : ratio >= 0.2 ? "SLOWER THAN LINEAR?" : "SUPERLINEAR (blow-up)";
    }

    private static String fmt(double v) {
        return v <= 0 ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** In the child JVM: warm up, then time the kind at every size and print a RESULT line each. */
    static void runKind(AdversarialInput kind, int base) throws IOException {
        ConsoleClassifier classifier = new ConsoleClassifier();
        for (int i = 0; i < 4; i++) {
            classifier.classify(new SyntheticConsoleLog(3 + i).stream(16L << 20)); // the JIT settles after ~100 MB
        }
        for (int i = 0; i < 5; i++) {
            classifier.classify(kind.stream(Math.min(base, 4 << 20)));
        }
        for (int m : MULTIPLIERS) {
            // generated while read, never held: at 16x of 16 MB the input is as large as the heap
            long size = (long) base * m;
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            Classification c = null;
            // best of three (the figure is the classifier's, not a GC pause's); once from 64 MB on
            int repeats = size >= 64L << 20 ? 1 : 3;
            for (int r = 0; r < repeats; r++) {
                try (java.io.InputStream input = kind.stream(size)) {
                    long cpu0 = ChildJvm.threadCpuNanos();
                    long t0 = System.nanoTime();
                    c = classifier.classify(input);
                    best = Math.min(best, System.nanoTime() - t0);
                    bestCpu = Math.min(bestCpu, ChildJvm.threadCpuNanos() - cpu0);
                }
            }
            System.out.printf(Locale.ROOT, "RESULT kind=%s mult=%d bytes=%d nanos=%d cpuNanos=%d lines=%d crashes=%d%n",
                    kind.name(), m, c.bytes(), best, bestCpu, c.lines(), c.crashes().size());
            System.out.flush();
        }
    }
}
