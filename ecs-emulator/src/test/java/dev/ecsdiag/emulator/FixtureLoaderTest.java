package dev.ecsdiag.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.ecs.model.v20140526.GetInstanceConsoleOutputRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceScreenshotRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture folder format of docs/emulator.md. */
class FixtureLoaderTest {

    @TempDir
    Path dir;

    private Path instance(String folder, String json) throws Exception {
        Path d = Files.createDirectories(dir.resolve(folder));
        Files.writeString(d.resolve("instance.json"), json);
        return d;
    }

    @Test
    void fullFixtureIsServedAndFilesAreLive() throws Exception {
        Path d = instance("i-fixture0001", """
                {"id": "i-fixture0001", "name": "ci-worker-7", "status": "Running", "region": "cn-shanghai",
                 "zone": "cn-shanghai-l", "_source": "a comment field",
                 "tags": {"ci-build": "812", "job": "kernel-selftests"},
                 "events": [{"eventId": "e-fx1", "type": "SystemFailure.Reboot", "cycleStatus": "Executed",
                             "publishTime": "2026-11-25T09:12:31Z", "notBefore": "2026-11-25T09:12:31Z"}]}
                """);
        Files.writeString(d.resolve("console.log"), "first\n");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2};
        Files.write(d.resolve("screenshot.jpg"), jpeg);

        List<EmulatedInstance> loaded = FixtureLoader.fromDirectory(dir, "cn-hangzhou");
        assertThat(loaded).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("ci-worker-7");
            assertThat(i.regionId()).isEqualTo("cn-shanghai");
            assertThat(i.tags()).containsEntry("job", "kernel-selftests");
            assertThat(i.events()).extracting(SystemEventFixture::type).containsExactly("SystemFailure.Reboot");
        });

        try (EcsEmulator ecs = EcsEmulator.builder().region("cn-shanghai").throttleWindow(Duration.ZERO).build().start()) {
            ecs.loadFixtures(dir);
            var client = SdkClients.testKey(ecs);
            GetInstanceScreenshotRequest shot = new GetInstanceScreenshotRequest();
            shot.setInstanceId("i-fixture0001");
            assertThat(Base64.getDecoder().decode(SdkClients.call(client, ecs, shot).getScreenshot())).isEqualTo(jpeg);

            Files.writeString(d.resolve("console.log"), "first\nsecond\n");
            GetInstanceConsoleOutputRequest console = new GetInstanceConsoleOutputRequest();
            console.setInstanceId("i-fixture0001");
            assertThat(new String(Base64.getDecoder().decode(SdkClients.call(client, ecs, console).getConsoleOutput()),
                    StandardCharsets.UTF_8)).isEqualTo("first\nsecond\n");
        }
    }

    @Test
    void minimalFixtureTakesDefaults() throws Exception {
        instance("i-minimal0001", "{}");
        EmulatedInstance i = FixtureLoader.fromDirectory(dir, "cn-beijing").get(0);
        assertThat(i.id()).isEqualTo("i-minimal0001");
        assertThat(i.status()).isEqualTo("Running");
        assertThat(i.regionId()).isEqualTo("cn-beijing");
        assertThat(i.screenshot()).isNull();
    }

    @Test
    void typoInAFieldIsReportedWithItsFile() throws Exception {
        instance("i-typo00001", "{\"stauts\": \"Running\"}");
        assertThatThrownBy(() -> FixtureLoader.fromDirectory(dir, "cn-hangzhou"))
                .hasMessageContaining("i-typo00001").hasMessageContaining("unknown field \"stauts\"");
    }

    @Test
    void idMustMatchTheFolderAndBeSafe() throws Exception {
        instance("i-folder0001", "{\"id\": \"i-other00001\"}");
        assertThatThrownBy(() -> FixtureLoader.fromDirectory(dir, "cn-hangzhou")).hasMessageContaining("differs from its folder");
        Files.delete(dir.resolve("i-folder0001/instance.json"));
        Files.delete(dir.resolve("i-folder0001"));
        instance("..evil", "{}");
        assertThatThrownBy(() -> FixtureLoader.fromDirectory(dir, "cn-hangzhou")).hasMessageContaining("not an instance id");
    }

    @Test
    void badEventAndMissingFolderAreClear() throws Exception {
        instance("i-badevent01", "{\"events\": [{\"eventId\": \"e-1\", \"type\": \"SystemFailure.Reboot\", \"cycleStatus\": \"Done\"}]}");
        assertThatThrownBy(() -> FixtureLoader.fromDirectory(dir, "cn-hangzhou"))
                .hasMessageContaining("events[0]").hasMessageContaining("unknown cycleStatus Done");
        assertThatThrownBy(() -> FixtureLoader.fromDirectory(dir.resolve("nope"), "cn-hangzhou"))
                .hasMessageContaining("does not exist");
    }
}
