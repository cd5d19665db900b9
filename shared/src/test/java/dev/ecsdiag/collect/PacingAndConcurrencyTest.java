package dev.ecsdiag.collect;

import dev.ecsdiag.config.RetrySettings;
import dev.ecsdiag.config.ProgressSink;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.Faults;
import dev.ecsdiag.emulator.ThrottleScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector keeps the service's same-instance window before it calls (no Throttling answer to
 * learn it from), without holding a worker while it waits, and never has more calls in flight
 * than its concurrency.
 */
class PacingAndConcurrencyTest {

    private static final Duration WINDOW = Duration.ofMillis(800);

    @TempDir
    Path out;

    private static List<String> ids(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("i-%s%04d", prefix, i));
        }
        return ids;
    }

    @Test
    void underThePerInstanceWindowANormalCollectionIsNeverThrottled() {
        try (EcsEmulator ecs = EcsEmulator.builder().throttleWindow(WINDOW).build().start()) {
            assertThat(ecs.throttleScope()).as("the service's rule is the default").isEqualTo(ThrottleScope.INSTANCE);
            List<String> ids = ids("pace", 12);
            ids.forEach(id -> ecs.fleet().put(TestFleet.healthy(id).build()));

            Collector.Measured m = new Collector().collectMeasured(TestFleet.request(ecs, out.resolve("paced"))
                    .instanceIds(ids).concurrency(4).build(), ProgressSink.NONE);

            assertThat(m.result().instances()).hasSize(12).allSatisfy(o -> {
                assertThat(o.failures()).isEmpty();
                assertThat(o.console()).isNotNull();
                assertThat(o.screenshot()).isNotNull();
            });
            assertThat(ecs.counters().answers("Throttling")).as("Throttling answers served").isZero();
            assertThat(ecs.counters().calls("GetInstanceConsoleOutput")).isEqualTo(12);
            assertThat(ecs.counters().calls("GetInstanceScreenshot")).isEqualTo(12);
            assertThat(m.stats().throttledAnswers()).isZero();
            assertThat(m.stats().retries()).isZero();
            // every screenshot waited for the window opened by its instance's console call
            assertThat(m.stats().pacedWaits()).isEqualTo(12);
        }
    }

    @Test
    void withoutPacingTheSameCollectionIsThrottled() {
        // the control: the window is really active, so the test above could fail
        try (EcsEmulator ecs = EcsEmulator.builder().throttleWindow(WINDOW).build().start()) {
            List<String> ids = ids("nopace", 4);
            ids.forEach(id -> ecs.fleet().put(TestFleet.healthy(id).build()));
            new Collector().collect(TestFleet.request(ecs, out.resolve("unpaced")).instanceIds(ids)
                    .retry(RetrySettings.defaults().withMaxAttempts(1).withSameInstanceSpacing(Duration.ZERO)).build(), ProgressSink.NONE);
            assertThat(ecs.counters().answers("GetInstanceScreenshot", "Throttling")).isEqualTo(4);
        }
    }

    @Test
    void aCallWaitingForItsWindowDoesNotHoldTheWorker() {
        // one worker: if a screenshot's wait held it, each instance would be finished before the next began
        List<String> log = new CopyOnWriteArrayList<>();
        try (EcsEmulator ecs = EcsEmulator.builder().throttleWindow(WINDOW).requestLog(log::add).build().start()) {
            List<String> ids = ids("worker", 4);
            ids.forEach(id -> ecs.fleet().put(TestFleet.healthy(id).build()));
            CollectionResult r = new Collector().collect(TestFleet.request(ecs, out).instanceIds(ids).concurrency(1).build(),
                    ProgressSink.NONE);
            assertThat(r.instances()).allSatisfy(o -> assertThat(o.screenshot()).isNotNull());
            assertThat(ecs.counters().answers("Throttling")).isZero();
            int firstScreenshot = indexOf(log, "GetInstanceScreenshot");
            int lastConsole = lastIndexOf(log, "GetInstanceConsoleOutput");
            assertThat(lastConsole).as("every console call came before the first screenshot: %s", log).isLessThan(firstScreenshot);
        }
    }

    @Test
    void perActionScopeLetsTheScreenshotFollowTheConsoleAtOnce() {
        try (EcsEmulator ecs = EcsEmulator.builder().throttleWindow(Duration.ofSeconds(30)).throttleScope(ThrottleScope.ACTION)
                .build().start()) {
            ecs.fleet().put(TestFleet.healthy("i-action0001").build());
            CollectionResult r = new Collector().collect(TestFleet.request(ecs, out).instanceId("i-action0001")
                    .retry(RetrySettings.defaults().withMaxAttempts(1).withSameInstanceSpacing(Duration.ZERO)).build(), ProgressSink.NONE);
            assertThat(r.instances().get(0).failures()).isEmpty();
            assertThat(r.instances().get(0).screenshot()).isNotNull();
        }
    }

    @Test
    void callsInFlightNeverExceedTheConcurrencyAndReachIt() {
        try (EcsEmulator ecs = TestFleet.start(Duration.ZERO)) {
            List<String> ids = ids("flight", 40);
            ids.forEach(id -> ecs.fleet().put(TestFleet.healthy(id).build()));
            // latency keeps calls in flight long enough to overlap
            ecs.faults(Faults.NONE.withLatency(Duration.ofMillis(40)));
            int concurrency = 6;
            CollectionResult r = new Collector().collect(TestFleet.request(ecs, out).instanceIds(ids).concurrency(concurrency)
                    .retry(RetrySettings.defaults().withSameInstanceSpacing(Duration.ZERO)).build(), ProgressSink.NONE);
            assertThat(r.instances()).hasSize(40).allSatisfy(o -> assertThat(o.failures()).isEmpty());
            assertThat(ecs.counters().totalCalls()).isEqualTo(1 + 3 * 40);
            assertThat(ecs.counters().peakInFlight()).isLessThanOrEqualTo(concurrency).isEqualTo(concurrency);
            assertThat(ecs.counters().inFlight()).isZero();
        }
    }

    private static int indexOf(List<String> log, String action) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).startsWith(action + " ")) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<String> log, String action) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).startsWith(action + " ")) {
                return i;
            }
        }
        return -1;
    }
}
