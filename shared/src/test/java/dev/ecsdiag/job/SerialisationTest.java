package dev.ecsdiag.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.Secret;
import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Jenkins step ships the request to an agent and the result back; tools read both as JSON. The
 * secret must travel to the agent (Java serialisation) and nowhere else.
 */
class SerialisationTest {

    private static final String SECRET = "s3cr3t-Very-Private-Value";
    private static final String TOKEN = "sts-Token-Only-For-Signing";

    @TempDir
    Path dir;

    private JobRequest request() {
        return JobRequest.builder().region("cn-shanghai").endpoint("127.0.0.1:8080")
                .instanceIds(List.of("i-uf6aaa0001", "i-uf6aaa0002")).tags(Map.of("ci-build", "42"))
                .fleetFile(dir.resolve("fleet.txt"))
                .credentials(Credentials.of("LTAIexample0001", SECRET, TOKEN))
                .concurrency(4).callTimeout(Duration.ofSeconds(7)).deadline(Duration.ofMinutes(3))
                .eventWindow(Duration.ofHours(6)).sameInstanceSpacing(Duration.ofSeconds(10))
                .outputDirectory(dir.resolve("out")).buildLabel("42")
                .previousReports(List.of(dir.resolve("41/report.json"))).rulesFiles(List.of(dir.resolve("rules.json")))
                .failOn(Set.of(Verdict.CRASH, Verdict.BOOT_FAILURE), true)
                .build();
    }

    @Test
    void aRequestSurvivesJavaSerialisationWithItsSecretAndIsCheckedAgain() throws Exception {
        JobRequest before = request();
        JobRequest after = roundTrip(before);

        assertThat(after).isEqualTo(before);
        Credentials.AccessKey key = (Credentials.AccessKey) after.credentials();
        assertThat(key.secret().reveal()).isEqualTo(SECRET);
        assertThat(key.securityToken().reveal()).isEqualTo(TOKEN);
        assertThat(after.policy().failOn()).containsExactlyInAnyOrder(Verdict.CRASH, Verdict.BOOT_FAILURE);
        assertThat(after.collectionRequest()).as("derived again after deserialisation").isNotNull();
        assertThat(after.collectionRequest().instanceIds()).containsExactly("i-uf6aaa0001", "i-uf6aaa0002");
    }

    @Test
    void aRequestsJsonAndToStringHoldNoSecret() {
        JobRequest request = request();
        String json = JobJson.toJson(request);
        assertThat(json).contains("LTAIexample0001").contains("\"credentials\":\"sts\"").contains("cn-shanghai")
                .doesNotContain(SECRET).doesNotContain(TOKEN);
        assertThat(request.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
        assertThat(request.credentials().toString()).doesNotContain(SECRET).doesNotContain(TOKEN);

        JobRequest back = JobJson.requestFromJson(json, Credentials.of("LTAIexample0001", SECRET, TOKEN));
        assertThat(back).isEqualTo(request);
        assertThat(JobJson.toJson(JobJson.requestFromJson(json, Credentials.defaultChain())))
                .as("read back without the secret: the caller's credentials").contains("default-chain");
    }

    @Test
    void aResultSurvivesJavaAndJsonRoundTripsAndHoldsNoSecret() throws Exception {
        JobResult result;
        try (EcsEmulator ecs = JobFleet.start()) {
            ecs.credentials().addSts("STS.jobkey0001", SECRET, TOKEN);
            ecs.fleet().put(JobFleet.crashed("i-ser0crashed").build());
            ecs.fleet().put(JobFleet.hostFailed("i-ser0hostdown").build());
            result = new DiagnosticsJob().run(JobFleet.request(ecs, dir.resolve("run")).tag("ci", "build-7")
                    .credentials(Credentials.of("STS.jobkey0001", SECRET, TOKEN)).build(), new RecordingSink());
        }
        assertThat(result.instances()).extracting(InstanceSummary::verdict).containsExactly(Verdict.CRASH, Verdict.PLATFORM_FAULT);

        JobResult viaJava = roundTrip(result);
        assertThat(viaJava).isEqualTo(result);

        String json = JobJson.toJson(result);
        assertThat(json).doesNotContain(SECRET).doesNotContain(TOKEN).contains("\"platform-fault\"");
        JobResult viaJson = JobJson.resultFromJson(json);
        assertThat(viaJson.instances()).isEqualTo(result.instances());
        assertThat(viaJson.counts()).isEqualTo(result.counts());
        assertThat(viaJson.decision()).isEqualTo(result.decision());
        assertThat(viaJson.collection().instances().get(0).classification().crashes())
                .isEqualTo(result.collection().instances().get(0).classification().crashes());
        assertThat(result.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void aSecretNeverShowsItself() {
        Secret s = Secret.of(SECRET);
        assertThat(s.toString()).doesNotContain(SECRET);
        assertThat(String.valueOf(Credentials.of("LTAIx", SECRET, null))).doesNotContain(SECRET);
        assertThat(roundTripUnchecked(Credentials.of("LTAIx", SECRET, null)))
                .as("Java serialisation carries it, for the agent")
                .satisfies(c -> assertThat(((Credentials.AccessKey) c).secret().reveal()).isEqualTo(SECRET));
    }

    private static <T> T roundTripUnchecked(T value) {
        try {
            return roundTrip(value);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialise(value)))) {
            return (T) in.readObject();
        }
    }

    private static byte[] serialise(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
