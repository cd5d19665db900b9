package dev.ecsdiag.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.GetInstanceConsoleOutputRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signature V1, timestamps, nonces, unknown keys, STS tokens and RAM denials, as the service checks them. */
class AuthenticationTest {

    EcsEmulator ecs;

    @BeforeEach
    void start() {
        ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start();
        ecs.fleet().put(EmulatedInstance.builder("i-auth00001").console("ok\n").build());
    }

    @AfterEach
    void stop() {
        ecs.close();
    }

    private static GetInstanceConsoleOutputRequest console() {
        GetInstanceConsoleOutputRequest r = new GetInstanceConsoleOutputRequest();
        r.setInstanceId("i-auth00001");
        return r;
    }

    @Test
    void wrongSecretIsReportedBySdkAsInvalidSecret() {
        // Same string to sign on both sides, different key: the SDK recognises a bad secret.
        ClientException e = catchThrowableOfType(ClientException.class,
                () -> SdkClients.call(SdkClients.key(ecs, CredentialStore.TEST_ACCESS_KEY_ID, "not-the-secret"), ecs, console()));
        assertThat(e.getErrCode()).isEqualTo("SDK.InvalidAccessKeySecret");
        assertThat(ecs.counters().answers("SignatureDoesNotMatch")).isEqualTo(1);
    }

    @Test
    void signatureOverOtherParametersDoesNotMatch() throws Exception {
        Map<String, String> p = RawRpc.signed(RawRpc.parameters("GetInstanceConsoleOutput", Instant.now()),
                CredentialStore.TEST_ACCESS_KEY_SECRET);
        p.put("InstanceId", "i-auth00001"); // added after signing
        RawRpc.Answer a = RawRpc.post(ecs, p);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(a.body().path("Message").asText()).contains("string to sign is:POST&%2F&");
        assertThat(a.body().path("HostId").asText()).isEqualTo("ecs.aliyuncs.com");
        assertThat(a.body().path("Recommend").asText()).isNotEmpty();
        assertThat(a.body().path("RequestId").asText()).isNotEmpty();
    }

    @Test
    void rawCallSignedIndependentlyIsAcceptedWithAwkwardCharacters() throws Exception {
        ecs.fleet().put(EmulatedInstance.builder("i-auth00002").tag("build name", "a b*c~d+e/f").build());
        Map<String, String> p = RawRpc.parameters("DescribeInstances", Instant.now());
        p.put("Tag.1.Key", "build name");
        p.put("Tag.1.Value", "a b*c~d+e/f");
        RawRpc.Answer a = RawRpc.post(ecs, RawRpc.signed(p, CredentialStore.TEST_ACCESS_KEY_SECRET));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        assertThat(a.body().path("Instances").path("Instance").get(0).path("InstanceId").asText()).isEqualTo("i-auth00002");
    }

    @Test
    void unknownKeyIsNotFound() {
        ClientException e = catchThrowableOfType(ClientException.class,
                () -> SdkClients.call(SdkClients.key(ecs, "LTAInobodyHasThisKey", "x"), ecs, console()));
        assertThat(e.getErrCode()).isEqualTo("InvalidAccessKeyId.NotFound");
    }

    @Test
    void staleTimestampIsExpired() throws Exception {
        Map<String, String> p = RawRpc.parameters("GetInstanceConsoleOutput", Instant.now().minus(Duration.ofMinutes(16)));
        p.put("InstanceId", "i-auth00001");
        RawRpc.Answer a = RawRpc.post(ecs, RawRpc.signed(p, CredentialStore.TEST_ACCESS_KEY_SECRET));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("InvalidTimeStamp.Expired");

        Map<String, String> fresh = RawRpc.parameters("GetInstanceConsoleOutput", Instant.now().minus(Duration.ofMinutes(14)));
        fresh.put("InstanceId", "i-auth00001");
        assertThat(RawRpc.post(ecs, RawRpc.signed(fresh, CredentialStore.TEST_ACCESS_KEY_SECRET)).status()).isEqualTo(200);
    }

    @Test
    void sdkCallFromASkewedClockIsExpired() {
        try (EcsEmulator skewed = EcsEmulator.builder().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20))).build().start()) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> SdkClients.call(SdkClients.testKey(skewed), skewed, new DescribeInstancesRequest()));
            assertThat(e.getErrCode()).isEqualTo("InvalidTimeStamp.Expired");
        }
    }

    @Test
    void nonceCannotBeUsedTwice() throws Exception {
        Map<String, String> p = RawRpc.parameters("GetInstanceConsoleOutput", Instant.now());
        p.put("InstanceId", "i-auth00001");
        Map<String, String> signed = RawRpc.signed(p, CredentialStore.TEST_ACCESS_KEY_SECRET);
        assertThat(RawRpc.post(ecs, signed).status()).isEqualTo(200);
        RawRpc.Answer replay = RawRpc.post(ecs, signed);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.code()).isEqualTo("SignatureNonceUsed");
    }

    @Test
    void missingSignatureIsAMissingParameter() throws Exception {
        RawRpc.Answer a = RawRpc.post(ecs, RawRpc.parameters("DescribeInstances", Instant.now()));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("MissingParameter");
        assertThat(a.body().path("Message").asText()).contains("Signature");
    }

    @Test
    void stsTokenIsRequiredAndChecked() throws Exception {
        ecs.credentials().addSts("STS.NUtestkey01", "sts-secret", "token-abc");
        assertThat(SdkClients.call(SdkClients.sts(ecs, "STS.NUtestkey01", "sts-secret", "token-abc"), ecs, console())
                .getConsoleOutput()).isNotEmpty();
        ClientException wrong = catchThrowableOfType(ClientException.class,
                () -> SdkClients.call(SdkClients.sts(ecs, "STS.NUtestkey01", "sts-secret", "token-xyz"), ecs, console()));
        assertThat(wrong.getErrCode()).isEqualTo("InvalidSecurityToken.MismatchWithAccessKey");
        ClientException missing = catchThrowableOfType(ClientException.class,
                () -> SdkClients.call(SdkClients.key(ecs, "STS.NUtestkey01", "sts-secret"), ecs, console()));
        assertThat(missing.getErrCode()).isEqualTo("InvalidSecurityToken.MismatchWithAccessKey");
    }

    @Test
    void keyWithoutPermissionIsForbiddenButDescribeAnswersEmpty() throws Exception {
        ecs.credentials().addRestricted("LTAIrestricted01", "restricted-secret",
                Set.of("GetInstanceConsoleOutput", "DescribeInstances"));
        var client = SdkClients.key(ecs, "LTAIrestricted01", "restricted-secret");

        ClientException e = catchThrowableOfType(ClientException.class, () -> SdkClients.call(client, ecs, console()));
        assertThat(e.getErrCode()).isEqualTo("Forbidden.RAM");
        assertThat(e.getErrMsg()).contains("ecs:GetInstanceConsoleOutput");

        assertThat(SdkClients.call(client, ecs, new DescribeInstancesRequest()).getInstances()).isEmpty();
    }
}
