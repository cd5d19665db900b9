package dev.ecsdiag.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The glyph tables in the jar are what GlyphChart cuts from the lab's chart screenshots, and nothing else. */
class FontTablesTest {

    @Test
    void vgaTextTableIsCutFromTheVgaTextChart() throws IOException {
        assertEquals(GlyphChart.cut(LabScreens.SCREEN.resolve("chart-vga-text/screenshot.png"), 9, "from chart-vga-text"),
                table("font-vga-text-8x16"));
    }

    @Test
    void kernelTableIsCutFromTheFrameBufferCharts() throws IOException {
        String fromChart = GlyphChart.cut(LabScreens.SCREEN.resolve("chart-fb-1024/screenshot.png"), 8, "from chart-fb-1024");
        // plus the tab glyph, cut from a real rendering of a kernel message with a tab (see the table's comment)
        assertEquals(fromChart, table("font-kernel-8x16").replaceAll("(?m)^# A tab[\\s\\S]*$", ""));
        assertEquals(fromChart.substring(fromChart.indexOf("\n20 ")),
                GlyphChart.cut(LabScreens.SCREEN.resolve("chart-fb-800/screenshot.png"), 8, "x")
                        .substring(fromChart.indexOf("\n20 ") - "from chart-fb-1024".length() + 1),
                "the same font at 800x600");
        assertEquals(96, ConsoleFont.kernel8x16().size());
        assertEquals(95, ConsoleFont.vgaText().size());
    }

    private static String table(String name) throws IOException {
        try (InputStream in = ConsoleFont.class.getResourceAsStream(name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
