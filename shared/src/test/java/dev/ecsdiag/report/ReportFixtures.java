package dev.ecsdiag.report;

import dev.ecsdiag.classify.Boot;
import dev.ecsdiag.classify.BootStage;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.Finding;
import dev.ecsdiag.classify.FindingKind;
import dev.ecsdiag.classify.crash.StackFrame;
import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.collect.CallFailure;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.ConsoleCapture;
import dev.ecsdiag.collect.InstanceOutcome;
import dev.ecsdiag.collect.ScreenshotCapture;
import dev.ecsdiag.ecs.SystemEvent;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Builds collection results from the real console logs under {@code consoles/}: console files are
 * written into the output folder as the collector writes them, and the classification records are
 * built by hand (the classifier is written in parallel), with line numbers looked up by marker.
 */
final class ReportFixtures {

    static final String HOSTILE_SCRIPT = "<script>alert(1)</script>";
    static final String HOSTILE_IMG = "\"><img src=x onerror=alert(2)>";
    static final String HOSTILE_TAG = "<script>alert(3)</script>";
    static final String HOSTILE_TITLE = "BUG: unable to handle page fault in <script>alert(4)</script>";

    private static final Pattern FRAME = Pattern.compile(
            "^\\[\\s*[\\d.]+\\]\\s+(\\? )?([\\w.]+)\\+(0x[0-9a-f]+)/(0x[0-9a-f]+)(?: \\[(\\w+)\\])?\\s*$");

    private final Path out;

    ReportFixtures(Path out) {
        this.out = out;
    }

    static String resource(String name) {
        try (InputStream in = ReportFixtures.class.getResourceAsStream("consoles/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource consoles/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the console as the collector does and returns its capture. */
    ConsoleCapture console(String id, String text) {
        try {
            Path dir = Files.createDirectories(out.resolve("instances").resolve(id));
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve("console.raw"), bytes);
            Files.write(dir.resolve("console.txt"), bytes);
            return new ConsoleCapture("instances/" + id + "/console.raw", "instances/" + id + "/console.txt",
                    bytes.length, "2026-11-25T17:40:00Z", "7A1B-" + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot like a VGA text console showing the given lines; PNG or JPEG. */
    ScreenshotCapture screenshot(String id, String format, List<String> screenLines) {
        BufferedImage img = new BufferedImage(720, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 720, 400);
        g.setColor(new Color(0xAAAAAA));
        try {
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
            int y = 16;
            for (String line : screenLines) {
                g.drawString(line, 4, y);
                y += 16;
            }
        } catch (RuntimeException | Error noFonts) {
            // no fonts on this machine: bars where the text would be still make a non-blank picture
            for (int y = 8; y < 16 * screenLines.size(); y += 16) {
                g.fillRect(4, y, 600, 8);
            }
        }
        g.dispose();
        String ext = format.equals("jpeg") ? "jpg" : "png";
        Path file = out.resolve("instances").resolve(id).resolve("screenshot." + ext);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(img, format.equals("jpeg") ? "jpg" : "png", file.toFile());
            return new ScreenshotCapture("instances/" + id + "/screenshot." + ext, format, Files.size(file), 720, 400,
                    "9C2D-" + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    /** 1-based number of the first line holding {@code marker}. */
    static int lineOf(String text, String marker) {
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line holds " + marker);
    }

    /** Call trace frames printed between two lines. */
    static List<StackFrame> frames(String text, int from, int to) {
        List<String> lines = lines(text);
        List<StackFrame> out = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            Matcher m = FRAME.matcher(lines.get(n - 1));
            if (m.matches()) {
                out.add(new StackFrame(m.group(2), m.group(3), m.group(4), m.group(5), m.group(1) == null, n));
            }
        }
        return out;
    }

    static Boot boot(String text, String release, BootStage reached, String failure, String failureMarker, String endedBy) {
        List<Boot.Milestone> milestones = new ArrayList<>();
        milestones.add(new Boot.Milestone(BootStage.KERNEL, lineOf(text, "Linux version"), 0.0, "Linux version " + release));
        addMilestone(milestones, text, BootStage.INITRAMFS, "Run /init as init process");
        addMilestone(milestones, text, BootStage.ROOT_MOUNTED, "EXT4-fs (vda1): mounted");
        addMilestone(milestones, text, BootStage.INIT, "systemd[1]: systemd");
        addMilestone(milestones, text, BootStage.LOGIN, "login:");
        int failureLine = failureMarker == null ? 0 : lineOf(text, failureMarker);
        return new Boot(0, 1, lines(text).size(), release, "root=/dev/vda1 ro console=ttyS0,115200n8", reached,
                failure, failureLine, endedBy, milestones);
    }

    private static void addMilestone(List<Boot.Milestone> milestones, String text, BootStage stage, String marker) {
        if (text.contains(marker)) {
            int line = lineOf(text, marker);
            String l = lines(text).get(line - 1);
            Double ts = l.startsWith("[") ? Double.valueOf(l.substring(1, l.indexOf(']')).trim()) : null;
            milestones.add(new Boot.Milestone(stage, line, ts, l));
        }
    }

    static Crash crash(String text, String title, String type, String firstMarker, String lastMarker, String guilty,
                       String taint, String release, boolean panicked, String signature) {
        int start = lineOf(text, firstMarker);
        int end = lastMarker == null ? lines(text).size() : lineOf(text, lastMarker);
        List<StackFrame> trace = frames(text, start, end);
        String first = lines(text).get(start - 1);
        return new Crash(title, List.of(), type, false, null, guilty, start, end, trace, null, Map.of(), 1, 2213,
                "bash", taint, release, "Alibaba Cloud Alibaba Cloud ECS, BIOS 449e491 04/01/2014", panicked, 0,
                first, lines(text).get(end - 1), signature);
    }

    static Classification classification(Verdict verdict, String text, List<Crash> crashes, List<Boot> boots,
                                          List<Finding> findings) {
        return new Classification(verdict, crashes, boots, findings, lines(text).size(),
                text.getBytes(StandardCharsets.UTF_8).length);
    }

    InstanceOutcome outcome(String id, String name, String text, Classification c, ScreenshotCapture shot,
                            List<SystemEvent> events) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("ci-build", "313");
        return new InstanceOutcome(id, name, "Running", tags, console(id, text), shot, events, List.of(), c);
    }

    static final String DEBIAN = "6.1.0-26-cloud-amd64";

    /**
     * Twelve instances: healthy (two), boot failure, oops, hung task, OOM, storage failure, a soft
     * lockup on three instances (one with a platform reboot), one whose console could not be
     * fetched, and one whose name, tags and console carry hostile markup.
     */
    CollectionResult fleet() {
        List<InstanceOutcome> all = new ArrayList<>();

        String healthy = resource("healthy-boot.log");
        Boot healthyBoot = boot(healthy, DEBIAN, BootStage.LOGIN, null, null, "running");
        all.add(outcome("i-bp1healthy0001", "ci-runner-07", healthy,
                classification(Verdict.HEALTHY, healthy, List.of(), List.of(healthyBoot), List.of()),
                screenshot("i-bp1healthy0001", "png", List.of("Debian GNU/Linux 12 ci-runner-07 tty1", "",
                        "ci-runner-07 login: _")), List.of()));
        all.add(outcome("i-bp1healthy0002", "ci-runner-08", healthy,
                classification(Verdict.HEALTHY, healthy, List.of(), List.of(healthyBoot), List.of()), null, List.of()));

        String vfs = resource("boot-failure-vfs.log");
        String ubuntu = "6.8.0-45-generic";
        Crash vfsPanic = crash(vfs, "kernel panic: VFS: Unable to mount root fs on unknown-block(0,0)", "UNKNOWN",
                "Kernel panic - not syncing: VFS", "end Kernel panic", "mount_root_generic", "", ubuntu, true,
                "kernel panic: VFS: Unable to mount root fs");
        Boot vfsBoot = boot(vfs, ubuntu, BootStage.KERNEL, "VFS: Unable to mount root fs on unknown-block(0,0)",
                "Kernel panic - not syncing: VFS", "panic");
        all.add(outcome("i-bp1vfsfail0001", "ci-runner-01", vfs,
                classification(Verdict.BOOT_FAILURE, vfs, List.of(vfsPanic), List.of(vfsBoot),
                        List.of(new Finding(FindingKind.BOOT_FAILURE, "VFS: Unable to mount root fs on unknown-block(0,0)",
                                lineOf(vfs, "Kernel panic - not syncing: VFS"), 0, Map.of()))),
                screenshot("i-bp1vfsfail0001", "jpeg", List.of(
                        "[    0.721004] List of all partitions:",
                        "[    0.721399] No filesystem could mount root, tried:",
                        "[    0.722067] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)",
                        "[    0.732254] ---[ end Kernel panic - not syncing: VFS: Unable to mount root fs ]---")),
                List.of()));

        String oops = resource("oops-null-deref.log");
        Crash nullDeref = crash(oops, "BUG: kernel NULL pointer dereference in lkdtm_do_action",
                "NULL-POINTER-DEREFERENCE", "BUG: kernel NULL pointer dereference", "end trace", "lkdtm_do_action",
                "G           OE", DEBIAN, true, "BUG: kernel NULL pointer dereference in lkdtm_do_action");
        all.add(outcome("i-bp1oops000001", "ci-runner-03", oops,
                classification(Verdict.CRASH, oops, List.of(nullDeref),
                        List.of(boot(oops, DEBIAN, BootStage.LOGIN, null, null, "panic")), List.of()),
                screenshot("i-bp1oops000001", "png", List.of(
                        "[  341.518329] BUG: kernel NULL pointer dereference, address: 0000000000000000",
                        "[  341.520611] Oops: 0002 [#1] PREEMPT SMP NOPTI",
                        "[  341.523109] RIP: 0010:lkdtm_do_action+0x1a/0x30 [lkdtm]",
                        "[  341.577016] Kernel panic - not syncing: Fatal exception")),
                List.of()));

        String hung = resource("hung-task-jbd2.log");
        Crash hungTask = crash(hung, "INFO: task hung in jbd2_journal_commit_transaction", "HANG",
                "INFO: task jbd2/vda1-8:243 blocked", "ret_from_fork+0x22/0x30", "jbd2_journal_commit_transaction",
                "", "5.10.0-32-amd64", false, "INFO: task hung in jbd2_journal_commit_transaction");
        all.add(outcome("i-bp1hung000001", "ci-runner-05", hung,
                classification(Verdict.CRASH, hung, List.of(hungTask),
                        List.of(boot(hung, "5.10.0-32-amd64", BootStage.LOGIN, null, null, "running")), List.of()),
                null, List.of()));

        String oom = resource("oom-kill.log");
        all.add(outcome("i-bp1oom0000001", "ci-runner-11", oom,
                classification(Verdict.OOM, oom, List.of(), List.of(boot(oom, DEBIAN, BootStage.LOGIN, null, null, "running")),
                        List.of(new Finding(FindingKind.OOM_KILL, "Out of memory: Killed process 4410 (java)",
                                lineOf(oom, "Out of memory: Killed process"), 0,
                                Map.of("process", "java", "pid", "4410", "anon-rss-kb", "3736480",
                                        "constraint", "CONSTRAINT_NONE")))),
                null, List.of()));

        String disk = resource("storage-io-error.log");
        all.add(outcome("i-bp1disk000001", "ci-runner-09", disk,
                classification(Verdict.STORAGE_FAILURE, disk, List.of(),
                        List.of(boot(disk, DEBIAN, BootStage.LOGIN, null, null, "running")),
                        List.of(new Finding(FindingKind.STORAGE_IO_ERROR, "I/O error, dev vdb, sector 2048 op 0x1:(WRITE)",
                                        lineOf(disk, "I/O error, dev vdb, sector 2048"), 0, Map.of("device", "vdb")),
                                new Finding(FindingKind.FILESYSTEM_READ_ONLY, "EXT4-fs (vdb1): Remounting filesystem read-only",
                                        lineOf(disk, "Remounting filesystem read-only"), 0,
                                        Map.of("device", "vdb1", "filesystem", "ext4")))),
                null, List.of()));

        String lockup = resource("soft-lockup.log");
        for (int n = 1; n <= 3; n++) {
            String id = "i-bp1lockup0000" + n;
            Crash soft = crash(lockup, "BUG: soft lockup in smp_call_function_many_cond", "HANG",
                    "watchdog: BUG: soft lockup", "</TASK>", "smp_call_function_many_cond", "", DEBIAN, false,
                    "BUG: soft lockup in smp_call_function_many_cond");
            List<SystemEvent> events = n == 2
                    ? List.of(new SystemEvent("e-bp1reboot01", "SystemFailure.Reboot", "Executed", "2026-11-25T17:20:02Z",
                    "2026-11-25T17:20:02Z", "2026-11-25T17:24:40Z", "host hardware failure", "Critical", true))
                    : List.of();
            all.add(outcome(id, "ci-runner-2" + n, lockup,
                    classification(Verdict.CRASH, lockup, List.of(soft),
                            List.of(boot(lockup, DEBIAN, BootStage.LOGIN, null, null, "running")), List.of()),
                    n == 1 ? screenshot(id, "png", List.of(
                            "[ 2234.781204] watchdog: BUG: soft lockup - CPU#1 stuck for 26s! [stress-ng:5121]",
                            "[ 2234.786132] RIP: 0010:smp_call_function_many_cond+0x12e/0x3a0")) : null,
                    events));
        }

        all.add(new InstanceOutcome("i-bp1noperm00001", "ci-runner-30", "Running", Map.of(), null, null, List.of(),
                List.of(new CallFailure("GetInstanceConsoleOutput", "Forbidden.RAM",
                        "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
                        "5E8A3F2B-1C2D-4E5F-8A9B-0C1D2E3F4A5B", "grant the RAM permission ecs:GetInstanceConsoleOutput", 1)),
                null));

        all.add(hostile());
        return new CollectionResult("cn-hangzhou", Instant.parse("2026-11-25T17:38:00Z"),
                Instant.parse("2026-11-25T17:39:30Z"), out.toAbsolutePath().toString(), all, List.of("i-bp1gone00000001"),
                List.of());
    }

    /** Markup in every place a console, a user or the platform can put text. */
    InstanceOutcome hostile() {
        String base = resource("oops-null-deref.log");
        String text = base.replace("[  341.517660] lkdtm: Performing direct entry NULL_DEREF",
                "[  341.517660] " + HOSTILE_SCRIPT + " " + HOSTILE_IMG)
                .replace("[  341.533141]  <TASK>", "[  341.533141]  <TASK> <iframe src=javascript:alert(5)></iframe>");
        Crash c = crash(text, HOSTILE_TITLE, "MEMORY_SAFETY_BUG", "BUG: kernel NULL pointer dereference", "end trace",
                "lkdtm_do_action", "G           OE", DEBIAN, true, "hostile <script> signature");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("owner", HOSTILE_TAG);
        tags.put("note\"onmouseover=\"alert(6)", "x");
        String id = "i-bp1hostile0001";
        return new InstanceOutcome(id, HOSTILE_IMG, "Running", tags, console(id, text), null,
                List.of(new SystemEvent("e-x", "InstanceFailure.Reboot", "Executed", "2026-11-25T17:30:00Z", null, null,
                        "<b>guest</b> " + HOSTILE_SCRIPT, null, false)),
                List.of(), classification(Verdict.CRASH, text, List.of(c),
                List.of(boot(text, DEBIAN, BootStage.LOGIN, null, null, "panic")), List.of()));
    }
}
