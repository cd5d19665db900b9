package dev.ecsdiag.report;

import dev.ecsdiag.classify.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code summary.md}: a few lines for a pull-request comment or a CI step summary. Healthy
 * instances are counted, not listed, and the table is capped, so the summary stays far below the
 * size limits of those places whatever the fleet's size. Console text is escaped only where Markdown
 * (or the HTML that Markdown renderers let through) would read it otherwise, so the file reads as
 * plain text too.
 */
public final class MarkdownSummaryWriter {

    static final int MAX_ROWS = 30;
    static final int MAX_GROUPS = 10;
    static final int MAX_CELL = 160;

    public void write(Report report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    public String render(Report r) {
        StringBuilder md = new StringBuilder();
        int total = r.totals().get("instances");
        int healthy = r.totals().get(Verdict.HEALTHY.id());
        md.append("### ecsdiag: ");
        md.append(total == 0 ? "no instance was collected" : total == healthy ? "all " + total + " instances healthy" : (total - healthy) + " of " + total + " instances need a look");
        if (r.build() != null) {
            md.append(" (build ").append(esc(r.build())).append(')');
        }
        md.append("\n\n");
        List<InstanceReport> shown = r.instances().stream().filter(i -> i.verdict() != Verdict.HEALTHY || i.platformFault()).toList();
        if (!shown.isEmpty()) {
            md.append("| Instance | Verdict | Why | Platform event |\n| --- | --- | --- | --- |\n");
            for (InstanceReport i : shown.subList(0, Math.min(MAX_ROWS, shown.size()))) {
                md.append("| ").append(esc(i.displayName())).append(" | **").append(i.verdict().label()).append("** | ")
                        .append(esc(cut(i.reason()))).append(" | ")
                        .append(i.platformNote() == null ? "" : esc(cut(i.platformNote()))).append(" |\n");
            }
            if (shown.size() > MAX_ROWS) {
                md.append("\n…and ").append(shown.size() - MAX_ROWS).append(" more in the full report.\n");
            }
            md.append('\n');
        }
        if (healthy > 0 && healthy < total) {
            md.append(healthy).append(healthy == 1 ? " instance" : " instances").append(" healthy.\n\n");
        }
        if (!r.crashGroups().isEmpty()) {
            md.append("**Crashes by signature**\n\n");
            for (CrashGroup g : r.crashGroups().subList(0, Math.min(MAX_GROUPS, r.crashGroups().size()))) {
                md.append("- ").append(g.count()).append(" of ").append(g.totalInstances()).append(" instances: **")
                        .append(esc(cut(g.title()))).append("** (").append(esc(dev.ecsdiag.classify.crash.Crash.category(g.type())));
                if (!"unknown".equals(g.history().status())) {
                    md.append("; ").append(esc(g.history().describe()));
                }
                md.append(")");
                if (!g.hints().isEmpty()) {
                    md.append(" — ").append(esc(cut(g.hints().get(0).cause())));
                }
                md.append('\n');
            }
            if (r.crashGroups().size() > MAX_GROUPS) {
                md.append("- …and ").append(r.crashGroups().size() - MAX_GROUPS).append(" more signatures\n");
            }
            md.append('\n');
        }
        if (!r.notFound().isEmpty()) {
            md.append("Not found: ").append(esc(cut(String.join(", ", r.notFound())))).append("\n\n");
        }
        md.append("Full report: `index.html` (with `report.json`, `junit.xml`).\n");
        return md.toString();
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL) + "…";
    }

    /**
     * Escapes text for a Markdown table cell or list item, and only where Markdown (CommonMark with
     * GitHub's extensions) would read it otherwise, so that the file reads as plain text too:
     * {@code VFS: Unable to mount root fs on unknown-block(0,0)} stays as it is. Escaped: {@code |}
     * (a table cell), {@code \}, {@code `}, {@code *}, {@code [}, {@code ]} and {@code ~} (code,
     * emphasis, links, strikethrough), {@code _} at a word's edge (inside a word it is a letter to
     * GitHub), {@code <} (HTML and autolinks), {@code &} before what could be an entity, and an
     * {@code @name} goes into a code span so that it mentions nobody. Line breaks become spaces.
     */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        String clean = ConsoleText.clean(s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            char before = i == 0 ? ' ' : clean.charAt(i - 1);
            char after = i + 1 < clean.length() ? clean.charAt(i + 1) : ' ';
            switch (c) {
                case '|', '\\', '`', '*', '[', ']', '~', '<' -> out.append('\\').append(c);
                case '_' -> out.append(Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after) ? "_" : "\\_");
                case '&' -> out.append(after == '#' || Character.isLetter(after) ? "\\&" : "&");
                case '@' -> {
                    int end = i + 1;
                    while (end < clean.length() && (Character.isLetterOrDigit(clean.charAt(end)) || clean.charAt(end) == '-'
                            || clean.charAt(end) == '_' || clean.charAt(end) == '/')) {
                        end++;
                    }
                    if (end > i + 1 && !Character.isLetterOrDigit(before)) {
                        out.append('`').append(clean, i, end).append('`'); // a code span mentions nobody
                        i = end - 1;
                    } else {
                        out.append('@');
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
