package dev.ecsdiag.cli;

import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.ProgressSink;
import dev.ecsdiag.config.Setting;
import dev.ecsdiag.job.JobResult;
import dev.ecsdiag.job.SummaryLines;
import java.io.PrintWriter;

/**
 * The terminal's side of a job, for {@code collect} and {@code demo}: progress on standard error,
 * the job's summary lines and where each file is on standard output, the job's outcome and decision
 * as an exit status, and the command line's names for the settings a hint asks to change.
 */
final class JobConsole {

    private final String command;
    private final PrintWriter out;
    private final PrintWriter err;

    JobConsole(String command, PrintWriter out, PrintWriter err) {
        this.command = command;
        this.out = out;
        this.err = err;
    }

    /** Progress lines prefixed "ecsdiag: "; with {@code quiet}, warnings only. Thread-safe. */
    ProgressSink progress(boolean quiet) {
        return new ProgressSink() {
            @Override
            public void info(String line) {
                if (!quiet) {
                    print("ecsdiag: " + line);
                }
            }

            @Override
            public void warn(String line) {
                print("ecsdiag: WARNING: " + line);
            }

            private void print(String line) {
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            }
        };
    }

    /** Prints the result and returns the exit status. */
    int finish(JobResult result) {
        if (!result.outcome().ran()) {
            printEnding(result);
            err.flush();
            return exitStatus(result);
        }
        out.println();
        SummaryLines.of(result).forEach(out::println);
        if (!result.crashGroups().isEmpty()) {
            out.println();
            out.println("crashes by signature:");
            SummaryLines.crashGroups(result).forEach(l -> out.println("  " + l));
        }
        out.println();
        out.println("output:  " + result.outputDirectory());
        result.reportPage().ifPresent(page -> out.println("report:  " + page));
        result.summaryMarkdown().ifPresent(md -> out.println("summary for CI (Markdown): " + md));
        result.junitXml().ifPresent(junit -> out.println("JUnit XML: " + junit));
        result.collectionRecord().ifPresent(json -> out.println("collection record (JSON): " + json));
        out.flush();
        if (!result.message().isEmpty()) {
            printEnding(result);
        }
        if (result.decision().failBuild()) {
            err.println("ecsdiag " + command + ": " + result.decision().message());
        }
        err.flush();
        return exitStatus(result);
    }

    /** How the run ended and what to change, with the command line's names for the settings. */
    private void printEnding(JobResult result) {
        err.println("ecsdiag " + command + ": " + result.message());
        result.hints().forEach(h -> err.println("  hint: " + h.render(JobConsole::optionOf)));
    }

    /** Reports a request the core refused before running, and returns the exit status. */
    int refused(InvalidRequestException e) {
        err.println("ecsdiag " + command + ": " + e.getMessage() + e.setting().map(s -> " (" + optionOf(s) + ")").orElse(""));
        err.flush();
        return switch (e.kind()) {
            case USAGE -> Main.EXIT_USAGE;
            case UNREADABLE_INPUT -> Main.EXIT_UNREADABLE;
            case CONFIGURATION -> Main.EXIT_CONFIGURATION;
        };
    }

    static int exitStatus(JobResult result) {
        return switch (result.outcome()) {
            case COMPLETED, DEADLINE_REACHED, CANCELLED, NOTHING_FOUND ->
                    result.decision().failBuild() ? Main.EXIT_FAILED_VERDICT : Main.EXIT_OK;
            case INPUT_UNREADABLE -> Main.EXIT_UNREADABLE;
            case ENDPOINT_UNREACHABLE -> Main.EXIT_UNREACHABLE;
            case CREDENTIALS_REFUSED, UNKNOWN_REGION, CONFIGURATION_ERROR -> Main.EXIT_CONFIGURATION;
        };
    }

    /** The command line's name for a setting. */
    static String optionOf(Setting s) {
        return switch (s) {
            case REGION -> "--region";
            case ENDPOINT -> "--endpoint";
            case ACCESS_KEY_ID -> "--access-key-id";
            case ACCESS_KEY_SECRET -> "--secret-env or --secret-stdin";
            case SECURITY_TOKEN -> "--sts-token-env";
            case INSTANCES -> "--instance";
            case TAGS -> "--tag";
            case FLEET_FILE -> "--fleet-file";
            case CONCURRENCY -> "--concurrency";
            case CALL_TIMEOUT -> "--timeout";
            case DEADLINE -> "--deadline";
            case EVENT_WINDOW -> "--event-window";
            case SAME_INSTANCE_SPACING -> "--same-instance-spacing";
            case OUTPUT_DIRECTORY -> "--out";
        };
    }
}
