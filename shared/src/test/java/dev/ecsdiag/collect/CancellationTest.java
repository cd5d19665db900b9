package dev.ecsdiag.collect;

import dev.ecsdiag.config.ProgressSink;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.Faults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interrupting the collecting thread (a Jenkins abort) stops it promptly and keeps what was fetched. */
class CancellationTest {

    @TempDir
    Path out;

    @Test
    void interruptStopsPromptlyKeepsTheFetchedAndLeavesTheFlagSet() throws Exception {
        try (EcsEmulator ecs = TestFleet.start(Duration.ZERO)) {
            for (int i = 0; i < 20; i++) {
                ecs.fleet().put(TestFleet.healthy(String.format("i-abort%04d", i)).build());
            }
            ecs.faults(Faults.NONE.withLatency(Duration.ofMillis(300)));
            CollectionRequest request = TestFleet.request(ecs, out).tag("ci", "build-42").concurrency(2)
                    .deadline(Duration.ofSeconds(60)).build();
            AtomicReference<CollectionResult> result = new AtomicReference<>();
            AtomicBoolean flagKept = new AtomicBoolean();
            Thread t = new Thread(() -> {
                result.set(new Collector().collect(request, ProgressSink.NONE));
                flagKept.set(Thread.currentThread().isInterrupted());
            });
            t.start();
            Thread.sleep(1500);
            long t0 = System.nanoTime();
            t.interrupt();
            t.join(10_000);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(t.isAlive()).isFalse();
            assertThat(ms).as("stopped promptly").isLessThan(1500);
            assertThat(flagKept).isTrue();
            CollectionResult r = result.get();
            assertThat(r.warnings()).anyMatch(w -> w.contains("cancelled"));
            assertThat(r.instances()).hasSize(20);
            assertThat(r.instances()).anySatisfy(o -> assertThat(o.console()).isNotNull());
            assertThat(r.instances()).anySatisfy(o -> assertThat(o.failures()).extracting(CallFailure::code).contains("Cancelled"));
            r.instances().stream().filter(o -> o.console() != null)
                    .forEach(o -> assertThat(out.resolve(o.console().rawFile())).exists());
            assertThat(CollectionJson.readResult(out.resolve("collection.json")).warnings()).anyMatch(w -> w.contains("cancelled"));
        }
    }
}
