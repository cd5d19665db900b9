package dev.ecsdiag.maven.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Maven installation run as a separate process, as a user runs it: its own local repository
 * (the plugin installed there by the build), third-party artifacts from ~/.m2 through a file://
 * repository standing in for Central (read only).
 */
final class ForkedMaven {

    private static final long TIMEOUT_MINUTES = 5;

    private final String label;
    private final Path home;
    private final Path localRepository;
    private final Path settings;
    private final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

    ForkedMaven(String label, Path home, Path localRepository, Path settings) {
        if (!Files.isRegularFile(home.resolve("bin/mvn"))) {
            throw new IllegalStateException("no Maven at " + home + " (the build unpacks Maven 4 in pre-integration-test)");
        }
        this.label = label;
        this.home = home;
        this.localRepository = localRepository;
        this.settings = settings;
    }

    String label() {
        return label;
    }

    /** Runs {@code mvn -B args} in {@code dir} with the given settings file (null: the default one) and extra environment. */
    Run run(Path dir, Path settingsFile, Map<String, String> environment, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/mvn").toString(), "-B", "--no-transfer-progress",
                "-s", (settingsFile == null ? settings : settingsFile).toString(),
                "-Dmaven.repo.local=" + localRepository));
        command.addAll(args);
        Path log = dir.resolveSibling(dir.getFileName() + "-" + runs.incrementAndGet() + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        // Nothing may come from the machine's own cloud credentials or leave loopback.
        env.keySet().removeIf(k -> k.startsWith("ALIBABA_CLOUD_") || k.startsWith("MAVEN_") || k.equals("BUILD_NUMBER")
                || k.equals("CI_PIPELINE_IID") || k.equals("GITHUB_RUN_NUMBER"));
        env.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
        env.put("NO_PROXY", "127.0.0.1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("MAVEN_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1");
        env.putAll(environment);
        long start = System.nanoTime();
        Process process = pb.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(label + " did not finish in " + TIMEOUT_MINUTES + " min: " + command + "\n" + Files.readString(log));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log, millis);
    }

    /** What one Maven run did. */
    record Run(int exitCode, String log, Path logFile, long millis) {
        @Override
        public String toString() {
            return "exit " + exitCode + " after " + millis + " ms, log " + logFile;
        }
    }
}
