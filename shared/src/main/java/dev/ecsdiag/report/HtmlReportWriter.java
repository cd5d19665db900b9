package dev.ecsdiag.report;

import dev.ecsdiag.classify.Verdict;
import static dev.ecsdiag.report.Html.esc;
import static dev.ecsdiag.report.Html.href;

import dev.ecsdiag.classify.Boot;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.crash.StackFrame;
import dev.ecsdiag.collect.CallFailure;
import dev.ecsdiag.collect.PlatformEvents;
import dev.ecsdiag.ecs.SystemEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code index.html}: one page that reads without any script (folding is {@code <details>}),
 * loads nothing from the network, and takes its style from {@code report.css} beside it (what
 * Jenkins' Content-Security-Policy allows) with the same rules inlined for a page opened alone.
 * Every value that comes from a console, an instance or the platform goes through {@link Html#esc}.
 */
public final class HtmlReportWriter {

    /** Healthy instances beyond this many are folded away in the verdict table. */
    static final int HEALTHY_ROWS_SHOWN = 10;

    private static final String CSS = loadCss();

    public void write(Report report, Path html, Path css) throws IOException {
        Files.writeString(css, CSS, StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            new Page(w, report).write();
        }
    }

    private static String loadCss() {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read report.css", e);
        }
    }

    private static final class Page {
        private final Writer w;
        private final Report r;

        Page(Writer w, Report r) {
            this.w = w;
            this.r = r;
        }

        void write() throws IOException {
            int failed = r.totals().get("instances") - r.totals().get(Verdict.HEALTHY.id());
            String headline = r.instances().isEmpty() ? "no instance was collected"
                    : failed == 0 ? "all " + r.totals().get("instances") + " instances healthy"
                    : failed + " of " + r.totals().get("instances") + " instances need a look";
            w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>");
            w.write(esc("ecsdiag: " + headline + (r.build() == null ? "" : " — build " + r.build())));
            w.write("</title>\n<link rel=\"stylesheet\" href=\"report.css\" />\n<style>\n");
            w.write(CSS);
            w.write("</style>\n</head>\n<body>\n<div class=\"page\">\n");
            header(headline);
            w.write("<main>\n");
            verdictTable();
            crashGroups();
            instanceDetails();
            w.write("</main>\n");
            footer();
            w.write("</div>\n</body>\n</html>\n");
        }

        private void header(String headline) throws IOException {
            w.write("<header>\n<h1>ecsdiag: " + esc(headline) + "</h1>\n<p class=\"meta\">");
            if (r.build() != null) {
                w.write("build <b>" + esc(r.build()) + "</b> · ");
            }
            w.write("region " + esc(r.region()));
            if (r.collectionFinished() != null) {
                w.write(" · collected " + esc(r.collectionFinished()));
            }
            w.write(" · report written " + esc(r.generatedAt()) + "</p>\n<p class=\"totals\">");
            for (Verdict v : Verdict.values()) {
                int n = r.totals().getOrDefault(v.id(), 0);
                if (n > 0) {
                    w.write("<span class=\"chip\"><span class=\"badge " + v.id() + "\">" + n + " " + esc(v.label())
                            + "</span></span>");
                }
            }
            long platform = r.instances().stream().filter(InstanceReport::platformFault).count();
            if (platform > 0) {
                w.write("<span class=\"chip\"><span class=\"badge platform\">" + platform
                        + " with platform events</span></span>");
            }
            w.write("</p>\n</header>\n");
        }

        private void verdictTable() throws IOException {
            w.write("<section id=\"verdicts\">\n<h2>Verdict per instance</h2>\n");
            List<InstanceReport> needLook = r.instances().stream().filter(i -> i.verdict() != Verdict.HEALTHY || i.platformFault()).toList();
            List<InstanceReport> healthy = r.instances().stream().filter(i -> i.verdict() == Verdict.HEALTHY && !i.platformFault()).toList();
            if (!needLook.isEmpty() || healthy.size() <= HEALTHY_ROWS_SHOWN) {
                tableStart();
                for (InstanceReport i : needLook) {
                    row(i);
                }
                if (healthy.size() <= HEALTHY_ROWS_SHOWN) {
                    for (InstanceReport i : healthy) {
                        row(i);
                    }
                }
                w.write("</tbody></table>\n");
            }
            if (healthy.size() > HEALTHY_ROWS_SHOWN) {
                w.write("<details class=\"healthy-list\"><summary>" + healthy.size() + " healthy instances</summary>\n");
                tableStart();
                for (InstanceReport i : healthy) {
                    row(i);
                }
                w.write("</tbody></table>\n</details>\n");
            }
            if (!r.notFound().isEmpty()) {
                w.write("<p class=\"failures\">Asked for but not found: <span class=\"mono\">"
                        + esc(String.join(", ", r.notFound())) + "</span></p>\n");
            }
            w.write("</section>\n");
        }

        private void tableStart() throws IOException {
            w.write("<table class=\"verdicts\"><thead><tr><th>Instance</th><th>Verdict</th><th>Why</th>"
                    + "<th>Platform event</th><th>Screen</th></tr></thead><tbody>\n");
        }

        private void row(InstanceReport i) throws IOException {
            w.write("<tr class=\"" + i.verdict().id() + "\"><td class=\"inst\"><a href=\"#"
                    + Html.instanceAnchor(i.instanceId()) + "\">" + esc(i.instanceId()) + "</a>");
            if (i.name() != null) {
                w.write("<div class=\"name\">" + esc(i.name()) + "</div>");
            }
            w.write("</td><td><span class=\"badge " + i.verdict().id() + "\">" + esc(i.verdict().label())
                    + "</span></td><td class=\"why\">" + esc(i.reason()));
            sameCrashPill(i);
            w.write("</td><td class=\"plat\">");
            if (i.platformNote() != null) {
                w.write("<span class=\"platform-note\">" + esc(i.platformNote()) + "</span>");
            } else {
                w.write("<span class=\"none\">—</span>");
            }
            w.write("</td><td>");
            thumbnail(i);
            w.write("</td></tr>\n");
        }

        /** "same crash on 3 instances": tells at a glance which instances crashed the same way. */
        private void sameCrashPill(InstanceReport i) throws IOException {
            if (i.crashes().isEmpty()) {
                return;
            }
            String signature = i.crashes().get(0).group();
            for (int g = 0; g < r.crashGroups().size(); g++) {
                CrashGroup group = r.crashGroups().get(g);
                if (group.signature().equals(signature) && group.count() > 1) {
                    w.write(" <a class=\"same\" href=\"#group-" + (g + 1) + "\">same crash on " + group.count()
                            + " instances</a>");
                }
            }
        }

        /**
         * The text read from the screenshot, under it: selectable, escaped (a screen shows whatever the
         * machine printed), the rows that decided marked; or why it was not read.
         */
        private void screenText(InstanceReport i) throws IOException {
            dev.ecsdiag.screen.ScreenReading screen = i.screenshot() == null ? null : i.screenshot().screen();
            if (screen == null) {
                return;
            }
            if (!screen.read()) {
                w.write("<p class=\"none\">" + esc(screen.problem()) + "</p>\n");
                return;
            }
            dev.ecsdiag.screen.ScreenClassification c = screen.classification();
            w.write("<p class=\"screen-says\">read from the screen: <strong>" + esc(c.classification().verdict().id())
                    + "</strong> (" + esc(screen.text().grid()) + ")</p>\n<pre class=\"screen-text\">");
            java.util.Set<Integer> deciding = new java.util.HashSet<>(c.decidingRows());
            for (dev.ecsdiag.screen.ScreenLine line : screen.text().lines()) {
                String text = esc(line.text());
                w.write(deciding.contains(line.row()) ? "<mark>" + text + "</mark>\n" : text + "\n");
            }
            w.write("</pre>\n");
        }

        private void thumbnail(InstanceReport i) throws IOException {
            if (i.thumbnail() != null && i.screenshot() != null) {
                w.write("<a href=\"" + esc(href(i.screenshot().file())) + "\"><img class=\"thumb\" src=\""
                        + esc(href(i.thumbnail())) + "\" alt=\"" + esc("screenshot of " + i.instanceId())
                        + "\" /></a>");
            } else if (i.screenshot() != null) {
                w.write("<a href=\"" + esc(href(i.screenshot().file())) + "\">screenshot</a>");
            } else {
                w.write("<span class=\"none\">no screenshot</span>");
            }
        }

        private void crashGroups() throws IOException {
            w.write("<section id=\"crashes\">\n<h2>Crashes by signature</h2>\n");
            if (r.crashGroups().isEmpty()) {
                w.write("<p class=\"none\">No kernel crash in any console.</p>\n");
            }
            int index = 0;
            for (CrashGroup g : r.crashGroups()) {
                w.write("<div class=\"group\" id=\"group-" + (++index) + "\">\n<h3><span class=\"count\">" + g.count() + " of " + g.totalInstances()
                        + (g.totalInstances() == 1 ? " instance" : " instances") + ":</span> <code class=\"title\">"
                        + esc(g.title()) + "</code></h3>\n<p>category <b>" + esc(Crash.category(g.type())) + "</b> · ");
                if (!"unknown".equals(g.history().status())) {
                    w.write("<span class=\"hist " + esc(g.history().status()) + "\">" + esc(g.history().describe())
                            + "</span> · ");
                }
                boolean first = true;
                for (String id : g.instances()) {
                    w.write((first ? "" : ", ") + "<a href=\"#" + Html.instanceAnchor(id) + "\">" + esc(id) + "</a>");
                    first = false;
                }
                w.write("</p>\n");
                hints(g.hints());
                w.write("</div>\n");
            }
            w.write("</section>\n");
        }

        private static boolean sameBootFailure(FindingEntry f, BootFailureEntry b) {
            return f.finding().kind() == dev.ecsdiag.classify.FindingKind.BOOT_FAILURE && f.finding().boot() == b.boot();
        }

        /** Hints not shown yet for this instance (the panic of a failed boot matches the boot's rule again). */
        private void hints(List<Hint> hints, Set<String> shown) throws IOException {
            List<Hint> fresh = hints.stream().filter(h -> shown.add(h.source() + "\u0000" + h.rule())).toList();
            hints(fresh);
        }

        private void hints(List<Hint> hints) throws IOException {
            if (hints.isEmpty()) {
                return;
            }
            w.write("<ul class=\"hints\">");
            for (Hint h : hints) {
                w.write("<li><span class=\"cause\">" + esc(h.cause()) + "</span> " + esc(h.hint()));
                if (h.link() != null && (h.link().startsWith("https://") || h.link().startsWith("http://"))) {
                    w.write(" <a href=\"" + esc(h.link()) + "\" rel=\"noopener noreferrer\">more</a>");
                }
                if (!RemediationRules.BUILT_IN.equals(h.source())) {
                    w.write(" <span class=\"none\">(rule " + esc(h.rule()) + " from " + esc(h.source()) + ")</span>");
                }
                w.write("</li>");
            }
            w.write("</ul>\n");
        }

        private void instanceDetails() throws IOException {
            w.write("<section id=\"details\">\n<h2>Instances in detail</h2>\n");
            for (InstanceReport i : r.instances()) {
                instance(i);
            }
            w.write("</section>\n");
        }

        private void instance(InstanceReport i) throws IOException {
            boolean open = i.verdict() != Verdict.HEALTHY || i.platformFault();
            w.write("<details class=\"instance\" id=\"" + Html.instanceAnchor(i.instanceId()) + "\"" + (open ? " open=\"open\"" : "")
                    + ">\n<summary><span class=\"badge " + i.verdict().id() + "\">" + esc(i.verdict().label())
                    + "</span> " + esc(i.displayName()) + " <span class=\"why\">— " + esc(i.reason()) + "</span></summary>\n"
                    + "<div class=\"body\">\n<div class=\"main\">\n");
            if (i.platformNote() != null) {
                w.write("<div class=\"platform-box\"><b>Platform event</b> (times are the platform's, in UTC). "
                        + esc(i.platformNote()));
                if (i.console() != null && i.console().lastUpdateTime() != null) {
                    w.write("<br /><span class=\"ts\">This instance's console output was last updated "
                            + esc(i.console().lastUpdateTime()) + ".</span>");
                }
                w.write("</div>\n");
            }
            facts(i);
            failures(i.failures());
            Set<String> hintsShown = new HashSet<>(); // one failure, one hint: a rule's hint once per instance
            for (BootFailureEntry b : i.bootFailures()) {
                w.write("<div class=\"crash\"><h4>Boot " + (b.boot() + 1) + " failed: <code>" + esc(b.failure())
                        + "</code></h4>\n");
                List<FindingEntry> related = i.findings().stream().filter(f -> sameBootFailure(f, b) && f.finding().line() != b.line())
                        .toList();
                if (!related.isEmpty()) {
                    w.write("<p class=\"also\">Also printed in this boot:</p><ul class=\"also\">");
                    for (FindingEntry f : related) {
                        w.write("<li>line " + f.finding().line() + ": <code>" + esc(f.finding().title()) + "</code></li>");
                    }
                    w.write("</ul>\n");
                }
                hints(b.hints(), hintsShown);
                excerpt(b.excerpt(), i);
                w.write("</div>\n");
            }
            for (CrashEntry c : i.crashes()) {
                crash(c, i, hintsShown);
            }
            for (FindingEntry f : i.findings()) {
                if (i.bootFailures().stream().anyMatch(b -> sameBootFailure(f, b))) {
                    continue; // part of that boot's failure, shown above with its lines
                }
                w.write("<div class=\"crash\"><h4>" + esc(f.finding().kind().id()) + ": <code>" + esc(f.finding().title())
                        + "</code></h4>\n");
                findingDetails(f.finding());
                hints(f.hints(), hintsShown);
                excerpt(f.excerpt(), i);
                w.write("</div>\n");
            }
            consoleLinks(i);
            w.write("</div>\n<div class=\"side\">\n");
            if (i.thumbnail() != null || i.screenshot() != null) {
                w.write("<h4>Screen</h4>");
                thumbnail(i);
                screenText(i);
            }
            timeline(i.boots());
            events(i.events());
            w.write("</div>\n</div>\n</details>\n");
        }

        private void facts(InstanceReport i) throws IOException {
            if (i.status() == null && i.tags().isEmpty()) {
                return;
            }
            w.write("<dl class=\"facts\">");
            if (i.status() != null) {
                w.write("<dt>status</dt><dd>" + esc(i.status()) + "</dd>");
            }
            if (!i.tags().isEmpty()) {
                StringBuilder tags = new StringBuilder();
                i.tags().forEach((k, v) -> tags.append(tags.length() == 0 ? "" : ", ").append(k).append('=').append(v));
                w.write("<dt>tags</dt><dd>" + esc(tags.toString()) + "</dd>");
            }
            w.write("</dl>\n");
        }

        private void failures(List<CallFailure> failures) throws IOException {
            for (CallFailure f : failures) {
                w.write("<p class=\"failures\"><b>" + esc(f.call()) + "</b> failed after " + f.attempts()
                        + (f.attempts() == 1 ? " attempt" : " attempts") + ": <code>" + esc(f.code()) + "</code> "
                        + esc(f.message()));
                if (f.hint() != null) {
                    w.write(" — " + esc(f.hint()));
                }
                if (f.requestId() != null) {
                    w.write(" <span class=\"none\">(request " + esc(f.requestId()) + ")</span>");
                }
                w.write("</p>\n");
            }
        }

        private void crash(CrashEntry entry, InstanceReport i, Set<String> hintsShown) throws IOException {
            Crash c = entry.crash();
            w.write("<div class=\"crash\">\n<h4><code>" + esc(entry.title()) + "</code></h4>\n<dl class=\"facts\">");
            fact("category", c.category() + (c.corrupted() ? " (report corrupted" + (c.corruptedReason() == null ? "" : ": "
                    + c.corruptedReason()) + ")" : ""));
            fact("kernel", entry.kernelRelease());
            fact("taint", entry.taint() == null ? null : entry.taint().isBlank() ? "not tainted" : entry.taint());
            String task = (c.command() == null ? "" : c.command()) + (c.pid() == null ? "" : " (pid " + c.pid() + ")")
                    + (c.cpu() == null ? "" : " on CPU " + c.cpu());
            fact("task", task.isBlank() ? null : task.trim());
            fact("RIP", c.rip());
            fact("guilty frame", c.guiltyFrame());
            fact("hardware", c.hardware());
            fact("lines", c.startLine() + "–" + c.endLine() + (c.panicked() ? ", kernel panicked" : ""));
            w.write("</dl>\n");
            hints(entry.hints(), hintsShown);
            if (!c.callTrace().isEmpty()) {
                w.write("<details open=\"open\"><summary>Call trace (" + c.callTrace().size() + " frames)</summary>\n<ol class=\"trace\">");
                boolean guiltyMarked = false;
                if (c.guiltyFrame() != null && InstanceReportBuilder.guiltyLine(c) < 0 && c.rip() != null
                        && c.rip().contains(":" + c.guiltyFrame() + "+")) {
                    // the faulting function itself is guilty: it is in RIP, above the trace's frames
                    String where = c.rip().substring(c.rip().indexOf(":" + c.guiltyFrame() + "+") + c.guiltyFrame().length() + 1);
                    w.write("<li class=\"guilty\">RIP: <mark>" + esc(c.guiltyFrame()) + "</mark>" + esc(where)
                            + " ← guilty frame</li>");
                    guiltyMarked = true;
                }
                for (StackFrame f : c.callTrace()) {
                    boolean guilty = !guiltyMarked && f.isIn(c.guiltyFrame())
                            && f.line() == InstanceReportBuilder.guiltyLine(c);
                    guiltyMarked |= guilty;
                    w.write("<li" + (guilty ? " class=\"guilty\"" : f.reliable() ? "" : " class=\"unreliable\"") + ">"
                            + (f.reliable() ? "" : "? ") + (guilty ? "<mark>" + esc(f.function()) + "</mark>" : esc(f.function())));
                    if (f.offset() != null) {
                        w.write("+" + esc(f.offset()) + (f.size() == null ? "" : "/" + esc(f.size())));
                    }
                    if (f.module() != null) {
                        w.write(" [" + esc(f.module()) + "]");
                    }
                    if (guilty) {
                        w.write(" ← guilty frame");
                    }
                    w.write("</li>");
                }
                w.write("</ol></details>\n");
            }
            excerpt(entry.excerpt(), i);
            w.write("</div>\n");
        }

        /** An OOM kill's answers first, its raw details folded; other findings' details as they are. */
        private void findingDetails(dev.ecsdiag.classify.Finding f) throws IOException {
            if (f.details().isEmpty()) {
                return;
            }
            boolean oom = f.kind() == dev.ecsdiag.classify.FindingKind.OOM_KILL;
            if (oom) {
                w.write("<dl class=\"facts oom\">");
                for (Map.Entry<String, String> d : OomFacts.headline(f.details()).entrySet()) {
                    w.write("<dt>" + esc(d.getKey()) + "</dt><dd>" + esc(d.getValue()) + "</dd>");
                }
                w.write("</dl>\n<details class=\"more\"><summary>All " + f.details().size() + " details</summary>");
            }
            w.write("<dl class=\"facts\">");
            for (Map.Entry<String, String> d : f.details().entrySet()) {
                w.write("<dt>" + esc(d.getKey()) + "</dt><dd>" + esc(d.getValue()) + "</dd>");
            }
            w.write("</dl>\n");
            if (oom) {
                w.write("</details>\n");
            }
        }

        private void fact(String name, String value) throws IOException {
            if (value != null) {
                w.write("<dt>" + esc(name) + "</dt><dd>" + esc(value) + "</dd>");
            }
        }

        private void excerpt(Excerpt e, InstanceReport i) throws IOException {
            if (e == null) {
                return;
            }
            w.write("<details open=\"open\"><summary>Console lines " + e.firstLine() + "–" + e.lastLine()
                    + (e.truncated() ? " (cut; see the full log)" : "") + "</summary>\n<pre class=\"console\">");
            for (Excerpt.ExcerptLine l : e.lines()) {
                w.write("<span class=\"l " + l.mark() + "\"><span class=\"n\">" + l.n() + "</span>" + esc(l.text())
                        + "</span>");
            }
            w.write("</pre></details>\n");
        }

        private void consoleLinks(InstanceReport i) throws IOException {
            if (i.console() == null) {
                return;
            }
            w.write("<p class=\"links\">");
            if (i.console().textFile() != null) {
                w.write("<a href=\"" + esc(href(i.console().textFile())) + "\">full console log</a>");
            }
            if (i.console().rawFile() != null) {
                w.write(" · <a href=\"" + esc(href(i.console().rawFile())) + "\">raw console output</a>");
            }
            w.write(" <span class=\"none\">(" + i.console().bytes() + " bytes"
                    + (i.consoleLines() == null ? "" : ", " + i.consoleLines() + " lines") + ")</span></p>\n");
        }

        private void timeline(List<Boot> boots) throws IOException {
            if (boots.isEmpty()) {
                return;
            }
            w.write("<h4>Boot timeline</h4>\n");
            for (Boot b : boots) {
                w.write("<div class=\"boot\"><b>Boot " + (b.index() + 1) + "</b> <span class=\"mono\">"
                        + esc(b.kernelRelease() == null ? "kernel unknown" : b.kernelRelease()) + "</span>, reached <b>"
                        + esc(b.reached().id()) + "</b>" + (b.endedBy() == null ? "" : ", ended by " + esc(b.endedBy()))
                        + "</div>\n");
                stageBar(b);
                w.write("<ol class=\"timeline\">");
                for (Boot.Milestone m : b.milestones()) {
                    String text = m.text() == null ? "" : m.text().length() > 70 ? m.text().substring(0, 70) + "…" : m.text();
                    w.write("<li><span class=\"stage\">" + esc(m.stage().id()) + "</span> <span class=\"ts\">"
                            + (m.timestamp() == null ? "line " + m.line() : String.format(java.util.Locale.ROOT, "%.3f s", m.timestamp()))
                            + "</span><div class=\"ms\">" + esc(ConsoleText.clean(text)) + "</div></li>");
                }
                if (b.failure() != null) {
                    w.write("<li class=\"fail\">failed: " + esc(b.failure()) + "</li>");
                }
                w.write("</ol>\n");
            }
        }

        /** How far the boot got, at a glance: every stage of a Linux boot, the reached ones filled. */
        private void stageBar(Boot b) throws IOException {
            w.write("<div class=\"stages\">");
            for (dev.ecsdiag.classify.BootStage stage : dev.ecsdiag.classify.BootStage.values()) {
                boolean reached = stage.ordinal() <= b.reached().ordinal();
                boolean failedHere = b.failure() != null && stage == b.reached();
                w.write("<span class=\"stage-pill" + (failedHere ? " failed" : reached ? " reached" : "") + "\">"
                        + esc(stage.id()) + "</span>");
            }
            w.write("</div>\n");
        }

        private void events(List<SystemEvent> events) throws IOException {
            if (events.isEmpty()) {
                return;
            }
            w.write("<h4>Platform events</h4>\n<ul class=\"timeline\">");
            for (SystemEvent e : events) {
                w.write("<li>" + (PlatformEvents.isPlatform(e) ? "<span class=\"badge platform\">platform</span> " : "")
                        + "<b>" + esc(e.type()) + "</b> " + esc(e.cycleStatus()) + " <span class=\"ts\">"
                        + esc(PlatformEvents.times(e)) + "</span>"
                        + (e.reason() == null ? "" : " — " + esc(e.reason())) + "</li>");
            }
            w.write("</ul>\n");
        }

        private void footer() throws IOException {
            w.write("<footer>\n");
            if (!r.collectionWarnings().isEmpty() || !r.reportWarnings().isEmpty()) {
                w.write("<details open=\"open\"><summary>Warnings</summary><ul>");
                for (String s : r.collectionWarnings()) {
                    w.write("<li>" + esc(s) + "</li>");
                }
                for (String s : r.reportWarnings()) {
                    w.write("<li>" + esc(s) + "</li>");
                }
                w.write("</ul></details>\n");
            }
            w.write("<p>Written by ecsdiag. Machine-readable: <a href=\"report.json\">report.json</a> · "
                    + "<a href=\"junit.xml\">junit.xml</a> · <a href=\"summary.md\">summary.md</a>.</p>\n</footer>\n");
        }
    }
}
