package dev.ecsdiag.emulator;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.GetInstanceConsoleOutputRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceScreenshotRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much the emulator itself adds, so that a collection benchmark run against it measures the
 * collector and not the server: N instances, one console and one screenshot call each through the
 * real SDK, at several concurrencies, with and without injected latency. Prints wall time, the
 * ideal (calls x latency / concurrency) and calls per second.
 *
 * <pre>
 * ./mvnw -q -pl ecs-emulator test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp ecs-emulator/target/test-classes:ecs-emulator/target/classes:$(cat ecs-emulator/target/test-classpath.txt) \
 *     dev.ecsdiag.emulator.EmulatorThroughputBench [INSTANCES [LATENCY_MS [CONCURRENCIES [CONSOLE_LINES]]]]   # 200 50 8,32 2000
 * </pre>
 */
public final class EmulatorThroughputBench {

    private EmulatorThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 50;
        String[] concurrencies = (args.length > 2 ? args[2] : "8,32").split(",");
        int consoleLines = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        byte[] console = "[    0.000000] Linux version 6.1.0-56-amd64\r\n".repeat(consoleLines).getBytes(StandardCharsets.US_ASCII);
        byte[] screenshot = BlankScreen.png();

        System.out.printf("emulator throughput: %d instances, console %d KB, screenshot %d KB, 2 calls each%n",
                instances, console.length / 1024, screenshot.length / 1024);
        for (long latency : new long[] {0, latencyMs}) {
            for (String c : concurrencies) {
                int concurrency = Integer.parseInt(c.trim());
                run(instances, latency, concurrency, console, screenshot, true); // warm-up
                run(instances, latency, concurrency, console, screenshot, false);
            }
        }
    }

    private static void run(int instances, long latencyMs, int concurrency, byte[] console, byte[] screenshot,
                            boolean warmUp) throws Exception {
        try (EcsEmulator ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start()) {
            for (int i = 0; i < instances; i++) {
                ecs.fleet().put(EmulatedInstance.builder(String.format("i-bench%05d", i)).console(console).screenshot(screenshot).build());
            }
            ecs.faults(Faults.NONE.withLatency(Duration.ofMillis(latencyMs)));
            DefaultAcsClient client = SdkClients.testKey(ecs);
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            AtomicLong bytes = new AtomicLong();
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String id = String.format("i-bench%05d", i);
                done.add(pool.submit(() -> {
                    GetInstanceConsoleOutputRequest r = new GetInstanceConsoleOutputRequest();
                    r.setInstanceId(id);
                    bytes.addAndGet(SdkClients.call(client, ecs, r).getConsoleOutput().length());
                    GetInstanceScreenshotRequest s = new GetInstanceScreenshotRequest();
                    s.setInstanceId(id);
                    bytes.addAndGet(SdkClients.call(client, ecs, s).getScreenshot().length());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long wallNanos = System.nanoTime() - start;
            pool.shutdown();
            if (warmUp) {
                return;
            }
            long calls = ecs.counters().totalCalls();
            double wallMs = wallNanos / 1e6;
            double idealMs = (double) calls * latencyMs / concurrency;
            System.out.printf("  latency %3d ms, concurrency %2d: %4d calls in %7.1f ms (ideal %7.1f ms, ratio %s), %6.0f calls/s, %5.1f MB Base64%n",
                    latencyMs, concurrency, calls, wallMs, idealMs,
                    idealMs == 0 ? "n/a " : String.format("%.2f", wallMs / idealMs), calls / (wallMs / 1000), bytes.get() / 1e6);
        }
    }
}
