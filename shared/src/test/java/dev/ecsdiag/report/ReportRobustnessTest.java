package dev.ecsdiag.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.BootStage;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.ConsoleCapture;
import dev.ecsdiag.collect.InstanceOutcome;
import dev.ecsdiag.collect.ScreenshotCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs become warnings; everything else is still written. */
class ReportRobustnessTest {

    @Test
    void missingFilesBrokenScreenshotsAndEscapingPathsLoseNothingElse(@TempDir Path root) throws Exception {
        Path out = root.resolve("out");
        ReportFixtures fx = new ReportFixtures(out);
        String oops = ReportFixtures.resource("oops-null-deref.log");
        Crash crash = ReportFixtures.crash(oops, "BUG: kernel NULL pointer dereference in lkdtm_do_action",
                "NULL-POINTER-DEREFERENCE", "BUG: kernel NULL pointer dereference", "end trace", "lkdtm_do_action",
                "G OE", ReportFixtures.DEBIAN, true, "sig-null");
        var classification = ReportFixtures.classification(Verdict.CRASH, oops, List.of(crash),
                List.of(ReportFixtures.boot(oops, ReportFixtures.DEBIAN, BootStage.LOGIN, null, null, "panic")), List.of());

        // 1: console text deleted after collection, screenshot that is not an image
        ConsoleCapture gone = fx.console("i-gone0000000001", oops);
        Files.delete(out.resolve(gone.textFile()));
        Path notImage = out.resolve("instances/i-gone0000000001/screenshot.png");
        Files.writeString(notImage, "<html>");
        InstanceOutcome missing = new InstanceOutcome("i-gone0000000001", null, "Running", Map.of(), gone,
                new ScreenshotCapture("instances/i-gone0000000001/screenshot.png", "png", 6, 0, 0, null),
                List.of(), List.of(), classification);
        // 2: paths that try to leave the output folder
        Files.writeString(root.resolve("secret.txt"), "do not read me");
        InstanceOutcome escaping = new InstanceOutcome("i-escape00000001", null, "Running", Map.of(),
                new ConsoleCapture("../secret.txt", "../secret.txt", 14, null, null),
                new ScreenshotCapture("../../etc/passwd", "png", 1, 1, 1, null), List.of(), List.of(), classification);
        // 3: a healthy instance that is fine
        String healthy = ReportFixtures.resource("healthy-boot.log");
        InstanceOutcome fine = fx.outcome("i-fine0000000001", "ok", healthy, ReportFixtures.classification(
                Verdict.HEALTHY, healthy, List.of(), List.of(), List.of()), null, List.of());

        Path badRules = root.resolve("rules.json");
        Files.writeString(badRules, "{");
        Report report = new ReportWriter().write(new CollectionResult("cn-hangzhou", Instant.now(), Instant.now(),
                out.toString(), List.of(missing, escaping, fine), List.of(), List.of("deadline reached")), out,
                ReportOptions.defaults().withUserRulesFiles(List.of(badRules))
                        .withPreviousReports(List.of(root.resolve("no-such-report.json"))));

        assertThat(report.reportWarnings()).anySatisfy(w -> assertThat(w).contains("rules.json"))
                .anySatisfy(w -> assertThat(w).contains("no-such-report.json"))
                .anySatisfy(w -> assertThat(w).contains("i-gone0000000001").contains("missing"))
                .anySatisfy(w -> assertThat(w).contains("i-gone0000000001").contains("no thumbnail"))
                .anySatisfy(w -> assertThat(w).contains("i-escape00000001").contains("leaves the output folder"));
        assertThat(report.instances()).hasSize(3);
        InstanceReport m = report.instances().stream().filter(i -> i.instanceId().equals("i-gone0000000001")).findFirst().orElseThrow();
        assertThat(m.verdict()).isEqualTo(Verdict.CRASH);
        assertThat(m.crashes().get(0).excerpt()).isNull();
        assertThat(m.crashes().get(0).crash().title()).contains("NULL pointer");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).doesNotContain("secret.txt\"").doesNotContain("passwd\"").doesNotContain("do not read me").contains("deadline reached").contains("lkdtm_do_action");
        assertThat(Files.readString(out.resolve("report.json"))).doesNotContain("do not read me");
        assertThat(out.resolve("junit.xml")).isRegularFile();
        assertThat(out.resolve("summary.md")).isRegularFile();
    }

    @Test
    void manyHealthyInstancesFoldAndTheSummaryStaysShort(@TempDir Path out) throws Exception {
        ReportFixtures fx = new ReportFixtures(out);
        String healthy = ReportFixtures.resource("healthy-boot.log");
        String lockup = ReportFixtures.resource("soft-lockup.log");
        List<InstanceOutcome> all = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String id = String.format("i-many%010d", i);
            if (i % 3 == 0) {
                Crash c = ReportFixtures.crash(lockup, "BUG: soft lockup in f" + (i % 40), "HANG", "watchdog: BUG: soft lockup",
                        "</TASK>", "f", "", ReportFixtures.DEBIAN, false, "sig-" + (i % 40));
                all.add(fx.outcome(id, null, lockup, ReportFixtures.classification(Verdict.CRASH, lockup, List.of(c),
                        List.of(), List.of()), null, List.of()));
            } else {
                all.add(fx.outcome(id, null, healthy, ReportFixtures.classification(Verdict.HEALTHY, healthy, List.of(),
                        List.of(), List.of()), null, List.of()));
            }
        }
        Report report = new ReportWriter().write(new CollectionResult("cn-beijing", null, null, out.toString(), all,
                List.of(), List.of()), out, ReportOptions.defaults());
        assertThat(report.crashGroups()).hasSize(40);
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("<details class=\"healthy-list\"><summary>100 healthy instances</summary>");
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("…and 20 more in the full report.").contains("…and 30 more signatures")
                .contains("100 instances healthy.");
        assertThat(md.length()).isLessThan(12_000);
    }

    @Test
    void aConsoleFullOfCrashesPutsABoundedAmountIntoThePage(@TempDir Path out) throws Exception {
        ReportFixtures fx = new ReportFixtures(out);
        StringBuilder text = new StringBuilder();
        String lockup = ReportFixtures.resource("soft-lockup.log");
        String report = lockup.substring(lockup.indexOf("[ 2234.781204]"));
        List<Crash> crashes = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int before = (int) text.chars().filter(c -> c == '\n').count();
            text.append(report);
            int lines = (int) report.chars().filter(c -> c == '\n').count();
            crashes.add(new Crash("BUG: soft lockup in smp_call_function_many_cond", List.of(), "HANG", false, null,
                    "smp_call_function_many_cond", before + 1, before + lines, List.of(), null, Map.of(), null, null,
                    null, "", null, null, false, 0, null, null, "sig"));
        }
        String console = text.toString();
        InstanceOutcome many = fx.outcome("i-many0000000001", null, console,
                ReportFixtures.classification(Verdict.CRASH, console, crashes, List.of(), List.of()), null, List.of());
        Report r = new ReportWriter().write(new CollectionResult("cn-hangzhou", null, null, out.toString(),
                List.of(many), List.of(), List.of()), out, ReportOptions.defaults());
        List<CrashEntry> entries = r.instances().get(0).crashes();
        assertThat(entries).hasSize(30);
        assertThat(entries.subList(0, 10)).allSatisfy(e -> assertThat(e.excerpt()).isNotNull());
        assertThat(entries.subList(10, 30)).allSatisfy(e -> assertThat(e.excerpt()).isNull());
        assertThat(r.reportWarnings()).anySatisfy(w -> assertThat(w).contains("30 crashes"));
        assertThat(r.crashGroups()).singleElement().satisfies(g -> assertThat(g.count()).isEqualTo(1));
    }

    @Test
    void aClassificationThatBreaksTheBuilderCostsOnlyThatInstancesDetails(@TempDir Path out) throws Exception {
        ReportFixtures fx = new ReportFixtures(out);
        String oops = ReportFixtures.resource("oops-null-deref.log");
        // a finding without a kind (a classifier bug) breaks the hint lookup
        var broken = new dev.ecsdiag.classify.Finding(null, "broken finding", 3, 0, Map.of());
        Crash fine = ReportFixtures.crash(oops, "BUG: kernel NULL pointer dereference in lkdtm_do_action",
                "NULL-POINTER-DEREFERENCE", "BUG: kernel NULL pointer dereference", "end trace", "lkdtm_do_action",
                "", ReportFixtures.DEBIAN, true, "sig-null");
        InstanceOutcome good = fx.outcome("i-good0000000001", null, oops,
                ReportFixtures.classification(Verdict.CRASH, oops, List.of(fine), List.of(), List.of()), null, List.of());
        InstanceOutcome odd = fx.outcome("i-odd00000000001", null, oops,
                ReportFixtures.classification(Verdict.CRASH, oops, List.of(fine), List.of(), List.of(broken)), null, List.of());
        Report r = new ReportWriter().write(new CollectionResult("cn-hangzhou", null, null, out.toString(),
                List.of(good, odd), List.of(), List.of()), out, ReportOptions.defaults());
        assertThat(r.instances()).hasSize(2).allSatisfy(i -> assertThat(i.verdict()).isEqualTo(Verdict.CRASH));
        InstanceReport goodReport = r.instances().stream().filter(i -> i.instanceId().equals("i-good0000000001")).findFirst().orElseThrow();
        assertThat(goodReport.crashes()).singleElement().satisfies(c -> assertThat(c.excerpt()).isNotNull());
        assertThat(r.reportWarnings()).anySatisfy(w -> assertThat(w).startsWith("i-odd00000000001").contains("could not be built"));
        assertThat(Files.readString(out.resolve("index.html"))).contains("could not be built");
    }

    @Test
    void anEmptyCollectionStillGivesEveryFile(@TempDir Path out) throws Exception {
        Report r = new ReportWriter().write(new CollectionResult("cn-hangzhou", null, null, out.toString(), List.of(),
                List.of("i-asked0000000001"), List.of("no instance matched the tags")), out, ReportOptions.defaults());
        assertThat(r.instances()).isEmpty();
        for (String f : List.of("index.html", "report.css", "report.json", "junit.xml", "summary.md")) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        assertThat(Files.readString(out.resolve("summary.md"))).startsWith("### ecsdiag: no instance was collected");
        assertThat(Files.readString(out.resolve("index.html"))).contains("no instance matched the tags")
                .contains("i-asked0000000001");
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("tests=\"1\"").contains("not-found");
    }
}
