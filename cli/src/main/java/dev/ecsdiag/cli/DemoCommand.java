package dev.ecsdiag.cli;

import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.ProgressSink;
import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import dev.ecsdiag.job.DiagnosticsJob;
import dev.ecsdiag.job.JobRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        JobConsole console = new JobConsole("demo", stdout, spec.commandLine().getErr());
        // The service's rule stays on (per instance: a screenshot waits for the window opened by the
        // instance's console call), with a shorter window than the service's 10 s so that the demo
        // takes a few seconds; the job is told the same window, as it would be the service's.
        try (EcsEmulator ecs = EcsEmulator.startDefaultFleet(EcsEmulator.builder().throttleWindow(DEMO_THROTTLE_WINDOW))) {
            List<String> ids = ecs.fleet().all().stream().map(EmulatedInstance::id).sorted().toList();
            stdout.println("ecsdiag demo: local ECS endpoint on " + ecs.endpoint() + " serving " + ids.size()
                    + " instances of a CI fleet (region " + ecs.region() + ")");
            stdout.flush();
            JobRequest request = JobRequest.builder()
                    .region(ecs.region())
                    .endpoint(ecs.endpoint())
                    // the emulator's local test key: it opens nothing but this emulator
                    .credentials(Credentials.of(CredentialStore.TEST_ACCESS_KEY_ID, CredentialStore.TEST_ACCESS_KEY_SECRET, null))
                    .instanceIds(ids)
                    .outputDirectory(out)
                    .callTimeout(Duration.ofSeconds(5))
                    .deadline(Duration.ofMinutes(2))
                    .sameInstanceSpacing(DEMO_THROTTLE_WINDOW)
                    .buildLabel("demo")
                    .build();
            return console.finish(new DiagnosticsJob().run(request, quiet ? ProgressSink.NONE : console.progress(false)));
        } catch (InvalidRequestException e) {
            return console.refused(e);
        }
    }
}
