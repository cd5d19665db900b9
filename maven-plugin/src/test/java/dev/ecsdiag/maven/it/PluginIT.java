package dev.ecsdiag.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.maven.it.ForkedMaven.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plugin as users run it: a real Maven on the sample projects of src/it, against a local ECS
 * emulator (the built-in fleet, 10-second rule off). Subclasses say which Maven.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PluginIT {

    private static final String PANIC = "i-bp1demo0panic001";
    private static final String HEALTHY = "i-bp1demo0healthy6";
    private static final String KEY_ID = "LTAI5tMavenPluginIt0001";
    private static final String CONSOLE = "GetInstanceConsoleOutput";

    private final String secret = "it-secret-" + UUID.randomUUID();
    private final String stsToken = "it-sts-token-" + UUID.randomUUID();
    private EcsEmulator ecs;
    private ForkedMaven maven;
    private Path work;

    /** "maven3" or "maven4": names the folder under target/its and the system property with its home. */
    abstract String mavenName();

    @BeforeAll
    void start() throws IOException {
        work = Path.of(System.getProperty("it.work"), mavenName());
        deleteTree(work);
        deleteTree(Path.of(System.getProperty("it.repo"), "it", "ecsdiag")); // what the samples installed before
        Files.createDirectories(work);
        Path settings = ItSettings.write(work.resolve("settings.xml"), "");
        maven = new ForkedMaven(mavenName(), Path.of(System.getProperty("it." + mavenName() + ".home")),
                Path.of(System.getProperty("it.repo")), settings);
        ecs = EcsEmulator.startDefaultFleet(EcsEmulator.builder().throttleWindow(Duration.ZERO));
        ecs.credentials().add(KEY_ID, secret);
        ecs.credentials().addSts(KEY_ID + "Sts", secret, stsToken);
    }

    @AfterAll
    void stop() {
        if (ecs != null) {
            ecs.close();
        }
    }

    @BeforeEach
    void resetCounters() {
        ecs.counters().reset();
    }

    @Test
    void collectsTheInstancesNamedInThePom() throws Exception {
        Run run = mvn("by-ids", defaultChainKey(), "install");

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(run.log()).contains(PANIC, HEALTHY, "index.html");
        Path installed = Path.of(System.getProperty("it.repo"), "it/ecsdiag/by-ids/1.0/by-ids-1.0-ecsdiag.zip");
        assertThat(installed).as("attach=true: the zipped report installed with classifier ecsdiag").isRegularFile();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(installed.toFile())) {
            assertThat(zip.getEntry("ecsdiag/index.html")).isNotNull();
            assertThat(zip.getEntry("ecsdiag/instances/" + PANIC + "/console.txt")).isNotNull();
        }
        assertThat(infoLine(run, PANIC)).containsIgnoringCase("crash");
        assertThat(ecs.counters().calls(CONSOLE, PANIC)).isEqualTo(1);
        assertThat(ecs.counters().calls(CONSOLE, HEALTHY)).isEqualTo(1);
        assertThat(ecs.counters().calls(CONSOLE)).isEqualTo(2);
        Path out = project("by-ids").resolve("target/ecsdiag");
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(Files.readString(out.resolve("report.json"))).contains("it-7");
    }

    @Test
    void collectsByTagsGivenOnTheCommandLine() throws Exception {
        Run run = mvn("cli-goal", defaultChainKey(), "ecsdiag:collect", "-Decsdiag.tags=ci-build=demo-1042,ci-runner=6");

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(ecs.counters().calls(CONSOLE)).isEqualTo(1);
        assertThat(ecs.counters().calls(CONSOLE, HEALTHY)).isEqualTo(1);
        assertThat(project("cli-goal").resolve("target/ecsdiag/index.html")).isRegularFile();
    }

    @Test
    void collectsTheInstancesOfAFleetFile() throws Exception {
        Run run = mvn("cli-goal", defaultChainKey(), "ecsdiag:collect", "-Decsdiag.fleetFile=fleet.txt");

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(ecs.counters().calls(CONSOLE)).isEqualTo(2);
        assertThat(ecs.counters().calls(CONSOLE, "i-bp1demo0oops0002")).isEqualTo(1);
        assertThat(ecs.counters().calls(CONSOLE, "i-bp1demo0oom00004")).isEqualTo(1);
    }

    @Test
    void takesTheAccessKeyFromAPlainSettingsServerAndNeverShowsIt() throws Exception {
        Path settings = ItSettings.write(work.resolve("plain/settings.xml"),
                ItSettings.server("ecs-ci", KEY_ID + "Sts", secret, stsToken));

        Run run = mvn("cli-goal", settings, Map.of(), "-X", "ecsdiag:collect", "-Decsdiag.serverId=ecs-ci",
                "-Decsdiag.instances=" + PANIC);

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(ecs.counters().calls(CONSOLE, PANIC)).isEqualTo(1);
        assertThat(run.log()).as("-X shows each call")
                .contains("[DEBUG] DescribeInstances (attempt 1) OK in ")
                .contains("[DEBUG] " + PANIC + ": GetInstanceConsoleOutput (attempt 1) OK in ");
        assertSecretsNowhere(run, "cli-goal", secret, stsToken);
    }

    @Test
    void decryptsAnEncryptedSettingsPasswordAndNeverShowsIt() throws Exception {
        String master = "it-master-" + UUID.randomUUID();
        Path security = ItSettings.writeSecurity(Files.createDirectories(work.resolve("encrypted")).resolve("settings-security.xml"), master);
        Path settings = ItSettings.write(work.resolve("encrypted/settings.xml"),
                ItSettings.server("ecs-ci", KEY_ID, ItSettings.encrypt(secret, master), null));

        Run run = mvn("cli-goal", settings, Map.of(), "-X", "ecsdiag:collect", "-Decsdiag.serverId=ecs-ci",
                "-Dsettings.security=" + security, "-Decsdiag.instances=" + PANIC);

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(ecs.counters().calls(CONSOLE, PANIC)).as(run.log()).isEqualTo(1);
        assertSecretsNowhere(run, "cli-goal", secret, master);
    }

    @Test
    void aReleasedInstanceIsNamedWithTheReminderToCollectBeforeTeardown() throws Exception {
        String released = "i-bp1released00009";
        Run run = mvn("cli-goal", defaultChainKey(), "ecsdiag:collect", "-Decsdiag.instances=" + PANIC + "," + released);

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(run.log().lines().filter(l -> l.startsWith("[WARNING]") && l.contains(released)))
                .as(run.log()).anyMatch(l -> l.contains("collect before the fleet is torn down"));
        assertThat(infoLine(run, released)).contains("not found");
        assertThat(ecs.counters().calls(CONSOLE, PANIC)).isEqualTo(1);
    }

    @Test
    void skipMakesNoCall() throws Exception {
        Run run = mvn("by-ids", defaultChainKey(), "verify", "-Decsdiag.skip");

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(run.log()).contains("skipped");
        assertThat(ecs.counters().totalCalls()).isZero();
        assertThat(project("by-ids").resolve("target/ecsdiag")).doesNotExist();
    }

    @Test
    void failOnFailsTheBuildNamingTheInstanceAndTheCrash() throws Exception {
        Run run = mvn("fail-on", defaultChainKey(), "verify");

        assertThat(run.exitCode()).as(run.log()).isNotZero();
        String error = run.log().lines().filter(l -> l.startsWith("[ERROR]") && l.contains(PANIC)).findFirst().orElse("");
        String title = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(project("fail-on").resolve("target/ecsdiag/report.json").toFile())
                .path("crashGroups").path(0).path("title").asText();
        assertThat(title).isNotBlank();
        assertThat(error).as(run.log()).contains(title);
        assertThat(error).doesNotContain(HEALTHY);
        assertThat(project("fail-on").resolve("target/ecsdiag/index.html")).isRegularFile();
        // the sample is also an extension: after the goal failed the build, no second collection
        assertThat(ecs.counters().calls(CONSOLE)).isEqualTo(2);
        assertThat(run.log()).contains("collected once per build");
    }

    @Test
    void anUnreachableEndpointIsAWarningUnlessFailOnError() throws Exception {
        String closed = "127.0.0.1:" + freePort();
        List<String> args = List.of("ecsdiag:collect", "-Decsdiag.endpoint=" + closed, "-Decsdiag.instances=" + PANIC,
                "-Decsdiag.deadline=5", "-Decsdiag.callTimeout=1");

        Run lenient = mvn("cli-goal", null, defaultChainKey(), args);
        assertThat(lenient.exitCode()).as(lenient.log()).isZero();
        assertThat(lenient.log()).contains("[WARNING]").contains(closed);

        List<String> strict = new ArrayList<>(args);
        strict.add("-Decsdiag.failOnError=true");
        Run failing = mvn("cli-goal", null, defaultChainKey(), strict);
        assertThat(failing.exitCode()).as(failing.log()).isNotZero();
        assertThat(failing.log()).contains("[ERROR]").contains(closed);
    }

    @Test
    void runsWithoutAProject() throws Exception {
        Path empty = Files.createDirectories(work.resolve("no-project"));
        Files.createDirectories(empty.resolve(".mvn")); // else Maven takes this repository's
        Run run = maven.run(empty, null, defaultChainKey(), List.of(
                "dev.ecsdiag:ecsdiag-maven-plugin:" + System.getProperty("it.plugin.version") + ":collect",
                "-Decsdiag.region=cn-hangzhou", "-Decsdiag.endpoint=" + ecs.endpoint(),
                "-Decsdiag.instances=" + PANIC + "," + HEALTHY, "-Decsdiag.sameInstanceSpacing=0"));

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(empty.resolve("target/ecsdiag/index.html")).isRegularFile();
        assertThat(ecs.counters().calls(CONSOLE)).isEqualTo(2);
    }

    @Test
    void aMultiModuleBuildCollectsOnce() throws Exception {
        Run run = mvn("multi-module", defaultChainKey(), "verify");

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(ecs.counters().calls(CONSOLE)).isEqualTo(1);
        assertThat(project("multi-module").resolve("target/ecsdiag/index.html")).isRegularFile();
        assertThat(project("multi-module").resolve("module-a/target/ecsdiag")).doesNotExist();
        assertThat(project("multi-module").resolve("module-b/target/ecsdiag")).doesNotExist();
    }

    @Test
    void theBuildExtensionCollectsAfterAFailedBuildAndKeepsItsResult() throws Exception {
        Run run = mvn("extension-failing", defaultChainKey(), "verify");

        assertThat(run.exitCode()).as(run.log()).isEqualTo(1);
        assertThat(run.log()).contains("COMPILATION ERROR").contains("BUILD FAILURE");
        assertThat(ecs.counters().calls(CONSOLE)).as(run.log()).isEqualTo(1);
        assertThat(ecs.counters().calls(CONSOLE, PANIC)).isEqualTo(1);
        Path index = project("extension-failing").resolve("target/ecsdiag/index.html");
        assertThat(index).isRegularFile();
        assertThat(run.log()).contains(index.toString());
    }

    @Test
    void skipTurnsTheExtensionOff() throws Exception {
        Run run = mvn("extension-failing", defaultChainKey(), "verify", "-Decsdiag.skip");

        assertThat(run.exitCode()).as(run.log()).isEqualTo(1);
        assertThat(ecs.counters().totalCalls()).as(run.log()).isZero();
        assertThat(project("extension-failing").resolve("target/ecsdiag")).doesNotExist();
    }

    @Test
    void theCoreExtensionCollectsAfterAFailedBuild() throws Exception {
        Run run = mvn("core-extension-failing", defaultChainKey(), "verify");

        assertThat(run.exitCode()).as(run.log()).isEqualTo(1);
        assertThat(ecs.counters().calls(CONSOLE, "i-bp1demo0noroot05")).as(run.log()).isEqualTo(1);
        assertThat(project("core-extension-failing").resolve("target/ecsdiag/index.html")).isRegularFile();
    }

    @Test
    void theExtensionMakesNoCallAfterAPassingBuild() throws Exception {
        Run run = mvn("extension-passing", defaultChainKey(), "verify");

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(ecs.counters().totalCalls()).as(run.log()).isZero();
        assertThat(project("extension-passing").resolve("target/ecsdiag")).doesNotExist();
    }

    @Test
    void helpDescribesTheParameters() throws Exception {
        Run run = mvn("cli-goal", Map.of(), "ecsdiag:help", "-Ddetail", "-Dgoal=collect");

        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(run.log()).contains("ecsdiag:collect", "ecsdiag.region", "ecsdiag.serverId", "ecsdiag.failOn",
                "settings.xml");
    }

    // ------------------------------------------------------------------------------------------

    private Map<String, String> defaultChainKey() {
        return Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret);
    }

    private Run mvn(String sample, Map<String, String> env, String... args) throws Exception {
        return mvn(sample, null, env, List.of(args));
    }

    private Run mvn(String sample, Path settings, Map<String, String> env, String... args) throws Exception {
        return mvn(sample, settings, env, List.of(args));
    }

    /** A fresh copy of the sample, then Maven in it, pointed at the emulator. */
    private Run mvn(String sample, Path settings, Map<String, String> env, List<String> args) throws Exception {
        Path dir = copySample(sample);
        List<String> all = new ArrayList<>();
        all.add("-Decsdiag.endpoint=" + ecs.endpoint());
        all.addAll(args);
        Run run = maven.run(dir, settings, env, all);
        System.out.printf("[%s] %s %s: %s%n", maven.label(), sample, args, run);
        return run;
    }

    private Path project(String sample) {
        return work.resolve(sample);
    }

    private Path copySample(String sample) throws IOException {
        Path from = Path.of(System.getProperty("it.projects"), sample);
        Path to = project(sample);
        deleteTree(to);
        // Its own .mvn makes the sample a root: Maven looks upwards for .mvn, and would take this
        // repository's (with its maven.config) for the sample's.
        Files.createDirectories(to.resolve(".mvn"));
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(f)
                            .replace("@project.version@", System.getProperty("it.plugin.version")));
                }
            }
        }
        return to;
    }

    private String infoLine(Run run, String instanceId) {
        return run.log().lines().filter(l -> l.startsWith("[INFO]") && l.contains(instanceId)).findFirst()
                .orElseThrow(() -> new AssertionError("no INFO line names " + instanceId + ":\n" + run.log()));
    }

    /** Neither in the build log (run with -X) nor in any file the build wrote. */
    private void assertSecretsNowhere(Run run, String sample, String... secrets) throws IOException {
        for (String s : secrets) {
            assertThat(run.log()).as("the build log").doesNotContain(s);
        }
        List<Path> written;
        try (Stream<Path> files = Files.walk(project(sample))) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written).as("files written").anyMatch(p -> p.toString().endsWith("report.json"));
        for (Path f : written) {
            String content = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String s : secrets) {
                assertThat(content).as(f.toString()).doesNotContain(s);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
