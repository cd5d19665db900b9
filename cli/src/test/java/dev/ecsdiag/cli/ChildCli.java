package dev.ecsdiag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ecsdiag} ({@link Main#main}, {@code System.exit} included) in a child JVM with an
 * environment of the test's choosing: a test cannot change its own process environment, and the
 * command line and the SDK's default credential chain read theirs with {@code System.getenv}.
 * The child sees only the variables given here plus the ones that keep it on loopback
 * ({@code ALIBABA_CLOUD_ECS_METADATA_DISABLED}, {@code NO_PROXY}) and a {@code HOME} of the
 * test's choosing, so no profile file of the machine is read.
 */
final class ChildCli {

    /** What the child printed and how it exited. */
    record Run(int exit, String stdout, String stderr) {
    }

    private ChildCli() {
    }

    static Run run(Path home, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1"); // a short run: start fast rather than peak
        command.add("-Duser.home=" + home);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().put("HOME", home.toString());
        pb.environment().put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
        pb.environment().put("NO_PROXY", "127.0.0.1");
        pb.environment().putAll(environment);
        Files.createDirectories(home);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child ecsdiag did not finish in 120 s; stderr so far: " + err.getNow(""));
        }
        return new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
