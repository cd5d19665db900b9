package dev.ecsdiag.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verdict read from a screen agrees with the verdict from the serial console of the same boot,
 * and the title agrees wherever the report's header line is still on the screen.
 */
class ScreenVerdictTest {

    static Stream<Arguments> screens() {
        return LabScreens.withGroundTruth().stream()
                // Its screen shows the clean boot after the crash: the crash is only in the console's history.
                .filter(d -> !d.getFileName().toString().equals("reboot-after-panic"))
                // Likewise: its screen shows the boot after the reset; the unexpected reboot is only in the console's history.
                .filter(d -> !d.getFileName().toString().equals("runner-reset"))
                .flatMap(d -> Stream.of(Arguments.of(d.getFileName().toString(), d, "png"),
                        Arguments.of(d.getFileName().toString(), d, "jpeg")));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("screens")
    void screenAgreesWithConsole(String name, Path dir, String format) throws IOException {
        byte[] png = LabScreens.png(dir);
        ScreenReading reading = new ScreenReader().read(format.equals("png") ? png : LabScreens.jpeg(png));
        assertTrue(reading.read(), reading.problem());
        Classification console = new ConsoleClassifier().classify(dir.resolve("console.log"));
        Classification screen = reading.classification().classification();
        assertEquals(console.verdict(), screen.verdict(), name + " screen text:\n" + reading.classification().text());
        if (!console.crashes().isEmpty()) {
            Crash expected = console.crashes().get(console.crashes().size() - 1);
            String header = expected.firstLine().replaceFirst("^\\s*\\[\\s*\\d+\\.\\d+\\]\\s*", "");
            if (reading.classification().text().contains(header)) {
                assertEquals(expected.title(), screen.crashes().get(screen.crashes().size() - 1).title(),
                        name + ": the header '" + header + "' is on the screen");
            }
        }
        if (!reading.classification().classification().verdict().equals(Verdict.HEALTHY)) {
            assertTrue(!reading.classification().decidingRows().isEmpty(), name + ": the deciding rows are named");
        }
    }

    /**
     * dracut writes its emergency text to every console, and so does sulogin ("the root account is
     * locked"): the screen alone shows the boot failure even though systemd's status lines went to
     * the serial port only (issue 11). The real root's DRM driver draws 160x50 cells on 1280x800.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dracut-no-root", "dracut-fsck-fails", "dracut-nosystemd-no-root", "debian-systemd-data-disk-missing"})
    void anEmergencyOnTheScreenIsABootFailure(String scenario) throws IOException {
        assertTrue(LabScreens.screensUnlikeTheirSerialLog().containsKey(scenario), scenario + " is marked in the manifest");
        byte[] png = LabScreens.png(LabScreens.LAB.resolve(scenario));
        for (byte[] image : List.of(png, LabScreens.jpeg(png))) {
            ScreenReading reading = new ScreenReader().read(image);
            assertTrue(reading.read(), reading.problem());
            assertEquals(Verdict.BOOT_FAILURE, reading.classification().classification().verdict(),
                    scenario + " screen text:\n" + reading.classification().text());
            assertTrue(!reading.classification().decidingRows().isEmpty(), scenario + ": the deciding rows are named");
        }
    }

    /** A whole Debian boot ends with the getty's greeting and login prompt on a cleared 160x50 screen. */
    @Test
    void theLoginPromptOfAWholeDebianBootIsReadFromTheScreen() throws IOException {
        ScreenReading reading = new ScreenReader().read(LabScreens.png(LabScreens.LAB.resolve("debian-systemd-healthy")));
        assertTrue(reading.read(), reading.problem());
        assertTrue(reading.classification().text().contains("Debian GNU/Linux 12 lab tty1"), reading.classification().text());
        assertTrue(reading.classification().text().contains("lab login:"), reading.classification().text());
        assertEquals(Verdict.HEALTHY, reading.classification().classification().verdict());
    }

    /**
     * initramfs-tools writes to the serial port only: its screen shows the kernel's messages and
     * nothing wrong, and says so rather than guessing (the serial log decides).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"initramfs-tools-no-root", "initramfs-tools-fsck-fails"})
    void anInitramfsToolsFailureIsNotOnTheScreen(String scenario) throws IOException {
        ScreenReading reading = new ScreenReader().read(LabScreens.png(LabScreens.LAB.resolve(scenario)));
        assertTrue(reading.read(), reading.problem());
        assertEquals(Verdict.HEALTHY, reading.classification().classification().verdict(), reading.classification().text());
        assertTrue(reading.classification().text().contains("Run /init as init process")
                || reading.classification().text().contains("virtio_blk"), "the kernel's own lines are read");
    }

    /** Display-only boots: the serial log is empty, the screen alone tells what happened. */
    @Test
    void displayOnlyScreensGiveTheScenariosVerdict() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(LabScreens.SCREEN.resolve("manifest.json").toFile());
        int seen = 0;
        for (JsonNode scenario : manifest.get("scenarios")) {
            String name = scenario.get("name").asText();
            if (!name.startsWith("display-only")) {
                continue;
            }
            Path dir = LabScreens.SCREEN.resolve(name);
            assertEquals(0, Files.size(dir.resolve("console.log")), name + ": no serial console");
            assertEquals(Verdict.HEALTHY, new ConsoleClassifier().classify(dir.resolve("console.log")).verdict());
            ScreenReading reading = new ScreenReader().read(LabScreens.jpeg(LabScreens.png(dir)));
            Classification screen = reading.classification().classification();
            JsonNode expected = scenario.get("expected");
            assertEquals(expected.get("verdict").asText(), screen.verdict().id(), name + ":\n" + reading.classification().text());
            if (!expected.get("title").isNull() && screen.verdict() == Verdict.CRASH) {
                String title = screen.crashes().get(screen.crashes().size() - 1).title();
                assertTrue(title.equals(expected.get("title").asText()) || title.startsWith("kernel panic: "),
                        name + ": " + title);
            }
            seen++;
        }
        assertEquals(3, seen);
    }
}
