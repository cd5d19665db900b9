package dev.ecsdiag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A QEMU lab VM that keeps running while a test looks at it: booted by {@code lab/lab.py boot}
 * (the lab's own QEMU command line, bounded by {@code timeout}), with its serial log growing in
 * {@code console.log} and its screen reachable over QMP. {@link #close()} ends it.
 */
final class LabVm implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String scenario;
    private final Path dir;
    private final Process process;

    private LabVm(String scenario, Path dir, Process process) {
        this.scenario = scenario;
        this.dir = dir;
        this.process = process;
    }

    /** Boots {@code scenario} of lab/scenarios.json; QEMU is ended by timeout after {@code limit} at the latest. */
    static LabVm boot(Path repositoryRoot, String scenario, Path dir, Duration limit) throws IOException {
        Files.createDirectories(dir);
        ProcessBuilder pb = new ProcessBuilder("python3", repositoryRoot.resolve("lab/lab.py").toString(), "boot", scenario,
                "--dir", dir.toString(), "--limit", Long.toString(limit.toSeconds()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.out").toFile());
        return new LabVm(scenario, dir, pb.start());
    }

    Path console() {
        return dir.resolve("console.log");
    }

    /** Waits until the serial log matches {@code pattern}; fails with the log's tail when it does not in time. */
    void awaitConsole(Pattern pattern, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (pattern.matcher(consoleText()).find()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(scenario + ": QEMU ended (exit " + process.exitValue() + "): "
                        + Files.readString(dir.resolve("qemu.out")) + tail());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(scenario + ": the serial log did not show /" + pattern + "/ within " + within + tail());
    }

    private String consoleText() throws IOException {
        try {
            return new String(Files.readAllBytes(console()), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private String tail() throws IOException {
        String text = consoleText();
        return "\n--- last lines of " + console() + ":\n" + text.substring(Math.max(0, text.length() - 2000));
    }

    /** The screen as it is now, as PNG, through QMP's screendump. */
    byte[] screendump() throws IOException {
        Path png = Files.createTempFile(dir, "screen-", ".png");
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("qmp.sock")))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            OutputStream out = Channels.newOutputStream(channel);
            in.readLine(); // greeting
            command(in, out, "{\"execute\":\"qmp_capabilities\"}");
            command(in, out, JSON.writeValueAsString(JSON.createObjectNode().put("execute", "screendump")
                    .set("arguments", JSON.createObjectNode().put("filename", png.toString()).put("format", "png"))));
            return Files.readAllBytes(png);
        } finally {
            Files.deleteIfExists(png);
        }
    }

    private static void command(BufferedReader in, OutputStream out, String json) throws IOException {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            JsonNode reply = JSON.readTree(line);
            if (reply.has("return")) {
                return;
            }
            if (reply.has("error")) {
                throw new IOException("QMP " + json + ": " + reply.get("error"));
            }
            // an asynchronous event: not the answer
        }
        throw new IOException("QMP connection closed during " + json);
    }

    @Override
    public void close() {
        // lab.py exec'd timeout, which passes SIGTERM on to QEMU.
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
