package dev.ecsdiag.job;

import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.OutputLayout;
import dev.ecsdiag.config.Hint;
import dev.ecsdiag.report.ReportWriter;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of the job gives back: how it ended, what it found per instance, the report's files
 * and what the build should do. Every fact is typed; no caller has to read a warning's words.
 * Serialisable (Java and {@link JobJson}) so that it can come back from a build agent.
 *
 * @param outcome          how the run ended
 * @param message          one line about how it ended, for people ("the service refused the credentials: ...");
 *                         empty when it completed
 * @param hints            what to change when it could not run or stopped early, naming settings a front end renders its own way
 * @param region           region collected from
 * @param outputDirectory  absolute path of the output folder
 * @param instances        one summary per instance, worst verdict first
 * @param notFound         instance ids asked for but not found
 * @param counts           instances per verdict, every verdict present, worst first
 * @param crashGroups      crashes grouped by signature, most instances first
 * @param reportIndex      absolute path of {@code index.html}; null when the report was not written
 * @param reportProblem    why the report could not be written; null when it was (or when nothing was collected)
 * @param warnings         problems of the run as a whole (a bad fleet file line, the deadline reached, report warnings)
 * @param decision         what the build should do, under the request's policy
 * @param collection       everything collected, with each console's classification; null when the collection could not run
 */
public record JobResult(
        RunOutcome outcome,
        String message,
        List<Hint> hints,
        String region,
        String outputDirectory,
        List<InstanceSummary> instances,
        List<String> notFound,
        Map<Verdict, Integer> counts,
        List<CrashGroupSummary> crashGroups,
        String reportIndex,
        String reportProblem,
        List<String> warnings,
        Decision decision,
        CollectionResult collection) implements Serializable {

    public JobResult {
        hints = List.copyOf(hints);
        instances = List.copyOf(instances);
        notFound = List.copyOf(notFound);
        EnumMap<Verdict, Integer> all = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            all.put(v, counts == null ? 0 : counts.getOrDefault(v, 0));
        }
        counts = Collections.unmodifiableMap(all);
        crashGroups = List.copyOf(crashGroups);
        warnings = List.copyOf(warnings);
    }

    /** The page to open, when the report was written. */
    public Optional<Path> reportPage() {
        return Optional.ofNullable(reportIndex).map(Path::of);
    }

    /** {@code summary.md}, for pull-request comments and CI step summaries; empty when the report was not written. */
    public Optional<Path> summaryMarkdown() {
        return reportPage().map(p -> p.resolveSibling(ReportWriter.SUMMARY_MD));
    }

    /** {@code junit.xml}, one test case per instance, for Jenkins' junit step and CI test views; empty when the report was not written. */
    public Optional<Path> junitXml() {
        return reportPage().map(p -> p.resolveSibling(ReportWriter.JUNIT_XML));
    }

    /** {@code report.json}, everything the page shows, for tools; empty when the report was not written. */
    public Optional<Path> reportJson() {
        return reportPage().map(p -> p.resolveSibling(ReportWriter.REPORT_JSON));
    }

    /** {@code collection.json}, every outcome of the collection; empty when the collection could not run. */
    public Optional<Path> collectionRecord() {
        return collection == null ? Optional.empty() : Optional.of(Path.of(outputDirectory).resolve(OutputLayout.COLLECTION_JSON));
    }

    /** The worst verdict of any instance; empty when no instance was collected. */
    public Optional<Verdict> worstVerdict() {
        return instances.stream().map(InstanceSummary::verdict).min(Enum::compareTo);
    }

    /** The lines people read at the end of a run, the same in every front end: see {@link SummaryLines}. */
    public List<String> summaryLines() {
        return SummaryLines.of(this);
    }
}
