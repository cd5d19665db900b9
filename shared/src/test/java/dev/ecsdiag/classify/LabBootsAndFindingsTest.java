package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Boots and findings on the QEMU lab's real console logs (Debian's 6.1 kernel, raw serial captures
 * with CRLF line ends; see docs/lab.md): the stage each boot reached, its kernel release and command
 * line, how it ended, its failure, and exactly the finding kinds the manifest expects.
 */
class LabBootsAndFindingsTest {

    private static final Set<String> OUR_KINDS = Set.of("oom-kill", "storage-io-error", "filesystem-error",
            "filesystem-shutdown", "filesystem-read-only", "boot-failure", "unexpected-reboot");

    private static byte[] resource(String name) {
        return LabManifest.LAB.resource(name);
    }

    private static List<JsonNode> scenarios() {
        return LabManifest.LAB.scenarios();
    }

    private static Classification classify(String scenario) throws IOException {
        return new ConsoleClassifier().classify(resource(scenario + "/console.log"));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioHasTheExpectedBootAndFindings() throws IOException {
        // One-boot logs only: a log of several boots (reboot-after-panic) is checked by LabCorpusTest.
        return scenarios().stream().filter(s -> s.get("expected").path("boots").asInt(1) == 1)
                .map(s -> dynamicTest(s.get("name").asText(), () -> {
            JsonNode expected = s.get("expected");
            byte[] log = resource(s.get("console").asText());
            Classification result = new ConsoleClassifier().classify(log);
            boolean panicked = new String(log, StandardCharsets.ISO_8859_1).contains("Kernel panic - not syncing");
            boolean bootFailure = expected.get("verdict").asText().equals("boot-failure");

            // a boot loader that never started a kernel: no release, no command line
            boolean kernel = !s.get("kernelRelease").isNull();

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(result.boots()).as("boots").hasSize(1);
            Boot boot = result.boots().get(0);
            soft.assertThat(boot.kernelRelease()).as("release").isEqualTo(kernel ? s.get("kernelRelease").asText() : null);
            soft.assertThat(boot.commandLine()).as("command line").isEqualTo(kernel ? s.get("commandLine").asText() : null);
            soft.assertThat(boot.reached().id()).as("stage").isEqualTo(expected.get("stage").asText());
            soft.assertThat(boot.startSeen()).as("start seen").isTrue();
            soft.assertThat(boot.startLine()).as("start").isEqualTo(1);
            soft.assertThat((long) boot.endLine()).as("end").isEqualTo(result.lines());
            soft.assertThat(boot.endedBy()).as("ended by").isEqualTo(panicked ? "panic" : "running");
            soft.assertThat(boot.failure() != null).as("failure %s", boot.failure()).isEqualTo(bootFailure);
            soft.assertThat(Verdicts.bootFailed(boot)).as("boot failed").isEqualTo(bootFailure);
            soft.assertThat(boot.milestones().get(0).stage()).as("first milestone").isEqualTo(kernel ? BootStage.KERNEL : BootStage.BOOTLOADER);
            soft.assertThat(boot.milestones().get(0).timestamp()).as("banner timestamp").isEqualTo(kernel ? 0.0 : null);

            Set<String> kinds = new TreeSet<>();
            result.findings().stream().map(f -> f.kind().id()).filter(OUR_KINDS::contains).forEach(kinds::add);
            Set<String> expectedKinds = new TreeSet<>();
            expected.get("findings").forEach(k -> expectedKinds.add(k.asText()));
            soft.assertThat(kinds).as("finding kinds").isEqualTo(expectedKinds);
            if (bootFailure || expected.get("verdict").asText().equals("oom")) {
                soft.assertThat(result.verdict().id()).as("verdict").isEqualTo(expected.get("verdict").asText());
            }
            soft.assertAll();
        }));
    }

    /**
     * A console that joins mid-way (a console buffer keeps only its tail): every one-boot scenario
     * whose kernel handed over to {@code /init}, read from the line after {@code Run /init as init
     * process}, keeps the manifest's verdict. No prompt, no banner: still no boot failure without a
     * failure line (issue 11).
     */
    @TestFactory
    Stream<DynamicTest> aConsoleThatJoinsAfterTheHandOverToInitKeepsItsVerdict() throws IOException {
        return scenarios().stream().filter(s -> s.get("expected").path("boots").asInt(1) == 1)
                .filter(s -> !s.path("format").asText("serial").equals("kern.log"))
                .map(s -> dynamicTest(s.get("name").asText(), () -> {
            String log = new String(resource(s.get("console").asText()), StandardCharsets.ISO_8859_1);
            int handOver = log.indexOf("Run /init as init process");
            org.junit.jupiter.api.Assumptions.assumeTrue(handOver > 0, "no /init in this scenario");
            String tail = log.substring(log.indexOf('\n', handOver) + 1);
            Classification result = new ConsoleClassifier().classify(tail.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(result.boots().get(0).startSeen()).as("joined mid-way").isFalse();
            assertThat(result.verdict().id()).as("verdict of the tail").isEqualTo(s.get("expected").get("verdict").asText());
        }));
    }

    /**
     * systemd inside dracut's initramfs reaches {@code basic.target - Basic System} long before the
     * root is found. A console that joins just after that line has seen neither the kernel nor the
     * initramfs being unpacked, yet must not take the boot for a working user space: the emergency
     * that follows is still a boot failure in the initramfs, with the same cause (issue 11).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dracut-no-root", "dracut-fsck-fails"})
    void aConsoleThatJoinsAfterTheInitramfsReachedBasicSystemStillSeesTheInitramfs(String scenario) throws IOException {
        String log = new String(resource(scenario + "/console.log"), StandardCharsets.ISO_8859_1);
        Boot whole = classify(scenario).boots().get(0);
        int basic = log.indexOf("basic.target");
        assertThat(basic).as("basic.target in %s", scenario).isPositive();
        String tail = log.substring(log.lastIndexOf('\n', basic) + 1);
        assertThat(tail).as("the tail starts at Basic System").contains("Basic System").doesNotContain("Linux version");

        Classification result = new ConsoleClassifier().classify(tail.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(result.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
        Boot boot = result.boots().get(0);
        assertThat(boot.startSeen()).as("joined mid-way").isFalse();
        assertThat(boot.reached()).isEqualTo(BootStage.INITRAMFS);
        assertThat(boot.failure()).isEqualTo(whole.failure());
    }

    /**
     * "Dependency failed for /sysroot" and emergency mode say where a boot went; the failure just
     * before them says why, and is what a person needs to read first.
     */
    @Test
    void theFailedFileSystemCheckNotItsDependencyIsTheFailureOfTheBoot() throws IOException {
        Classification c = classify("dracut-fsck-fails");
        Boot boot = c.boots().get(0);
        assertThat(boot.failure()).startsWith("Failed to start systemd-fs").endsWith("File System Check on /dev/vda.");
        List<String> rules = c.findings().stream().filter(f -> f.kind() == FindingKind.BOOT_FAILURE)
                .map(f -> f.details().get("rule")).toList();
        assertThat(rules).containsSubsequence("fsck-failed-unit", "initrd-dependency", "emergency-target", "emergency-dracut");
        assertThat(c.findings()).filteredOn(f -> "fsck-failed-unit".equals(f.details().get("rule"))).singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(boot.failureLine()));
    }

    /**
     * The serial console starts inside GRUB (the firmware wrote to the screen only): the error line
     * comes before anything says this is a boot loader, and the rescue prompt after it proves it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"grub-no-modules", "grub-no-partition"})
    void grubsErrorBeforeItsRescuePromptIsTheFailureOfABootThatNeverReachedAKernel(String scenario) throws IOException {
        Classification c = classify(scenario);
        Boot boot = c.boots().get(0);
        assertThat(boot.reached()).isEqualTo(BootStage.BOOTLOADER);
        assertThat(boot.failure()).startsWith("error: ");
        assertThat(boot.failureLine()).isEqualTo(1);
        assertThat(boot.milestones()).singleElement().satisfies(m -> assertThat(m.line()).isEqualTo(1));
        assertThat(c.findings()).extracting(f -> f.details().get("rule")).containsExactly("grub-error", "grub-rescue");
        assertThat(c.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
    }

    /** An "error: ..." line that no boot-loader line follows is nobody's boot failure. */
    @Test
    void anErrorLineWithoutABootLoaderAfterItIsNoBootFailure() {
        Classification c = new ConsoleClassifier().classify("error: no such partition.\nmake: *** [all] Error 2\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(c.verdict()).isNotEqualTo(Verdict.BOOT_FAILURE);
        assertThat(c.findings()).isEmpty();
    }

    @Test
    void aHealthyBootPassesKernelInitramfsAndLoginWithTimes() throws IOException {
        Boot boot = classify("healthy").boots().get(0);
        assertThat(boot.milestones()).extracting(Boot.Milestone::stage)
                .containsExactly(BootStage.KERNEL, BootStage.INITRAMFS, BootStage.INIT, BootStage.LOGIN);
        Boot.Milestone initramfs = boot.milestones().get(1);
        assertThat(initramfs.text()).isEqualTo("Trying to unpack rootfs image as initramfs...");
        assertThat(initramfs.timestamp()).isBetween(0.1, 30.0);
        assertThat(boot.milestones().get(2).text()).as("/init's first words").isEqualTo("lab: scenario healthy, trigger none");
        assertThat(boot.milestones().get(3).text()).isEqualTo("lab login: root (automatic login)");
        assertThat(boot.milestones().get(3).timestamp()).as("user space prints no timestamp").isNull();
    }

    @Test
    void initThatExitsIsABootFailureInTheInitramfs() throws IOException {
        Classification c = classify("init-exit");
        Boot boot = c.boots().get(0);
        assertThat(boot.failure()).isEqualTo("Attempted to kill init! exitcode=0x00000100");
        assertThat(c.findings()).filteredOn(f -> f.kind() == FindingKind.BOOT_FAILURE).singleElement()
                .satisfies(f -> {
                    assertThat(f.line()).isEqualTo(boot.failureLine());
                    assertThat(f.details()).containsEntry("rule", "kill-init").containsEntry("fatal", "true");
                });
        assertThat(c.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
    }

    @Test
    void noRootFilesystemStopsInTheKernel() throws IOException {
        Classification c = classify("no-rootfs");
        Boot boot = c.boots().get(0);
        assertThat(boot.failure()).isEqualTo("VFS: Unable to mount root fs on unknown-block(0,0)");
        assertThat(c.findings()).extracting(f -> f.details().get("rule"))
                .containsExactly("root-no-filesystem", "root-unable-to-mount");
    }

    @Test
    void theOomKillOfTailWithItsMemory() throws IOException {
        Classification c = classify("oom");
        assertThat(c.verdict()).isEqualTo(Verdict.OOM);
        Finding oom = c.findings().get(0);
        assertThat(oom.title()).isEqualTo("Out of memory: Killed process 92 (tail)");
        assertThat(oom.details()).containsEntry("scope", "global").containsEntry("constraint", "CONSTRAINT_NONE")
                .containsEntry("invoked-by", "tail").containsEntry("anon-rss-kb", "20224")
                .containsEntry("shmem-rss-kb", "1344").containsEntry("report-line", "392");
        assertThat(oom.line()).isEqualTo(488);
    }

    @Test
    void anOomPanicIsACrashAndNoOomKill() throws IOException {
        Classification c = classify("oom-panic");
        assertThat(c.findings()).noneMatch(f -> f.kind() == FindingKind.OOM_KILL);
        assertThat(c.boots().get(0).failure()).as("the panic came after the login").isNull();
    }
}
