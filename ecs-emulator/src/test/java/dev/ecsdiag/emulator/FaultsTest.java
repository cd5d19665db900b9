package dev.ecsdiag.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceConsoleOutputRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceScreenshotRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every injectable fault, as the real SDK experiences it. */
class FaultsTest {

    EcsEmulator ecs;
    DefaultAcsClient client;

    @BeforeEach
    void start() {
        ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).seed(7).build().start();
        ecs.fleet().put(EmulatedInstance.builder("i-faults0001").console("one\n").screenshot(SdkRoundTripTest.PNG_MAGIC).build());
        ecs.fleet().put(EmulatedInstance.builder("i-faults0002").console("two\n").build());
        client = SdkClients.testKey(ecs);
    }

    @AfterEach
    void stop() {
        ecs.close();
    }

    private String consoleOf(String id) throws ClientException {
        GetInstanceConsoleOutputRequest r = new GetInstanceConsoleOutputRequest();
        r.setInstanceId(id);
        return SdkClients.call(client, ecs, r).getConsoleOutput();
    }

    private ClientException consoleFails(String id) {
        ClientException e = catchThrowableOfType(ClientException.class, () -> consoleOf(id));
        assertThat(e).as("console call on " + id + " should fail").isNotNull();
        return e;
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        ecs.faults(Faults.NONE.withLatency(Duration.ofMillis(150)));
        long start = System.nanoTime();
        consoleOf("i-faults0001");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void latencyBeyondTheReadTimeoutIsAnSdkReadTimeout() throws Exception {
        ecs.instanceFaults("i-faults0001", Faults.NONE.withLatency(Duration.ofMillis(1500)));
        GetInstanceConsoleOutputRequest slow = new GetInstanceConsoleOutputRequest();
        slow.setInstanceId("i-faults0001");
        slow.setSysReadTimeout(300);
        ClientException e = catchThrowableOfType(ClientException.class, () -> SdkClients.call(client, ecs, slow));
        assertThat(e.getErrCode()).isEqualTo("SDK.ReadTimeout");
        assertThat(consoleOf("i-faults0002")).isNotEmpty(); // the other instance is not slowed down
    }

    @Test
    void resetClosesTheConnectionWithoutAnAnswer() throws Exception {
        ecs.faults(Faults.NONE.withResetFirst(1));
        ClientException e = consoleFails("i-faults0001");
        assertThat(e.getErrCode()).isEqualTo("SDK.ServerUnreachable");
        assertThat(ecs.counters().answers(CallCounters.RESET)).isEqualTo(1);
        assertThat(consoleOf("i-faults0001")).isNotEmpty();
    }

    /**
     * A truncated JSON answer. Not through {@code getAcsResponse}: the SDK 4.7.10 JsonReader loops
     * on a truncated document until the heap is exhausted (OutOfMemoryError), so a client must read
     * the raw answer ({@code doAction}) and parse it itself. That is what this test shows.
     */
    @Test
    void malformedJsonArrivesTruncated() throws Exception {
        ecs.faults(Faults.NONE.withMalformedJsonRate(1));
        GetInstanceConsoleOutputRequest r = new GetInstanceConsoleOutputRequest();
        r.setInstanceId("i-faults0001");
        r.setSysEndpoint(ecs.endpoint());
        com.aliyuncs.http.HttpResponse raw = client.doAction(r);
        assertThat(raw.getStatus()).isEqualTo(200);
        assertThat(raw.getHeaderValue("Content-Type")).startsWith("application/json");
        String body = new String(raw.getHttpContent(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).startsWith("{\"RequestId\":");
        assertThatThrownBy(() -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(body))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThat(ecs.counters().answers(CallCounters.OK)).isEqualTo(1);
    }

    @Test
    void brokenBase64ArrivesAndFailsToDecode() throws Exception {
        ecs.actionFaults("GetInstanceScreenshot", Faults.NONE.withBrokenBase64Rate(1));
        GetInstanceScreenshotRequest r = new GetInstanceScreenshotRequest();
        r.setInstanceId("i-faults0001");
        String b64 = SdkClients.call(client, ecs, r).getScreenshot();
        assertThatThrownBy(() -> Base64.getDecoder().decode(b64)).isInstanceOf(IllegalArgumentException.class);
        // The other action is untouched.
        assertThat(Base64.getDecoder().decode(consoleOf("i-faults0001"))).isEqualTo("one\n".getBytes());
    }

    @Test
    void wrongContentTypeIsRejectedBySdkWithoutCode() {
        ecs.faults(Faults.NONE.withWrongContentTypeRate(1));
        ClientException e = consoleFails("i-faults0001");
        assertThat(e.getErrCode()).isNull();
    }

    @Test
    void throttleFirstCallsPerInstanceLeavesOthersAlone() throws Exception {
        ecs.instanceFaults("i-faults0001", Faults.NONE.withThrottleFirst(2));
        assertThat(consoleOf("i-faults0002")).isNotEmpty();
        assertThat(consoleFails("i-faults0001").getErrCode()).isEqualTo("Throttling");
        assertThat(consoleFails("i-faults0001").getErrCode()).isEqualTo("Throttling");
        assertThat(consoleOf("i-faults0001")).isNotEmpty();
        // Counted per action: the screenshot has its own first two.
        GetInstanceScreenshotRequest r = new GetInstanceScreenshotRequest();
        r.setInstanceId("i-faults0001");
        assertThat(catchThrowableOfType(ClientException.class, () -> SdkClients.call(client, ecs, r)).getErrCode()).isEqualTo("Throttling");
        assertThat(ecs.counters().calls("GetInstanceConsoleOutput", "i-faults0001")).isEqualTo(3);
        assertThat(ecs.counters().answers("GetInstanceConsoleOutput", "Throttling")).isEqualTo(2);
    }

    @Test
    void throttleFirstCallsPerActionSparesOtherActions() throws Exception {
        ecs.actionFaults("DescribeInstances", Faults.NONE.withThrottleFirst(1));
        assertThat(consoleOf("i-faults0001")).isNotEmpty();
        ClientException e = catchThrowableOfType(ClientException.class,
                () -> SdkClients.call(client, ecs, new DescribeInstancesRequest()));
        assertThat(e.getErrCode()).isEqualTo("Throttling");
        assertThat(SdkClients.call(client, ecs, new DescribeInstancesRequest()).getInstances()).hasSize(2);
    }

    @Test
    void serverErrorRateIsSeededAndRepeatable() throws Exception {
        List<String> first = outcomes(40);
        ecs.close();
        start();
        List<String> second = outcomes(40);
        assertThat(second).isEqualTo(first);
        long errors = first.stream().filter("ServiceUnavailable"::equals).count();
        assertThat(errors).isBetween(4L, 24L); // 30 % of 40, far from 0 and from 40
    }

    private List<String> outcomes(int calls) {
        ecs.faults(Faults.NONE.withServerErrorRate(0.3));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            try {
                consoleOf("i-faults0002");
                out.add("OK");
            } catch (ServerException e) {
                out.add(e.getErrCode());
            } catch (ClientException e) {
                out.add("client:" + e.getErrCode());
            }
        }
        return out;
    }

    @Test
    void countersCountEveryCall() throws Exception {
        consoleOf("i-faults0001");
        consoleOf("i-faults0002");
        SdkClients.call(client, ecs, new DescribeInstancesRequest());
        assertThat(ecs.counters().calls("GetInstanceConsoleOutput")).isEqualTo(2);
        assertThat(ecs.counters().calls("DescribeInstances")).isEqualTo(1);
        assertThat(ecs.counters().totalCalls()).isEqualTo(3);
        assertThat(ecs.counters().callsByAction()).containsEntry("GetInstanceConsoleOutput", 2L);
    }

    @Test
    void invalidFaultSettingsAreRefused() {
        assertThatThrownBy(() -> Faults.NONE.withServerErrorRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Faults.NONE.withThrottleFirst(1, "Throttled")).hasMessageContaining("Throttling.User");
    }
}
