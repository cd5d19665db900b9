package dev.ecsdiag.collect;

import dev.ecsdiag.config.Setting;
import dev.ecsdiag.ecs.ErrorHints;

import dev.ecsdiag.config.RetrySettings;
import dev.ecsdiag.config.ProgressSink;
import dev.ecsdiag.config.Secret;
import dev.ecsdiag.config.Credentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.Faults;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every injected fault and every error code: the right outcome and message for the instance it
 * strikes, the other instances unharmed, the deadline held. Faults strike one instance ("victim")
 * unless the case is about the whole collection.
 */
class FaultMatrixTest {

    private static final String VICTIM = "i-victim0001";
    private static final List<String> OTHERS = List.of("i-bystander01", "i-bystander02");
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path out;

    private record Run(CollectionResult result, long millis, EcsEmulator ecs) {
        InstanceOutcome victim() {
            return result.instances().stream().filter(o -> o.instanceId().equals(VICTIM)).findFirst().orElseThrow();
        }

        CallFailure failure(String call) {
            return victim().failures().stream().filter(f -> f.call().equals(call)).findFirst()
                    .orElseThrow(() -> new AssertionError("no failure of " + call + " in " + victim().failures()));
        }
    }

    private Run run(Consumer<EcsEmulator> faults, UnaryOperator<CollectionRequest.Builder> request) {
        return run(EcsEmulator.builder().throttleWindow(Duration.ZERO), faults, request);
    }

    private Run run(EcsEmulator.Builder emulator, Consumer<EcsEmulator> faults, UnaryOperator<CollectionRequest.Builder> request) {
        try (EcsEmulator ecs = emulator.build().start()) {
            ecs.fleet().put(TestFleet.crashed(VICTIM).build());
            OTHERS.forEach(id -> ecs.fleet().put(TestFleet.healthy(id).build()));
            faults.accept(ecs);
            CollectionRequest.Builder b = TestFleet.request(ecs, out).instanceId(VICTIM).instanceIds(OTHERS).deadline(DEADLINE)
                    .retry(RetrySettings.defaults().withMaxAttempts(4).withBackoff(Duration.ofMillis(10), Duration.ofMillis(100))
                            .withSameInstanceSpacing(Duration.ZERO));
            long t0 = System.nanoTime();
            CollectionResult result = new Collector().collect(request.apply(b).build(), ProgressSink.NONE);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("deadline held").isLessThan(DEADLINE.toMillis());
            return new Run(result, ms, ecs);
        }
    }

    private static void assertBystandersUnharmed(Run run) {
        for (String id : OTHERS) {
            InstanceOutcome o = run.result().instances().stream().filter(x -> x.instanceId().equals(id)).findFirst().orElseThrow();
            assertThat(o.failures()).as(id).isEmpty();
            assertThat(o.console()).as(id).isNotNull();
            assertThat(o.screenshot()).as(id).isNotNull();
            assertThat(o.classification()).as(id).isNotNull();
        }
    }

    private static void assertVictimComplete(Run run) {
        assertThat(run.victim().failures()).isEmpty();
        assertThat(run.victim().console()).isNotNull();
        assertThat(run.victim().screenshot()).isNotNull();
        assertThat(run.victim().events()).hasSize(1);
    }

    @Test
    void throttlingOfTheFirstCallsIsWaitedOut() {
        Run run = run(ecs -> ecs.instanceFaults(VICTIM, Faults.NONE.withThrottleFirst(2)), b -> b);
        assertVictimComplete(run);
        assertBystandersUnharmed(run);
        assertThat(run.ecs().counters().answers("Throttling")).isEqualTo(6); // 2 per action on the victim
    }

    @Test
    void throttlingUserWithStatus400IsRetriedToo() {
        Run run = run(ecs -> ecs.instanceFaults(VICTIM, Faults.NONE.withThrottleFirst(2, "Throttling.User")), b -> b);
        assertVictimComplete(run);
        assertBystandersUnharmed(run);
        assertThat(run.ecs().counters().answers("Throttling.User")).isEqualTo(6);
    }

    @Test
    void endlessThrottlingGivesUpAfterTheLastAttemptWithAHint() {
        Run run = run(ecs -> ecs.instanceFaults(VICTIM, Faults.NONE.withThrottleFirst(1000)), b -> b);
        CallFailure f = run.failure("GetInstanceConsoleOutput");
        assertThat(f.code()).isEqualTo("Throttling");
        assertThat(f.attempts()).isEqualTo(4);
        assertThat(f.hint()).contains("lower the concurrency");
        assertThat(ErrorHints.settings(f.code())).containsExactly(Setting.CONCURRENCY);
        assertThat(f.requestId()).isNotBlank();
        assertThat(run.victim().failures()).hasSize(3);
        assertBystandersUnharmed(run);
    }

    @Test
    void serverErrorsAreRetried() {
        Run run = run(ecs -> ecs.instanceFaults(VICTIM, Faults.NONE.withServerErrorFirst(2, "ServiceUnavailable")), b -> b);
        assertVictimComplete(run);
        assertBystandersUnharmed(run);
    }

    @Test
    void persistentServerErrorsEndAsFailuresSayingSo() {
        Run run = run(ecs -> ecs.instanceFaults(VICTIM, Faults.NONE.withServerErrorRate(1.0, "InternalError")), b -> b);
        CallFailure f = run.failure("GetInstanceScreenshot");
        assertThat(f.code()).isEqualTo("InternalError");
        assertThat(f.attempts()).isEqualTo(4);
        assertThat(f.hint()).contains("run again later");
        assertBystandersUnharmed(run);
    }

    @Test
    void latencyOverThePerCallTimeoutIsATimeoutAndDoesNotHoldUpTheOthers() {
        Run run = run(ecs -> ecs.instanceFaults(VICTIM, Faults.NONE.withLatency(Duration.ofMillis(4000))),
                b -> b.callTimeout(Duration.ofMillis(1000)).retry(RetrySettings.defaults().withMaxAttempts(2)
                        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(10)).withSameInstanceSpacing(Duration.ZERO)));
        CallFailure f = run.failure("GetInstanceConsoleOutput");
        assertThat(f.code()).isEqualTo("SDK.ReadTimeout");
        assertThat(f.message()).contains("within 1000 ms");
        assertThat(f.hint()).contains("raise the per-call timeout");
        assertThat(ErrorHints.settings(f.code())).containsExactly(Setting.CALL_TIMEOUT);
        assertThat(f.attempts()).isEqualTo(2);
        assertBystandersUnharmed(run);
        // 3 calls x 2 attempts x 1 s, one after another on the victim: far below 3 x 2 x 4 s
        assertThat(run.millis()).isLessThan(12_000);
    }

    @Test
    void connectionResetsAreRetried() {
        Run run = run(ecs -> ecs.instanceFaults(VICTIM, Faults.NONE.withResetFirst(1)), b -> b);
        assertVictimComplete(run);
        assertBystandersUnharmed(run);
        assertThat(run.ecs().counters().answers("RESET")).isEqualTo(3);
    }

    @Test
    void persistentResetsSayTheEndpointCannotBeReached() {
        Run run = run(ecs -> ecs.instanceFaults(VICTIM, Faults.NONE.withResetRate(1.0)), b -> b);
        CallFailure f = run.failure("GetInstanceConsoleOutput");
        assertThat(f.code()).isEqualTo("SDK.ServerUnreachable");
        assertThat(f.message()).contains("cannot reach http://127.0.0.1:");
        assertThat(f.message()).doesNotContain("Signature").doesNotContain("AccessKeyId");
        assertBystandersUnharmed(run);
    }

    @Test
    void malformedJsonIsAnInvalidResponse() {
        Run run = run(ecs -> ecs.instanceFaults(VICTIM, Faults.NONE.withMalformedJsonRate(1.0)), b -> b);
        for (String call : List.of("GetInstanceConsoleOutput", "GetInstanceScreenshot", "DescribeInstanceHistoryEvents")) {
            CallFailure f = run.failure(call);
            assertThat(f.code()).as(call).isEqualTo("InvalidResponse");
            assertThat(f.message()).as(call).contains("not valid ECS JSON");
        }
        assertBystandersUnharmed(run);
    }

    @Test
    void anHtmlPageInsteadOfJsonPointsAtAProxyOrPortal() {
        Run run = run(ecs -> ecs.instanceFaults(VICTIM, Faults.NONE.withWrongContentTypeRate(1.0)), b -> b);
        CallFailure f = run.failure("GetInstanceConsoleOutput");
        assertThat(f.code()).isEqualTo("InvalidResponse");
        assertThat(f.message()).contains("text/html");
        assertThat(f.hint()).contains("proxy");
        assertBystandersUnharmed(run);
    }

    @Test
    void brokenBase64IsRefusedKeptAsReceivedAndTheEventsStillCollected() throws Exception {
        Run run = run(ecs -> ecs.instanceFaults(VICTIM, Faults.NONE.withBrokenBase64Rate(1.0)), b -> b);
        CallFailure console = run.failure("GetInstanceConsoleOutput");
        assertThat(console.code()).isEqualTo("InvalidPayload");
        assertThat(console.message()).contains("not valid Base64").contains("instances/" + VICTIM + "/console.undecodable.b64");
        assertThat(console.requestId()).isNotBlank();
        assertThat(run.failure("GetInstanceScreenshot").code()).isEqualTo("InvalidPayload");
        assertThat(run.victim().console()).isNull();
        assertThat(run.victim().screenshot()).isNull();
        assertThat(run.victim().events()).hasSize(1);
        assertThat(out.resolve("instances/" + VICTIM + "/console.undecodable.b64")).isNotEmptyFile();
        assertThat(out.resolve("instances/" + VICTIM + "/console.raw")).doesNotExist();
        try (var files = Files.list(out.resolve("instances/" + VICTIM))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part") || n.contains("download"));
        }
        assertBystandersUnharmed(run);
    }

    @Test
    void aMissingRamPermissionNamesThePermissionToGrant() {
        Run run = run(ecs -> ecs.credentials().addRestricted("LTAIrestricted01", "restricted-secret-value",
                        Set.of("GetInstanceConsoleOutput")),
                b -> b.credentials(Credentials.accessKey("LTAIrestricted01", Secret.of("restricted-secret-value"))));
        for (InstanceOutcome o : run.result().instances()) {
            assertThat(o.console()).isNull();
            assertThat(o.screenshot()).isNotNull();
            assertThat(o.failures()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("Forbidden.RAM");
                assertThat(f.hint()).contains("grant ecs:GetInstanceConsoleOutput");
                assertThat(f.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    void anUnknownAccessKeyStopsBeforeFetchingAndSaysSo() {
        Run run = run(ecs -> { }, b -> b.credentials(Credentials.accessKey("LTAIunknown0001", Secret.of("whatever-secret-1"))));
        assertThat(run.result().instances()).hasSize(3).allSatisfy(o -> {
            assertThat(o.failures().get(0).code()).isEqualTo("InvalidAccessKeyId.NotFound");
            assertThat(o.failures().get(0).hint()).contains("AccessKey ID");
            assertThat(o.console()).isNull();
        });
        assertThat(run.result().warnings()).anyMatch(w -> w.contains("InvalidAccessKeyId.NotFound"));
        assertThat(run.ecs().counters().calls("GetInstanceConsoleOutput")).isZero();
    }

    @Test
    void aWrongSecretIsASignatureMismatch() {
        Run run = run(ecs -> { }, b -> b.credentials(Credentials.accessKey(CredentialStore.TEST_ACCESS_KEY_ID, Secret.of("not-the-secret"))));
        assertThat(run.result().instances()).allSatisfy(o -> {
            assertThat(o.failures().get(0).code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(o.failures().get(0).hint()).contains("secret does not belong");
        });
    }

    @Test
    void aSkewedClockIsNamed() {
        Run run = run(EcsEmulator.builder().throttleWindow(Duration.ZERO)
                        .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(30))), ecs -> { }, b -> b);
        assertThat(run.result().instances()).allSatisfy(o -> {
            assertThat(o.failures().get(0).code()).isEqualTo("InvalidTimeStamp.Expired");
            assertThat(o.failures().get(0).hint()).contains("clock");
        });
    }

    @Test
    void stsCredentialsAreSentWithTheirToken() {
        Run run = run(ecs -> ecs.credentials().addSts("STS.tempkey0001", "sts-secret-value", "sts-token-value-123"),
                b -> b.credentials(Credentials.sts("STS.tempkey0001", Secret.of("sts-secret-value"), Secret.of("sts-token-value-123"))));
        assertVictimComplete(run);
        assertBystandersUnharmed(run);
    }

    @Test
    void anEndpointNobodyListensOnSaysItCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        int port = closedPort;
        Run run = run(ecs -> { }, b -> b.endpoint("127.0.0.1:" + port));
        // Nothing can be reached: the collection stops after the lookup instead of retrying every
        // call of every instance, and says so on each instance.
        assertThat(run.result().warnings()).anyMatch(w -> w.contains("DescribeInstances failed: SDK.ServerUnreachable"));
        assertThat(run.result().instances()).hasSize(3).allSatisfy(o -> {
            assertThat(o.failures().get(0).code()).isEqualTo("SDK.ServerUnreachable");
            assertThat(o.failures().get(0).hint()).contains("check the region and the endpoint");
            assertThat(o.failures().subList(1, o.failures().size())).extracting(CallFailure::code).containsOnly("NotAttempted");
            assertThat(o.console()).isNull();
        });
    }

    @Test
    void theDeadlineStopsTheCollectionAndKeepsWhatWasFetched() {
        try (EcsEmulator ecs = TestFleet.start(Duration.ZERO)) {
            for (int i = 0; i < 12; i++) {
                ecs.fleet().put(TestFleet.healthy(String.format("i-slow%04d", i)).build());
            }
            ecs.faults(Faults.NONE.withLatency(Duration.ofMillis(250)));
            CollectionRequest.Builder b = TestFleet.request(ecs, out).tag("ci", "build-42").concurrency(2)
                    .deadline(Duration.ofMillis(2500));
            long t0 = System.nanoTime();
            CollectionResult result = new Collector().collect(b.build(), ProgressSink.NONE);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isLessThan(2500 + 1500);
            assertThat(result.warnings()).anyMatch(w -> w.contains("deadline") && w.contains("kept"));
            assertThat(result.instances()).hasSize(12);
            // consoles come first for every instance, screenshots last: the deadline falls in between
            assertThat(result.instances().stream().filter(o -> o.console() != null).count()).isPositive();
            assertThat(result.instances().stream().filter(o -> o.screenshot() != null).count()).isLessThan(12);
            assertThat(result.instances()).anySatisfy(o -> assertThat(o.failures()).extracting(CallFailure::code).contains("DeadlineReached"));
            // what was fetched is on disk and in collection.json
            result.instances().stream().filter(o -> o.console() != null)
                    .forEach(o -> assertThat(out.resolve(o.console().rawFile())).exists());
            assertThat(out.resolve("collection.json")).isNotEmptyFile();
        }
    }

    @Test
    void whenTheLookupFailsTheIdsAskedForAreStillCollectedAndAnUnknownOneIsNamed() {
        Run run = run(ecs -> ecs.actionFaults("DescribeInstances", Faults.NONE.withThrottleFirst(1000)),
                b -> b.instanceId("i-deleted0001"));
        assertThat(run.result().warnings()).anyMatch(w -> w.contains("DescribeInstances failed (Throttling")
                && w.contains("without their names and tags"));
        assertThat(run.result().notFound()).isEmpty();
        assertThat(run.result().instances()).hasSize(4);
        InstanceOutcome gone = run.result().instances().stream().filter(o -> o.instanceId().equals("i-deleted0001")).findFirst().orElseThrow();
        assertThat(gone.failures()).extracting(CallFailure::code).contains("InvalidInstanceId.NotFound");
        assertThat(gone.failures().get(0).hint()).contains("no such instance in region cn-hangzhou").contains("the region");
        assertVictimComplete(run);
        assertBystandersUnharmed(run);
    }

    @Test
    void theWrongRegionFindsNothingAndSaysToCheckTheRegion() {
        Run run = run(ecs -> { }, b -> b.region("cn-beijing"));
        assertThat(run.result().instances()).isEmpty();
        assertThat(run.result().notFound()).containsExactlyInAnyOrder(VICTIM, OTHERS.get(0), OTHERS.get(1));
        assertThat(run.result().warnings()).anyMatch(w -> w.contains("not found in region cn-beijing") && w.contains("check the region"));
    }
}
