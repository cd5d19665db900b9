package dev.ecsdiag.cli;

import dev.ecsdiag.config.Secret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import dev.ecsdiag.emulator.Faults;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsdiag collect} as a user runs it, in its own JVM: the secret in an environment variable
 * ({@code --secret-env}), an STS token in another ({@code --sts-token-env}), collections that
 * succeed and that fail on their credentials. Then the whole output folder (the collector's files
 * and the report), standard output and standard error are searched for the secret and the token.
 */
class CollectSecretLeakTest {

    private static final String KEY_ID = "STS.cli0leaktest01";
    // characters that change under URL encoding, so encoded copies are searched for too
    private static final String SECRET = "Cli+Leak/Secret=77*~q";
    private static final String TOKEN = "CAIS+cli/leak/token==*";
    private static final String PANIC = "[  812.452400] Kernel panic - not syncing: Fatal exception\r\n";

    @TempDir
    Path dir;

    @Test
    void neitherTheSecretNorTheTokenReachAnyOutputOfTheCommand() throws Exception {
        List<ChildCli.Run> runs = new ArrayList<>();
        try (EcsEmulator ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start()) {
            ecs.credentials().addSts(KEY_ID, SECRET, TOKEN);
            ecs.fleet().put(EmulatedInstance.builder("i-cleak0001").console(PANIC).build());
            ecs.fleet().put(EmulatedInstance.builder("i-cleak0002").console("login: \r\n").status("Stopped").build());
            ecs.fleet().put(EmulatedInstance.builder("i-cleak0003").console("login: \r\n").build());
            ecs.instanceFaults("i-cleak0003", Faults.NONE.withResetRate(1.0));

            ChildCli.Run ok = collect(ecs, "ok", SECRET, TOKEN);
            assertThat(ok.exit()).as(ok.stderr()).isZero();
            assertThat(ok.stdout()).contains("i-cleak0001").contains("index.html");
            assertThat(dir.resolve("ok/instances/i-cleak0001/console.txt")).content().contains("Kernel panic");
            runs.add(ok);

            // the service echoes its string to sign (SecurityToken included) on a wrong token or secret
            ChildCli.Run badToken = collect(ecs, "bad-token", SECRET, TOKEN + "x");
            assertThat(badToken.exit()).as(badToken.stderr()).isEqualTo(Main.EXIT_CONFIGURATION);
            runs.add(badToken);
            ChildCli.Run badSecret = collect(ecs, "bad-secret", SECRET + "x", TOKEN);
            assertThat(badSecret.exit()).as(badSecret.stderr()).isEqualTo(Main.EXIT_CONFIGURATION);
            assertThat(badSecret.stderr()).contains("refused the credentials");
            runs.add(badSecret);
        }
        for (String run : List.of("ok", "bad-token", "bad-secret")) {
            for (String name : List.of("collection.json", "index.html", "report.json", "junit.xml", "summary.md")) {
                assertThat(dir.resolve(run).resolve(name)).as("%s of %s", name, run).isRegularFile();
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (String needle : needles()) {
            for (Path f : files) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(content).as("file %s", f).doesNotContain(needle);
            }
            for (ChildCli.Run r : runs) {
                assertThat(r.stdout()).as("standard output").doesNotContain(needle);
                assertThat(r.stderr()).as("standard error").doesNotContain(needle);
            }
        }
    }

    private ChildCli.Run collect(EcsEmulator ecs, String name, String secret, String token) throws Exception {
        // the reset instance retries until the deadline: 6 s keeps the run short and covers that path too
        long t0 = System.nanoTime();
        try {
            return ChildCli.run(dir.resolve("home"), Map.of("ECSDIAG_LEAK_SECRET", secret, "ECSDIAG_LEAK_TOKEN", token),
                "collect", "--region", ecs.region(), "--endpoint", ecs.endpoint(), "--out", dir.resolve(name).toString(),
                "--instance", "i-cleak0001,i-cleak0002,i-cleak0003", "--timeout", "2", "--deadline", "6", "--same-instance-spacing", "0", "--build", "leak-" + name,
                "--access-key-id", KEY_ID, "--secret-env", "ECSDIAG_LEAK_SECRET", "--sts-token-env", "ECSDIAG_LEAK_TOKEN");
        } finally {
            System.out.printf("child ecsdiag collect (%s): %d ms%n", name, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** The secret and the token, raw and URL-encoded once and twice (prefixes: encoders differ on the last characters). */
    private static List<String> needles() {
        List<String> needles = new ArrayList<>();
        for (String s : List.of(SECRET, TOKEN)) {
            String once = URLEncoder.encode(s, StandardCharsets.UTF_8);
            String twice = URLEncoder.encode(once, StandardCharsets.UTF_8);
            for (String form : List.of(s, once, twice)) {
                needles.add(form.substring(0, 12));
            }
        }
        return needles;
    }
}
