package dev.ecsdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.profile.DefaultProfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ecsdiag emulator} prints what a client needs, and a real SDK client can use it. */
class EmulatorCommandTest {

    private static final Pattern ENDPOINT = Pattern.compile("endpoint +(127\\.0\\.0\\.1:\\d+)");
    private static final Pattern KEY_ID = Pattern.compile("AccessKey ID +(\\S+)");
    private static final Pattern SECRET = Pattern.compile("AccessKey secret +(\\S+)");

    @Test
    void servesAFixtureFolderToTheSdkUntilStopped(@TempDir Path dir) throws Exception {
        Path instance = Files.createDirectories(dir.resolve("i-cli000001"));
        Files.writeString(instance.resolve("instance.json"), "{\"name\": \"from-cli\", \"tags\": {\"ci-build\": \"9\"}}");
        Files.writeString(instance.resolve("console.log"), "Kernel panic - not syncing: test\n");

        EmulatorCommand command = new EmulatorCommand();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cl.execute("--fixtures", dir.toString(), "--throttle-window", "0"));
        try {
            Matcher endpoint = awaitLine(out, ENDPOINT);
            // the instance list follows the endpoint lines: wait for it rather than race the printer
            awaitLine(out, Pattern.compile(Pattern.quote("i-cli000001")));
            Matcher keyId = KEY_ID.matcher(out.toString());
            Matcher secret = SECRET.matcher(out.toString());
            assertThat(keyId.find() && secret.find()).isTrue();
            assertThat(out.toString()).contains("region            cn-hangzhou").contains("i-cli000001");

            DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou");
            HttpClientConfig config = HttpClientConfig.getDefault();
            config.setNoProxy("127.0.0.1");
            profile.setHttpClientConfig(config);
            DefaultAcsClient client = new DefaultAcsClient(profile, new BasicCredentials(keyId.group(1), secret.group(1)));
            DescribeInstancesRequest request = new DescribeInstancesRequest();
            request.setSysEndpoint(endpoint.group(1));
            DescribeInstancesResponse response = client.getAcsResponse(request);
            assertThat(response.getInstances()).extracting(DescribeInstancesResponse.Instance::getInstanceName)
                    .containsExactly("from-cli");
        } finally {
            command.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("DescribeInstances -> 200 OK").contains("stopped; answered 1 calls");
    }

    @Test
    void servesTheBuiltInFleetWithoutFixtures() throws Exception {
        EmulatorCommand command = new EmulatorCommand();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("--quiet"));
        try {
            awaitLine(out, ENDPOINT);
            awaitLine(out, Pattern.compile(Pattern.quote("i-bp1demo0hostfl07  Stopped")));
            assertThat(out.toString()).contains("serving 7 instance(s) from the built-in fleet")
                    .contains("i-bp1demo0panic001  Running").contains("i-bp1demo0hostfl07  Stopped")
                    .contains("throttle window   10.0 s per instance");
            // the fleet's tags beside its instances, and a --tag to try
            awaitLine(out, Pattern.compile("Press Ctrl-C"));
            assertThat(out.toString()).containsPattern("i-bp1demo0panic001  Running  cn-hangzhou  \\S+  tags ci-build=demo-1042, ")
                    .containsPattern("ecsdiag collect --region cn-hangzhou --endpoint \\S+ --tag ci-build=demo-1042\\R");
        } finally {
            command.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void listensOnTheGivenPortAndSaysSo() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free a moment ago; the emulator takes it next
        }
        EmulatorCommand command = new EmulatorCommand();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        int chosen = port;
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cl.execute("--port", Integer.toString(chosen), "--throttle-window", "0", "--throttle-scope", "action"));
        try {
            assertThat(awaitLine(out, ENDPOINT).group(1)).isEqualTo("127.0.0.1:" + port);
            assertThat(out.toString()).contains("throttle window   0.0 s per instance and action");
            DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou");
            HttpClientConfig config = HttpClientConfig.getDefault();
            config.setNoProxy("127.0.0.1");
            profile.setHttpClientConfig(config);
            DefaultAcsClient client = new DefaultAcsClient(profile,
                    new BasicCredentials(dev.ecsdiag.emulator.CredentialStore.TEST_ACCESS_KEY_ID,
                            dev.ecsdiag.emulator.CredentialStore.TEST_ACCESS_KEY_SECRET));
            DescribeInstancesRequest request = new DescribeInstancesRequest();
            request.setSysEndpoint("127.0.0.1:" + port);
            assertThat(client.getAcsResponse(request).getInstances()).hasSize(7);

            // a second emulator on the same port cannot bind it: exit 4 with the reason
            StringWriter err = new StringWriter();
            CommandLine second = Main.newCommandLine();
            second.setOut(new PrintWriter(new StringWriter(), true));
            second.setErr(new PrintWriter(err, true));
            assertThat(second.execute("emulator", "--port", Integer.toString(port), "--quiet")).isEqualTo(Main.EXIT_CONFIGURATION);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + port);
        } finally {
            command.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aPortOutOfRangeOrAnUnknownScopeIsAUsageError() {
        CommandLine cl = Main.newCommandLine();
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute("emulator", "--port", "70000")).isEqualTo(Main.EXIT_USAGE);
        assertThat(cl.execute("emulator", "--throttle-scope", "region")).isEqualTo(Main.EXIT_USAGE);
    }

    @Test
    void unreadableFixturesExitWithThree(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("emulator", "--fixtures", dir.resolve("missing").toString())).isEqualTo(Main.EXIT_UNREADABLE);
        assertThat(err.toString()).contains("cannot read the fixtures").contains("does not exist");
    }

    @Test
    void badFaultSettingIsAUsageError() {
        CommandLine cl = Main.newCommandLine();
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute("emulator", "--error-rate", "2")).isEqualTo(Main.EXIT_USAGE);
    }

    private static Matcher awaitLine(StringWriter out, Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the emulator never printed " + pattern + "; output so far:\n" + out);
    }
}
