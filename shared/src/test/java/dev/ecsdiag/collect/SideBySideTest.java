package dev.ecsdiag.collect;

import dev.ecsdiag.config.RetrySettings;
import dev.ecsdiag.config.ProgressSink;
import dev.ecsdiag.config.Secret;
import dev.ecsdiag.config.Credentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.Faults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two collections at once in one JVM, as on a Jenkins controller, against two endpoints with
 * different credentials, timeouts and concurrency: neither's settings may leak into the other
 * (the SDK's JVM-wide endpoint table and HTTP client are where they would).
 */
class SideBySideTest {

    @TempDir
    Path dir;

    @Test
    void twoCollectionsKeepTheirOwnEndpointCredentialsAndTimeouts() throws Exception {
        try (EcsEmulator a = EcsEmulator.builder().throttleWindow(Duration.ZERO)
                .credentials(new CredentialStore().add("LTAIcollectionA1", "secret-of-collection-a")).build().start();
             EcsEmulator b = EcsEmulator.builder().throttleWindow(Duration.ZERO)
                     .credentials(new CredentialStore().add("LTAIcollectionB1", "secret-of-collection-b")).build().start()) {
            for (int i = 0; i < 6; i++) {
                a.fleet().put(TestFleet.crashed(String.format("i-alpha%04d", i)).build());
                b.fleet().put(TestFleet.healthy(String.format("i-bravo%04d", i)).build());
            }
            // both endpoints answer in 400 ms: A waits up to 3 s per call, B only 150 ms
            a.faults(Faults.NONE.withLatency(Duration.ofMillis(400)));
            b.faults(Faults.NONE.withLatency(Duration.ofMillis(400)));
            CollectionRequest ra = TestFleet.request(a, dir.resolve("a")).tag("ci", "build-42")
                    .credentials(Credentials.accessKey("LTAIcollectionA1", Secret.of("secret-of-collection-a")))
                    .callTimeout(Duration.ofSeconds(3)).concurrency(6).build();
            CollectionRequest rb = TestFleet.request(b, dir.resolve("b")).tag("ci", "build-42")
                    .credentials(Credentials.accessKey("LTAIcollectionB1", Secret.of("secret-of-collection-b")))
                    .callTimeout(Duration.ofMillis(150)).concurrency(1)
                    .retry(RetrySettings.defaults().withMaxAttempts(1).withSameInstanceSpacing(Duration.ZERO)).build();

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<CollectionResult> fa = CompletableFuture.supplyAsync(() -> {
                await(go);
                return new Collector().collect(ra, ProgressSink.NONE);
            });
            CompletableFuture<CollectionResult> fb = CompletableFuture.supplyAsync(() -> {
                await(go);
                return new Collector().collect(rb, ProgressSink.NONE);
            });
            go.countDown();
            CollectionResult resultA = fa.get(60, TimeUnit.SECONDS);
            CollectionResult resultB = fb.get(60, TimeUnit.SECONDS);

            // A: every call within its 3 s timeout, with its own key, to its own endpoint
            assertThat(resultA.instances()).hasSize(6).allSatisfy(o -> {
                assertThat(o.instanceId()).startsWith("i-alpha");
                assertThat(o.failures()).isEmpty();
                assertThat(o.console()).isNotNull();
            });
            // B: DescribeInstances already timed out at 150 ms, so its tag search found nothing
            assertThat(resultB.instances()).isEmpty();
            assertThat(resultB.warnings()).anyMatch(w -> w.contains("SDK.ReadTimeout") && w.contains("150 ms"));
            // no call crossed over: each endpoint saw only its own key (an unknown key would be refused)
            assertThat(a.counters().answers("InvalidAccessKeyId.NotFound")).isZero();
            assertThat(b.counters().answers("InvalidAccessKeyId.NotFound")).isZero();
            assertThat(a.counters().calls("GetInstanceConsoleOutput")).isEqualTo(6);
            assertThat(b.counters().calls("GetInstanceConsoleOutput")).isZero();
        }
    }

    @Test
    void eachCollectionUsesItsOwnTimeoutForCallsOnSharedLatency() throws Exception {
        // the same endpoint, two collections: the short timeout fails, the long one succeeds, at the same time
        try (EcsEmulator ecs = TestFleet.start(Duration.ZERO)) {
            for (int i = 0; i < 4; i++) {
                ecs.fleet().put(TestFleet.healthy(String.format("i-shared%04d", i)).build());
            }
            List<String> ids = List.of("i-shared0000", "i-shared0001", "i-shared0002", "i-shared0003");
            // margins wide enough for a loaded machine: 3 s of latency against 8 s and 1.5 s timeouts
            ecs.actionFaults("GetInstanceScreenshot", Faults.NONE.withLatency(Duration.ofSeconds(3)));
            CollectionRequest patient = TestFleet.request(ecs, dir.resolve("patient")).instanceIds(ids)
                    .callTimeout(Duration.ofSeconds(8)).build();
            CollectionRequest hasty = TestFleet.request(ecs, dir.resolve("hasty")).instanceIds(ids)
                    .callTimeout(Duration.ofMillis(1500))
                    .retry(RetrySettings.defaults().withMaxAttempts(1).withSameInstanceSpacing(Duration.ZERO)).build();
            CompletableFuture<CollectionResult> fp = CompletableFuture.supplyAsync(() -> new Collector().collect(patient, ProgressSink.NONE));
            CompletableFuture<CollectionResult> fh = CompletableFuture.supplyAsync(() -> new Collector().collect(hasty, ProgressSink.NONE));
            assertThat(fp.get(60, TimeUnit.SECONDS).instances()).allSatisfy(o -> assertThat(o.screenshot()).isNotNull());
            assertThat(fh.get(60, TimeUnit.SECONDS).instances()).allSatisfy(o -> {
                assertThat(o.screenshot()).isNull();
                assertThat(o.failures()).filteredOn(f -> f.call().equals("GetInstanceScreenshot"))
                        .extracting(CallFailure::code).containsExactly("SDK.ReadTimeout");
            });
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
