package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Kernel-only logs ({@code dmesg}, {@code dmesg -T}, {@code journalctl -k} in its output formats,
 * {@code /var/log/kern.log}) never hold a login prompt, user space's output or its shutdown (issue
 * 11). Every lab capture with a kernel is read again as each of them: its kernel lines (what the
 * ring buffer held, in order, with their timestamps) rendered as that tool prints them. The
 * manifest's crash title holds in every form; a healthy, crashed or OOM boot keeps its verdict and
 * is never a boot failure for want of a prompt; a boot failure stays one when the line that says
 * so came from the kernel.
 */
class LabKernelOnlyLogsTest {

    private static final Pattern KERNEL_LINE = Pattern.compile("\\[\\s*(\\d+\\.\\d+)\\] (.*)$");
    private static final LocalDateTime BOOTED = LocalDateTime.of(2026, 12, 4, 10, 31, 6);

    /** How each tool prints one kernel message, given seconds since boot. */
    private static final Map<String, BiFunction<Double, String, String>> FORMATS = Map.of(
            "dmesg", (t, m) -> String.format(Locale.ROOT, "[%12.6f] %s", t, m),
            "dmesg -T", (t, m) -> at(t, "'['EEE MMM ppd HH:mm:ss yyyy'] '") + m,
            "journalctl -k", (t, m) -> at(t, "MMM dd HH:mm:ss 'lab kernel: '") + m,
            "journalctl -k -o short-precise", (t, m) -> at(t, "MMM dd HH:mm:ss.SSSSSS 'lab kernel: '") + m,
            "journalctl -k -o short-iso", (t, m) -> at(t, "yyyy-MM-dd'T'HH:mm:ssZ 'lab kernel: '") + m,
            "journalctl -k -o short-monotonic", (t, m) -> String.format(Locale.ROOT, "[%12.6f] lab kernel: %s", t, m));

    private static String at(double seconds, String pattern) {
        return BOOTED.plusNanos((long) (seconds * 1e9)).atZone(java.time.ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }

    private static byte[] resource(String name) {
        return LabManifest.LAB.resource(name);
    }

    /** The kernel's lines of a serial capture: seconds since boot and message, in order. */
    private static List<Map.Entry<Double, String>> kernelLines(String serial) {
        List<Map.Entry<Double, String>> lines = new ArrayList<>();
        for (String raw : serial.split("\n")) {
            // a kernel message may follow user space's unfinished line (a prompt) on the serial port
            Matcher m = KERNEL_LINE.matcher(raw.replace("\r", ""));
            if (m.find()) {
                lines.add(Map.entry(Double.parseDouble(m.group(1)), m.group(2)));
            }
        }
        return lines;
    }

    @TestFactory
    Stream<DynamicTest> everyCaptureReadAsAKernelOnlyLogKeepsItsCrashesAndVerdict() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode s : LabManifest.LAB.scenarios()) {
            if (s.get("kernelRelease").isNull() || s.path("format").asText("serial").equals("kern.log")) {
                continue; // no kernel (a boot loader), or already a kern.log
            }
            for (String format : FORMATS.keySet()) {
                tests.add(dynamicTest(s.get("name").asText() + " as " + format, () -> check(s, format)));
            }
        }
        assertThat(tests).as("captures x formats").hasSizeGreaterThan(30 * FORMATS.size());
        return tests.stream();
    }

    private static void check(JsonNode s, String format) throws IOException {
        String name = s.get("name").asText();
        JsonNode expected = s.get("expected");
        String serial = new String(resource(s.get("console").asText()), StandardCharsets.ISO_8859_1);
        StringBuilder log = new StringBuilder();
        kernelLines(serial).forEach(e -> log.append(FORMATS.get(format).apply(e.getKey(), e.getValue())).append('\n'));
        Classification kernelOnly = new ConsoleClassifier().classify(log.toString().getBytes(StandardCharsets.UTF_8));
        Classification whole = new ConsoleClassifier().classify(serial.getBytes(StandardCharsets.ISO_8859_1));
        // A log daemon's file or the journal never holds the shutdown of the boot before a reboot, so
        // a reboot there is no evidence of a crash (docs/findings.md); raw dmesg keeps the rule.
        boolean filed = format.startsWith("journalctl");
        boolean unexpectedReboot = "unexpected kernel reboot".equals(expected.path("title").asText(null));

        SoftAssertions soft = new SoftAssertions();
        String verdict = expected.get("verdict").asText();
        if (filed && unexpectedReboot) {
            soft.assertThat(kernelOnly.crashes()).as("%s: no crash", name).isEmpty();
        } else {
            LabManifest.expectCrashes(soft, name, expected, kernelOnly);
        }
        if (filed && unexpectedReboot) {
            soft.assertThat(kernelOnly.verdict()).as("%s: verdict", name).isEqualTo(Verdict.HEALTHY);
        } else if (!verdict.equals("boot-failure")) {
            soft.assertThat(kernelOnly.verdict().id()).as("%s: verdict", name).isEqualTo(verdict);
        } else {
            // the ring buffer holds a failure only when the kernel printed it, or a program wrote it
            // to /dev/kmsg (dracut does): some boot-failure line of the whole log is a kernel line
            String[] lines = serial.split("\n", -1);
            List<String> kernelFailures = whole.findings().stream().filter(f -> f.kind() == FindingKind.BOOT_FAILURE)
                    .map(f -> lines[f.line() - 1]).filter(l -> KERNEL_LINE.matcher(l).find()).toList();
            soft.assertThat(kernelOnly.verdict()).as("%s: verdict (failures from the kernel: %s)", name, kernelFailures)
                    .isEqualTo(kernelFailures.isEmpty() ? Verdict.HEALTHY : Verdict.BOOT_FAILURE);
        }
        soft.assertAll();
    }
}
