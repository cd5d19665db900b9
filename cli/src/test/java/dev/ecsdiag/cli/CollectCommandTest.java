package dev.ecsdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.collect.CollectionJson;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecsdiag collect} through {@link Main#run}, against the local ECS endpoint. */
class CollectCommandTest {

    private static final String PANIC = "[  812.452400] Kernel panic - not syncing: Fatal exception\r\n";

    @TempDir
    Path dir;

    private EcsEmulator ecs;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @BeforeEach
    void start() {
        ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start();
        ecs.fleet().put(EmulatedInstance.builder("i-cli0001").tag("ci", "b1").console(PANIC).build());
        ecs.fleet().put(EmulatedInstance.builder("i-cli0002").tag("ci", "b1").console("login: \r\n").build());
    }

    @AfterEach
    void stop() {
        ecs.close();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("collect", "--region", ecs.region(), "--endpoint", ecs.endpoint(),
                "--out", dir.resolve("out").toString(), "--timeout", "5", "--same-instance-spacing", "0"));
        all.addAll(List.of(args));
        return Main.run(all.toArray(String[]::new));
    }

    @Test
    void collectsWithTheSecretFromAnEnvironmentVariable() throws Exception {
        int exit = run("--tag", "ci=b1", "--access-key-id", CredentialStore.TEST_ACCESS_KEY_ID, "--secret-env", "ECSDIAG_TEST_SECRET");
        assertThat(exit).as(streams.stderr()).isZero();
        assertThat(streams.stdout()).contains("i-cli0001").contains("i-cli0002").contains("output:  " + dir.resolve("out"));
        assertThat(streams.stderr()).contains("collecting from http://" + ecs.endpoint()).contains("[2/2]");
        CollectionResult r = CollectionJson.readResult(dir.resolve("out/collection.json"));
        assertThat(r.instances()).hasSize(2).allSatisfy(o -> assertThat(o.console()).isNotNull());
        assertThat(dir.resolve("out/instances/i-cli0001/console.txt")).content().contains("Kernel panic");
        assertThat(streams.stdout() + streams.stderr()).doesNotContain(CredentialStore.TEST_ACCESS_KEY_SECRET);
    }

    @Test
    void theReportCarriesTheBuildTheHistoryOfPreviousReportsAndTheUsersRules() throws Exception {
        String[] key = {"--access-key-id", CredentialStore.TEST_ACCESS_KEY_ID, "--secret-env", "ECSDIAG_TEST_SECRET"};
        Path first = dir.resolve("build-100");
        int exit = Main.run(concat(new String[] {"collect", "--region", ecs.region(), "--endpoint", ecs.endpoint(),
                "--instance", "i-cli0001,i-cli0002", "--out", first.toString(), "--build", "100", "--quiet", "--same-instance-spacing", "0"}, key));
        assertThat(exit).as(streams.stderr()).isZero();
        assertThat(first.resolve("report.json")).content().contains("\"build\"").contains("100");

        Path rules = Files.writeString(dir.resolve("team-rules.json"), """
                {"rules": [{"id": "team-panic", "match": {"title": "panic"},
                  "cause": "Our runners panic when the NFS share stalls.",
                  "hint": "Look at nfs01 (team runbook ECSDIAG-RB-7).", "link": null}]}
                """);
        Path second = dir.resolve("build-101");
        exit = Main.run(concat(new String[] {"collect", "--region", ecs.region(), "--endpoint", ecs.endpoint(),
                "--instance", "i-cli0001,i-cli0002", "--out", second.toString(), "--build", "101", "--quiet", "--same-instance-spacing", "0",
                "--previous-report", first.resolve("report.json").toString(), "--rules", rules.toString()}, key));
        assertThat(exit).as(streams.stderr()).isZero();

        String page = Files.readString(second.resolve("index.html"));
        String json = Files.readString(second.resolve("report.json"));
        for (String text : List.of(page, json)) {
            assertThat(text).contains("ECSDIAG-RB-7").contains("Our runners panic when the NFS share stalls.").contains("101");
        }
        assertThat(page).contains("first in build 100");
        assertThat(json.replaceAll("\\s+", "")).contains("\"status\":\"recurring\"").contains("\"firstBuild\":\"100\"")
                .contains("\"rule\":\"team-panic\"");
        assertThat(streams.stderr()).doesNotContain("WARNING");
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    @Test
    void moreThanAHundredInstanceIdsAreLookedUpAHundredPerCall() throws Exception {
        // DescribeInstances takes at most 100 ids: 101 ids (99 of them unknown) need two lookups
        List<String> ids = new ArrayList<>(List.of("i-cli0001", "i-cli0002"));
        for (int i = 0; i < 99; i++) {
            ids.add(String.format("i-absent%04d", i));
        }
        int exit = run("--instance", String.join(",", ids), "--access-key-id", CredentialStore.TEST_ACCESS_KEY_ID,
                "--secret-env", "ECSDIAG_TEST_SECRET", "--quiet");
        assertThat(exit).as(streams.stderr()).isZero();
        assertThat(ecs.counters().calls("DescribeInstances")).isEqualTo(2);
        CollectionResult r = CollectionJson.readResult(dir.resolve("out/collection.json"));
        assertThat(r.instances()).extracting(o -> o.instanceId()).containsExactly("i-cli0001", "i-cli0002");
        assertThat(r.instances()).allSatisfy(o -> assertThat(o.console()).isNotNull());
        assertThat(r.notFound()).hasSize(99).contains("i-absent0000", "i-absent0098");
    }

    @Test
    void collectsWithTheDefaultChainFromEnvironmentVariables() throws Exception {
        // the chain reads ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET with System.getenv: a child JVM gets them
        ChildCli.Run child = ChildCli.run(dir.resolve("home"), java.util.Map.of(
                        "ALIBABA_CLOUD_ACCESS_KEY_ID", CredentialStore.TEST_ACCESS_KEY_ID,
                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET", CredentialStore.TEST_ACCESS_KEY_SECRET),
                "collect", "--region", ecs.region(), "--endpoint", ecs.endpoint(), "--out", dir.resolve("env").toString(),
                "--instance", "i-cli0001", "--same-instance-spacing", "0.05");
        assertThat(child.exit()).as(child.stderr()).isZero();
        assertThat(child.stdout()).contains("i-cli0001");
        assertThat(dir.resolve("env/instances/i-cli0001/console.txt")).content().contains("Kernel panic");
        assertThat(ecs.counters().answers("GetInstanceConsoleOutput", "OK")).isEqualTo(1);

        // the same child without the variables finds no credentials: the chain really read them
        ChildCli.Run none = ChildCli.run(dir.resolve("home"), java.util.Map.of(),
                "collect", "--region", ecs.region(), "--endpoint", ecs.endpoint(), "--out", dir.resolve("none").toString(),
                "--instance", "i-cli0001");
        assertThat(none.exit()).as(none.stderr()).isEqualTo(Main.EXIT_CONFIGURATION);
        assertThat(none.stderr()).contains("no Alibaba Cloud credentials found");
    }

    @Test
    void theSameInstanceSpacingKeepsTheEndpointsWindowWithoutAThrottlingAnswer() throws Exception {
        ecs.throttleWindow(Duration.ofMillis(400));
        List<String> all = new ArrayList<>(List.of("collect", "--region", ecs.region(), "--endpoint", ecs.endpoint(),
                "--out", dir.resolve("paced").toString(), "--instance", "i-cli0001,i-cli0002", "--same-instance-spacing", "0.4",
                "--access-key-id", CredentialStore.TEST_ACCESS_KEY_ID, "--secret-env", "ECSDIAG_TEST_SECRET"));
        assertThat(Main.run(all.toArray(String[]::new))).as(streams.stderr()).isZero();
        assertThat(ecs.counters().answers("Throttling")).isZero();
        assertThat(ecs.counters().answers("GetInstanceScreenshot", "OK")).isEqualTo(2);
        assertThat(Main.run("collect", "--region", "r", "--instance", "i-cli0001", "--same-instance-spacing", "-1"))
                .isEqualTo(Main.EXIT_USAGE);
    }

    @Test
    void collectsWithTheSecretFromStandardInput() {
        streams.stdin(CredentialStore.TEST_ACCESS_KEY_SECRET + "\n");
        int exit = run("--instance", "i-cli0001", "--access-key-id", CredentialStore.TEST_ACCESS_KEY_ID, "--secret-stdin");
        assertThat(exit).as(streams.stderr()).isZero();
        assertThat(streams.stdout()).contains("i-cli0001");
    }

    @Test
    void collectsWithTheDefaultCredentialChain() {
        System.setProperty("alibabacloud.accessKeyId", CredentialStore.TEST_ACCESS_KEY_ID);
        System.setProperty("alibabacloud.accessKeySecret", CredentialStore.TEST_ACCESS_KEY_SECRET);
        try {
            int exit = run("--instance", "i-cli0001,i-cli0002", "--quiet");
            assertThat(exit).as(streams.stderr()).isZero();
            assertThat(streams.stdout()).contains("i-cli0001").contains("i-cli0002");
            assertThat(streams.stderr()).doesNotContain("collecting from");
        } finally {
            System.clearProperty("alibabacloud.accessKeyId");
            System.clearProperty("alibabacloud.accessKeySecret");
        }
    }

    @Test
    void aFleetFileWithAMissingInstanceReportsItAndStillExitsZero() throws Exception {
        Path fleet = Files.writeString(dir.resolve("fleet.txt"), "# build 1\ni-cli0002\ni-gone0009\n");
        int exit = run("--fleet-file", fleet.toString(), "--access-key-id", CredentialStore.TEST_ACCESS_KEY_ID,
                "--secret-env", "ECSDIAG_TEST_SECRET");
        assertThat(exit).isZero();
        assertThat(streams.stdout()).contains("i-gone0009").contains("not found");
        assertThat(streams.stderr()).contains("WARNING").contains("i-gone0009");
    }

    @Test
    void aMissingSecretIsAConfigurationErrorSayingWhereItWasLookedFor() {
        int exit = run("--instance", "i-cli0001", "--access-key-id", "LTAIsomething", "--secret-env", "ECSDIAG_NO_SUCH_VARIABLE");
        assertThat(exit).isEqualTo(Main.EXIT_CONFIGURATION);
        assertThat(streams.stderr()).contains("ECSDIAG_NO_SUCH_VARIABLE").contains("--secret-stdin");
    }

    @Test
    void credentialsTheServiceRefusesExitFour() {
        streams.stdin("wrong-secret\n");
        int exit = run("--instance", "i-cli0001", "--access-key-id", CredentialStore.TEST_ACCESS_KEY_ID, "--secret-stdin");
        assertThat(exit).isEqualTo(Main.EXIT_CONFIGURATION);
        assertThat(streams.stderr()).contains("SignatureDoesNotMatch").contains("secret");
        assertThat(dir.resolve("out/collection.json")).exists();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("--access-key-id", "x")).as("no instances").isEqualTo(Main.EXIT_USAGE);
        assertThat(streams.stderr()).contains("say which instances");
        assertThat(run("--instance", "../../etc")).isEqualTo(Main.EXIT_USAGE);
        assertThat(streams.stderr()).contains("not an ECS instance id");
        assertThat(run("--tag", "novalue")).isEqualTo(Main.EXIT_USAGE);
        assertThat(Main.run("collect", "--instance", "i-cli0001")).as("no region").isEqualTo(Main.EXIT_USAGE);
        // there is no way to pass a secret as an argument
        assertThat(run("--instance", "i-cli0001", "--secret", "s3cr3t")).isEqualTo(Main.EXIT_USAGE);
        assertThat(run("--instance", "i-cli0001", "--secret-stdin")).as("stdin without key id").isEqualTo(Main.EXIT_USAGE);
    }

    @Test
    void anUnreadableFleetFileExitsThree() {
        int exit = run("--fleet-file", dir.resolve("missing.txt").toString(), "--access-key-id", CredentialStore.TEST_ACCESS_KEY_ID,
                "--secret-env", "ECSDIAG_TEST_SECRET");
        assertThat(exit).isEqualTo(Main.EXIT_UNREADABLE);
        assertThat(streams.stderr()).contains("cannot read the fleet file");
    }

    @Test
    void noCredentialsAnywhereIsAConfigurationErrorNamingWhereTheyAreLookedFor() {
        // the test JVM has no ALIBABA_CLOUD_* variables, no system properties, and the metadata lookup disabled
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID") == null
                && !Files.exists(Path.of(System.getProperty("user.home"), ".alibabacloud", "credentials.ini"))
                && !Files.exists(Path.of(System.getProperty("user.home"), ".aliyun", "config.json")),
                "skipped: this machine has Alibaba Cloud credentials configured");
        int exit = run("--instance", "i-cli0001");
        assertThat(exit).isEqualTo(Main.EXIT_CONFIGURATION);
        assertThat(streams.stderr()).contains("no Alibaba Cloud credentials found").contains("--access-key-id");
        assertThat(ecs.counters().totalCalls()).isZero();
    }

    @Test
    void failOnExitsOneNamingTheInstanceAndItsTitle() {
        streams.stdin(CredentialStore.TEST_ACCESS_KEY_SECRET + "\n");
        int exit = run("--instance", "i-cli0001,i-cli0002", "--access-key-id", CredentialStore.TEST_ACCESS_KEY_ID, "--secret-stdin",
                "--fail-on", "crash,boot-failure");
        assertThat(exit).as(streams.stderr()).isEqualTo(Main.EXIT_FAILED_VERDICT);
        assertThat(streams.stderr()).contains("i-cli0001").contains("kernel panic: Fatal exception").doesNotContain("i-cli0002 healthy");
        assertThat(streams.stdout()).contains("i-cli0001").contains("report:  ");
    }

    @Test
    void failOnTakesOnlyVerdicts() {
        assertThat(run("--instance", "i-cli0001", "--fail-on", "explode")).isEqualTo(Main.EXIT_USAGE);
        assertThat(streams.stderr()).contains("explode").contains("boot-failure");
    }

    @Test
    void aMisspeltRegionExitsFourAtOnceWithASuggestion() {
        streams.stdin(CredentialStore.TEST_ACCESS_KEY_SECRET + "\n");
        List<String> all = new ArrayList<>(List.of("collect", "--region", "cn-hangzou", "--endpoint", ecs.endpoint(),
                "--out", dir.resolve("out").toString(), "--instance", "i-cli0001", "--access-key-id",
                CredentialStore.TEST_ACCESS_KEY_ID, "--secret-stdin"));
        int exit = Main.run(all.toArray(String[]::new));
        assertThat(exit).as(streams.stderr()).isEqualTo(Main.EXIT_CONFIGURATION);
        assertThat(streams.stderr()).contains("cn-hangzou").contains("did you mean cn-hangzhou").contains("--region");
        assertThat(ecs.counters().calls("GetInstanceConsoleOutput")).isZero();
    }

    @Test
    void anEndpointNobodyListensOnExitsFive() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        streams.stdin("secret\n");
        int exit = Main.run("collect", "--region", "cn-hangzhou", "--endpoint", "127.0.0.1:" + port, "--out",
                dir.resolve("out").toString(), "--instance", "i-cli0001", "--access-key-id", "LTAIsomething", "--secret-stdin");
        assertThat(exit).as(streams.stderr()).isEqualTo(Main.EXIT_UNREACHABLE);
        assertThat(streams.stderr()).contains("could not be reached").contains("--endpoint");
    }

    @Test
    void helpShowsTheExitStatusesAndExamples() {
        assertThat(Main.run("help", "collect")).isZero();
        assertThat(streams.stdout()).contains("Exit status:").contains("5   the ECS endpoint cannot be reached")
                .contains("Examples:").contains("--fail-on crash,boot-failure");
    }
}
