package dev.ecsdiag.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.Setting;
import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.Faults;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job embedded as a front end embeds it: plain Java, a recording progress sink, the real SDK
 * against the local ECS endpoint. One test per way a run ends; each asserts the typed facts of the
 * result, never a message's words.
 */
class DiagnosticsJobTest {

    @TempDir
    Path dir;

    @Test
    void aCompletedRunGivesAVerdictPerInstanceWorstFirstAndWritesTheReport() throws Exception {
        try (EcsEmulator ecs = JobFleet.start()) {
            ecs.fleet().put(JobFleet.healthy("i-job00healthy").build());
            ecs.fleet().put(JobFleet.crashed("i-job00crashed").build());
            ecs.fleet().put(JobFleet.hostFailed("i-job00hostdown").build());
            ecs.fleet().put(JobFleet.healthy("i-job00empty").console("").build());
            RecordingSink sink = new RecordingSink();

            JobResult r = new DiagnosticsJob().run(JobFleet.request(ecs, dir.resolve("out")).tag("ci", "build-7").build(), sink);

            assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(r.instances()).extracting(InstanceSummary::instanceId, InstanceSummary::verdict).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("i-job00crashed", Verdict.CRASH),
                    org.assertj.core.groups.Tuple.tuple("i-job00hostdown", Verdict.PLATFORM_FAULT),
                    org.assertj.core.groups.Tuple.tuple("i-job00empty", Verdict.EMPTY_CONSOLE),
                    org.assertj.core.groups.Tuple.tuple("i-job00healthy", Verdict.HEALTHY));
            InstanceSummary crashed = r.instances().get(0);
            assertThat(crashed.title()).isEqualTo("BUG: unable to handle kernel NULL pointer dereference in blk_mq_dispatch_rq_list");
            assertThat(r.instances().get(1).platformEvent()).isEqualTo("SystemFailure.Stop");
            assertThat(r.counts()).containsEntry(Verdict.CRASH, 1).containsEntry(Verdict.PLATFORM_FAULT, 1)
                    .containsEntry(Verdict.EMPTY_CONSOLE, 1).containsEntry(Verdict.HEALTHY, 1).containsEntry(Verdict.OOM, 0);
            assertThat(r.crashGroups()).singleElement().satisfies(g -> {
                assertThat(g.instances()).containsExactly("i-job00crashed");
                assertThat(g.title()).isEqualTo(crashed.title());
            });
            assertThat(r.reportPage()).get().satisfies(p -> assertThat(p).isRegularFile());
            assertThat(r.junitXml()).get().satisfies(p -> assertThat(p).isRegularFile());
            assertThat(r.summaryMarkdown()).get().satisfies(p -> assertThat(p).isRegularFile());
            assertThat(r.collectionRecord()).get().satisfies(p -> assertThat(p).isRegularFile());
            assertThat(r.reportProblem()).isNull();
            assertThat(r.decision().failBuild()).isFalse();
            assertThat(r.summaryLines().get(1)).contains("i-job00crashed").contains("crash").contains(crashed.title());
            assertThat(sink.info).anyMatch(l -> l.contains("i-job00crashed"));
            assertThat(sink.warnings).isEmpty();
        }
    }

    /**
     * Issue 14: an image without console=ttyS0 panics; its serial console is empty and its screen
     * shows the panic (a real display-only boot from the QEMU lab, as JPEG the way the service may
     * send it). The screen decides: crash, in the result, report, report.json, junit.xml and the lines.
     */
    @Test
    void anEmptyConsoleWithAPanicOnTheScreenIsACrashFromTheScreen() throws Exception {
        byte[] screen = dev.ecsdiag.screen.LabScreens.jpeg(java.nio.file.Files.readAllBytes(
                Path.of("src/test/resources/screen/display-only-panic/screenshot.png")));
        try (EcsEmulator ecs = JobFleet.start()) {
            ecs.fleet().put(JobFleet.healthy("i-job00screen").console("").screenshot(screen).build());
            ecs.fleet().put(JobFleet.healthy("i-job00empty").console("").build());

            JobResult r = new DiagnosticsJob().run(JobFleet.request(ecs, dir.resolve("out")).tag("ci", "build-7").build(),
                    new RecordingSink());

            assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
            InstanceSummary fromScreen = r.instances().get(0);
            assertThat(fromScreen.instanceId()).isEqualTo("i-job00screen");
            assertThat(fromScreen.verdict()).isEqualTo(Verdict.CRASH);
            assertThat(fromScreen.verdictSource()).isEqualTo("screen");
            assertThat(fromScreen.title()).isEqualTo("kernel panic: dumptest");
            assertThat(fromScreen.reason()).isEqualTo("kernel panic: dumptest (read from the screen)");
            assertThat(r.instances().get(1).verdict()).isEqualTo(Verdict.EMPTY_CONSOLE);
            assertThat(r.instances().get(1).verdictSource()).isEqualTo("none");
            assertThat(r.summaryLines()).anyMatch(l -> l.contains("i-job00screen") && l.contains("crash")
                    && l.contains("kernel panic: dumptest (read from the screen)"));

            Path out = dir.resolve("out");
            com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(out.resolve("report.json").toFile());
            com.fasterxml.jackson.databind.JsonNode instance = null;
            for (com.fasterxml.jackson.databind.JsonNode n : report.get("instances")) {
                if (n.get("instanceId").asText().equals("i-job00screen")) {
                    instance = n;
                }
            }
            assertThat(instance).isNotNull();
            assertThat(instance.get("verdict").asText()).isEqualTo("crash");
            com.fasterxml.jackson.databind.JsonNode read = instance.get("screenshot").get("screen");
            assertThat(read.get("format").asText()).isEqualTo("jpeg");
            assertThat(read.get("classification").get("classification").get("verdict").asText()).isEqualTo("crash");
            assertThat(read.get("classification").get("rule").asText()).isEqualTo("console-classifier");
            assertThat(read.get("text").get("lines").toString()).contains("Kernel panic - not syncing: dumptest");

            String junit = java.nio.file.Files.readString(out.resolve("junit.xml"));
            assertThat(junit).contains("i-job00screen").contains("kernel panic: dumptest");
            String html = java.nio.file.Files.readString(out.resolve("index.html"));
            assertThat(html).contains("<pre class=\"screen-text\">").contains("<mark>")
                    .contains("Kernel panic - not syncing: dumptest");
        }
    }

    @Test
    void theDeadlineEndsTheRunWithWhatWasFetchedAndAHintNamingTheDeadline() {
        try (EcsEmulator ecs = JobFleet.start()) {
            for (int i = 0; i < 8; i++) {
                ecs.fleet().put(JobFleet.healthy(String.format("i-slow%04d", i)).build());
            }
            ecs.faults(Faults.NONE.withLatency(Duration.ofMillis(400)));
            JobResult r = new DiagnosticsJob().run(JobFleet.request(ecs, dir).tag("ci", "build-7").concurrency(1)
                    .deadline(Duration.ofMillis(2500)).build(), new RecordingSink());

            assertThat(r.outcome()).isEqualTo(RunOutcome.DEADLINE_REACHED);
            assertThat(r.outcome().ran()).isTrue();
            assertThat(r.hints()).flatExtracting(h -> h.settings()).contains(Setting.DEADLINE);
            assertThat(r.instances()).hasSize(8).anyMatch(i -> i.verdict() == Verdict.NOT_COLLECTED);
            assertThat(r.reportPage()).isPresent();
        }
    }

    @Test
    void anInterruptCancelsTheRunKeepsWhatWasFetchedAndTheFlag() throws Exception {
        try (EcsEmulator ecs = JobFleet.start()) {
            for (int i = 0; i < 12; i++) {
                ecs.fleet().put(JobFleet.healthy(String.format("i-abort%04d", i)).build());
            }
            ecs.faults(Faults.NONE.withLatency(Duration.ofMillis(300)));
            JobRequest request = JobFleet.request(ecs, dir).tag("ci", "build-7").concurrency(2).build();
            AtomicReference<JobResult> result = new AtomicReference<>();
            AtomicBoolean flagKept = new AtomicBoolean();
            Thread t = new Thread(() -> {
                result.set(new DiagnosticsJob().run(request, new RecordingSink()));
                flagKept.set(Thread.currentThread().isInterrupted());
            });
            t.start();
            Thread.sleep(1200);
            t.interrupt();
            t.join(20_000);

            assertThat(t.isAlive()).isFalse();
            assertThat(flagKept).isTrue();
            assertThat(result.get().outcome()).isEqualTo(RunOutcome.CANCELLED);
            assertThat(result.get().instances()).hasSize(12);
            assertThat(result.get().reportPage()).as("the report is written from what was fetched").isPresent();
        }
    }

    @Test
    void refusedCredentialsEndTheRunTypedAndFailTheBuildOnlyWhenAsked() {
        try (EcsEmulator ecs = JobFleet.start()) {
            ecs.fleet().put(JobFleet.crashed("i-job00crashed").build());
            JobRequest.Builder wrong = JobFleet.request(ecs, dir)
                    .instanceId("i-job00crashed")
                    .credentials(Credentials.of(CredentialStore.TEST_ACCESS_KEY_ID, "not-the-secret", null));

            JobResult lenient = new DiagnosticsJob().run(wrong.build(), new RecordingSink());
            assertThat(lenient.outcome()).isEqualTo(RunOutcome.CREDENTIALS_REFUSED);
            assertThat(lenient.outcome().ran()).isFalse();
            assertThat(lenient.hints()).flatExtracting(h -> h.settings()).containsExactly(Setting.ACCESS_KEY_SECRET);
            assertThat(lenient.decision().failBuild()).isFalse();
            assertThat(ecs.counters().calls("GetInstanceConsoleOutput")).as("no call after the refusal").isZero();

            JobResult strict = new DiagnosticsJob().run(wrong.failOn(Set.of(), true).build(), new RecordingSink());
            assertThat(strict.outcome()).isEqualTo(RunOutcome.CREDENTIALS_REFUSED);
            assertThat(strict.decision().failBuild()).isTrue();
        }
    }

    @Test
    void anUnknownRegionEndsTheRunAtOnce() {
        try (EcsEmulator ecs = JobFleet.start()) {
            ecs.fleet().put(JobFleet.crashed("i-job00crashed").build());
            JobResult r = new DiagnosticsJob().run(JobFleet.request(ecs, dir).region("cn-hangzou").instanceId("i-job00crashed").build(),
                    new RecordingSink());

            assertThat(r.outcome()).isEqualTo(RunOutcome.UNKNOWN_REGION);
            assertThat(r.hints()).flatExtracting(h -> h.settings()).containsExactly(Setting.REGION);
            assertThat(r.message()).contains("cn-hangzhou"); // the suggestion
            assertThat(ecs.counters().calls("DescribeInstances")).isEqualTo(1);
            assertThat(ecs.counters().calls("GetInstanceConsoleOutput")).isZero();
        }
    }

    @Test
    void anEndpointNobodyListensOnEndsTheRunAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        JobResult r = new DiagnosticsJob().run(JobRequest.builder().region("cn-hangzhou").endpoint("127.0.0.1:" + port)
                .credentials(Credentials.of("LTAItestkey", "secret", null)).instanceIds(java.util.List.of("i-a0001", "i-b0002"))
                .outputDirectory(dir).build(), new RecordingSink());

        assertThat(r.outcome()).isEqualTo(RunOutcome.ENDPOINT_UNREACHABLE);
        assertThat(r.hints()).flatExtracting(h -> h.settings()).contains(Setting.ENDPOINT);
        assertThat(r.collection().instances()).allSatisfy(o -> assertThat(o.failures()).extracting(f -> f.code())
                .startsWith("SDK.ServerUnreachable").containsOnly("SDK.ServerUnreachable", "NotAttempted"));
        assertThat(r.decision().failBuild()).isFalse();
    }

    @Test
    void anUnreadableFleetFileEndsBeforeAnyCall() {
        try (EcsEmulator ecs = JobFleet.start()) {
            JobRequest request = JobFleet.request(ecs, dir.resolve("out")).fleetFile(dir.resolve("no-such-fleet.txt")).build();
            JobResult r = new DiagnosticsJob().run(request, new RecordingSink());

            assertThat(r.outcome()).isEqualTo(RunOutcome.INPUT_UNREADABLE);
            assertThat(r.collection()).isNull();
            assertThat(r.instances()).isEmpty();
            assertThat(ecs.counters().totalCalls()).isZero();
            assertThat(new DiagnosticsJob().run(request.toBuilder().failOn(Set.of(), true).build(), new RecordingSink())
                    .decision().failBuild()).isTrue();
        }
    }

    @Test
    void tagsThatMatchNothingSayNothingWasFound() throws Exception {
        try (EcsEmulator ecs = JobFleet.start()) {
            ecs.fleet().put(JobFleet.crashed("i-job00crashed").build());
            RecordingSink sink = new RecordingSink();
            JobResult r = new DiagnosticsJob().run(JobFleet.request(ecs, dir).tag("ci", "build-8").build(), sink);

            assertThat(r.outcome()).isEqualTo(RunOutcome.NOTHING_FOUND);
            assertThat(r.outcome().ran()).isTrue();
            assertThat(r.instances()).isEmpty();
            assertThat(r.hints()).flatExtracting(h -> h.settings()).contains(Setting.TAGS, Setting.REGION);
            assertThat(sink.warnings).isNotEmpty();
            assertThat(Files.exists(dir.resolve("index.html"))).isTrue();
        }
    }

    @Test
    void failOnFailsTheBuildNamingTheInstanceAndTheCrashTitle() {
        try (EcsEmulator ecs = JobFleet.start()) {
            ecs.fleet().put(JobFleet.crashed("i-job00crashed").build());
            ecs.fleet().put(JobFleet.healthy("i-job00healthy").build());
            JobResult r = new DiagnosticsJob().run(JobFleet.request(ecs, dir).tag("ci", "build-7")
                    .failOn(FailurePolicy.parseVerdicts("crash, boot-failure"), false).build(), new RecordingSink());

            assertThat(r.decision().failBuild()).isTrue();
            assertThat(r.decision().message()).contains("i-job00crashed")
                    .contains("BUG: unable to handle kernel NULL pointer dereference in blk_mq_dispatch_rq_list")
                    .doesNotContain("i-job00healthy");
        }
    }
}
