package dev.ecsdiag.collect;

import dev.ecsdiag.config.ProgressSink;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.ecs.EcsApi;
import dev.ecsdiag.ecs.ErrorHints;
import dev.ecsdiag.ecs.Redactor;
import dev.ecsdiag.ecs.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The retrieval stage: a {@link CollectionRequest} in, progress lines out, a {@link CollectionResult}
 * back, with every file written under the request's output folder (see {@link OutputLayout}).
 * Front ends do not call it directly: {@code dev.ecsdiag.job.DiagnosticsJob} runs it with the
 * classification and the report.
 *
 * <p>Holds no global state: each call builds its own SDK client, transport, threads and retry
 * state, so collections can run side by side in one JVM. Interrupting the calling thread cancels
 * the collection: calls in flight stop, what was fetched is kept and written, the result comes
 * back with a warning and the thread's interrupt flag stays set.
 *
 * <p>Throws {@link InvalidRequestException} only before any call is made (unreadable fleet file,
 * no credentials, output folder not writable); afterwards every problem is part of the result.
 */
public final class Collector {

    private final Map<String, String> environment;
    private final Random random;

    /** A collector reading proxy settings from the process environment. */
    public Collector() {
        this(System.getenv(), new Random());
    }

    /** For tests and embedders: the environment to take proxy settings from, and the jitter source. */
    public Collector(Map<String, String> environment, Random random) {
        this.environment = Map.copyOf(environment);
        this.random = random;
    }

    public CollectionResult collect(CollectionRequest request, ProgressSink progress) {
        return collectMeasured(request, progress).result();
    }

    /**
     * What a collection cost, for benchmarks and tests.
     *
     * @param pacedWaits   console/screenshot calls that waited for the same-instance window before their first attempt
     * @param pacingMillis how long those waits were, in all (they overlap with other instances' calls)
     */
    public record Stats(long callsMade, long retries, long throttledAnswers, long backoffMillis, long callsNotMade, long wallMillis,
                        long pacedWaits, long pacingMillis) {
    }

    /** How a collection ended, as a fact rather than a warning's words. */
    public enum Ending {
        /** every call was made (each may have failed on its own) */
        COMPLETED,
        /** the deadline was reached; calls not yet made were skipped */
        DEADLINE_REACHED,
        /** the calling thread was interrupted */
        CANCELLED,
        /** the instance lookup failed in a way no further call could overcome (see {@link Measured#fatal()}) */
        LOOKUP_FAILED
    }

    /**
     * A result with its cost and how it ended.
     *
     * @param fatal the lookup failure that stopped the collection when it ended {@link Ending#LOOKUP_FAILED}; null otherwise
     */
    public record Measured(CollectionResult result, Stats stats, Ending ending, CallFailure fatal) {
    }

    /**
     * Which instances the request selects, without fetching anything: DescribeInstances only, for a
     * front end's "test connection". The fleet file is not read (a form has no workspace).
     *
     * @param found    ids of the instances the lookup returned
     * @param notFound ids asked for that it did not return
     * @param warnings problems of the lookup
     * @param fatal    the failure no further call could overcome (refused key, unreachable endpoint); null otherwise
     */
    public record Lookup(List<String> found, List<String> notFound, List<String> warnings, CallFailure fatal) {
    }

    public Lookup lookup(CollectionRequest request, ProgressSink progress) {
        long deadlineNanos = System.nanoTime() + request.deadline().toNanos();
        Duration connectTimeout = request.callTimeout().compareTo(Duration.ofSeconds(5)) < 0 ? request.callTimeout() : Duration.ofSeconds(5);
        try (EcsApi api = EcsApi.open(request.region(), request.endpoint(), request.credentials(), connectTimeout, environment)) {
            InstanceDirectory.Result r = new InstanceDirectory(api, new RetryPolicy(request.retry(), random), request, deadlineNanos, progress)
                    .resolve(request.instanceIds(), request.tags());
            List<String> found = r.fatal() != null ? List.of()
                    : r.targets().stream().filter(d -> d.status() != null || d.name() != null || !d.tags().isEmpty())
                    .map(InstanceDirectory.Described::id).toList();
            return new Lookup(found, r.notFound(), r.warnings().stream().map(api.redactor()::apply).toList(), r.fatal());
        }
    }

    public Measured collectMeasured(CollectionRequest request, ProgressSink progress) {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        long deadlineNanos = startNanos + request.deadline().toNanos();
        OutputLayout layout = new OutputLayout(request.outputDir());
        List<String> warnings = new ArrayList<>();

        List<String> ids = new ArrayList<>(request.instanceIds());
        if (request.fleetFile() != null) {
            FleetFile fleet = FleetFile.read(request.fleetFile());
            ids = CollectionRequest.union(ids, fleet.ids());
            for (String w : fleet.warnings()) {
                warnings.add(w);
                progress.warn(w);
            }
            if (fleet.ids().isEmpty()) {
                String w = "the fleet file " + request.fleetFile() + " lists no instance ids";
                warnings.add(w);
                progress.warn(w);
            }
        }
        try {
            Files.createDirectories(layout.root().resolve(OutputLayout.INSTANCES));
        } catch (IOException e) {
            throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION,
                    "cannot create the output folder " + layout.root() + ": " + e, e);
        }

        Duration connectTimeout = request.callTimeout().compareTo(Duration.ofSeconds(5)) < 0 ? request.callTimeout() : Duration.ofSeconds(5);
        try (EcsApi api = EcsApi.open(request.region(), request.endpoint(), request.credentials(), connectTimeout, environment)) {
            String endpoint = api.endpoint().describe(request.region());
            progress.info("collecting from " + endpoint + " (region " + request.region() + "): "
                    + describeSelection(ids, request.tags()) + ", concurrency " + request.concurrency());
            RetryPolicy retry = new RetryPolicy(request.retry(), random);
            Redactor redactor = api.redactor();

            InstanceDirectory.Result found = new InstanceDirectory(api, retry, request, deadlineNanos, progress)
                    .resolve(ids, request.tags());
            warnings.addAll(found.warnings());

            List<InstanceWork> works = new ArrayList<>();
            for (InstanceDirectory.Described d : found.targets()) {
                works.add(new InstanceWork(d.id(), d.name(), d.status(), d.tags()));
            }
            FetchRun run = null;
            boolean cancelled = false;
            if (found.fatal() != null) {
                for (InstanceWork w : works) {
                    w.fail(found.fatal());
                    w.abandonRemaining("NotAttempted", "not attempted: " + found.fatal().code() + " on " + found.fatal().call(),
                            found.fatal().hint());
                }
            } else if (!works.isEmpty()) {
                progress.info("fetching console output, events and screenshots of " + works.size() + " instance"
                        + (works.size() == 1 ? "" : "s"));
                run = new FetchRun(new StepExecutor(api, layout, started, request.eventWindow()), retry, request, deadlineNanos,
                        endpoint, progress);
                try {
                    run.run(works);
                } catch (InterruptedException e) {
                    cancelled = true;
                }
                String stop = cancelled ? "Cancelled" : run.stopCode();
                if (stop != null) {
                    for (InstanceWork w : works) {
                        w.abandonRemaining(stop, stop.equals("Cancelled") ? "not attempted: the collection was cancelled"
                                        : "not attempted: the collection's deadline was reached",
                                ErrorHints.hint("", stop, request.region(), endpoint));
                    }
                    String w = stop.equals("Cancelled")
                            ? "collection cancelled: what was fetched before is kept"
                            : "deadline of " + seconds(request.deadline()) + " reached: calls not yet made were skipped,"
                            + " everything fetched before is kept";
                    warnings.add(w);
                    progress.warn(w);
                }
            }

            List<InstanceOutcome> outcomes = new ArrayList<>();
            for (InstanceWork w : works) {
                outcomes.add(w.snapshot());
            }
            outcomes.sort(Comparator.comparing(InstanceOutcome::instanceId));
            List<String> cleanWarnings = warnings.stream().map(redactor::apply).toList();
            CollectionResult result = new CollectionResult(request.region(), started, Instant.now(), layout.root().toString(),
                    outcomes, found.notFound(), cleanWarnings);
            write(result, layout, progress);
            long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            progress.info("collected " + outcomes.size() + " instance" + (outcomes.size() == 1 ? "" : "s") + " in "
                    + String.format(java.util.Locale.ROOT, "%.1f s", wall / 1000.0) + "; output in " + layout.root());
            Stats stats = new Stats(api.callsMade(), run == null ? 0 : run.retries(), run == null ? 0 : run.throttledAnswers(),
                    run == null ? 0 : TimeUnit.NANOSECONDS.toMillis(run.backoffNanos()), run == null ? 0 : run.skippedCalls(), wall,
                    run == null ? 0 : run.pacedWaits(), run == null ? 0 : TimeUnit.NANOSECONDS.toMillis(run.pacingNanos()));
            if (cancelled) {
                Thread.currentThread().interrupt();
            }
            Ending ending = found.fatal() != null ? Ending.LOOKUP_FAILED : cancelled ? Ending.CANCELLED
                    : run != null && run.stopCode() != null ? Ending.DEADLINE_REACHED : Ending.COMPLETED;
            return new Measured(result, stats, ending, found.fatal());
        }
    }

    private static void write(CollectionResult result, OutputLayout layout, ProgressSink progress) {
        try {
            CollectionJson.write(result, layout.collectionJson());
        } catch (IOException e) {
            progress.warn("could not write " + layout.collectionJson() + ": " + e.getMessage());
        }
    }

    private static String describeSelection(List<String> ids, Map<String, String> tags) {
        StringBuilder sb = new StringBuilder();
        if (!ids.isEmpty()) {
            sb.append(ids.size()).append(ids.size() == 1 ? " instance id" : " instance ids");
        }
        if (!tags.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(" and ");
            }
            sb.append("instances tagged ");
            StringBuilder t = new StringBuilder();
            tags.forEach((k, v) -> t.append(t.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            sb.append(t);
        }
        return sb.length() == 0 ? "no instances" : sb.toString();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
