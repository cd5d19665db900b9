package dev.ecsdiag.collect;

import dev.ecsdiag.config.RetrySettings;
import dev.ecsdiag.config.ProgressSink;
import dev.ecsdiag.config.Secret;
import dev.ecsdiag.config.Credentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.Faults;
import dev.ecsdiag.report.ReportOptions;
import dev.ecsdiag.report.ReportWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs collections that succeed and fail in every way a secret could slip out (signature
 * mismatch echoing the string to sign, resets, timeouts, malformed answers, the default chain)
 * and searches every output file (the collector's and the report's: {@code index.html},
 * {@code report.json}, {@code junit.xml}, {@code summary.md}, written here as {@code collect} and
 * {@code demo} write them), every progress line and every exception message for the secret and
 * the STS token, raw and encoded.
 */
class SecretLeakTest {

    private static final String KEY_ID = "STS.leaktest0001";
    // characters that change under URL encoding, so encoded copies are searched for too
    private static final String SECRET = "Leak+Secret/Value=42*~x";
    private static final String TOKEN = "CAIS+leak/token==value*";

    @TempDir
    Path dir;

    @Test
    void neitherTheSecretNorTheTokenAppearAnywhere() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void info(String line) {
                lines.add(line);
            }
        };
        List<String> exceptionMessages = new ArrayList<>();
        try (EcsEmulator ecs = TestFleet.start(Duration.ZERO)) {
            ecs.credentials().addSts(KEY_ID, SECRET, TOKEN);
            ecs.fleet().put(TestFleet.crashed("i-leak0001").build());
            ecs.fleet().put(TestFleet.healthy("i-leak0002").build());
            ecs.fleet().put(TestFleet.healthy("i-leak0003").status("Stopped").build());
            ecs.fleet().put(TestFleet.healthy("i-leak0004").build());
            ecs.instanceFaults("i-leak0002", Faults.NONE.withResetRate(1.0));
            ecs.instanceFaults("i-leak0004", Faults.NONE.withMalformedJsonRate(0.5).withBrokenBase64Rate(0.5)
                    .withLatency(Duration.ofMillis(400)));
            CollectionRequest.Builder base = TestFleet.request(ecs, dir.resolve("ok"))
                    .credentials(Credentials.sts(KEY_ID, Secret.of(SECRET), Secret.of(TOKEN)))
                    .instanceIds(List.of("i-leak0001", "i-leak0002", "i-leak0003", "i-leak0004", "i-missing01"))
                    .callTimeout(Duration.ofMillis(300))
                    .retry(RetrySettings.defaults().withMaxAttempts(2).withBackoff(Duration.ofMillis(5), Duration.ofMillis(5))
                            .withSameInstanceSpacing(Duration.ZERO));

            CollectionResult ok = new Collector().collect(base.build(), sink);
            assertThat(ok.instances()).isNotEmpty();
            writeReport(ok);

            // a wrong token and a wrong secret: the service echoes its string to sign
            CollectionResult badToken = new Collector().collect(base.outputDir(dir.resolve("bad-token"))
                    .credentials(Credentials.sts(KEY_ID, Secret.of(SECRET), Secret.of(TOKEN + "x"))).build(), sink);
            assertThat(badToken.instances().get(0).failures()).isNotEmpty();
            writeReport(badToken);
            CollectionResult badSecret = new Collector().collect(base.outputDir(dir.resolve("bad-secret"))
                    .credentials(Credentials.sts(KEY_ID, Secret.of(SECRET + "x"), Secret.of(TOKEN))).build(), sink);
            assertThat(badSecret.instances().get(0).failures().get(0).code()).isEqualTo("SignatureDoesNotMatch");
            writeReport(badSecret);

            // the default chain, from system properties
            System.setProperty("alibabacloud.accessKeyId", KEY_ID);
            System.setProperty("alibabacloud.accessKeySecret", SECRET);
            System.setProperty("alibabacloud.sessionToken", TOKEN);
            try {
                CollectionResult chain = new Collector().collect(base.outputDir(dir.resolve("chain"))
                        .credentials(Credentials.defaultChain()).build(), sink);
                assertThat(chain.instances()).anySatisfy(o -> assertThat(o.console()).isNotNull());
                writeReport(chain);
            } finally {
                System.clearProperty("alibabacloud.accessKeyId");
                System.clearProperty("alibabacloud.accessKeySecret");
                System.clearProperty("alibabacloud.sessionToken");
            }

            // exceptions thrown before any call
            try {
                new Collector().collect(base.fleetFile(dir.resolve("no-such-fleet")).build(), sink);
            } catch (RuntimeException e) {
                exceptionMessages.add(String.valueOf(e));
            }
            exceptionMessages.add(String.valueOf(base.build()));
            exceptionMessages.add(String.valueOf(Credentials.sts(KEY_ID, Secret.of(SECRET), Secret.of(TOKEN))));
        }

        List<String> needles = needles();
        assertThat(lines).isNotEmpty();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        // the report of every collection is among them, so the search below covers it
        for (String run : List.of("ok", "bad-token", "bad-secret", "chain")) {
            for (String name : List.of(ReportWriter.INDEX_HTML, "report.json", "junit.xml", "summary.md")) {
                assertThat(dir.resolve(run).resolve(name)).as("report file of %s", run).isRegularFile();
            }
        }
        for (String needle : needles) {
            for (Path f : files) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(content).as("file %s", f).doesNotContain(needle);
            }
            assertThat(lines).as("progress lines").noneMatch(l -> l.contains(needle));
            assertThat(exceptionMessages).as("exception messages").noneMatch(m -> m.contains(needle));
        }
    }

    /** Writes the report beside the collection, as {@code collect} and {@code demo} do. */
    private static void writeReport(CollectionResult result) throws Exception {
        new ReportWriter().write(result, Path.of(result.outputDir()), ReportOptions.defaults());
    }

    /** The secret and the token, raw, URL-encoded once and twice (as a service echoing its string to sign shows them). */
    static List<String> needles() {
        List<String> needles = new ArrayList<>();
        for (String s : List.of(SECRET, TOKEN)) {
            String once = URLEncoder.encode(s, StandardCharsets.UTF_8);
            String twice = URLEncoder.encode(once, StandardCharsets.UTF_8);
            for (String form : List.of(s, once, twice)) {
                needles.add(form.substring(0, 12)); // a prefix: encoders differ on the last characters
            }
        }
        return needles;
    }
}
