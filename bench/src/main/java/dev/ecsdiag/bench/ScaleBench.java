package dev.ecsdiag.bench;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scale: writes synthetic console logs of 1, 16 and 256 MB to disk (streamed, never held in
 * memory), classifies each in a fresh JVM limited to {@code -Xmx256m}, and prints seconds, MB/s,
 * crashes found against crashes injected and the old generation's peak, so one can see that the
 * memory stays flat and the time grows linearly with the size.
 */
public final class ScaleBench {

    private ScaleBench() {
    }

    /** {@code scale [--dir DIR] [--sizes 1,16,256] [--heap 256m] [--timeout S] [--keep]} */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Paths.get("bench", "target", "scale");
        String sizes = "1,16,256";
        String heap = "256m";
        long timeout = 900;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Paths.get(BenchMain.value(args, ++i));
                case "--sizes" -> sizes = BenchMain.value(args, ++i);
                case "--heap" -> heap = BenchMain.value(args, ++i);
                case "--timeout" -> timeout = Long.parseLong(BenchMain.value(args, ++i));
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option for scale: " + args[i]);
            }
        }
        Files.createDirectories(dir);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "scale: synthetic console logs in %s, each classified in a fresh JVM with -Xmx%s%n", dir, heap);
        out.printf(Locale.ROOT, "%8s %10s %9s %9s %9s %18s %14s %s%n", "size", "seconds", "MB/s", "CPU MB/s", "lines", "crashes found/inj",
                "old-gen peak", "outcome");
        List<double[]> rates = new ArrayList<>();
        for (String s : sizes.split(",")) {
            long mb = Long.parseLong(s.trim());
            Path file = dir.resolve("console-" + mb + "MB.log");
            long injected = generate(file, mb << 20, 42);
            ChildJvm.Outcome o = ChildJvm.run(heap, timeout, "classify-file", file.toString());
            List<Map<String, String>> results = o.results();
            String outcome = o.timedOut() ? "TIMED OUT after " + timeout + " s"
                    : o.outOfMemory() ? "OUT OF MEMORY"
                    : o.exitCode() != 0 || results.isEmpty() ? "FAILED (exit " + o.exitCode() + "): " + firstLine(o.stderr())
                    : "ok";
            if (results.isEmpty()) {
                out.printf(Locale.ROOT, "%6d MB %10s %9s %9s %9s %18s %14s %s%n", mb, "-", "-", "-", "-", "-/" + injected, "-", outcome);
            } else {
                Map<String, String> r = results.get(0);
                long bytes = Long.parseLong(r.get("bytes"));
                long nanos = Long.parseLong(r.get("nanos"));
                double rate = Latencies.megabytesPerSecond(bytes, nanos);
                double cpuRate = Latencies.megabytesPerSecond(bytes, Long.parseLong(r.get("cpuNanos")));
                rates.add(new double[] {mb, rate, cpuRate});
                out.printf(Locale.ROOT, "%6d MB %10.2f %9.1f %9.1f %9s %18s %11d MB %s%n", mb, nanos / 1e9, rate, cpuRate, r.get("lines"),
                        r.get("crashes") + "/" + injected, Long.parseLong(r.get("oldGenPeak")) >> 20, outcome);
            }
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
        if (rates.size() >= 2) {
            double[] first = rates.get(0);
            double[] last = rates.get(rates.size() - 1);
            out.printf(Locale.ROOT, "linearity: MB/s at %.0f MB is %.2fx (by CPU time %.2fx) the MB/s at %.0f MB"
                    + " (1.00 = perfectly linear time)%n", last[0], last[1] / first[1], last[2] / first[2], first[0]);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Streams a synthetic log of at least {@code bytes} to {@code file}; returns the crashes injected. */
    static long generate(Path file, long bytes, long seed) throws IOException {
        SyntheticConsoleLog log = new SyntheticConsoleLog(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            log.writeTo(out, bytes);
        }
        return log.crashesInjected();
    }

    /**
     * In the child JVM: warms the classifier up on a streamed synthetic log (so a 1 MB file is not
     * measured in the interpreter), then classifies the file once and prints a {@code RESULT} line.
     */
    static void classifyFile(Path file) throws IOException {
        ConsoleClassifier classifier = new ConsoleClassifier();
        // The JIT needs ~100 MB of console to settle (measured: 30 MB/s on the first 16 MB, 150 MB/s
        // after 100 MB); without this the small sizes would be measured half-interpreted.
        for (int i = 0; i < 8; i++) {
            classifier.classify(new SyntheticConsoleLog(7 + i).stream(16L << 20));
        }
        System.gc();
        ChildJvm.resetPeakHeap();
        long cpu0 = ChildJvm.threadCpuNanos();
        long t0 = System.nanoTime();
        Classification c = classifier.classify(file);
        long nanos = System.nanoTime() - t0;
        long cpu = ChildJvm.threadCpuNanos() - cpu0;
        System.out.printf(Locale.ROOT, "RESULT bytes=%d nanos=%d cpuNanos=%d lines=%d crashes=%d boots=%d findings=%d verdict=%s oldGenPeak=%d%n",
                c.bytes(), nanos, cpu, c.lines(), c.crashes().size(), c.boots().size(), c.findings().size(), c.verdict().id(),
                ChildJvm.peakOldGenUsed());
    }
}
