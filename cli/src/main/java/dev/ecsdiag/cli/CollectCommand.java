package dev.ecsdiag.cli;

import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.job.DiagnosticsJob;
import dev.ecsdiag.job.FailurePolicy;
import dev.ecsdiag.job.JobRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ecsdiag collect}: fetches console output, screenshots and system events of a fleet and
 * classifies every console. Secrets come from the environment or standard input, never from an
 * argument (other users of the machine can read those).
 */
@Command(name = "collect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Fetches the serial console output, a screenshot and the system events of ECS instances, classifies"
                        + " every console log, and writes them under --out (layout: docs/collect.md).",
                "Credentials: the Alibaba Cloud default chain, or --access-key-id with the secret from an environment"
                        + " variable (--secret-env) or standard input (--secret-stdin); never from an argument."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:the collection ran, whatever it found (deadline reached and nothing found included)",
                "1:--fail-on matched: an instance has one of its verdicts",
                "2:usage error",
                "3:the fleet file cannot be read",
                "4:credentials or configuration (refused credentials, unknown region, no credentials)",
                "5:the ECS endpoint cannot be reached"},
        footerHeading = "%nExamples:%n",
        footer = {
                "  export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI... ALIBABA_CLOUD_ACCESS_KEY_SECRET=...",
                "  ecsdiag collect --region cn-hangzhou --tag ci-build=1042 \\",
                "      --out ecsdiag-output --fail-on crash,boot-failure",
                "  ecsdiag collect --region cn-hangzhou --instance i-bp67acfmxazb4ph8xxxx \\",
                "      --access-key-id LTAI... --secret-stdin < secret.txt",
                "  ecsdiag collect --region cn-hangzhou --endpoint 127.0.0.1:8800 \\",
                "      --same-instance-spacing 0 --fleet-file fleet.txt     # ecsdiag emulator",
                "",
                "Output: docs/collect.md; verdicts: docs/verdicts.md."})
final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--region", required = true, paramLabel = "R", description = "Region of the instances, e.g. cn-hangzhou.")
    String region;

    @Option(names = "--endpoint", paramLabel = "HOST:PORT",
            description = "Endpoint override (a VPC endpoint, or the local emulator); default: the region's public endpoint.")
    String endpoint;

    @Option(names = "--instance", paramLabel = "ID", arity = "1..*", split = ",", description = "Instance ids (repeatable).")
    List<String> instances = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "K=V", arity = "1..*", description = "Tag filters; an instance must carry all of them (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--fleet-file", paramLabel = "F", description = "File with one instance id per line; # starts a comment.")
    Path fleetFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ecsdiag-output", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "Calls in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10", description = "Seconds one call may take (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--deadline", paramLabel = "S", defaultValue = "600",
            description = "Seconds the whole collection may take; what was fetched by then is kept (default: ${DEFAULT-VALUE}).")
    double deadlineSeconds;

    @Option(names = "--event-window", paramLabel = "H", defaultValue = "24",
            description = "Hours of system events to look up, ending now (default: ${DEFAULT-VALUE}).")
    double eventWindowHours;

    @Option(names = "--same-instance-spacing", paramLabel = "S", defaultValue = "10",
            description = "Seconds between two calls (console output, screenshot) on one instance: the service answers"
                    + " Throttling to calls closer than 10 s. Lower it only for an endpoint with a shorter window, such as"
                    + " ecsdiag emulator --throttle-window (default: ${DEFAULT-VALUE}).")
    double sameInstanceSpacingSeconds;

    @Mixin
    CredentialOptions credentialOptions;

    @Option(names = "--build", paramLabel = "LABEL",
            description = "Identifier of this build (e.g. a CI build number), shown in the report and used by its history.")
    String build;

    @Option(names = "--previous-report", paramLabel = "FILE",
            description = "report.json of an earlier build, to mark each crash as new or recurring (repeatable, any order:"
                    + " they are sorted by when they were written; the last 10 count).")
    List<Path> previousReports = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE",
            description = "A remediation rules file (docs/report.md); its rules come before the built-in ones (repeatable).")
    List<Path> rulesFiles = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "VERDICT", split = ",",
            description = "Exit with status 1 when an instance has one of these verdicts (comma-separated), e.g."
                    + " crash,boot-failure; the verdicts: boot-failure, crash, storage-failure, oom, platform-fault,"
                    + " not-collected, empty-console, healthy. Default: none (the status says only whether the collection ran).")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--quiet", description = "Print only warnings and the summary.")
    boolean quiet;

    @Override
    public Integer call() {
        JobConsole console = new JobConsole("collect", spec.commandLine().getOut(), spec.commandLine().getErr());
        JobRequest request;
        try {
            request = request();
        } catch (InvalidRequestException e) {
            return console.refused(e);
        }
        return console.finish(new DiagnosticsJob().run(request, console.progress(quiet)));
    }

    JobRequest request() {
        if (!Double.isFinite(timeoutSeconds) || !Double.isFinite(deadlineSeconds) || !Double.isFinite(eventWindowHours)
                || !Double.isFinite(sameInstanceSpacingSeconds)) {
            throw new ParameterException(spec.commandLine(), "--timeout, --deadline, --event-window and --same-instance-spacing take numbers");
        }
        Map<String, String> tagFilters = new LinkedHashMap<>();
        for (String t : tags) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--tag takes KEY=VALUE, got '" + t + "'");
            }
            tagFilters.put(t.substring(0, eq), t.substring(eq + 1));
        }
        JobRequest.Builder b = JobRequest.builder()
                .region(region)
                .endpoint(endpoint)
                .instanceIds(instances)
                .tags(tagFilters)
                .fleetFile(fleetFile)
                .concurrency(concurrency)
                .callTimeout(millis(timeoutSeconds))
                .deadline(millis(deadlineSeconds))
                .eventWindow(Duration.ofMinutes(Math.round(eventWindowHours * 60)))
                .sameInstanceSpacing(millis(sameInstanceSpacingSeconds))
                .outputDirectory(out)
                .buildLabel(build)
                .previousReports(previousReports)
                .rulesFiles(rulesFiles);
        try {
            b.failOn(FailurePolicy.parseVerdicts(String.join(",", failOn)), false);
            // usage problems first: a missing secret matters only once the request makes sense
            b.build();
            return b.credentials(credentialOptions.credentials(spec.commandLine())).build();
        } catch (InvalidRequestException e) {
            if (e.kind() == InvalidRequestException.Kind.USAGE) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            throw e;
        }
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
