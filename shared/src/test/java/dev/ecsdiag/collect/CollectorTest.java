package dev.ecsdiag.collect;

import dev.ecsdiag.config.ProgressSink;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrieval end to end: the real SDK, real HTTP, the local ECS endpoint, files on disk. */
class CollectorTest {

    @TempDir
    Path out;

    @Test
    void collectsConsoleScreenshotEventsAndClassificationPerInstance() throws Exception {
        try (EcsEmulator ecs = TestFleet.start(Duration.ZERO)) {
            ecs.fleet().put(TestFleet.crashed("i-crash0001").build());
            ecs.fleet().put(TestFleet.healthy("i-fine0001").build());
            ecs.fleet().put(TestFleet.platformFault("i-host0001").build());
            List<String> lines = new CopyOnWriteArrayList<>();

            CollectionResult result = new Collector().collect(
                    TestFleet.request(ecs, out).instanceId("i-crash0001").instanceId("i-fine0001").instanceId("i-host0001").build(),
                    lines::add);

            assertThat(result.instances()).extracting(InstanceOutcome::instanceId)
                    .containsExactly("i-crash0001", "i-fine0001", "i-host0001");
            assertThat(result.notFound()).isEmpty();
            assertThat(result.warnings()).isEmpty();
            InstanceOutcome crash = result.instances().get(0);
            assertThat(crash.failures()).isEmpty();
            assertThat(crash.name()).isEqualTo("runner-i-crash0001");
            assertThat(crash.status()).isEqualTo("Running");
            assertThat(crash.tags()).containsEntry("ci", "build-42");
            assertThat(crash.console().rawFile()).isEqualTo("instances/i-crash0001/console.raw");
            assertThat(crash.console().textFile()).isEqualTo("instances/i-crash0001/console.txt");
            assertThat(crash.console().requestId()).isNotBlank();
            assertThat(crash.console().lastUpdateTime()).isNotBlank();
            byte[] raw = Files.readAllBytes(out.resolve(crash.console().rawFile()));
            assertThat(raw).isEqualTo(TestFleet.CRASH_LOG.getBytes(StandardCharsets.UTF_8));
            assertThat(crash.console().bytes()).isEqualTo(raw.length);
            String text = Files.readString(out.resolve(crash.console().textFile()));
            assertThat(text).doesNotContain("\r").contains("Kernel panic - not syncing: Fatal exception\n");
            assertThat(crash.classification()).isNotNull();
            assertThat(out.resolve("instances/i-crash0001/classification.json")).isNotEmptyFile();

            assertThat(crash.screenshot()).usingRecursiveComparison().ignoringFields("screen").isEqualTo(new ScreenshotCapture(
                    "instances/i-crash0001/screenshot.png", "png", crash.screenshot().bytes(), 800, 600, crash.screenshot().requestId()));
            // the screen was read as text too (docs/screen.md): either what it says, or why it could not be read
            assertThat(crash.screenshot().screen()).isNotNull();
            assertThat(crash.screenshot().screen().read() || crash.screenshot().screen().problem().startsWith("not read: ")).isTrue();
            assertThat(out.resolve("instances/i-crash0001/screenshot.png")).isNotEmptyFile();
            assertThat(crash.events()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo("InstanceFailure.Reboot");
                assertThat(e.cycleStatus()).isEqualTo("Executed");
                assertThat(e.platformFault()).isFalse();
            });

            InstanceOutcome fine = result.instances().get(1);
            assertThat(fine.screenshot().file()).isEqualTo("instances/i-fine0001/screenshot.jpg");
            assertThat(fine.screenshot().format()).isEqualTo("jpeg");
            assertThat(fine.screenshot().width()).isEqualTo(640);
            assertThat(fine.events()).isEmpty();
            assertThat(Files.readString(out.resolve(fine.console().textFile()))).contains("  OK  ] Started OpenSSH").doesNotContain("\u001b");

            InstanceOutcome host = result.instances().get(2);
            assertThat(host.events()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo("SystemFailure.Reboot");
                assertThat(e.platformFault()).isTrue();
                assertThat(e.impactLevel()).isEqualTo("Critical");
            });

            CollectionResult reread = CollectionJson.readResult(out.resolve("collection.json"));
            assertThat(reread.instances()).extracting(InstanceOutcome::instanceId).isEqualTo(
                    result.instances().stream().map(InstanceOutcome::instanceId).toList());
            assertThat(reread.instances().get(0).screenshot()).isEqualTo(crash.screenshot());
            assertThat(reread.region()).isEqualTo("cn-hangzhou");
            assertThat(reread.outputDir()).isEqualTo(out.toAbsolutePath().normalize().toString());

            assertThat(lines).anyMatch(l -> l.contains("i-crash0001") && l.contains("console"));
            assertThat(lines).anyMatch(l -> l.contains("output in " + out.toAbsolutePath().normalize()));
            assertThat(out.resolve("instances/i-crash0001")).isDirectoryNotContaining("glob:**.part");
        }
    }

    @Test
    void selectsByIdsTagsAndFleetFileTogetherPagingPastOneHundredAndReportsWhatIsMissing() throws Exception {
        try (EcsEmulator ecs = TestFleet.start(Duration.ZERO)) {
            for (int i = 0; i < 130; i++) {
                ecs.fleet().put(EmulatedInstance.builder(String.format("i-tagged%04d", i)).tag("ci", "build-7").tag("pool", "x")
                        .console("boot " + i + "\n").build());
            }
            ecs.fleet().put(EmulatedInstance.builder("i-other0001").tag("ci", "build-7").console("other\n").build());
            ecs.fleet().put(EmulatedInstance.builder("i-listed0001").console("listed\n").build());
            ecs.fleet().put(EmulatedInstance.builder("i-listed0002").console("listed\n").build());
            Path fleet = out.resolveSibling(out.getFileName() + "-fleet.txt");
            Files.writeString(fleet, "# build 7\ni-listed0002\ni-gone0001 # deleted already\nbad/line\n");

            CollectionResult result = new Collector().collect(TestFleet.request(ecs, out.resolve("o"))
                    .instanceId("i-listed0001").fleetFile(fleet).tag("ci", "build-7").tag("pool", "x").concurrency(16).build(),
                    ProgressSink.NONE);

            assertThat(result.instances()).hasSize(132);
            assertThat(result.instances()).extracting(InstanceOutcome::instanceId)
                    .contains("i-listed0001", "i-listed0002", "i-tagged0000", "i-tagged0129").doesNotContain("i-other0001");
            assertThat(result.instances()).allSatisfy(o -> assertThat(o.failures()).isEmpty());
            assertThat(result.notFound()).containsExactly("i-gone0001");
            assertThat(result.warnings()).anyMatch(w -> w.contains("line 4") && w.contains("bad/line"));
            assertThat(result.warnings()).anyMatch(w -> w.contains("not found") && w.contains("i-gone0001"));
            // tag search needed two pages of 100
            assertThat(ecs.counters().calls("DescribeInstances")).isGreaterThanOrEqualTo(3);
            assertThat(Files.readString(result.instances().get(0).console() == null ? null
                    : out.resolve("o").resolve(result.instances().get(0).console().textFile()))).isNotEmpty();
            Files.delete(fleet);
        }
    }

    @Test
    void aStoppedInstanceKeepsItsConsoleAndEventsAndExplainsTheMissingScreenshot() throws Exception {
        try (EcsEmulator ecs = TestFleet.start(Duration.ZERO)) {
            ecs.fleet().put(TestFleet.crashed("i-stopped01").status("Stopped").build());
            CollectionResult result = new Collector().collect(TestFleet.request(ecs, out).instanceId("i-stopped01").build(),
                    ProgressSink.NONE);
            InstanceOutcome o = result.instances().get(0);
            assertThat(o.console()).isNotNull();
            assertThat(o.events()).hasSize(1);
            assertThat(o.screenshot()).isNull();
            assertThat(o.failures()).singleElement().satisfies(f -> {
                assertThat(f.call()).isEqualTo("GetInstanceScreenshot");
                assertThat(f.code()).isEqualTo("IncorrectInstanceStatus");
                assertThat(f.hint()).contains("not running");
                assertThat(f.requestId()).isNotBlank();
                assertThat(f.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    void respectsTheServiceWindowBetweenCallsOnOneInstance() throws Exception {
        // the emulator enforces a 600 ms window; every instance's first console call is throttled by a fault,
        // and the retry must wait out the window instead of hammering the service
        try (EcsEmulator ecs = TestFleet.start(Duration.ofMillis(600))) {
            for (int i = 0; i < 4; i++) {
                String id = "i-window000" + i;
                ecs.fleet().put(TestFleet.healthy(id).build());
            }
            ecs.actionFaults("GetInstanceConsoleOutput", dev.ecsdiag.emulator.Faults.NONE.withThrottleFirst(1));
            CollectionResult result = new Collector().collect(TestFleet.request(ecs, out)
                    .instanceIds(List.of("i-window0000", "i-window0001", "i-window0002", "i-window0003")).build(), ProgressSink.NONE);
            assertThat(result.instances()).allSatisfy(o -> {
                assertThat(o.failures()).isEmpty();
                assertThat(o.console()).isNotNull();
                assertThat(o.screenshot()).isNotNull();
            });
            // one throttled console call in all, then one accepted call per instance and action: no second Throttling
            assertThat(ecs.counters().answers("Throttling")).isEqualTo(1);
            assertThat(ecs.counters().calls("GetInstanceConsoleOutput")).isEqualTo(5);
            assertThat(ecs.counters().calls("GetInstanceScreenshot")).isEqualTo(4);
        }
    }

    @Test
    void tagsMatchingNothingGiveAnEmptyResultWithAWarning() throws Exception {
        try (EcsEmulator ecs = TestFleet.start(Duration.ZERO)) {
            ecs.fleet().put(TestFleet.healthy("i-fine0001").build());
            CollectionResult result = new Collector().collect(TestFleet.request(ecs, out).tag("ci", "nope").build(), ProgressSink.NONE);
            assertThat(result.instances()).isEmpty();
            assertThat(result.warnings()).anyMatch(w -> w.contains("carries all the tags"));
            assertThat(out.resolve("collection.json")).isNotEmptyFile();
            assertThat(Map.of()).isEmpty();
        }
    }
}
