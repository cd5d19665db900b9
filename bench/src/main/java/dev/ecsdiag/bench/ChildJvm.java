package dev.ecsdiag.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a bench command in a fresh JVM with its own heap limit (so "fits in -Xmx256m" is shown by
 * a real JVM with that limit), and stops it when it runs past a deadline (so a blow-up is reported,
 * not waited for).
 */
final class ChildJvm {

    /** What the child printed and how it ended. */
    record Outcome(int exitCode, boolean timedOut, List<String> stdout, String stderr, long nanos) {

        boolean outOfMemory() {
            return stderr.contains("OutOfMemoryError") || stdout.stream().anyMatch(l -> l.contains("OutOfMemoryError"));
        }

        /** The {@code RESULT} lines, as key=value maps. */
        List<java.util.Map<String, String>> results() {
            List<java.util.Map<String, String>> all = new ArrayList<>();
            for (String line : stdout) {
                if (line.startsWith("RESULT ")) {
                    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
                    for (String kv : line.substring(7).trim().split(" ")) {
                        int eq = kv.indexOf('=');
                        if (eq > 0) {
                            m.put(kv.substring(0, eq), kv.substring(eq + 1));
                        }
                    }
                    all.add(m);
                }
            }
            return all;
        }
    }

    private ChildJvm() {
    }

    static Outcome run(String maxHeap, long timeoutSeconds, String... benchArgs) throws IOException, InterruptedException {
        Path javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), BenchMain.class.getName()));
        command.addAll(List.of(benchArgs));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).start();
        List<String> out = java.util.Collections.synchronizedList(new ArrayList<>());
        StringBuilder err = new StringBuilder();
        Thread outReader = pump(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)), out, null);
        Thread errReader = pump(new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8)), null, err);
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        outReader.join(5000);
        errReader.join(5000);
        synchronized (err) {
            return new Outcome(done ? p.exitValue() : -1, !done, List.copyOf(out), err.toString(), System.nanoTime() - t0);
        }
    }

    private static Thread pump(BufferedReader reader, List<String> lines, StringBuilder text) {
        Thread t = new Thread(() -> {
            try (reader) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (lines != null) {
                        lines.add(line);
                    } else {
                        synchronized (text) {
                            if (text.length() < 64 * 1024) {
                                text.append(line).append('\n');
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the child went away; what was read is kept
            }
        }, "child-jvm-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * The most the old generation has held since the last reset, in bytes: what survived young
     * collections, i.e. what the classifier kept (eden always fills up, so it says nothing).
     */
    static long peakOldGenUsed() {
        long sum = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == java.lang.management.MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** CPU time of the calling thread: unlike wall time, not inflated by other processes on a busy machine. */
    static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static void resetPeakHeap() {
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }
}
