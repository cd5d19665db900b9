package dev.ecsdiag.cli;

import dev.ecsdiag.collect.CollectionRequest;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.Collector;
import dev.ecsdiag.collect.Credentials;
import dev.ecsdiag.collect.InvalidRequestException;
import dev.ecsdiag.collect.ProgressSink;
import dev.ecsdiag.collect.RetrySettings;
import dev.ecsdiag.collect.Secret;
import dev.ecsdiag.report.ReportOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
                        + " variable (--secret-env) or standard input (--secret-stdin); never from an argument."})
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

    @Option(names = "--access-key-id", paramLabel = "ID", description = "AccessKey ID; the secret comes from --secret-env or --secret-stdin.")
    String accessKeyId;

    @Option(names = "--secret-env", paramLabel = "NAME", defaultValue = "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            description = "Environment variable holding the AccessKey secret (default: ${DEFAULT-VALUE}).")
    String secretEnv;

    @Option(names = "--secret-stdin", description = "Read the AccessKey secret from the first line of standard input.")
    boolean secretStdin;

    @Option(names = "--sts-token-env", paramLabel = "NAME",
            description = "Environment variable holding an STS security token, for temporary AccessKeys.")
    String stsTokenEnv;

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

    @Option(names = "--quiet", description = "Print only warnings and the summary.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CollectionRequest request;
        try {
            request = request();
        } catch (InvalidRequestException e) {
            return fail(err, e);
        }
        ProgressSink progress = progress(err);
        CollectionResult result;
        try {
            result = new Collector().collect(request, progress);
        } catch (InvalidRequestException e) {
            return fail(err, e);
        }
        Optional<Path> report = ReportHook.writeReport(result, request.outputDir(), reportOptions(), progress);
        CollectionSummary.print(out, result, report);
        Optional<String> credentials = CollectionSummary.credentialProblem(result);
        if (credentials.isPresent()) {
            err.println("ecsdiag collect: the service refused the credentials: " + credentials.get());
            err.flush();
            return Main.EXIT_CONFIGURATION;
        }
        return Main.EXIT_OK;
    }

    private ReportOptions reportOptions() {
        ReportOptions options = ReportOptions.defaults()
                .withPreviousReports(previousReports)
                .withUserRulesFiles(rulesFiles);
        return build == null ? options : options.withBuild(build);
    }

    private ProgressSink progress(PrintWriter err) {
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

    private int fail(PrintWriter err, InvalidRequestException e) {
        err.println("ecsdiag collect: " + e.getMessage());
        err.flush();
        return switch (e.kind()) {
            case USAGE -> Main.EXIT_USAGE;
            case UNREADABLE_INPUT -> Main.EXIT_UNREADABLE;
            case CONFIGURATION -> Main.EXIT_CONFIGURATION;
        };
    }

    CollectionRequest request() {
        if (!Double.isFinite(timeoutSeconds) || !Double.isFinite(deadlineSeconds) || !Double.isFinite(eventWindowHours)
                || !Double.isFinite(sameInstanceSpacingSeconds)) {
            throw new ParameterException(spec.commandLine(), "--timeout, --deadline, --event-window and --same-instance-spacing take numbers");
        }
        if (sameInstanceSpacingSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--same-instance-spacing must not be negative");
        }
        CollectionRequest.Builder b = CollectionRequest.builder()
                .region(region)
                .endpoint(endpoint)
                .concurrency(concurrency)
                .callTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
                .deadline(Duration.ofMillis(Math.round(deadlineSeconds * 1000)))
                .eventWindow(Duration.ofMinutes(Math.round(eventWindowHours * 60)))
                .outputDir(out)
                .fleetFile(fleetFile)
                .retry(RetrySettings.defaults().withSameInstanceSpacing(Duration.ofMillis(Math.round(sameInstanceSpacingSeconds * 1000))));
        try {
            for (String id : instances) {
                b.instanceId(id);
            }
            for (String t : tags) {
                int eq = t.indexOf('=');
                if (eq <= 0) {
                    throw new ParameterException(spec.commandLine(), "--tag takes KEY=VALUE, got '" + t + "'");
                }
                b.tag(t.substring(0, eq), t.substring(eq + 1));
            }
            // usage problems first: a missing secret matters only once the request makes sense
            return b.build().toBuilder().credentials(credentials()).build();
        } catch (InvalidRequestException e) {
            if (e.kind() == InvalidRequestException.Kind.USAGE) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            throw e;
        }
    }

    private Credentials credentials() {
        if (accessKeyId == null) {
            if (secretStdin) {
                throw new ParameterException(spec.commandLine(), "--secret-stdin needs --access-key-id");
            }
            return Credentials.defaultChain();
        }
        String secret = secretStdin ? readSecretFromStdin() : System.getenv(secretEnv);
        if (secret == null || secret.isBlank()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, secretStdin
                    ? "no AccessKey secret on standard input (expected it on the first line)"
                    : "the AccessKey secret for " + accessKeyId + " is expected in the environment variable " + secretEnv
                    + ", which is not set; set it, name another with --secret-env, or use --secret-stdin");
        }
        Secret token = null;
        if (stsTokenEnv != null) {
            String t = System.getenv(stsTokenEnv);
            if (t == null || t.isBlank()) {
                throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION,
                        "the STS token is expected in the environment variable " + stsTokenEnv + ", which is not set");
            }
            token = Secret.of(t.strip());
        }
        try {
            return token == null ? Credentials.accessKey(accessKeyId, Secret.of(secret.strip()))
                    : Credentials.sts(accessKeyId, Secret.of(secret.strip()), token);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, e.getMessage());
        }
    }

    private static String readSecretFromStdin() {
        try {
            // not closed: standard input belongs to the process
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return in.readLine();
        } catch (IOException e) {
            throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION,
                    "cannot read the AccessKey secret from standard input: " + e.getMessage());
        }
    }
}
