package dev.ecsdiag.classify.bench;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Plain benchmark main (single thread, one process): classifier throughput over the syzkaller
 * corpus (MB/s, per-file median and p99), linear growth on 1/16/256 MB logs streamed from a
 * generator (ordinary console chatter with a corpus crash every 64 KB; run with {@code -Xmx256m}
 * to show the memory bound), and adversarial inputs that would make a backtracking parser blow up.
 *
 * <pre>
 * ./mvnw -q -o -pl shared test-compile
 * java -Xmx256m -cp shared/target/classes:shared/target/test-classes:$(cat cp.txt) \
 *     dev.ecsdiag.classify.bench.ClassifierBench [corpus-dir] [--quick]
 * </pre>
 */
public final class ClassifierBench {

    /** Thread CPU time: on a shared machine wall time says more about the neighbours than about us. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws IOException {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path corpus = args.length > 0 && !args[0].startsWith("--") ? Paths.get(args[0])
                : dev.ecsdiag.testing.SharedMaterial.sharedDir().resolve("corpus").resolve("syzkaller-linux-report");
        if (!Files.isDirectory(corpus)) {
            System.err.println("no corpus at " + corpus + " (pass its folder as the first argument)");
            System.exit(2);
        }
        List<byte[]> logs = load(corpus);
        long total = logs.stream().mapToLong(b -> b.length).sum();
        System.out.printf("corpus: %d logs, %.1f MB (%s)%n", logs.size(), total / 1e6, corpus);
        ConsoleClassifier classifier = new ConsoleClassifier();

        int warmups = quick ? 3 : 30;
        for (int i = 0; i < warmups; i++) {
            for (byte[] log : logs) {
                classifier.classify(log);
            }
        }
        int rounds = quick ? 3 : 10;
        long[] perFile = new long[logs.size() * rounds];
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            for (byte[] log : logs) {
                long t0 = System.nanoTime();
                classifier.classify(log);
                perFile[k++] = System.nanoTime() - t0;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Arrays.sort(perFile);
        System.out.printf("corpus throughput: %.1f MB/s wall, %.1f MB/s per CPU second (%d rounds);"
                        + " per file: median %.3f ms, p99 %.3f ms, max %.3f ms%n",
                total * rounds / 1e6 / seconds, total * rounds / 1e6 / cpuSeconds, rounds, perFile[perFile.length / 2] / 1e6,
                perFile[(int) (perFile.length * 0.99)] / 1e6, perFile[perFile.length - 1] / 1e6);

        // A day of a busy VM: ordinary kernel and service chatter with a corpus crash every ~64 KB.
        List<byte[]> mixed = new ArrayList<>();
        byte[] chatter = chatter(64 * 1024);
        for (byte[] log : logs) {
            mixed.add(chatter);
            mixed.add(log);
        }
        for (int mb : quick ? new int[] {1, 16} : new int[] {1, 16, 256}) {
            long size = mb * 1_000_000L;
            long cpu0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Classification c = classifier.classify(new RepeatingStream(mixed, size));
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf("scale %4d MB: %.2f s wall, %.2f s CPU, %.1f MB/s wall, %.1f MB/s per CPU second,"
                            + " %d crashes, %d lines, max heap %d MB%n", mb, s, cpu, c.bytes() / 1e6 / s,
                    c.bytes() / 1e6 / cpu, c.crashes().size(), c.lines(), Runtime.getRuntime().maxMemory() >> 20);
        }

        adversarial(classifier, "one 64 MB line without newline", new PatternStream("A", 64_000_000L));
        adversarial(classifier, "64 MB of '[<ffffffff' in one line", new PatternStream("[<ffffffff", 64_000_000L));
        adversarial(classifier, "64 MB of '[<ffffffff' lines", new PatternStream("[<ffffffff\n", 64_000_000L));
        adversarial(classifier, "32 MB of repeated frames after one oops",
                new PatternStream("general protection fault: 0000 [#1] SMP\nCall Trace:\n",
                        " ? tcp_close+0x2a/0x60 [ipv6]\n tcp_close+0x2a/0x60\n", 32_000_000L));
        adversarial(classifier, "16 MB of oops headers",
                new PatternStream("WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2\n", 16_000_000L));
        adversarial(classifier, "16 MB of long header-like lines",
                new PatternStream("BUG: KASAN: " + "a".repeat(5000) + " INFO: task " + "WARNING: ".repeat(300) + "\n",
                        16_000_000L));
    }

    /** Ordinary console lines: timestamps, drivers, systemd, audit, user space without timestamps. */
    static byte[] chatter(int size) {
        String[] lines = {
            "[%d.%06d] EXT4-fs (vda1): re-mounted. Opts: errors=remount-ro. Quota mode: none.",
            "[%d.%06d] audit: type=1400 audit(1700000000.%d:42): apparmor=\"STATUS\" operation=\"profile_load\"",
            "[%d.%06d] virtio_net virtio0 eth0: renamed from enp0s3, link up %d",
            "[%d.%06d] systemd[1]: Started Journal Service (%d).",
            "Starting nginx.service - A high performance web server...",
            "[  OK  ] Reached target multi-user.target - Multi-User System.",
            "[%d.%06d] IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready",
            "[%d.%06d] random: crng init done, entropy %d",
        };
        StringBuilder b = new StringBuilder(size + 256);
        int i = 0;
        while (b.length() < size) {
            String line = lines[i % lines.length];
            b.append(line.contains("%d") ? String.format(line, 100 + i / 50, (i * 7919) % 1_000_000, i) : line)
                    .append('\n');
            i++;
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void adversarial(ConsoleClassifier classifier, String name, InputStream in) throws IOException {
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Classification c = classifier.classify(in);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("adversarial %-45s %.2f s wall, %.1f MB/s wall, %.1f MB/s per CPU second, %d crashes%n",
                name + ":", s, c.bytes() / 1e6 / s, c.bytes() / 1e6 / cpu, c.crashes().size());
    }

    static List<byte[]> load(Path dir) throws IOException {
        List<byte[]> logs = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("[0-9]+")).sorted().toList()) {
                byte[] all = Files.readAllBytes(p);
                int split = indexOf(all, "\n\n".getBytes(StandardCharsets.US_ASCII));
                logs.add(split < 0 ? all : Arrays.copyOfRange(all, split + 2, all.length));
            }
        }
        return logs;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The corpus logs one after the other, again and again, up to a size: never held in memory. */
    static final class RepeatingStream extends InputStream {
        private final List<byte[]> logs;
        private final long size;
        private long produced;
        private int log;
        private int pos;

        RepeatingStream(List<byte[]> logs, long size) {
            this.logs = logs;
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= size) {
                return -1;
            }
            byte[] cur = logs.get(log);
            int n = (int) Math.min(Math.min(len, cur.length - pos), size - produced);
            System.arraycopy(cur, pos, b, off, n);
            pos += n;
            produced += n;
            if (pos == cur.length) {
                pos = 0;
                log = (log + 1) % logs.size();
            }
            return n;
        }
    }

    /** A prefix, then a pattern repeated up to a size. */
    static final class PatternStream extends InputStream {
        private final byte[] prefix;
        private final byte[] pattern;
        private final long size;
        private long produced;

        PatternStream(String pattern, long size) {
            this("", pattern, size);
        }

        PatternStream(String prefix, String pattern, long size) {
            this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
            this.pattern = pattern.getBytes(StandardCharsets.US_ASCII);
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - produced);
            for (int i = 0; i < n; i++) {
                long p = produced + i;
                b[off + i] = p < prefix.length ? prefix[(int) p] : pattern[(int) ((p - prefix.length) % pattern.length)];
            }
            produced += n;
            return n;
        }
    }
}
