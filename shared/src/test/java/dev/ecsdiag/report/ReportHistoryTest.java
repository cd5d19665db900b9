package dev.ecsdiag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Previous report.json files mark each signature new or recurring. */
class ReportHistoryTest {

    static String report(String build, String at, String... signatures) {
        StringBuilder groups = new StringBuilder();
        for (String s : signatures) {
            groups.append(groups.length() == 0 ? "" : ",").append("{\"signature\":\"").append(s).append("\"}");
        }
        return "{\"schemaVersion\":1,\"build\":\"" + build + "\",\"generatedAt\":\"" + at + "\",\"crashGroups\":["
                + groups + "]}";
    }

    @Test
    void seenInNOfTheLastMBuildsFirstInBuildK(@TempDir Path dir) throws Exception {
        List<Path> previous = new ArrayList<>();
        for (int b = 310; b <= 320; b++) {
            Path f = dir.resolve("report-" + b + ".json");
            // the soft lockup appears in 312, 315, 318 and 320; the oops only in 311
            List<String> sigs = new ArrayList<>();
            if (b == 312 || b == 315 || b == 318 || b == 320) {
                sigs.add("BUG: soft lockup in smp_call_function_many_cond");
            }
            if (b == 311) {
                sigs.add("BUG: kernel NULL pointer dereference in lkdtm_do_action");
            }
            Files.writeString(f, report(Integer.toString(b), "2026-11-" + (b - 300) + "T10:00:00Z", sigs.toArray(String[]::new)));
            previous.add(0, f); // any order: history sorts by generatedAt
        }
        List<String> warnings = new ArrayList<>();
        ReportHistory history = ReportHistory.load(previous, 10, warnings::add);
        assertThat(warnings).isEmpty();
        SignatureHistory lockup = history.of("BUG: soft lockup in smp_call_function_many_cond");
        assertThat(lockup.status()).isEqualTo("recurring");
        assertThat(lockup.describe()).isEqualTo("seen in 4 of the last 10 builds, first in build 312");
        assertThat(lockup.builds()).containsExactly("312", "315", "318", "320");
        // 311 is inside the window (311..320), 310 is not
        assertThat(history.of("BUG: kernel NULL pointer dereference in lkdtm_do_action").seenIn()).isEqualTo(1);
        assertThat(history.of("brand new").status()).isEqualTo("new");
        assertThat(history.of("brand new").describe()).isEqualTo("new: not seen in the last 10 builds");
        assertThat(ReportHistory.none().of("x").status()).isEqualTo("unknown");
    }

    @Test
    void reportCarriesTheFirstBuildForwardAndSurvivesBadFiles(@TempDir Path dir) throws Exception {
        // build 313 is written with history from 312; build 314 only reads 313 but still knows 312 came first
        Path out313 = dir.resolve("313");
        var fleet = new ReportFixtures(out313).fleet();
        Path r312 = dir.resolve("312.json");
        Files.writeString(r312, report("312", "2026-11-24T10:00:00Z", "BUG: soft lockup in smp_call_function_many_cond"));
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "not json");
        Report rep313 = new ReportWriter(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC))
                .write(fleet, out313, ReportOptions.defaults().withBuild("313").withPreviousReports(List.of(r312, junk)));
        assertThat(rep313.reportWarnings()).singleElement().asString().contains("junk.json");
        CrashGroup lockup = rep313.crashGroups().get(0);
        assertThat(lockup.history().describe()).isEqualTo("seen in 1 of the last 1 build, first in build 312");
        assertThat(rep313.crashGroups().get(1).history().status()).isEqualTo("new");

        Path out314 = dir.resolve("314");
        Report rep314 = new ReportWriter(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC))
                .write(new ReportFixtures(out314).fleet(), out314, ReportOptions.defaults().withBuild("314")
                        .withPreviousReports(List.of(out313.resolve("report.json"))));
        assertThat(rep314.crashGroups().get(0).history().firstBuild()).isEqualTo("312");
        assertThat(rep314.crashGroups().get(1).history().firstBuild()).isEqualTo("313");
        assertThat(Files.readString(out314.resolve("index.html"))).contains("first in build 312");
        assertThat(Files.readString(out314.resolve("summary.md"))).contains("first in build 312");
    }
}
