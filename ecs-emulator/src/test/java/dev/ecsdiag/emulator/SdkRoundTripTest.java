package dev.ecsdiag.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.GetInstanceConsoleOutputRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceConsoleOutputResponse;
import com.aliyuncs.ecs.model.v20140526.GetInstanceScreenshotRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceScreenshotResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real SDK, over real HTTP, gets back exactly what the fixtures hold. */
class SdkRoundTripTest {

    static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

    EcsEmulator ecs;
    DefaultAcsClient client;

    @BeforeEach
    void start() {
        ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start();
        client = SdkClients.testKey(ecs);
    }

    @AfterEach
    void stop() {
        ecs.close();
    }

    @Test
    void consoleBytesComeBackExactlyIncludingInvalidUtf8() throws Exception {
        byte[] console = "[    0.000000] Linux version 6.1.0\r\n\u001b[0m\u00ff\u00fe ok\n".getBytes(StandardCharsets.ISO_8859_1);
        ecs.fleet().put(EmulatedInstance.builder("i-roundtrip01").console(console).lastUpdateTime("2026-11-25 10:04:57").build());

        GetInstanceConsoleOutputRequest request = new GetInstanceConsoleOutputRequest();
        request.setInstanceId("i-roundtrip01");
        request.setRemoveSymbols(false);
        GetInstanceConsoleOutputResponse response = SdkClients.call(client, ecs, request);

        assertThat(response.getInstanceId()).isEqualTo("i-roundtrip01");
        assertThat(Base64.getDecoder().decode(response.getConsoleOutput())).isEqualTo(console);
        assertThat(response.getLastUpdateTime()).isEqualTo("2026-11-25 10:04:57");
        assertThat(response.getRequestId()).matches("[0-9A-F-]{36}");
        assertThat(ecs.counters().calls("GetInstanceConsoleOutput", "i-roundtrip01")).isEqualTo(1);
    }

    /** The console is streamed as Base64: every length, padding included, must come back whole. */
    @Test
    void streamedConsoleOfEveryAwkwardLengthComesBackWhole(@TempDir Path dir) throws Exception {
        java.util.Random random = new java.util.Random(26);
        for (int length : new int[] {0, 1, 2, 3, 4, 65_535, 65_537, 1_048_577}) {
            byte[] console = new byte[length];
            random.nextBytes(console);
            Path file = dir.resolve("console-" + length + ".log");
            Files.write(file, console);
            String id = "i-length" + length;
            ecs.fleet().put(EmulatedInstance.builder(id).console(ByteSource.liveFile(file)).build());
            GetInstanceConsoleOutputRequest request = new GetInstanceConsoleOutputRequest();
            request.setInstanceId(id);
            assertThat(Base64.getDecoder().decode(SdkClients.call(client, ecs, request).getConsoleOutput()))
                    .as("length %d", length).isEqualTo(console);
        }
    }

    @Test
    void screenshotBytesComeBackExactly() throws Exception {
        ecs.fleet().put(EmulatedInstance.builder("i-roundtrip02").screenshot(PNG_MAGIC).build());

        GetInstanceScreenshotRequest request = new GetInstanceScreenshotRequest();
        request.setInstanceId("i-roundtrip02");
        request.setWakeUp(false);
        GetInstanceScreenshotResponse response = SdkClients.call(client, ecs, request);

        assertThat(response.getInstanceId()).isEqualTo("i-roundtrip02");
        assertThat(Base64.getDecoder().decode(response.getScreenshot())).isEqualTo(PNG_MAGIC);
    }

    @Test
    void runningInstanceWithoutScreenshotShowsABlankPng() throws Exception {
        ecs.fleet().put(EmulatedInstance.builder("i-roundtrip03").build());
        GetInstanceScreenshotRequest request = new GetInstanceScreenshotRequest();
        request.setInstanceId("i-roundtrip03");
        byte[] image = Base64.getDecoder().decode(SdkClients.call(client, ecs, request).getScreenshot());
        assertThat(image).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void liveConsoleIsReadAgainOnEveryCall(@TempDir Path dir) throws Exception {
        Path serial = dir.resolve("serial.log");
        ecs.fleet().put(EmulatedInstance.builder("i-live0001").console(ByteSource.liveFile(serial)).build());
        GetInstanceConsoleOutputRequest request = new GetInstanceConsoleOutputRequest();
        request.setInstanceId("i-live0001");

        assertThat(SdkClients.call(client, ecs, request).getConsoleOutput()).isEmpty();
        Files.writeString(serial, "Booting the kernel.\n");
        request = new GetInstanceConsoleOutputRequest();
        request.setInstanceId("i-live0001");
        GetInstanceConsoleOutputResponse second = SdkClients.call(client, ecs, request);
        assertThat(new String(Base64.getDecoder().decode(second.getConsoleOutput()), StandardCharsets.UTF_8))
                .isEqualTo("Booting the kernel.\n");
        assertThat(second.getLastUpdateTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void describeInstancesFlattensTagsAndFields() throws Exception {
        ecs.fleet().put(EmulatedInstance.builder("i-describe01").name("ci-runner-1").zone("cn-hangzhou-k")
                .tag("ci-build", "4711").tag("team", "kernel").build());
        ecs.fleet().put(EmulatedInstance.builder("i-describe02").status("Stopped").build());

        DescribeInstancesRequest request = new DescribeInstancesRequest();
        request.setInstanceIds("[\"i-describe01\",\"i-describe02\",\"i-missing0001\"]");
        DescribeInstancesResponse response = SdkClients.call(client, ecs, request);

        assertThat(response.getTotalCount()).isEqualTo(2);
        List<DescribeInstancesResponse.Instance> instances = response.getInstances();
        assertThat(instances).extracting(DescribeInstancesResponse.Instance::getInstanceId)
                .containsExactly("i-describe01", "i-describe02");
        DescribeInstancesResponse.Instance first = instances.get(0);
        assertThat(first.getInstanceName()).isEqualTo("ci-runner-1");
        assertThat(first.getStatus()).isEqualTo("Running");
        assertThat(first.getZoneId()).isEqualTo("cn-hangzhou-k");
        assertThat(first.getRegionId()).isEqualTo("cn-hangzhou");
        assertThat(first.getTags()).extracting(DescribeInstancesResponse.Instance.Tag::getTagKey,
                        DescribeInstancesResponse.Instance.Tag::getTagValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ci-build", "4711"),
                        org.assertj.core.groups.Tuple.tuple("team", "kernel"));
        assertThat(instances.get(1).getStatus()).isEqualTo("Stopped");
    }
}
