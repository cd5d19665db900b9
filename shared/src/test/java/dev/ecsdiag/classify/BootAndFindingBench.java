package dev.ecsdiag.classify;

import dev.ecsdiag.classify.text.ConsoleLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Throughput of the boot and finding analyzers alone (lines already split, as the reader hands them
 * over), single thread. Prints MB/s over the syzkaller corpus (with the per-file median and p99), over
 * realistic logs of 1, 16, 64 and 256 MB generated on the fly (linear growth), and over adversarial
 * lines. Run it with:
 *
 * <pre>
 * ./mvnw -q -o -pl shared test-compile
 * java -Xmx256m -cp shared/target/classes:shared/target/test-classes dev.ecsdiag.classify.BootAndFindingBench [CORPUS_DIR]
 * </pre>
 */
public final class BootAndFindingBench {

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private BootAndFindingBench() {
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/syzkaller-linux-report");
        if (Files.isDirectory(corpus)) {
            corpus(corpus);
        } else {
            System.out.println("corpus " + corpus + " not found; skipped");
        }
        String block = realisticBlock();
        for (int mb : new int[] {1, 16, 64, 256}) {
            generated(block, mb);
        }
        adversarial();
    }

    private static void corpus(Path dir) throws IOException {
        List<String> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!p.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                logs.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        long bytes = logs.stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        List<List<ConsoleLine>> split = logs.stream().map(ConsoleLines::raw).toList();
        for (int warm = 0; warm < 20; warm++) {
            split.forEach(BootAndFindingBench::analyze);
        }
        int rounds = 20;
        long[] perFile = new long[split.size()];
        long start = System.nanoTime();
        long cpuStart = cpu();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < split.size(); i++) {
                long t = cpu();
                analyze(split.get(i));
                perFile[i] += cpu() - t;
            }
        }
        double seconds = (cpu() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.stream(perFile).map(t -> t / rounds).sorted().toArray();
        System.out.printf("syzkaller corpus: %d files, %.1f MB x %d rounds: %.0f MB/s of CPU time (%.0f MB/s wall);"
                        + " per file CPU median %.1f us, p99 %.1f us%n",
                logs.size(), bytes / 1e6, rounds, bytes * rounds / 1e6 / seconds, bytes * rounds / 1e6 / wall,
                sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3);
    }

    private static int analyze(List<ConsoleLine> lines) {
        BootAnalyzer boots = new BootAnalyzer();
        FindingAnalyzer findings = new FindingAnalyzer();
        for (ConsoleLine line : lines) {
            boots.accept(line);
            findings.accept(line);
        }
        boots.finish();
        findings.finish();
        return boots.boots().size() + findings.findings(boots::bootOfLine).size();
    }

    /** A boot to login, kernel chatter, an OOM report, storage errors, a clean reboot. */
    private static String realisticBlock() {
        StringBuilder b = new StringBuilder();
        b.append("SeaBIOS (version 1.16.2-debian-1.16.2-1)\nBooting from Hard Disk...\n");
        b.append(BootAnalyzerTest.DEBIAN_BOOT).append('\n');
        for (int i = 0; i < 200; i++) {
            b.append("[  ").append(100 + i).append(".123456] audit: type=1400 audit(1700000000.123:").append(i)
                    .append("): apparmor=\"STATUS\" operation=\"profile_load\" profile=\"unconfined\" name=\"/usr/bin/man\" pid=")
                    .append(600 + i).append(" comm=\"apparmor_parser\"\n");
            b.append("[  ").append(100 + i).append(".223456] virtio_net virtio0 ens3: renamed from eth0\n");
            b.append("ci-job[").append(900 + i).append("]: step ").append(i).append(" passed in 0.").append(i).append("s\n");
        }
        b.append(FindingAnalyzerTest.GLOBAL_OOM).append('\n');
        b.append("[  624.000000] I/O error, dev vdc, sector 4096 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2\n");
        b.append("[  625.000000] EXT4-fs error (device vda1): ext4_find_entry:1463: inode #2: comm ls: reading directory lblock 0\n");
        b.append("[  OK  ] Reached target reboot.target - System Reboot.\n[  700.000000] reboot: Restarting system\n");
        return b.toString();
    }

    private static void generated(String block, int megabytes) {
        List<ConsoleLine> blockLines = ConsoleLines.raw(block);
        long blockBytes = block.getBytes(StandardCharsets.UTF_8).length;
        long target = megabytes * 1_000_000L;
        BootAnalyzer boots = new BootAnalyzer();
        FindingAnalyzer findings = new FindingAnalyzer();
        long bytes = 0;
        long number = 0;
        long start = System.nanoTime();
        long cpuStart = cpu();
        while (bytes < target) {
            for (ConsoleLine l : blockLines) {
                ConsoleLine line = new ConsoleLine(++number, l.text(), null, null, null);
                boots.accept(line);
                findings.accept(line);
            }
            bytes += blockBytes;
        }
        boots.finish();
        findings.finish();
        double seconds = (cpu() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("generated %4d MB (%d lines): %.2f s CPU (%.2f s wall), %.0f MB/s; %d boots kept, %d findings,"
                        + " heap used %d MB%n",
                megabytes, number, seconds, wall, bytes / 1e6 / seconds, boots.boots().size(),
                findings.findings(boots::bootOfLine).size(), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static void adversarial() {
        String[] shapes = {
                "[<ffffffff".repeat(100_000),
                "I/O error, dev vdb, sector ".repeat(40_000),
                "XFS (" + "(".repeat(1_000_000),
                "Welcome to " + "x".repeat(1_000_000),
                "Killed process 1 (" + ")".repeat(1_000_000),
                "oom-kill:constraint=" + ",".repeat(1_000_000),
        };
        for (String shape : shapes) {
            BootAnalyzer boots = new BootAnalyzer();
            FindingAnalyzer findings = new FindingAnalyzer();
            long start = cpu();
            int lines = 64;
            for (int i = 0; i < lines; i++) {
                ConsoleLine line = new ConsoleLine(i + 1, shape, null, null, null);
                boots.accept(line);
                findings.accept(line);
            }
            double seconds = (cpu() - start) / 1e9;
            System.out.printf("adversarial %-24s x %d lines of %.1f MB: %.3f s CPU, %.0f MB/s%n",
                    '"' + shape.substring(0, 12) + "...\"", lines, shape.length() / 1e6, seconds,
                    (double) shape.length() * lines / 1e6 / seconds);
        }
    }
}
