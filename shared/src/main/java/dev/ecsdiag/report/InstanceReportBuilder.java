package dev.ecsdiag.report;

import dev.ecsdiag.classify.Boot;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.Finding;
import dev.ecsdiag.classify.FindingKind;
import dev.ecsdiag.classify.crash.PrintedTitle;
import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.crash.StackFrame;
import dev.ecsdiag.collect.InstanceOutcome;
import dev.ecsdiag.collect.InstanceVerdict;
import dev.ecsdiag.collect.InstanceVerdicts;
import dev.ecsdiag.collect.PlatformEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the report's view of one instance: verdict, platform note, excerpts of the console read
 * in one streaming pass, remediation hints and the screenshot thumbnail. Safe to run for several
 * instances at once.
 */
final class InstanceReportBuilder {

    /** Lines of context shown before a crash report and before/after a finding's line. */
    static final int CONTEXT_BEFORE = 3;
    static final int CONTEXT_AFTER = 2;
    static final int MAX_LINE_CHARS = 1000;
    /**
     * Bounds on what one instance puts into the page, whatever its console holds: excerpts for the
     * first crashes and findings only, and at most this many characters of console text in all.
     * With the writer's few threads this keeps the heap bounded for fleets of any size.
     */
    static final int MAX_EXCERPTED_CRASHES = 10;
    static final int MAX_EXCERPTED_FINDINGS = 20;
    static final int MAX_EXCERPT_CHARS = 128 * 1024;

    record Result(InstanceReport report, List<String> warnings) {
    }

    private final Path outputDir;
    private final RemediationRules rules;
    private final Thumbnails thumbnails;
    private final int maxReportLines;

    InstanceReportBuilder(Path outputDir, RemediationRules rules, Thumbnails thumbnails, int maxReportLines) {
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.rules = rules;
        this.thumbnails = thumbnails;
        this.maxReportLines = maxReportLines;
    }

    /**
     * The instance's report; a bug met while building it costs that instance's details only: the
     * instance keeps its verdict and files, and a warning says what went wrong.
     */
    Result build(InstanceOutcome outcome) {
        try {
            return buildOrThrow(outcome);
        } catch (RuntimeException e) {
            Classification c = outcome.classification();
            Verdict verdict = InstanceVerdicts.decide(outcome).verdict();
            String why = "the report of this instance could not be built (" + e + "); see its console log";
            InstanceReport report = new InstanceReport(outcome.instanceId(), outcome.name(), outcome.status(),
                    outcome.tags(), verdict, why, false, null, outcome.events(), outcome.failures(), outcome.console(),
                    outcome.screenshot(), null, c == null ? null : c.verdict(), c == null ? null : c.lines(), List.of(),
                    List.of(), List.of(), List.of());
            return new Result(report, List.of(outcome.instanceId() + ": " + why));
        }
    }

    private Result buildOrThrow(InstanceOutcome outcome) {
        List<String> warnings = new ArrayList<>();
        InstanceVerdict decision = InstanceVerdicts.decide(outcome);
        Classification c = outcome.classification();
        List<Crash> crashes = c == null ? List.of() : c.crashes();
        List<Finding> findings = c == null ? List.of() : c.findings();
        List<Boot> boots = c == null ? List.of() : c.boots();
        List<Boot> failedBoots = boots.stream().filter(b -> b.failure() != null).toList();

        List<ConsoleExcerpts.Range> ranges = new ArrayList<>();
        crashes.stream().limit(MAX_EXCERPTED_CRASHES).forEach(x -> ranges.add(crashRange(x)));
        findings.stream().limit(MAX_EXCERPTED_FINDINGS).filter(f -> f.line() > 0).forEach(f -> ranges.add(findingRange(f)));
        failedBoots.stream().filter(b -> b.failureLine() > 0)
                .forEach(b -> ranges.add(around(failureLines(b, findings))));
        Map<Integer, String> lines = readLines(outcome, ranges, warnings);
        int[] budget = {MAX_EXCERPT_CHARS};

        List<BootFailureEntry> bootFailures = new ArrayList<>();
        for (Boot b : failedBoots) {
            Excerpt excerpt = lines == null || b.failureLine() <= 0 ? null
                    : spend(budget, causeExcerpt(failureLines(b, findings), lines));
            bootFailures.add(new BootFailureEntry(b.index(), b.kernelRelease(), b.reached().id(), b.failure(),
                    b.failureLine(), excerpt,
                    rules.match(new RemediationRules.Subject("boot-failure", List.of(b.failure()), List.of()))));
        }
        List<CrashEntry> crashEntries = new ArrayList<>();
        for (int n = 0; n < crashes.size(); n++) {
            Crash crash = crashes.get(n);
            Excerpt excerpt = lines == null || n >= MAX_EXCERPTED_CRASHES ? null : spend(budget, crashExcerpt(crash, lines));
            List<String> reportLines = reportLines(crash, lines, n);
            KernelOfCrash.Facts kernel = KernelOfCrash.of(crash, reportLines, boots);
            crashEntries.add(new CrashEntry(crash, CrashGroups.signatureOf(crash), PrintedTitle.of(crash.title(), reportLines),
                    kernel.kernelRelease(), kernel.taint(), excerpt, rules.match(subject(crash))));
        }
        if (crashes.size() > MAX_EXCERPTED_CRASHES) {
            warnings.add(outcome.instanceId() + ": " + crashes.size() + " crashes; console lines shown for the first "
                    + MAX_EXCERPTED_CRASHES + " only (the full log has them all)");
        }
        List<FindingEntry> findingEntries = new ArrayList<>();
        for (int n = 0; n < findings.size(); n++) {
            Finding f = findings.get(n);
            Excerpt excerpt = lines == null || f.line() <= 0 || n >= MAX_EXCERPTED_FINDINGS ? null
                    : spend(budget, findingExcerpt(f, lines));
            findingEntries.add(new FindingEntry(f, excerpt,
                    rules.match(new RemediationRules.Subject(f.kind().id(), List.of(f.title()), List.of()))));
        }

        InstanceReport report = new InstanceReport(outcome.instanceId(), outcome.name(), outcome.status(),
                outcome.tags(), decision.verdict(), printedReason(decision.reason(), crashEntries),
                outcome.events().stream().anyMatch(PlatformEvents::isPlatform), PlatformEvents.note(outcome.events()),
                outcome.events(), outcome.failures(), outcome.console(), outcome.screenshot(),
                thumbnail(outcome, warnings), c == null ? null : c.verdict(), c == null ? null : c.lines(),
                crashEntries, findingEntries, bootFailures, boots);
        return new Result(report, warnings);
    }

    /** The reason with the deciding crash's title as printed, where the reason names it. */
    private static String printedReason(String reason, List<CrashEntry> entries) {
        if (reason == null || entries.isEmpty()) {
            return reason;
        }
        Crash worst = InstanceVerdicts.worstCrash(entries.stream().map(CrashEntry::crash).toList());
        for (CrashEntry e : entries) {
            String named = PrintedTitle.of(worst); // as InstanceVerdicts names it, from the first and last line
            if (e.crash() == worst && reason.startsWith(named)) {
                return e.title() + reason.substring(named.length());
            }
        }
        return reason;
    }

    /** The crash report's own lines as read (its first and last line when the console text is not at hand). */
    private List<String> reportLines(Crash crash, Map<Integer, String> lines, int index) {
        List<String> out = new ArrayList<>();
        if (crash.firstLine() != null) {
            out.add(crash.firstLine());
        }
        if (lines != null && index < MAX_EXCERPTED_CRASHES) {
            ConsoleExcerpts.Range range = crashRange(crash);
            for (int n = Math.max(range.from(), crash.startLine()); n <= Math.min(range.to(), crash.endLine()); n++) {
                String text = lines.get(n);
                if (text != null) {
                    out.add(text);
                }
            }
        }
        if (crash.lastLine() != null) {
            out.add(crash.lastLine());
        }
        return out;
    }

    /** The excerpt if the instance's budget of console characters still allows it, else null. */
    private static Excerpt spend(int[] budget, Excerpt excerpt) {
        int chars = excerpt.lines().stream().mapToInt(l -> l.text().length()).sum();
        if (chars > budget[0]) {
            budget[0] = 0;
            return null;
        }
        budget[0] -= chars;
        return excerpt;
    }

    static RemediationRules.Subject subject(Crash crash) {
        List<String> titles = new ArrayList<>();
        titles.add(crash.title());
        titles.addAll(crash.altTitles());
        if (crash.firstLine() != null) {
            titles.add(crash.firstLine());
        }
        List<String> frames = new ArrayList<>();
        if (crash.guiltyFrame() != null) {
            frames.add(crash.guiltyFrame());
        }
        crash.callTrace().forEach(f -> frames.add(f.function()));
        return new RemediationRules.Subject(crash.type(), titles, frames);
    }

    private ConsoleExcerpts.Range crashRange(Crash crash) {
        int start = Math.max(1, crash.startLine());
        int end = Math.max(start, crash.endLine());
        int last = Math.min(end + CONTEXT_AFTER, start + maxReportLines - 1);
        return new ConsoleExcerpts.Range(Math.max(1, start - CONTEXT_BEFORE), last);
    }

    private static ConsoleExcerpts.Range around(int line) {
        return around(List.of(line));
    }

    private static ConsoleExcerpts.Range around(List<Integer> causes) {
        int first = causes.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int last = causes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        return new ConsoleExcerpts.Range(Math.max(1, first - CONTEXT_BEFORE), last + CONTEXT_AFTER);
    }

    /**
     * An OOM kill's lines are its whole OOM report, from "X invoked oom-killer" (detail
     * {@code report-line}) to the kill, when the page allows that many; other findings (and a longer
     * OOM report) show their line with a few lines around it.
     */
    private ConsoleExcerpts.Range findingRange(Finding f) {
        int report = oomReportLine(f);
        return report > 0 ? new ConsoleExcerpts.Range(report, f.line() + CONTEXT_AFTER) : around(f.line());
    }

    private int oomReportLine(Finding f) {
        if (f.kind() != FindingKind.OOM_KILL) {
            return -1;
        }
        try {
            int report = Integer.parseInt(f.details().getOrDefault("report-line", "-1"));
            return report > 0 && report < f.line() && f.line() - report < maxReportLines ? report : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Excerpt findingExcerpt(Finding f, Map<Integer, String> lines) {
        int report = oomReportLine(f);
        if (report < 0) {
            return causeExcerpt(f.line(), lines);
        }
        ConsoleExcerpts.Range range = findingRange(f);
        List<Excerpt.ExcerptLine> out = new ArrayList<>();
        for (int n = range.from(); n <= range.to(); n++) {
            String text = lines.get(n);
            if (text != null) {
                out.add(new Excerpt.ExcerptLine(n, text, n == f.line() || n == report ? "cause" : n < f.line() ? "report" : "context"));
            }
        }
        int last = out.isEmpty() ? range.from() : out.get(out.size() - 1).n();
        return new Excerpt(range.from(), last, !lines.containsKey(f.line()), out);
    }

    /** Lines a failed boot's excerpt marks: its failure and the boot's failure messages just before it. */
    static final int RELATED_LINES_BEFORE = 12;

    private static List<Integer> failureLines(Boot boot, List<Finding> findings) {
        List<Integer> causes = new ArrayList<>();
        for (Finding f : findings) {
            if (f.kind() == FindingKind.BOOT_FAILURE && f.boot() == boot.index() && f.line() < boot.failureLine()
                    && f.line() >= boot.failureLine() - RELATED_LINES_BEFORE) {
                causes.add(f.line());
            }
        }
        causes.add(boot.failureLine());
        return causes;
    }

    private Excerpt crashExcerpt(Crash crash, Map<Integer, String> lines) {
        ConsoleExcerpts.Range range = crashRange(crash);
        int start = Math.max(1, crash.startLine());
        int end = Math.max(start, crash.endLine());
        int guiltyLine = guiltyLine(crash);
        if (guiltyLine < 0) {
            guiltyLine = ripLine(crash, lines, start, end);
        }
        List<Excerpt.ExcerptLine> out = new ArrayList<>();
        boolean missing = false;
        for (int n = range.from(); n <= range.to(); n++) {
            String text = lines.get(n);
            if (text == null) {
                missing = n <= end;
                break;
            }
            String mark = n == guiltyLine ? "guilty" : n >= start && n <= end ? "report" : "context";
            out.add(new Excerpt.ExcerptLine(n, text, mark));
        }
        boolean cut = range.to() < end;
        int last = out.isEmpty() ? range.from() : out.get(out.size() - 1).n();
        return new Excerpt(range.from(), last, cut || missing, out);
    }

    private static Excerpt causeExcerpt(int line, Map<Integer, String> lines) {
        return causeExcerpt(List.of(line), lines);
    }

    private static Excerpt causeExcerpt(List<Integer> causes, Map<Integer, String> lines) {
        ConsoleExcerpts.Range range = around(causes);
        List<Excerpt.ExcerptLine> out = new ArrayList<>();
        for (int n = range.from(); n <= range.to(); n++) {
            String text = lines.get(n);
            if (text != null) {
                out.add(new Excerpt.ExcerptLine(n, text, causes.contains(n) ? "cause" : "context"));
            }
        }
        int last = out.isEmpty() ? range.from() : out.get(out.size() - 1).n();
        return new Excerpt(range.from(), last, !causes.stream().allMatch(lines::containsKey), out);
    }

    /** Line of the guilty frame in the call trace (the first frame with that function). */
    static int guiltyLine(Crash crash) {
        if (crash.guiltyFrame() == null) {
            return -1;
        }
        int fallback = -1;
        for (StackFrame f : crash.callTrace()) {
            if (f.isIn(crash.guiltyFrame())) {
                if (f.reliable()) {
                    return f.line();
                }
                if (fallback < 0) {
                    fallback = f.line();
                }
            }
        }
        return fallback;
    }

    /**
     * When the guilty frame is the faulting function itself (an oops in lkdtm_ACCESS_NULL), it is in
     * the RIP line and not in the call trace: the first report line naming it after "RIP:".
     */
    private static int ripLine(Crash crash, Map<Integer, String> lines, int start, int end) {
        if (crash.guiltyFrame() == null) {
            return -1;
        }
        String rip = ":" + crash.guiltyFrame() + "+";
        for (int n = start; n <= end; n++) {
            String text = lines.get(n);
            if (text != null && text.contains("RIP: ") && text.contains(rip)) {
                return n;
            }
        }
        return -1;
    }

    private Map<Integer, String> readLines(InstanceOutcome outcome, List<ConsoleExcerpts.Range> ranges,
                                           List<String> warnings) {
        if (outcome.console() == null || outcome.console().textFile() == null) {
            return null;
        }
        Path text = inside(outcome.console().textFile(), outcome.instanceId(), "console text", warnings);
        if (text == null) {
            return null;
        }
        if (!Files.isRegularFile(text)) {
            warnings.add(outcome.instanceId() + ": console text " + outcome.console().textFile()
                    + " is missing; crash lines are not shown");
            return null;
        }
        try {
            return new ConsoleExcerpts(MAX_LINE_CHARS).read(text, ranges);
        } catch (IOException e) {
            warnings.add(outcome.instanceId() + ": cannot read console text " + outcome.console().textFile()
                    + ": " + e.getMessage());
            return null;
        }
    }

    private String thumbnail(InstanceOutcome outcome, List<String> warnings) {
        if (outcome.screenshot() == null || outcome.screenshot().file() == null || thumbnails == null) {
            return null;
        }
        Path shot = inside(outcome.screenshot().file(), outcome.instanceId(), "screenshot", warnings);
        if (shot == null) {
            return null;
        }
        if (!Files.isRegularFile(shot)) {
            warnings.add(outcome.instanceId() + ": screenshot " + outcome.screenshot().file() + " is missing");
            return null;
        }
        Path thumb = Thumbnails.thumbnailPathFor(shot);
        try {
            if (!thumbnails.upToDate(shot, thumb)) {
                thumbnails.write(shot, thumb);
            }
            return relative(thumb);
        } catch (IOException | RuntimeException | java.awt.AWTError e) {
            warnings.add(outcome.instanceId() + ": no thumbnail for " + outcome.screenshot().file() + ": " + e.getMessage());
            return null;
        }
    }

    /** Resolves a collector path, refusing one that leaves the output folder. */
    private Path inside(String relativePath, String instanceId, String what, List<String> warnings) {
        Path p = outputDir.resolve(relativePath).normalize();
        if (!p.startsWith(outputDir)) {
            warnings.add(instanceId + ": " + what + " path " + relativePath + " leaves the output folder; ignored");
            return null;
        }
        return p;
    }

    private String relative(Path p) {
        return outputDir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
