package dev.ecsdiag.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.Secret;
import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Test connection" through the real SDK against the emulator: counts, refused keys, nothing written. */
class ConnectionCheckTest {

    private static EcsEmulator ecs;

    @TempDir
    Path out;

    @BeforeAll
    static void start() {
        ecs = EcsEmulator.builder().build().start();
        for (String id : List.of("i-bp1check000001", "i-bp1check000002", "i-bp1check000003")) {
            ecs.fleet().put(EmulatedInstance.builder(id).name("runner").tag("ci-build", id.endsWith("3") ? "43" : "42").build());
        }
    }

    @AfterAll
    static void stop() {
        ecs.close();
    }

    private JobRequest.Builder request(String secret) {
        return JobRequest.builder().region(ecs.region()).endpoint(ecs.endpoint())
                .credentials(Credentials.accessKey(CredentialStore.TEST_ACCESS_KEY_ID, Secret.of(secret)))
                .callTimeout(Duration.ofSeconds(5)).outputDirectory(out.resolve("never-written"));
    }

    @Test
    void countsTheInstancesTheTagsSelect() {
        ConnectionCheck.Result r = new ConnectionCheck(Map.of()).run(request(CredentialStore.TEST_ACCESS_KEY_SECRET).tag("ci-build", "42").build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(r.matching()).isEqualTo(2);
        assertThat(r.message()).startsWith("2 instances match in " + ecs.region());
        assertThat(out.resolve("never-written")).doesNotExist();
    }

    @Test
    void namesTheIdsNotFound() {
        ConnectionCheck.Result r = new ConnectionCheck(Map.of()).run(request(CredentialStore.TEST_ACCESS_KEY_SECRET)
                .instanceIds(List.of("i-bp1check000001", "i-bp1nothere00009")).build());

        assertThat(r.matching()).isEqualTo(1);
        assertThat(r.notFound()).containsExactly("i-bp1nothere00009");
        assertThat(r.message()).contains("not found: i-bp1nothere00009");
    }

    @Test
    void aRefusedKeyIsAnOutcomeWithAHintAndNoSecret() {
        ConnectionCheck.Result r = new ConnectionCheck(Map.of()).run(request("wrong-secret-value").tag("ci-build", "42").build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.CREDENTIALS_REFUSED);
        assertThat(r.matching()).isZero();
        assertThat(r.hints()).isNotEmpty();
        assertThat(r.message()).doesNotContain("wrong-secret-value");
    }

    @Test
    void anUnreachableEndpointIsAnOutcome() {
        ConnectionCheck.Result r = new ConnectionCheck(Map.of()).run(request(CredentialStore.TEST_ACCESS_KEY_SECRET)
                .endpoint("127.0.0.1:1").callTimeout(Duration.ofSeconds(2)).tag("ci-build", "42").build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.ENDPOINT_UNREACHABLE);
    }
}
