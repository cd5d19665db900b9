package dev.ecsdiag.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The escaping helpers, one format at a time. */
class EscapingTest {

    @Test
    void htmlEscapesTextAndBothQuoteStyles() {
        assertThat(Html.esc("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Html.esc("\"><img src=x onerror=alert(2)>")).isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
        assertThat(Html.esc("a'b&c")).isEqualTo("a&#39;b&amp;c");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void hrefsCannotBecomeSchemesQueriesOrParentPaths() {
        assertThat(Html.href("instances/i-abc/console.txt")).isEqualTo("instances/i-abc/console.txt");
        assertThat(Html.href("javascript:alert(1)")).isEqualTo("javascript%3Aalert%281%29");
        assertThat(Html.href("a b/c?d#e")).isEqualTo("a%20b/c%3Fd%23e");
        assertThat(Html.href("../secret")).isEqualTo("#");
        assertThat(Html.href("/etc/passwd")).isEqualTo("#");
        assertThat(Html.anchor("i-", "x\"><y")).isEqualTo("i-x___y");
    }

    @Test
    void markdownCellsCannotBreakTheTableOrMentionAnyone() {
        String md = MarkdownSummaryWriter.esc("a | b `c` *d* [e](javascript:x) @team <b> &amp;\nnext");
        assertThat(md).doesNotContain(" | ").doesNotContain("\n");
        assertThat(md).isEqualTo("a \\| b \\`c\\` \\*d\\* \\[e\\](javascript:x) `@team` \\<b> \\&amp; next");
    }

    /** Only what Markdown would read otherwise is escaped: a kernel message reads as printed. */
    @Test
    void markdownLeavesPlainTextAlone() {
        for (String printed : List.of("VFS: Unable to mount root fs on unknown-block(0,0)",
                "SystemMaintenance.Reboot (Scheduled, not before 2026-11-28T02:00:00Z): planned",
                "collected from http://127.0.0.1:8801", "BUG: soft lockup in smp_call_function_many_cond",
                "Out of memory: Killed process 92 (tail)", "x = 1 & y # 2 > 0 + 3 - 4!")) {
            assertThat(MarkdownSummaryWriter.esc(printed)).isEqualTo(printed);
        }
        assertThat(MarkdownSummaryWriter.esc("_start and __x64_sys_write_")).isEqualTo("\\_start and \\_\\_x64_sys_write\\_");
        assertThat(MarkdownSummaryWriter.esc("mail a@b.c")).isEqualTo("mail a@b.c");
    }

    @Test
    void consoleTextLosesEscapesControlsAndDirectionOverrides() {
        assertThat(ConsoleText.clean("\u001b[31mred\u001b[0m \u0000nul \u202eevil\u202c \u0085x\tok"))
                .isEqualTo("red nul evil x\tok");
    }

    @Test
    void junitDropsWhatXmlCannotHold() {
        assertThat(JUnitReportWriter.clean("a\u0000b\u001bc\ud800d\ud83d\ude00e")).isEqualTo("abcd\ud83d\ude00e");
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> ReportOptions.defaults().withHistoryWindow(0)).hasMessageContaining("historyWindow");
        assertThatThrownBy(() -> ReportOptions.defaults().withThreads(0)).hasMessageContaining("threads");
        assertThatThrownBy(() -> ReportOptions.defaults().withThumbnailWidth(3)).hasMessageContaining("thumbnailWidth");
    }
}
