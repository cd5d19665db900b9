package dev.ecsdiag.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.Verdict;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What only a screen shows: firmware and GRUB failures, Windows stop screens, wrapped rows. */
class ScreenClassifierTest {

    private final ScreenClassifier classifier = new ScreenClassifier();

    @Test
    void firmwareWithNoBootableDeviceIsABootFailure() throws IOException {
        ScreenReading reading = new ScreenReader().read(ScreenDecoderTest.png(vgaText(List.of(
                "SeaBIOS (version 1.16.2-debian-1.16.2-1)",
                "",
                "iPXE (https://ipxe.org) 00:03.0 CA00 PCI2.10 PnP PMM+06FD3360+06F33360 CA00",
                "",
                "Booting from Hard Disk...",
                "Boot failed: not a bootable disk",
                "",
                "No bootable device."))));
        assertTrue(reading.read(), reading.problem());
        Classification c = reading.classification().classification();
        assertEquals(Verdict.BOOT_FAILURE, c.verdict(), reading.classification().text());
        assertEquals("No bootable device", c.boots().get(c.boots().size() - 1).failure());
    }

    @Test
    void grubMissingKernelIsABootFailureTitledByTheFile() throws IOException {
        ScreenReading reading = new ScreenReader().read(ScreenDecoderTest.png(vgaText(List.of(
                "error: file `/boot/vmlinuz-6.1.0-56-amd64' not found.",
                "error: you need to load the kernel first.",
                "",
                "Press any key to continue..."))));
        Classification c = reading.classification().classification();
        assertEquals(Verdict.BOOT_FAILURE, c.verdict(), reading.classification().text());
        assertEquals("GRUB: file `/boot/vmlinuz-6.1.0-56-amd64' not found", c.boots().get(c.boots().size() - 1).failure());
        assertEquals(List.of(0), reading.classification().decidingRows());
        assertEquals("grub-file-not-found", reading.classification().rule());
    }

    @Test
    void grubRescuePromptIsABootFailure() throws IOException {
        ScreenReading reading = new ScreenReader().read(ScreenDecoderTest.png(vgaText(List.of(
                "error: unknown filesystem.",
                "Entering rescue mode...",
                "grub rescue> "))));
        assertEquals(Verdict.BOOT_FAILURE, reading.classification().classification().verdict());
    }

    @Test
    void windowsStopCodeScreenIsACrashTitledByItsStopCode() {
        Classification c = classify(
                ":(",
                "Your device ran into a problem and needs to restart. We're just",
                "collecting some error info, and then we'll restart for you.",
                "20% complete",
                "For more information about this issue and possible fixes, visit https://www.windows.com/stopcode",
                "If you call a support person, give them this info:",
                "Stop code: CRITICAL_PROCESS_DIED",
                "What failed: ntoskrnl.exe");
        assertEquals(Verdict.CRASH, c.verdict());
        assertEquals("Windows stop: CRITICAL_PROCESS_DIED", c.crashes().get(0).title());
        assertEquals(ScreenClassifier.WINDOWS_STOP, c.crashes().get(0).type());
    }

    @Test
    void classicBlueScreenIsTitledByTheStopCodesName() {
        Classification c = classify(
                "A problem has been detected and Windows has been shut down to prevent damage",
                "to your computer.",
                "",
                "INACCESSIBLE_BOOT_DEVICE",
                "",
                "Technical information:",
                "",
                "*** STOP: 0x0000007B (0xF78D2524,0xC0000034,0x00000000,0x00000000)");
        assertEquals("Windows stop: INACCESSIBLE_BOOT_DEVICE", c.crashes().get(0).title());
        Classification bare = classify("*** STOP: 0x000000D1 (0x00000000,0x00000002,0x00000000,0xF86B5A89)");
        assertEquals("Windows stop: 0x000000D1", bare.crashes().get(0).title());
    }

    @Test
    void aPanicWrappedAcrossRowsIsJoinedBeforeClassification() {
        // 40 columns: the panic line fills row 0 and continues on row 1.
        String line = "[    6.490649] Kernel panic - not syncing: dumptest with a long tail";
        ScreenText screen = new ScreenText("test", "40x3", 40, List.of(
                new ScreenLine(0, 0, line.substring(0, 40), 1), new ScreenLine(1, 0, line.substring(40), 1)), 60, 0);
        Classification c = classifier.classify(screen).classification();
        assertEquals(Verdict.CRASH, c.verdict());
        assertEquals("kernel panic: dumptest with a long tail", c.crashes().get(0).title());
    }

    @Test
    void aHealthyLoginScreenIsHealthy() {
        assertEquals(Verdict.HEALTHY, classify("Debian GNU/Linux 12 lab tty1", "", "lab login: ").verdict());
    }

    private Classification classify(String... rows) {
        List<ScreenLine> lines = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (!rows[i].isEmpty()) {
                lines.add(new ScreenLine(i, 0, rows[i], 1));
            }
        }
        return classifier.classify(new ScreenText("test", "120x25", 120, lines, 100, 0)).classification();
    }

    /**
     * A VGA text screen (720x400, 9x16 cells) drawn with the VGA glyph table in light grey on black,
     * as the firmware and GRUB leave it: those screens never reach a serial console on most images.
     */
    static BufferedImage vgaText(List<String> rows) {
        ConsoleFont font = ConsoleFont.vgaText();
        BufferedImage image = new BufferedImage(720, 400, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            for (int c = 0; c < row.length() && c < 80; c++) {
                int g = glyph(font, row.charAt(c));
                for (int y = 0; y < 16; y++) {
                    long half = y < 8 ? font.top(g) : font.bottom(g);
                    long bits = half >>> (56 - 8 * (y % 8)) & 0xff;
                    for (int x = 0; x < 8; x++) {
                        if ((bits >> (7 - x) & 1) != 0) {
                            image.setRGB(c * 9 + x, r * 16 + y, 0xaaaaaa);
                        }
                    }
                }
            }
        }
        return image;
    }

    private static int glyph(ConsoleFont font, char ch) {
        for (int g = 0; g < font.size(); g++) {
            if (font.charAt(g) == ch) {
                return g;
            }
        }
        throw new IllegalArgumentException("no glyph for " + ch);
    }
}
