package dev.ecsdiag.job;

import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.Collector;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.ProgressSink;
import dev.ecsdiag.report.Report;
import dev.ecsdiag.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The whole job, for every front end: find the instances, fetch their console output, screenshots
 * and system events, classify every console, decide each instance's verdict, write the report, and
 * decide what to tell the build. A {@link JobRequest} and a {@link ProgressSink} in, a
 * {@link JobResult} back.
 *
 * <pre>{@code
 * JobResult result = new DiagnosticsJob().run(request, progress);
 * result.summaryLines().forEach(log::info);
 * if (result.decision().failBuild()) throw new MyBuildFailure(result.decision().message());
 * }</pre>
 *
 * <p>Never throws for what happens during a run: a refused key, an unreachable endpoint, an
 * unreadable fleet file, a report that cannot be written all come back as typed facts in the result,
 * with everything collected before kept on disk. Interrupting the calling thread cancels the run:
 * what was fetched is kept, the report is written, the result says {@link RunOutcome#CANCELLED} and
 * the thread's interrupt flag stays set.
 *
 * <p>Holds no state between runs and no JVM-wide state: one instance may run several jobs at once
 * from several threads, and several jobs may run side by side in one JVM (a Jenkins controller).
 */
public final class DiagnosticsJob {

    private final Map<String, String> environment;
    private final Random random;

    /** A job that takes proxy settings from the process environment. */
    public DiagnosticsJob() {
        this(System.getenv(), new Random());
    }

    /** For embedders and tests: the environment to take proxy settings from, and the retry jitter's source. */
    public DiagnosticsJob(Map<String, String> environment, Random random) {
        this.environment = Map.copyOf(environment);
        this.random = random;
    }

    public JobResult run(JobRequest request, ProgressSink progress) {
        Collector.Measured measured;
        try {
            measured = new Collector(environment, random).collectMeasured(request.collectionRequest(), progress);
        } catch (InvalidRequestException e) {
            progress.warn(e.getMessage());
            return Results.couldNotRun(request, e);
        }
        CollectionResult collection = measured.result();
        Outcomes.Ended ended = Outcomes.of(measured, request);
        if (!ended.outcome().ran() || ended.outcome() == RunOutcome.NOTHING_FOUND) {
            progress.warn(ended.message());
        }

        // A cancelled run still writes its report from what was fetched: the interrupt is set aside
        // while the report's workers run, and restored afterwards.
        boolean interrupted = Thread.interrupted();
        Report report = null;
        String reportProblem = null;
        List<String> warnings = new ArrayList<>(collection.warnings());
        // Written whenever the collection ran at all, even when every call was refused: the page then
        // says why per instance, and a CI always finds the same files.
        try {
            report = new ReportWriter().write(collection, Path.of(collection.outputDir()), request.reportOptions());
            report.reportWarnings().forEach(progress::warn);
            warnings.addAll(report.reportWarnings());
        } catch (IOException | RuntimeException e) {
            reportProblem = "the report could not be written (" + e + "); the collected files are in " + collection.outputDir();
            progress.warn(reportProblem);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return Results.ran(request, ended, collection, report, reportProblem, warnings);
    }
}
