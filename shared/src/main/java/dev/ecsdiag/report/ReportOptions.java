package dev.ecsdiag.report;

import java.nio.file.Path;
import java.util.List;

/**
 * How to write a report.
 *
 * @param build           identifier of the build the report is about (e.g. Jenkins' build number or a
 *                        CI run id); shown on the page and used by the history of later reports; may be null
 * @param previousReports {@code report.json} files of earlier builds, for marking crash signatures as
 *                        new or recurring; any order (they are ordered by their own generation time)
 * @param historyWindow   how many of the most recent previous reports count ("seen in 4 of the last 10")
 * @param userRulesFiles  remediation rules files; their rules come before the built-in ones
 * @param thumbnailWidth  width in pixels of screenshot thumbnails
 * @param maxReportLines  longest excerpt of a crash report put into the page, in lines
 * @param threads         workers for reading console excerpts and scaling screenshots
 */
public record ReportOptions(
        String build,
        List<Path> previousReports,
        int historyWindow,
        List<Path> userRulesFiles,
        int thumbnailWidth,
        int maxReportLines,
        int threads) {

    public ReportOptions {
        previousReports = List.copyOf(previousReports);
        userRulesFiles = List.copyOf(userRulesFiles);
        if (historyWindow < 1) {
            throw new IllegalArgumentException("historyWindow must be at least 1, was " + historyWindow);
        }
        if (thumbnailWidth < 16) {
            throw new IllegalArgumentException("thumbnailWidth must be at least 16 pixels, was " + thumbnailWidth);
        }
        if (maxReportLines < 10) {
            throw new IllegalArgumentException("maxReportLines must be at least 10, was " + maxReportLines);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /** No build label, no history, built-in rules only. */
    public static ReportOptions defaults() {
        return new ReportOptions(null, List.of(), 10, List.of(), 320, 400,
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public ReportOptions withBuild(String build) {
        return new ReportOptions(build, previousReports, historyWindow, userRulesFiles, thumbnailWidth, maxReportLines, threads);
    }

    public ReportOptions withPreviousReports(List<Path> reports) {
        return new ReportOptions(build, reports, historyWindow, userRulesFiles, thumbnailWidth, maxReportLines, threads);
    }

    public ReportOptions withHistoryWindow(int window) {
        return new ReportOptions(build, previousReports, window, userRulesFiles, thumbnailWidth, maxReportLines, threads);
    }

    public ReportOptions withUserRulesFiles(List<Path> files) {
        return new ReportOptions(build, previousReports, historyWindow, files, thumbnailWidth, maxReportLines, threads);
    }

    public ReportOptions withThreads(int n) {
        return new ReportOptions(build, previousReports, historyWindow, userRulesFiles, thumbnailWidth, maxReportLines, n);
    }

    public ReportOptions withThumbnailWidth(int width) {
        return new ReportOptions(build, previousReports, historyWindow, userRulesFiles, width, maxReportLines, threads);
    }

    public ReportOptions withMaxReportLines(int lines) {
        return new ReportOptions(build, previousReports, historyWindow, userRulesFiles, thumbnailWidth, lines, threads);
    }
}
