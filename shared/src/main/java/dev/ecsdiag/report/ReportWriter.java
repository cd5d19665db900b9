package dev.ecsdiag.report;

import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.InstanceOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the report of a collection: {@code index.html} (with {@code report.css}),
 * {@code report.json}, {@code junit.xml}, {@code summary.md} and a thumbnail beside each screenshot,
 * into the collection's output folder. The one entry point for the command line and both plugins.
 *
 * <p>Problems with optional inputs (a previous report, a rules file, a missing screenshot) become
 * warnings in the report; they never stop it. Thread-safe; holds no state between calls.
 */
public final class ReportWriter {

    public static final String INDEX_HTML = "index.html";
    public static final String REPORT_CSS = "report.css";
    public static final String REPORT_JSON = "report.json";
    public static final String JUNIT_XML = "junit.xml";
    public static final String SUMMARY_MD = "summary.md";

    private final Clock clock;

    public ReportWriter() {
        this(Clock.systemUTC());
    }

    public ReportWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Builds the report and writes every file.
     *
     * @return the report as written to {@code report.json}
     * @throws IOException when an output file cannot be written
     */
    public Report write(CollectionResult result, Path outputDir, ReportOptions options) throws IOException {
        Report report = build(result, outputDir, options);
        Files.createDirectories(outputDir);
        new JsonReportWriter().write(report, outputDir.resolve(REPORT_JSON));
        new HtmlReportWriter().write(report, outputDir.resolve(INDEX_HTML), outputDir.resolve(REPORT_CSS));
        new JUnitReportWriter().write(report, outputDir.resolve(JUNIT_XML));
        new MarkdownSummaryWriter().write(report, outputDir.resolve(SUMMARY_MD));
        return report;
    }

    /** Builds the report (and the thumbnails) without writing the report's own files. */
    public Report build(CollectionResult result, Path outputDir, ReportOptions options) throws IOException {
        List<String> warnings = new ArrayList<>();
        RemediationRules rules = RemediationRules.load(options.userRulesFiles(), warnings::add);
        ReportHistory history = ReportHistory.load(options.previousReports(), options.historyWindow(), warnings::add);
        InstanceReportBuilder builder = new InstanceReportBuilder(outputDir, rules,
                new Thumbnails(options.thumbnailWidth()), options.maxReportLines());

        List<InstanceReport> instances = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "ecsdiag-report");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<InstanceReportBuilder.Result>> futures = new ArrayList<>();
            for (InstanceOutcome outcome : result.instances()) {
                futures.add(pool.submit(() -> builder.build(outcome)));
            }
            for (Future<InstanceReportBuilder.Result> f : futures) {
                InstanceReportBuilder.Result r = f.get();
                instances.add(r.report());
                warnings.addAll(r.warnings());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the report", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IllegalStateException("report of an instance failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        // Worst first, so the instances that need a look are at the top; the id keeps it stable.
        instances.sort(Comparator.comparing(InstanceReport::verdict).thenComparing(InstanceReport::instanceId));

        Map<String, Integer> totals = new LinkedHashMap<>();
        totals.put("instances", instances.size());
        for (Verdict v : Verdict.values()) {
            totals.put(v.id(), (int) instances.stream().filter(i -> i.verdict() == v).count());
        }
        return new Report(Report.SCHEMA_VERSION, "ecsdiag", options.build(),
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), result.region(),
                result.started() == null ? null : result.started().truncatedTo(ChronoUnit.SECONDS).toString(),
                result.finished() == null ? null : result.finished().truncatedTo(ChronoUnit.SECONDS).toString(),
                totals, instances, CrashGroups.group(instances, history), result.notFound(), result.warnings(),
                warnings);
    }
}
