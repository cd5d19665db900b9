package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the classifier over the QEMU lab's corpus (real console logs of Debian's kernel, made by
 * {@code lab/run-all.sh}; see docs/lab.md) and checks each scenario against the manifest's
 * expectations: crash or not, category, title, guilty frame, panic, verdict, number of boots, the
 * last boot's stage and, where given, the line that says why it failed, and the
 * findings (OOM kill, boot failure) that must be among those reported. Where an expectation is
 * debatable, the manifest's {@code notes} say why it is what it is.
 */
class LabCorpusTest {


    /**
     * Scenarios the classifier does not get right yet, with why. Their expectations stay as they
     * are: the scenario is reported as skipped while it fails, and fails once it passes, so that
     * the entry is removed here. None today (the two RCU stalls seen through an NMI backtrace were
     * the last).
     */
    private static final Map<String, String> KNOWN_GAPS = Map.of();

    private static byte[] resource(String name) {
        return LabManifest.LAB.resource(name);
    }

    private static List<JsonNode> scenarios() {
        return LabManifest.LAB.scenarios();
    }

    @Test
    void corpusCoversTheScenariosTheLabPromises() {
        List<String> names = scenarios().stream().map(s -> s.get("name").asText()).toList();
        assertThat(names).contains("healthy", "sysrq-c", "lkdtm-panic", "lkdtm-bug", "lkdtm-warning",
                "lkdtm-exception", "lkdtm-access-null", "lkdtm-exec-null", "lkdtm-corrupt-list-add",
                "lkdtm-refcount-inc-overflow", "lkdtm-exhaust-stack", "lkdtm-softlockup", "lkdtm-hung-task",
                "lkdtm-hardlockup-rcu-stall", "init-exit", "no-rootfs", "oom", "reboot-after-panic",
                // issue 11: a test runner as init (output, never a prompt), and a kern.log-style capture
                "runner-healthy", "runner-lkdtm-bug", "runner-lkdtm-access-null-oops-panic", "runner-lkdtm-softlockup",
                "runner-oom", "runner-memcg-oom", "runner-memcg-v1-oom", "kernlog-two-boots", "runner-reset", "no-rootfs-rootwait",
                // issue 11: the emergency paths of real initramfs code (lab/setup-distro.sh)
                "initramfs-tools-no-root", "initramfs-tools-fsck-fails", "dracut-no-root", "dracut-fsck-fails",
                "dracut-nosystemd-no-root", "initramfs-tools-no-init", "dracut-no-init", "dracut-sysroot-mount-fails", "grub-no-modules", "grub-no-partition",
                // a whole Debian system (systemd in the real root): to its login prompt, and to emergency mode
                "debian-systemd-healthy", "debian-systemd-data-disk-missing");
        for (JsonNode s : scenarios()) {
            assertThat(s.get("expected")).as("expectations of %s", s.get("name")).isNotNull();
            assertThat(s.get("expected").isObject()).as("expectations of %s", s.get("name")).isTrue();
        }
    }

    @TestFactory
    Stream<DynamicTest> logsAreRawSerialCapturesWithScreenshots() {
        return scenarios().stream().map(s -> dynamicTest(s.get("name").asText(), () -> {
            String name = s.get("name").asText();
            byte[] console = resource(s.get("console").asText());
            String text = new String(console, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (s.path("format").asText("serial").equals("kern.log")) {
                // filed by "a syslog daemon": kernel lines only, each behind its header, LF line ends
                assertThat(text).as("%s: kern.log has LF line ends", name).doesNotContain("\r");
                assertThat(text.split("\n")).as("%s: every line is a filed kernel line", name)
                        .allMatch(l -> l.matches("[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d lab kernel: .*"));
                assertThat(resource(s.get("serialConsole").asText())).as("%s: the serial console beside it", name).isNotEmpty();
                assertThat(text).as("%s: kernel banner", name).contains("Linux version " + s.get("kernelRelease").asText());
            } else if (s.get("kernelRelease").isNull()) {
                // a boot loader that never started a kernel: GRUB's own terminal output, a few lines
                assertThat(text).as("%s: GRUB's rescue prompt", name).contains("grub rescue>").doesNotContain("Linux version");
                assertThat(console.length).as("%s: log size", name).isBetween(20, 1_000);
            } else {
                assertThat(text).as("%s: serial console keeps the kernel's CRLF line ends", name).contains("\r\n");
                assertThat(text).as("%s: kernel banner", name).contains("Linux version " + s.get("kernelRelease").asText());
                assertThat(console.length).as("%s: log size", name).isBetween(1_000, 200_000);
            }
            JsonNode screenshot = s.get("screenshot");
            assertThat(screenshot.isNull()).as("%s: a screenshot", name).isFalse();
            byte[] png = resource(screenshot.asText());
            assertThat(png).as("%s: PNG signature", name).startsWith(0x89, 'P', 'N', 'G');
            assertThat(png.length).as("%s: screenshot size", name).isBetween(2_000, 300_000);
        }));
    }

    @TestFactory
    Stream<DynamicTest> classifierGetsEveryScenarioRight() {
        ConsoleClassifier classifier = new ConsoleClassifier();
        return scenarios().stream().map(s -> dynamicTest(s.get("name").asText(), () -> {
            String name = s.get("name").asText();
            JsonNode expected = s.get("expected");
            Classification result = classifier.classify(resource(s.get("console").asText()));
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(result.verdict().id()).as("%s: verdict", name).isEqualTo(expected.get("verdict").asText());
            LabManifest.expectCrashes(soft, name, expected, result);
            List<String> findingKinds = result.findings().stream().map(f -> f.kind().id()).toList();
            expected.get("findings").forEach(kind ->
                    soft.assertThat(findingKinds).as("%s: findings", name).contains(kind.asText()));
            soft.assertThat(result.boots()).as("%s: boots", name).hasSize(expected.get("boots").asInt());
            if (expected.has("crashBoot") && !result.crashes().isEmpty()) {
                soft.assertThat(result.crashes().get(0).boot()).as("%s: boot of the first crash", name).isEqualTo(expected.get("crashBoot").asInt());
            }
            if (!result.boots().isEmpty()) {
                Boot boot = result.boots().get(result.boots().size() - 1);
                soft.assertThat(boot.reached().id()).as("%s: boot stage reached", name).isEqualTo(expected.get("stage").asText());
                soft.assertThat(boot.kernelRelease()).as("%s: kernel release", name).isEqualTo(LabManifest.textOrNull(s.get("kernelRelease")));
                if (expected.has("failure")) {
                    // the line that says why the boot failed, not only that it did
                    soft.assertThat(boot.failure()).as("%s: the boot's failure", name).contains(expected.get("failure").asText());
                }
            }
            String gap = KNOWN_GAPS.get(name);
            if (gap == null) {
                soft.assertAll();
                return;
            }
            List<Throwable> errors = soft.errorsCollected();
            assertThat(errors).as("%s is listed as a known classifier gap but now passes: remove it from KNOWN_GAPS",
                    s.get("name").asText()).isNotEmpty();
            Assumptions.abort(name + ": known classifier gap (" + gap + "): " + errors.stream().map(Throwable::getMessage)
                    .map(m -> m.replaceAll("\\s+", " ").trim()).collect(Collectors.joining("; ")));
        }));
    }
}
