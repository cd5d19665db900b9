package dev.ecsdiag.bench;

import dev.ecsdiag.collect.CollectionRequest;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.Collector;
import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.collect.InstanceOutcome;
import dev.ecsdiag.config.ProgressSink;
import dev.ecsdiag.config.RetrySettings;
import dev.ecsdiag.config.Secret;
import dev.ecsdiag.emulator.ByteSource;
import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import dev.ecsdiag.emulator.Faults;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Collection throughput: 200 instances, 50 ms injected latency on every call, 20 % of the calls
 * throttled once, at concurrency 8 and 32. Everything goes through the real SDK and real HTTP to
 * the local endpoint. Prints wall time, the ideal (calls × latency ÷ concurrency, plus the
 * backoff the throttled calls waited, spread over the workers), the calls made and the peak heap;
 * fails (exit 1) when any data is missing or wall time exceeds 1.5 × the ideal.
 *
 * <pre>
 * ./mvnw -q -pl ecs-emulator,shared test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp shared/target/test-classes:shared/target/classes:ecs-emulator/target/classes:$(cat shared/target/test-classpath.txt) \
 *     dev.ecsdiag.bench.CollectBench [instances] [consoleKiB]
 * </pre>
 */
public final class CollectBench {

    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final double THROTTLED_SHARE = 0.20;

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int consoleKiB = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        byte[] screenshot = screenshot();
        Random random = new Random(20140526L);
        List<String> ids = new ArrayList<>();
        List<EmulatedInstance> fleet = new ArrayList<>();
        // consoles live in files, served by the emulator as a stream: the heap measured is the collector's
        Path consoles = Files.createTempDirectory("ecsdiag-bench-consoles");
        for (int i = 0; i < instances; i++) {
            String id = String.format("i-bench%05d", i);
            ids.add(id);
            Path log = Files.write(consoles.resolve(id + ".log"), console(i, consoleKiB * 1024, random));
            fleet.add(EmulatedInstance.builder(id).tag("ci", "bench").console(ByteSource.liveFile(log))
                    .screenshot(screenshot).build());
        }
        System.out.printf(Locale.ROOT, "fleet: %d instances, console %d KiB each (%.0f MiB in all), screenshot %d KiB; latency %d ms;"
                        + " %.0f%% of calls throttled once; max heap %d MiB%n",
                instances, consoleKiB, instances * consoleKiB / 1024.0, screenshot.length / 1024, LATENCY.toMillis(),
                THROTTLED_SHARE * 100, Runtime.getRuntime().maxMemory() >> 20);

        boolean ok = true;
        // warm-up, not judged: two whole collections, so that the JIT has compiled the hot paths
        // of client and emulator before anything is timed
        run(fleet, ids, 32, true, false);
        run(fleet, ids, 32, true, false);
        for (int concurrency : new int[] {8, 32}) {
            // the floor: the same collection with no latency and no throttling, i.e. pure CPU and I/O
            // of client and emulator on this machine; when it nears the ideal, the machine is the limit
            run(fleet, ids, concurrency, false, true);
            ok &= run(fleet, ids, concurrency, false, false);
        }
        deleteTree(consoles);
        System.out.println(ok ? "PASS" : "FAIL");
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(List<EmulatedInstance> fleet, List<String> ids, int concurrency, boolean warmUp, boolean floor)
            throws IOException {
        Path out = Files.createTempDirectory("ecsdiag-bench");
        try (EcsEmulator ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start()) {
            ecs.fleet().putAll(fleet);
            ecs.faults(Faults.NONE.withLatency(floor ? Duration.ZERO : LATENCY));
            // every call of one instance in five answers Throttling once: 20 % of the per-instance calls
            int throttledInstances = 0;
            for (int i = 0; i < (floor ? 0 : ecs.fleet().size()); i++) {
                if (i % 5 == 0) {
                    ecs.instanceFaults(ids.get(i), Faults.NONE.withThrottleFirst(1));
                    throttledInstances++;
                }
            }
            List<String> asked = ids;
            CollectionRequest request = CollectionRequest.builder()
                    .region(ecs.region())
                    .endpoint(ecs.endpoint())
                    .credentials(Credentials.accessKey(CredentialStore.TEST_ACCESS_KEY_ID, Secret.of(CredentialStore.TEST_ACCESS_KEY_SECRET)))
                    .instanceIds(asked)
                    .outputDir(out)
                    .concurrency(concurrency)
                    .callTimeout(Duration.ofSeconds(10))
                    .deadline(Duration.ofMinutes(5))
                    .retry(RetrySettings.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
                            .withSameInstanceSpacing(Duration.ZERO))
                    .build();
            System.gc();
            resetPeaks();
            long cpu0 = processCpuNanos();
            Collector.Measured m = new Collector().collectMeasured(request, ProgressSink.NONE);
            long cpuMs = (processCpuNanos() - cpu0) / 1_000_000;
            long peakHeap = peakHeap();
            CollectionResult r = m.result();
            long complete = r.instances().stream()
                    .filter(o -> o.failures().isEmpty() && o.console() != null && o.screenshot() != null && o.classification() != null)
                    .count();
            long calls = m.stats().callsMade();
            double idealMs = (calls * (double) LATENCY.toMillis() + m.stats().backoffMillis()) / concurrency;
            double ratio = m.stats().wallMillis() / idealMs;
            boolean allData = complete == asked.size() && r.instances().size() == asked.size();
            boolean ok = allData && ratio <= 1.5;
            long onDisk = sizeOnDisk(out);
            if (warmUp) {
                System.out.printf(Locale.ROOT, "warm-up: %d instances in %d ms%n", asked.size(), m.stats().wallMillis());
            } else if (floor) {
                System.out.printf(Locale.ROOT, "concurrency %2d, no latency, no throttling (floor): wall %5d ms, %d calls, cpu %d ms,"
                                + " complete %d/%d%n", concurrency, m.stats().wallMillis(), calls, cpuMs, complete, asked.size());
            } else {
                System.out.printf(Locale.ROOT,
                        "concurrency %2d: wall %5d ms | ideal %6.0f ms (%d calls x %d ms / %d + %d ms backoff / %d) | ratio %.2f"
                                + " | calls %d (emulator saw %d; %d throttled answers, %d retries) | complete %d/%d"
                                + " | peak heap %d MiB | written %d MiB | cpu %d ms (client and emulator) | %s%n",
                        concurrency, m.stats().wallMillis(), idealMs, calls, LATENCY.toMillis(), concurrency,
                        m.stats().backoffMillis(), concurrency, ratio, calls, ecs.counters().totalCalls(),
                        m.stats().throttledAnswers(), m.stats().retries(), complete, asked.size(), peakHeap >> 20, onDisk >> 20,
                        cpuMs, ok ? "ok" : "NOT OK");
                if (throttledInstances * 3L != m.stats().throttledAnswers()) {
                    System.out.println("  note: expected " + throttledInstances * 3 + " throttled answers");
                }
            }
            for (InstanceOutcome o : r.instances()) {
                if (!o.failures().isEmpty()) {
                    System.out.println("  " + o.instanceId() + ": " + o.failures());
                    break;
                }
            }
            return warmUp || floor || ok;
        } finally {
            deleteTree(out);
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any moment. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static byte[] console(int n, int size, Random random) {
        StringBuilder sb = new StringBuilder(size + 200);
        double t = 0;
        while (sb.length() < size - 100) {
            t += random.nextDouble() * 0.01;
            sb.append(String.format(Locale.ROOT, "[%12.6f] systemd[1]: Started unit-%d-%d.service.\r\n", t, n, random.nextInt(1 << 20)));
        }
        if (n % 10 == 0) {
            sb.append(String.format(Locale.ROOT, "[%12.6f] Kernel panic - not syncing: Fatal exception\r\n", t + 1));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] screenshot() throws IOException {
        BufferedImage image = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < 768; y += 16) {
            for (int x = 0; x < 1024; x += 8) {
                image.setRGB(x, y, r.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static long sizeOnDisk(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
