package dev.ecsdiag.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceHistoryEventsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.GetInstanceConsoleOutputRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceScreenshotRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in fleet behind {@code ecsdiag demo}: real kernel output of each kind, served to the SDK. */
class DefaultFleetTest {

    /** What each instance's console must show: the failure it stands for. */
    static final Map<String, String> SIGNATURES = Map.of(
            "i-bp1demo0panic001", "Kernel panic - not syncing",
            "i-bp1demo0oops0002", "Call Trace:",
            "i-bp1demo0hung0003", "blocked for more than",
            "i-bp1demo0oom00004", "Out of memory: Killed process",
            "i-bp1demo0noroot05", "VFS: Unable to mount root fs",
            "i-bp1demo0healthy6", "login:",
            "i-bp1demo0hostfl07", "Linux version");

    @Test
    void everyInstanceHasRealConsoleOutputOfItsKind() throws Exception {
        List<EmulatedInstance> fleet = EcsEmulator.defaultFleet("cn-hangzhou");
        assertThat(fleet).extracting(EmulatedInstance::id).containsExactlyInAnyOrderElementsOf(SIGNATURES.keySet());
        for (EmulatedInstance i : fleet) {
            String console = new String(i.console().read(), StandardCharsets.UTF_8);
            assertThat(console).as(i.id()).startsWith("[    0.000000] Linux version").contains(SIGNATURES.get(i.id()));
            if (i.running()) {
                assertThat(i.screenshot()).as(i.id() + " screenshot").isNotNull();
                byte[] image = i.screenshot().read();
                boolean png = image[0] == (byte) 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
                boolean jpeg = image[0] == (byte) 0xFF && image[1] == (byte) 0xD8 && image[2] == (byte) 0xFF;
                assertThat(png || jpeg).as(i.id() + " screenshot is a PNG or a JPEG").isTrue();
                assertThat(jpeg).as(i.id() + " format").isEqualTo(i.id().equals("i-bp1demo0oom00004"));
            }
        }
        assertThat(new String(fleet.stream().filter(i -> i.id().equals("i-bp1demo0healthy6")).findFirst().orElseThrow()
                .console().read(), StandardCharsets.UTF_8)).doesNotContain("Kernel panic", "Call Trace");
    }

    @Test
    void startDefaultFleetServesItThroughTheSdk() throws Exception {
        try (EcsEmulator ecs = EcsEmulator.startDefaultFleet(EcsEmulator.builder().throttleWindow(Duration.ZERO))) {
            DefaultAcsClient client = SdkClients.testKey(ecs);
            DescribeInstancesRequest describe = new DescribeInstancesRequest();
            DescribeInstancesRequest.Tag tag = new DescribeInstancesRequest.Tag();
            tag.setKey("ci-build");
            tag.setValue("demo-1042");
            describe.setTags(List.of(tag));
            describe.setMaxResults(100);
            DescribeInstancesResponse fleet = SdkClients.call(client, ecs, describe);
            assertThat(fleet.getInstances()).hasSize(SIGNATURES.size());

            GetInstanceConsoleOutputRequest console = new GetInstanceConsoleOutputRequest();
            console.setInstanceId("i-bp1demo0noroot05");
            String text = new String(Base64.getDecoder().decode(SdkClients.call(client, ecs, console).getConsoleOutput()),
                    StandardCharsets.UTF_8);
            assertThat(text).contains("VFS: Unable to mount root fs");

            GetInstanceScreenshotRequest stopped = new GetInstanceScreenshotRequest();
            stopped.setInstanceId("i-bp1demo0hostfl07");
            assertThat(catchThrowableOfType(ClientException.class, () -> SdkClients.call(client, ecs, stopped)).getErrCode())
                    .isEqualTo("IncorrectInstanceStatus");

            DescribeInstanceHistoryEventsRequest events = new DescribeInstanceHistoryEventsRequest();
            events.setInstanceId("i-bp1demo0hostfl07");
            assertThat(SdkClients.call(client, ecs, events).getInstanceSystemEventSet())
                    .extracting(e -> e.getEventType().getName()).containsExactly("SystemFailure.Stop");
        }
    }

    @Test
    void defaultFleetKeepsTheServiceWindow() {
        try (EcsEmulator ecs = EcsEmulator.startDefaultFleet()) {
            assertThat(ecs.throttleWindow()).isEqualTo(EcsEmulator.SERVICE_THROTTLE_WINDOW);
            assertThat(ecs.fleet().size()).isEqualTo(SIGNATURES.size());
        }
    }
}
