package dev.ecsdiag.maven;

import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.ProgressSink;
import dev.ecsdiag.config.Setting;
import dev.ecsdiag.job.JobResult;
import dev.ecsdiag.job.SummaryLines;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The job in Maven's log: progress at INFO (silenced by {@code -q}), each call at DEBUG ({@code -X}),
 * warnings at WARNING; at the end the job's summary lines, crash groups and where the report is; and
 * the settings a hint names, by their {@code ecsdiag.*} names. Maven's log is thread-safe.
 */
final class MavenJobLog implements ProgressSink {

    private final Log log;

    MavenJobLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void debug(String line) {
        log.debug(line);
    }

    void result(JobResult result) {
        if (result.outcome().ran()) {
            SummaryLines.of(result).forEach(log::info);
            if (!result.crashGroups().isEmpty()) {
                log.info("crashes by signature:");
                SummaryLines.crashGroups(result).forEach(l -> log.info("  " + l));
            }
            log.info("output: " + result.outputDirectory());
            result.reportPage().ifPresentOrElse(page -> log.info("report: " + page),
                    () -> log.warn("no report: " + result.reportProblem()));
        }
        // result.message() went through warn() already, as the job ended
        result.hints().forEach(h -> log.warn("hint: " + h.render(MavenJobLog::parameterOf)));
        if (!result.decision().failBuild() && !result.decision().message().isEmpty()) {
            log.warn(result.decision().message());
        }
    }

    /** A request the job refused before any call: the build fails only with failOnError. */
    void refused(InvalidRequestException e, boolean failOnError) throws MojoFailureException {
        String message = "ecsdiag could not collect: " + e.getMessage() + e.setting().map(s -> " (" + parameterOf(s) + ")").orElse("");
        if (failOnError) {
            throw new MojoFailureException(message);
        }
        log.warn(message + " (the build's result is left as it is; ecsdiag.failOnError would fail it)");
    }

    /** The POM parameter (and user property) for a setting. */
    static String parameterOf(Setting s) {
        return switch (s) {
            case REGION -> "ecsdiag.region";
            case ENDPOINT -> "ecsdiag.endpoint";
            case ACCESS_KEY_ID -> "ecsdiag.serverId: the server's <username> in settings.xml";
            case ACCESS_KEY_SECRET -> "ecsdiag.serverId: the server's <password> in settings.xml";
            case SECURITY_TOKEN -> "ecsdiag.serverId: the server's <configuration><securityToken> in settings.xml";
            case INSTANCES -> "ecsdiag.instances";
            case TAGS -> "ecsdiag.tags";
            case FLEET_FILE -> "ecsdiag.fleetFile";
            case CONCURRENCY -> "ecsdiag.concurrency";
            case CALL_TIMEOUT -> "ecsdiag.callTimeout";
            case DEADLINE -> "ecsdiag.deadline";
            case EVENT_WINDOW -> "ecsdiag.eventWindow";
            case SAME_INSTANCE_SPACING -> "ecsdiag.sameInstanceSpacing";
            case OUTPUT_DIRECTORY -> "ecsdiag.outputDirectory";
        };
    }
}
