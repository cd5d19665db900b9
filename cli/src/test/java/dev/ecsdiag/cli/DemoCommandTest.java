package dev.ecsdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.collect.CollectionJson;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.emulator.EcsEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecsdiag demo}: the README's first command, with no cloud account. */
class DemoCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    void collectsTheWholeBuiltInFleetAndSaysWhereItIs(@TempDir Path dir) throws Exception {
        int exit = Main.run("demo", "--out", dir.resolve("demo").toString());
        String text = streams.stdout();
        assertThat(exit).as(text).isZero();
        int fleet = EcsEmulator.defaultFleet(EcsEmulator.DEFAULT_REGION).size();
        CollectionResult result = CollectionJson.readResult(dir.resolve("demo/collection.json"));
        assertThat(result.instances()).hasSize(fleet).allSatisfy(o -> assertThat(o.console()).isNotNull());
        assertThat(result.notFound()).isEmpty();
        result.instances().forEach(o -> assertThat(text).contains(o.instanceId()));
        assertThat(text).contains("output:  " + dir.resolve("demo"));
        // the same-instance window is on, and paced ahead of time: no call was answered Throttling
        String progress = streams.stderr();
        assertThat(progress).contains("collected " + fleet + " instances").doesNotContain("Throttling");
        assertThat(result.instances()).filteredOn(o -> "Running".equals(o.status()))
                .allSatisfy(o -> assertThat(o.screenshot()).isNotNull());

        // the report is written beside the collected files, and the verdicts reach it
        Path demo = dir.resolve("demo");
        assertThat(text).contains("report:  " + demo.resolve("index.html"));
        assertThat(demo.resolve("report.json")).isRegularFile();
        assertThat(demo.resolve("junit.xml")).isRegularFile();
        assertThat(demo.resolve("summary.md")).isRegularFile();
        String page = Files.readString(demo.resolve("index.html"));
        String junit = Files.readString(demo.resolve("junit.xml"));
        for (var outcome : result.instances()) {
            assertThat(page).contains(outcome.instanceId());
            assertThat(junit).contains(outcome.instanceId());
        }
        assertThat(page).contains("boot failed", "crashed", "healthy", "lkdtm_ACCESS_NULL");
    }
}
