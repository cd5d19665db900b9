package dev.ecsdiag.cli;

import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.emulator.EcsEmulator;
import dev.ecsdiag.emulator.EmulatedInstance;
import dev.ecsdiag.emulator.Faults;
import dev.ecsdiag.emulator.ThrottleScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code ecsdiag emulator}: serves a fixture fleet on 127.0.0.1 through the ECS API, so that a
 * pipeline can be rehearsed offline; prints the endpoint and a local test key, runs until Ctrl-C.
 */
@Command(name = "emulator",
        versionProvider = VersionProvider.class,
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Runs a local ECS-compatible endpoint on 127.0.0.1 serving a fixture fleet, for offline rehearsals."
                + " Prints the endpoint, the region, a local test AccessKey pair and the fleet's instances with their"
                + " tags; runs until Ctrl-C. Fixture format: docs/emulator.md."})
final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--fixtures", paramLabel = "DIR",
            description = "Folder with one sub-folder per instance (instance.json, console.log, screenshot.png|jpg)."
                    + " Default: the built-in fleet of crashed and healthy instances.")
    Path fixtures;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--region", paramLabel = "R", defaultValue = EcsEmulator.DEFAULT_REGION,
            description = "Region the fleet lives in, for fixtures that name none (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--throttle-window", paramLabel = "S", defaultValue = "10",
            description = "Seconds two calls (console output, screenshot) on one instance must be apart,"
                    + " as on the service; 0 disables the rule (default: ${DEFAULT-VALUE}).")
    double throttleWindowSeconds;

    @Option(names = "--throttle-scope", paramLabel = "SCOPE", defaultValue = "instance",
            converter = ThrottleScopeConverter.class,
            description = "What the window counts: 'instance' (any console or screenshot call on the instance, as the"
                    + " service) or 'action' (console and screenshot each have their own window) (default: ${DEFAULT-VALUE}).")
    ThrottleScope throttleScope;

    /** {@code instance} / {@code action}, in lower case as written on the command line. */
    static final class ThrottleScopeConverter implements CommandLine.ITypeConverter<ThrottleScope> {
        @Override
        public ThrottleScope convert(String value) {
            try {
                return ThrottleScope.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected 'instance' or 'action', got '" + value + "'");
            }
        }
    }

    @Option(names = "--latency", paramLabel = "MS", defaultValue = "0",
            description = "Fault: milliseconds added to every answer (default: ${DEFAULT-VALUE}).")
    long latencyMillis;

    @Option(names = "--throttle-first", paramLabel = "N", defaultValue = "0",
            description = "Fault: the first N calls of each action answer Throttling (default: ${DEFAULT-VALUE}).")
    int throttleFirst;

    @Option(names = "--error-rate", paramLabel = "R", defaultValue = "0",
            description = "Fault: share of calls (0..1) answering ServiceUnavailable (default: ${DEFAULT-VALUE}).")
    double errorRate;

    @Option(names = "--reset-rate", paramLabel = "R", defaultValue = "0",
            description = "Fault: share of calls (0..1) whose connection is closed without an answer (default: ${DEFAULT-VALUE}).")
    double resetRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20140526",
            description = "Seed of the random draws behind fault rates (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quiet", description = "Do not print a line per call.")
    boolean quiet;

    /** Released by Ctrl-C (shutdown hook) or by {@link #stop()}. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Released once the endpoint is closed, so that Ctrl-C waits for the port to be freed. */
    private final CountDownLatch closed = new CountDownLatch(1);

    /** Stops a running command (tests, embedding). */
    void stop() {
        stopped.countDown();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + port);
        }
        if (throttleWindowSeconds < 0 || latencyMillis < 0 || throttleFirst < 0) {
            throw new ParameterException(spec.commandLine(), "--throttle-window, --latency and --throttle-first must not be negative");
        }
        Faults faults;
        try {
            faults = Faults.NONE.withLatency(Duration.ofMillis(latencyMillis)).withThrottleFirst(throttleFirst)
                    .withServerErrorRate(errorRate).withResetRate(resetRate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        EcsEmulator.Builder settings = EcsEmulator.builder()
                .port(port)
                .region(region)
                .throttleWindow(Duration.ofMillis(Math.round(throttleWindowSeconds * 1000)))
                .throttleScope(throttleScope)
                .seed(seed);
        if (!quiet) {
            settings.requestLog(line -> {
                synchronized (out) {
                    out.println("  " + line);
                    out.flush();
                }
            });
        }
        EcsEmulator ecs = settings.build();
        List<EmulatedInstance> fleet;
        try {
            fleet = fixtures == null ? EcsEmulator.defaultFleet(region) : loadFixtures(ecs, fixtures);
        } catch (IOException | IllegalArgumentException e) {
            err.println("ecsdiag emulator: cannot read the fixtures: " + e.getMessage());
            return Main.EXIT_UNREADABLE;
        }
        ecs.fleet().putAll(fleet);
        ecs.faults(faults);
        try {
            ecs.start();
        } catch (UncheckedIOException e) {
            err.println("ecsdiag emulator: " + e.getMessage());
            return Main.EXIT_CONFIGURATION;
        }
        Thread hook = new Thread(() -> {
            stop();
            try {
                closed.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ecsdiag-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            printBanner(out, ecs, fleet);
            stopped.await();
        } finally {
            ecs.close();
            out.println("ecsdiag emulator: stopped; answered " + ecs.counters().totalCalls() + " calls "
                    + ecs.counters().answersByCode());
            out.flush();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already running the hook.
            }
        }
        return Main.EXIT_OK;
    }

    private static List<EmulatedInstance> loadFixtures(EcsEmulator ecs, Path dir) throws IOException {
        ecs.loadFixtures(dir);
        return ecs.fleet().all();
    }

    /** "  tags ci-build=demo-1042, ci-runner=5": what --tag can select. */
    private static String tags(EmulatedInstance i) {
        if (i.tags().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("  tags ");
        i.tags().forEach((k, v) -> b.append(b.length() > 7 ? ", " : "").append(k).append('=').append(v));
        return b.toString();
    }

    private void printBanner(PrintWriter out, EcsEmulator ecs, List<EmulatedInstance> fleet) {
        out.println("ecsdiag emulator: local ECS endpoint (API 2014-05-26) serving " + fleet.size() + " instance(s) from "
                + (fixtures == null ? "the built-in fleet" : fixtures.toAbsolutePath()));
        out.println("  endpoint          " + ecs.endpoint());
        out.println("  region            " + ecs.region());
        out.println("  AccessKey ID      " + CredentialStore.TEST_ACCESS_KEY_ID);
        // Printing this secret is intended: it is a local test key that opens nothing but this emulator.
        out.println("  AccessKey secret  " + CredentialStore.TEST_ACCESS_KEY_SECRET + "   (local test key, valid only here)");
        out.println("  throttle window   " + ecs.throttleWindow().toMillis() / 1000.0 + " s per "
                + (ecs.throttleScope() == ThrottleScope.INSTANCE ? "instance" : "instance and action"));
        out.println("  instances:");
        for (EmulatedInstance i : fleet) {
            out.println("    " + i.id() + "  " + i.status() + "  " + i.regionId() + "  " + i.name() + tags(i));
        }
        out.println("Point a client at it, e.g.:");
        out.println("  export ALIBABA_CLOUD_ACCESS_KEY_ID=" + CredentialStore.TEST_ACCESS_KEY_ID
                + " ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + CredentialStore.TEST_ACCESS_KEY_SECRET);
        out.println("  ecsdiag collect --region " + ecs.region() + " --endpoint " + ecs.endpoint()
                + (fleet.isEmpty() ? "" : " --instance " + fleet.get(0).id()));
        fleet.stream().flatMap(i -> i.tags().entrySet().stream()).findFirst().ifPresent(tag ->
                out.println("  ecsdiag collect --region " + ecs.region() + " --endpoint " + ecs.endpoint()
                        + " --tag " + tag.getKey() + "=" + tag.getValue()));
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
