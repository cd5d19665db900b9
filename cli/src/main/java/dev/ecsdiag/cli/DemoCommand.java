package dev.ecsdiag.cli;

import dev.ecsdiag.collect.CollectionRequest;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.Collector;
import dev.ecsdiag.collect.Credentials;
import dev.ecsdiag.collect.InvalidRequestException;
import dev.ecsdiag.collect.ProgressSink;
import dev.ecsdiag.collect.RetrySettings;
import dev.ecsdiag.collect.Secret;
import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import dev.ecsdiag.report.ReportOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecsdiag demo}: the main job with no cloud account. Starts the local ECS endpoint on its
 * built-in fleet (crashed and healthy instances with real kernel output), collects the whole
 * fleet through the real Alibaba SDK exactly as {@code collect} would, writes the outputs and
 * prints a verdict per instance and where everything is.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "Runs the whole job offline: starts the local ECS endpoint on its built-in fleet, collects every instance"
                        + " through the real Alibaba SDK, classifies the consoles, writes the outputs and prints where they are.",
                "Needs no cloud account; sends nothing beyond 127.0.0.1."})
final class DemoCommand implements Callable<Integer> {

    /**
     * A demo setting: the built-in fleet's same-instance window, shorter than the service's 10 s
     * (which {@code ecsdiag emulator} and {@code EcsEmulator} keep by default).
     */
    static final Duration DEMO_THROTTLE_WINDOW = Duration.ofSeconds(2);

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ecsdiag-demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quiet", description = "Print only the summary.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The service's rule stays on (per instance: a screenshot waits for the window opened by the
        // instance's console call), with a shorter window than the service's 10 s so that the demo
        // takes a few seconds; the collector is told the same window, as it would be the service's.
        try (EcsEmulator ecs = EcsEmulator.startDefaultFleet(EcsEmulator.builder().throttleWindow(DEMO_THROTTLE_WINDOW))) {
            List<String> ids = ecs.fleet().all().stream().map(EmulatedInstance::id).sorted().toList();
            stdout.println("ecsdiag demo: local ECS endpoint on " + ecs.endpoint() + " serving " + ids.size()
                    + " instances of a CI fleet (region " + ecs.region() + ")");
            stdout.flush();
            CollectionRequest request = CollectionRequest.builder()
                    .region(ecs.region())
                    .endpoint(ecs.endpoint())
                    // the emulator's local test key: it opens nothing but this emulator
                    .credentials(Credentials.accessKey(CredentialStore.TEST_ACCESS_KEY_ID, Secret.of(CredentialStore.TEST_ACCESS_KEY_SECRET)))
                    .instanceIds(ids)
                    .outputDir(out)
                    .callTimeout(Duration.ofSeconds(5))
                    .deadline(Duration.ofMinutes(2))
                    // the fixtures' events carry fixed dates: look far enough back to see them
                    .eventWindow(Duration.ofDays(3650))
                    .retry(RetrySettings.defaults().withSameInstanceSpacing(DEMO_THROTTLE_WINDOW))
                    .build();
            ProgressSink progress = quiet ? ProgressSink.NONE : line -> {
                synchronized (err) {
                    err.println("ecsdiag: " + line);
                    err.flush();
                }
            };
            CollectionResult result = new Collector().collect(request, progress);
            Optional<Path> report = ReportHook.writeReport(result, request.outputDir(), ReportOptions.defaults().withBuild("demo"), progress);
            CollectionSummary.print(stdout, result, report);
            return Main.EXIT_OK;
        } catch (InvalidRequestException e) {
            err.println("ecsdiag demo: " + e.getMessage());
            err.flush();
            return Main.EXIT_CONFIGURATION;
        }
    }
}
