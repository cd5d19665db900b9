package dev.ecsdiag.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceConsoleOutputRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceScreenshotRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each error code reaches the real SDK with the service's HTTP status, as the SDK's exception type shows. */
class ErrorCodesTest {

    EcsEmulator ecs;

    @BeforeEach
    void start() {
        ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start();
        ecs.fleet().put(EmulatedInstance.builder("i-errors0001").console("boot\n").build());
        ecs.fleet().put(EmulatedInstance.builder("i-stopped001").status("Stopped").console("halted\n").build());
    }

    @AfterEach
    void stop() {
        ecs.close();
    }

    static GetInstanceConsoleOutputRequest console(String id) {
        GetInstanceConsoleOutputRequest r = new GetInstanceConsoleOutputRequest();
        r.setInstanceId(id);
        return r;
    }

    static GetInstanceScreenshotRequest screenshot(String id) {
        GetInstanceScreenshotRequest r = new GetInstanceScreenshotRequest();
        r.setInstanceId(id);
        return r;
    }

    private ClientException clientError(com.aliyuncs.AcsRequest<?> request) {
        ClientException e = catchThrowableOfType(ClientException.class, () -> SdkClients.call(SdkClients.testKey(ecs), ecs, request));
        assertThat(e).as("the call should fail").isNotNull();
        return e;
    }

    @Test
    void missingInstanceId() {
        ClientException e = clientError(new GetInstanceConsoleOutputRequest());
        assertThat(e).isNotInstanceOf(ServerException.class);
        assertThat(e.getErrCode()).isEqualTo("MissingParameter");
        assertThat(e.getErrMsg()).contains("InstanceId");
        assertThat(e.getRequestId()).isNotEmpty();
    }

    @Test
    void invalidPageSizeAndIds() {
        DescribeInstancesRequest tooBig = new DescribeInstancesRequest();
        tooBig.setMaxResults(101);
        assertThat(clientError(tooBig).getErrCode()).isEqualTo("InvalidParameter");

        DescribeInstancesRequest notJson = new DescribeInstancesRequest();
        notJson.setInstanceIds("i-a,i-b");
        assertThat(clientError(notJson).getErrCode()).isEqualTo("InvalidParameter");
    }

    @Test
    void unknownInstanceAndInstanceOfAnotherRegionAreNotFound() throws Exception {
        assertThat(clientError(console("i-nosuch0001")).getErrCode()).isEqualTo("InvalidInstanceId.NotFound");
        Map<String, String> p = RawRpc.parameters("GetInstanceConsoleOutput", Instant.now());
        p.put("InstanceId", "i-errors0001");
        p.put("RegionId", "eu-central-1");
        RawRpc.Answer a = RawRpc.post(ecs, RawRpc.signed(p, CredentialStore.TEST_ACCESS_KEY_SECRET));
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.code()).isEqualTo("InvalidInstanceId.NotFound");
    }

    @Test
    void screenshotOfStoppedInstanceIsIncorrectStatusButConsoleWorks() throws Exception {
        assertThat(clientError(screenshot("i-stopped001")).getErrCode()).isEqualTo("IncorrectInstanceStatus");
        assertThat(SdkClients.call(SdkClients.testKey(ecs), ecs, console("i-stopped001")).getConsoleOutput()).isNotEmpty();
    }

    @Test
    void twoCallsOnOneInstanceWithinTheWindowAreThrottled() throws Exception {
        ecs.throttleWindow(Duration.ofMillis(300));
        var client = SdkClients.testKey(ecs);
        SdkClients.call(client, ecs, console("i-errors0001"));
        ClientException e = catchThrowableOfType(ClientException.class, () -> SdkClients.call(client, ecs, console("i-errors0001")));
        assertThat(e.getErrCode()).isEqualTo("Throttling");
        // the service's rule is per instance: a screenshot of the same instance is held back too
        ClientException s = catchThrowableOfType(ClientException.class, () -> SdkClients.call(client, ecs, screenshot("i-errors0001")));
        assertThat(s.getErrCode()).isEqualTo("Throttling");
        assertThat(s.getErrMsg()).contains("same instance");
        Thread.sleep(350);
        assertThat(SdkClients.call(client, ecs, screenshot("i-errors0001")).getScreenshot()).isNotEmpty();
        // another instance is not held back by it
        assertThat(SdkClients.call(client, ecs, console("i-stopped001")).getConsoleOutput()).isNotEmpty();
    }

    @Test
    void perActionScopeKeepsAWindowPerAction() throws Exception {
        ecs.throttleWindow(Duration.ofMillis(300)).throttleScope(ThrottleScope.ACTION);
        var client = SdkClients.testKey(ecs);
        SdkClients.call(client, ecs, console("i-errors0001"));
        assertThat(catchThrowableOfType(ClientException.class, () -> SdkClients.call(client, ecs, console("i-errors0001")))
                .getErrCode()).isEqualTo("Throttling");
        assertThat(SdkClients.call(client, ecs, screenshot("i-errors0001")).getScreenshot()).isNotEmpty();
        assertThat(catchThrowableOfType(ClientException.class, () -> SdkClients.call(client, ecs, screenshot("i-errors0001")))
                .getErrCode()).isEqualTo("Throttling");
    }

    @Test
    void serviceDefaultWindowIsTenSeconds() {
        try (EcsEmulator service = EcsEmulator.builder().build()) {
            assertThat(service.throttleWindow()).isEqualTo(Duration.ofSeconds(10));
            assertThat(service.throttleScope()).isEqualTo(ThrottleScope.INSTANCE);
        }
    }

    @Test
    void userFlowControlIsThrottlingUserWith400() throws Exception {
        ecs.faults(Faults.NONE.withThrottleFirst(1, "Throttling.User"));
        ClientException e = clientError(console("i-errors0001"));
        assertThat(e).isNotInstanceOf(ServerException.class);
        assertThat(e.getErrCode()).isEqualTo("Throttling.User");
        assertThat(SdkClients.call(SdkClients.testKey(ecs), ecs, console("i-errors0001")).getConsoleOutput()).isNotEmpty();
    }

    @Test
    void internalErrorAndServiceUnavailableAreServerExceptions() {
        ecs.faults(Faults.NONE.withServerErrorFirst(1, "InternalError"));
        ClientException internal = clientError(console("i-errors0001"));
        assertThat(internal).isInstanceOf(ServerException.class);
        assertThat(internal.getErrCode()).isEqualTo("InternalError");

        ecs.faults(Faults.NONE.withServerErrorFirst(1, "ServiceUnavailable"));
        ClientException unavailable = clientError(console("i-errors0001"));
        assertThat(unavailable).isInstanceOf(ServerException.class);
        assertThat(unavailable.getErrCode()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void rawStatusesMatchTheServiceTable() throws Exception {
        ecs.faults(Faults.NONE.withThrottleFirst(1));
        Map<String, String> p = RawRpc.parameters("GetInstanceConsoleOutput", Instant.now());
        p.put("InstanceId", "i-errors0001");
        RawRpc.Answer throttled = RawRpc.post(ecs, RawRpc.signed(p, CredentialStore.TEST_ACCESS_KEY_SECRET));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("Throttling");

        ecs.clearFaults();
        Map<String, String> shot = RawRpc.parameters("GetInstanceScreenshot", Instant.now());
        shot.put("InstanceId", "i-stopped001");
        assertThat(RawRpc.post(ecs, RawRpc.signed(shot, CredentialStore.TEST_ACCESS_KEY_SECRET)).status()).isEqualTo(403);

        Map<String, String> unknown = RawRpc.parameters("RebootInstance", Instant.now());
        RawRpc.Answer a = RawRpc.post(ecs, RawRpc.signed(unknown, CredentialStore.TEST_ACCESS_KEY_SECRET));
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.code()).isEqualTo("InvalidAction.NotFound");
    }
}
