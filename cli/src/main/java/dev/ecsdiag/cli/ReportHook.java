package dev.ecsdiag.cli;

import dev.ecsdiag.collect.CollectionResult;
import java.nio.file.Path;
import java.util.Optional;

/**
 * INTEGRATION HOOK: where {@code collect} and {@code demo} write the report (index.html,
 * report.json, junit.xml, summary.md) beside the collected files. The report lives on the
 * {@code report} branch; once it is merged, this becomes
 * {@code new ReportWriter().write(result, outputDir, <default ReportOptions>)} returning
 * {@code outputDir.resolve(ReportWriter.INDEX_HTML)}.
 */
final class ReportHook {

    private ReportHook() {
    }

    /** Writes the report; returns the page to open, or empty while no report writer is wired. */
    static Optional<Path> writeReport(CollectionResult result, Path outputDir) {
        return Optional.empty();
    }
}
