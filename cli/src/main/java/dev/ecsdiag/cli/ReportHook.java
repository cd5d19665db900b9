package dev.ecsdiag.cli;

import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.ProgressSink;
import dev.ecsdiag.report.Report;
import dev.ecsdiag.report.ReportOptions;
import dev.ecsdiag.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes the report (index.html, report.json, junit.xml, summary.md) beside the collected files,
 * for {@code collect} and {@code demo}. A report that cannot be written is a warning, never a
 * failure: what was collected stays on disk either way.
 */
final class ReportHook {

    private ReportHook() {
    }

    /** Writes the report; returns the page to open, or empty when it could not be written. */
    static Optional<Path> writeReport(CollectionResult result, Path outputDir, ReportOptions options, ProgressSink progress) {
        try {
            Report report = new ReportWriter().write(result, outputDir, options);
            report.reportWarnings().forEach(progress::warn);
            return Optional.of(outputDir.resolve(ReportWriter.INDEX_HTML));
        } catch (IOException | RuntimeException e) {
            progress.warn("the report could not be written (" + e + "); the collected files are in " + outputDir);
            return Optional.empty();
        }
    }
}
