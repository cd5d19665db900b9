package dev.ecsdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdiag.classify.BootStage;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.collect.CollectionJson;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.InstanceOutcome;
import dev.ecsdiag.emulator.ByteSource;
import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import dev.ecsdiag.testing.SharedMaterial;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with real kernels: two QEMU lab VMs (one panics on a NULL pointer dereference with
 * {@code oops=panic}, one boots to a shell prompt and stays healthy) are served as instances of the
 * local ECS endpoint with their live serial logs and live screens; {@code ecsdiag collect} fetches
 * them through the real Alibaba Cloud SDK and writes its report; the test checks the verdicts, the
 * crash title, that the screenshot shows the panic rather than a blank screen, and the report
 * (page, report.json, thumbnails, junit.xml).
 *
 * <p>Needs QEMU and a prepared lab ({@code sudo lab/setup.sh}); runs only in the {@code e2e} Maven
 * profile: {@code ./mvnw -Pe2e -pl cli -am test -Dtest=LabEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "ecsdiag.e2e", matches = "true",
        disabledReason = "needs QEMU and a prepared lab (sudo lab/setup.sh); run with the e2e profile (-Pe2e)")
class LabEndToEndTest {

    private static final String PANIC_TITLE = "BUG: unable to handle kernel NULL pointer dereference in lkdtm_ACCESS_NULL";
    private static final Duration BOOT_LIMIT = Duration.ofMinutes(4);
    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void collectsAPanickedAndAHealthyLabVmThroughTheCommandLine() throws Exception {
        Path root = SharedMaterial.repositoryRoot();
        for (String needed : new String[] {"lab/work/vmlinuz", "lab/work/initramfs.cpio.gz"}) {
            assertThat(root.resolve(needed)).as("%s: prepare the lab first with sudo lab/setup.sh", needed).exists();
        }
        try (LabVm panic = LabVm.boot(root, "lkdtm-access-null-oops-panic", dir.resolve("vm-panic"), BOOT_LIMIT);
                LabVm healthy = LabVm.boot(root, "healthy", dir.resolve("vm-healthy"), BOOT_LIMIT);
                EcsEmulator ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start()) {
            panic.awaitConsole(Pattern.compile("---\\[ end Kernel panic"), WAIT);
            healthy.awaitConsole(Pattern.compile("lab: scenario done"), WAIT);
            Thread.sleep(2000); // let the frame buffer catch up with the last lines

            ecs.fleet().put(labInstance("i-labpanic", "lab-panic", panic));
            ecs.fleet().put(labInstance("i-labhealthy", "lab-healthy", healthy));

            Path out = dir.resolve("out");
            String[] args = {"collect", "--region", ecs.region(), "--endpoint", ecs.endpoint(), "--tag", "ci-build=e2e",
                    "--access-key-id", CredentialStore.TEST_ACCESS_KEY_ID, "--secret-env", "ECSDIAG_TEST_SECRET",
                    "--out", out.toString(), "--timeout", "20", "--same-instance-spacing", "0"};
            Captured run = runCommandLine(args);
            assertThat(run.exit).as(run.err).isZero();
            assertThat(run.out + run.err).doesNotContain(CredentialStore.TEST_ACCESS_KEY_SECRET);

            CollectionResult result = CollectionJson.readResult(out.resolve("collection.json"));
            Map<String, InstanceOutcome> byId = new HashMap<>();
            result.instances().forEach(o -> byId.put(o.instanceId(), o));
            assertThat(byId).containsOnlyKeys("i-labpanic", "i-labhealthy");

            InstanceOutcome crashed = byId.get("i-labpanic");
            assertThat(crashed.failures()).isEmpty();
            assertThat(crashed.classification().verdict()).isEqualTo(Verdict.CRASH);
            Crash crash = crashed.classification().crashes().get(0);
            assertThat(crash.title()).isEqualTo(PANIC_TITLE);
            assertThat(crash.type()).isEqualTo("NULL-POINTER-DEREFERENCE");
            assertThat(crash.panicked()).isTrue();
            assertThat(run.out).containsPattern("i-labpanic\\s+crash").containsPattern("i-labhealthy\\s+healthy");

            InstanceOutcome fine = byId.get("i-labhealthy");
            assertThat(fine.failures()).isEmpty();
            assertThat(fine.classification().verdict()).isEqualTo(Verdict.HEALTHY);
            assertThat(fine.classification().crashes()).isEmpty();
            assertThat(fine.classification().boots()).last().extracting(b -> b.reached()).isEqualTo(BootStage.LOGIN);

            BufferedImage panicScreen = screenshot(out, crashed);
            BufferedImage healthyScreen = screenshot(out, fine);
            ScreenInk panicInk = ScreenInk.of(panicScreen);
            ScreenInk healthyInk = ScreenInk.of(healthyScreen);
            System.out.printf("lab e2e: panic screen %s, healthy screen %s%n", panicInk, healthyInk);
            // A text console full of a panic: ink over much of the screen ...
            assertThat(panicInk.inkFraction).as("share of non-background pixels on the panic screen").isGreaterThan(0.03);
            assertThat(panicInk.rowsWithInk).as("pixel rows with text on the panic screen").isGreaterThan(400);
            // ... and its last text line is the panic's end marker, the serial log's last line: the
            // console font is 8 pixels wide, so that line's ink ends within its last character cell.
            String lastLine = lastLine(panic.console());
            assertThat(lastLine).contains("---[ end Kernel panic");
            int textEnd = lastTextLineEnd(panicScreen);
            assertThat(textEnd).as("right edge of the screen's last text line, for the %d characters of '%s'",
                    lastLine.length(), lastLine).isBetween(8 * (lastLine.length() - 1), 8 * lastLine.length() - 1);
            assertThat(healthyInk.inkFraction).as("the healthy screen is not blank either").isGreaterThan(0.01);
            assertThat(panicScreen.getWidth()).isEqualTo(1024);
            assertThat(panicScreen.getHeight()).isEqualTo(768);

            keepForPeople(out);
            checkReport(out);
        }
    }

    /** With -Decsdiag.e2e.keep=DIR the collected files and the report are copied there, to look at. */
    private static void keepForPeople(Path out) throws IOException {
        String keep = System.getProperty("ecsdiag.e2e.keep");
        if (keep == null || keep.isBlank()) {
            return;
        }
        Path target = Path.of(keep);
        try (var files = Files.walk(out)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(out.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The report beside the collected files: verdicts, the crash group's title, thumbnails that show text. */
    private static void checkReport(Path out) throws IOException {
        assertThat(out.resolve("index.html")).as("the report page").exists();
        String page = Files.readString(out.resolve("index.html"));
        assertThat(page).contains(PANIC_TITLE).contains("i-labpanic").contains("i-labhealthy");

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        Map<String, JsonNode> instances = new HashMap<>();
        report.get("instances").forEach(i -> instances.put(i.get("instanceId").asText(), i));
        assertThat(instances).containsOnlyKeys("i-labpanic", "i-labhealthy");
        assertThat(instances.get("i-labpanic").get("verdict").asText()).isEqualTo("crash");
        assertThat(instances.get("i-labhealthy").get("verdict").asText()).isEqualTo("healthy");
        assertThat(report.get("crashGroups")).hasSize(1);
        assertThat(report.get("crashGroups").get(0).get("title").asText()).isEqualTo(PANIC_TITLE);
        for (JsonNode instance : instances.values()) {
            Path thumbnail = out.resolve(instance.get("thumbnail").asText());
            BufferedImage image = ImageIO.read(thumbnail.toFile());
            assertThat(image).as("thumbnail %s", thumbnail).isNotNull();
            assertThat(ScreenInk.of(image).inkFraction).as("ink on thumbnail %s", thumbnail).isGreaterThan(0.01);
        }

        String junit = Files.readString(out.resolve("junit.xml"));
        assertThat(junit).contains("i-labpanic").contains("i-labhealthy").contains(PANIC_TITLE);
        assertThat(junit.split("<failure", -1)).as("one failing test case, the panicked VM's").hasSize(2);
    }

    private static String lastLine(Path console) throws IOException {
        String[] lines = new String(Files.readAllBytes(console), StandardCharsets.ISO_8859_1).split("\r?\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "";
    }

    /**
     * The rightmost ink of the lowest 16-pixel text row that holds more than a cursor (ink beyond
     * the first character cell); -1 when there is none.
     */
    private static int lastTextLineEnd(BufferedImage image) {
        int background = image.getRGB(image.getWidth() - 1, 0);
        for (int top = image.getHeight() - 16; top >= 0; top -= 16) {
            int right = -1;
            for (int y = top; y < top + 16; y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (image.getRGB(x, y) != background) {
                        right = Math.max(right, x);
                    }
                }
            }
            if (right >= 8) {
                return right;
            }
        }
        return -1;
    }

    private static EmulatedInstance labInstance(String id, String name, LabVm vm) {
        return EmulatedInstance.builder(id).name(name).tag("ci-build", "e2e")
                .console(ByteSource.liveFile(vm.console()))
                .screenshot(vm::screendump)
                .build();
    }

    private static BufferedImage screenshot(Path out, InstanceOutcome outcome) throws IOException {
        assertThat(outcome.screenshot()).as("screenshot of %s", outcome.instanceId()).isNotNull();
        assertThat(outcome.screenshot().format()).isEqualToIgnoringCase("png");
        Path file = out.resolve(outcome.screenshot().file());
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("decodable PNG %s", file).isNotNull();
        return image;
    }

    /** How much of a screen carries "ink": pixels that differ from the background (the commonest colour). */
    private record ScreenInk(double inkFraction, int rowsWithInk, int lowestInkRow) {

        static ScreenInk of(BufferedImage image) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    counts.merge(image.getRGB(x, y), 1, Integer::sum);
                }
            }
            int background = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            long ink = 0;
            int rows = 0;
            int lowest = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                int rowInk = 0;
                for (int x = 0; x < image.getWidth(); x++) {
                    if (image.getRGB(x, y) != background) {
                        rowInk++;
                    }
                }
                ink += rowInk;
                if (rowInk > 0) {
                    rows++;
                    lowest = y;
                }
            }
            return new ScreenInk((double) ink / ((long) image.getWidth() * image.getHeight()), rows, lowest);
        }
    }

    private record Captured(int exit, String out, String err) {
    }

    /** Runs the command line in this JVM, as {@code ecsdiag ...} would, capturing what it prints. */
    private static Captured runCommandLine(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Captured(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
