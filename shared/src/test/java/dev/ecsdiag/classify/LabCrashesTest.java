package dev.ecsdiag.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdiag.classify.crash.Crash;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The crashes of the QEMU lab's real console logs (Debian's 6.1 kernel, lkdtm, sysrq, panics; the
 * lab's resources under {@code lab/} with their {@code manifest.json}): title, category, guilty
 * frame and panic of the first crash, or no crash. Skipped when the lab's resources are not on the
 * class path (they come from the lab branch).
 */
class LabCrashesTest {

    @Test
    void labConsoleLogsGiveTheExpectedCrashes() throws IOException {
        JsonNode manifest;
        try (InputStream in = getClass().getResourceAsStream("/lab/manifest.json")) {
            assumeTrue(in != null, "skipped: lab resources (lab/manifest.json) are not on the class path");
            manifest = new ObjectMapper().readTree(in);
        }
        ConsoleClassifier classifier = new ConsoleClassifier();
        List<String> misses = new ArrayList<>();
        int checked = 0;
        for (JsonNode scenario : manifest.get("scenarios")) {
            JsonNode expected = scenario.get("expected");
            Classification c;
            try (InputStream log = getClass().getResourceAsStream("/lab/" + scenario.get("console").asText())) {
                assumeTrue(log != null, "skipped: " + scenario.get("console").asText() + " missing");
                c = classifier.classify(log);
            }
            checked++;
            String name = scenario.get("name").asText();
            Crash first = c.crashes().isEmpty() ? null : c.crashes().get(0);
            if (!expected.get("crash").asBoolean()) {
                if (first != null) {
                    misses.add(name + ": expected no crash, got " + first.title());
                }
                continue;
            }
            if (first == null) {
                misses.add(name + ": expected a crash, got none");
                continue;
            }
            String title = expected.get("title").asText();
            String frame = expected.get("guiltyFrame").isNull() ? null : expected.get("guiltyFrame").asText();
            // syzkaller's convention titles a stall whose stacks show no timer interrupt (an NMI
            // backtrace from another CPU) "in corrupted"; the guilty frame still names the function.
            boolean stallConvention = first.title().endsWith(" in corrupted")
                    && title.equals(first.title().replace(" in corrupted", " in " + frame));
            if (!title.equals(first.title()) && !stallConvention) {
                misses.add(name + ": title '" + first.title() + "', expected '" + title + "'");
            }
            String type = expected.get("type").isNull() ? null : expected.get("type").asText();
            if (type == null ? first.type() != null : !type.equals(first.type())) {
                misses.add(name + ": type " + first.type() + ", expected " + type);
            }
            if (frame != null && !frame.equals(first.guiltyFrame())) {
                misses.add(name + ": guilty frame " + first.guiltyFrame() + ", expected " + frame);
            }
            if (expected.get("panicked").asBoolean() != first.panicked()) {
                misses.add(name + ": panicked " + first.panicked());
            }
        }
        misses.forEach(m -> System.out.println("  lab miss " + m));
        System.out.println("lab: " + checked + " console logs, " + misses.size() + " misses");
        assertTrue(checked > 0);
        assertEquals(List.of(), misses);
    }
}
