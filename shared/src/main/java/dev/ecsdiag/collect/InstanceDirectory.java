package dev.ecsdiag.collect;

import dev.ecsdiag.config.ProgressSink;
import dev.ecsdiag.ecs.DescribedInstance;
import dev.ecsdiag.ecs.EcsApi;
import dev.ecsdiag.ecs.EcsCallException;
import dev.ecsdiag.ecs.ErrorHints;
import dev.ecsdiag.ecs.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Turns the request's selection into instances: DescribeInstances by id (100 per call) and by
 * tags, paging with NextToken, retrying transient failures. Ids that were asked for but not
 * returned are reported as not found. When the lookup itself fails for a reason other than
 * credentials, the ids asked for are still collected (the lookup only adds names and tags).
 */
final class InstanceDirectory {

    static final int PAGE_SIZE = 100;

    /** An instance to collect, described or only named by its id. */
    record Described(String id, String name, String status, Map<String, String> tags) {
    }

    /**
     * @param targets  instances to collect, in selection order
     * @param notFound ids asked for that DescribeInstances did not return
     * @param warnings problems of the lookup
     * @param fatal    a failure that no further call can overcome (bad credentials); null otherwise
     */
    record Result(List<Described> targets, List<String> notFound, List<String> warnings, CallFailure fatal) {
    }

    private final EcsApi api;
    private final RetryPolicy retry;
    private final CollectionRequest request;
    private final long deadlineNanos;
    private final ProgressSink progress;
    private final List<String> oddIds = new ArrayList<>();

    InstanceDirectory(EcsApi api, RetryPolicy retry, CollectionRequest request, long deadlineNanos, ProgressSink progress) {
        this.api = api;
        this.retry = retry;
        this.request = request;
        this.deadlineNanos = deadlineNanos;
        this.progress = progress;
    }

    Result resolve(List<String> ids, Map<String, String> tags) {
        Map<String, Described> found = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        boolean idLookupFailed = false;
        int tagged = 0;
        try {
            for (int i = 0; i < ids.size(); i += PAGE_SIZE) {
                describeAll(ids.subList(i, Math.min(ids.size(), i + PAGE_SIZE)), Map.of(), found);
            }
            if (!tags.isEmpty()) {
                tagged = describeAll(List.of(), tags, found);
            }
        } catch (Failed f) {
            CallFailure failure = f.failure;
            if (ErrorHints.failsEveryCall(failure.code())) {
                String w = "DescribeInstances failed: " + failure.code() + ": " + failure.message() + " -> " + failure.hint();
                progress.warn(w);
                warnings.add(w);
                List<Described> targets = ids.stream().map(id -> new Described(id, null, null, Map.of())).toList();
                return new Result(targets, List.of(), warnings, failure);
            }
            idLookupFailed = true;
            String w = "DescribeInstances failed (" + failure.code() + ": " + failure.message() + "); collecting the "
                    + ids.size() + " instance ids asked for without their names and tags"
                    + (tags.isEmpty() ? "" : ", and none selected by tags") + " -> " + failure.hint();
            progress.warn(w);
            warnings.add(w);
        }

        warnings.addAll(oddIds);
        java.util.Set<String> asked = new java.util.HashSet<>(ids);
        List<Described> targets = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String id : ids) {
            Described d = found.get(id);
            if (d != null) {
                targets.add(d);
            } else if (idLookupFailed) {
                targets.add(new Described(id, null, null, Map.of()));
            } else {
                notFound.add(id);
            }
        }
        for (Described d : found.values()) {
            if (!asked.contains(d.id())) {
                targets.add(d); // selected by tags
            }
        }
        if (!notFound.isEmpty()) {
            String w = notFound.size() + " of " + ids.size() + " instance ids not found in region " + request.region() + ": "
                    + String.join(", ", notFound.subList(0, Math.min(10, notFound.size()))) + (notFound.size() > 10 ? ", ..." : "")
                    + (notFound.size() == ids.size()
                    ? " (check the region; a RAM user without ecs:DescribeInstances also sees no instances)" : "");
            progress.warn(w);
            warnings.add(w);
        }
        if (!tags.isEmpty() && !idLookupFailed && tagged == 0) {
            String w = "no instance in region " + request.region() + " carries all the tags " + tags;
            progress.warn(w);
            warnings.add(w);
        }
        progress.info("found " + targets.size() + " instance" + (targets.size() == 1 ? "" : "s") + " to collect"
                + (notFound.isEmpty() ? "" : ", " + notFound.size() + " not found"));
        return new Result(targets, notFound, warnings, null);
    }

    /** Describes every page; returns how many instances the answers held. */
    private int describeAll(List<String> ids, Map<String, String> tags, Map<String, Described> into) throws Failed {
        String token = null;
        int pages = 0;
        int count = 0;
        do {
            final String pageToken = token;
            DescribedInstance.Page page = withRetry(
                    timeout -> api.describeInstances(ids, tags, pageToken, PAGE_SIZE, timeout));
            for (DescribedInstance i : page.instances()) {
                if (!InstanceIds.isValid(i.id())) {
                    // never let an odd id from an answer become a file name
                    String w = "DescribeInstances returned an id that is not safe as a folder name, skipped: '"
                            + InstanceIds.printable(i.id()) + "'";
                    progress.warn(w);
                    oddIds.add(w);
                    continue;
                }
                count++;
                into.putIfAbsent(i.id(), new Described(i.id(), i.name(), i.status(), i.tags()));
            }
            token = page.nextToken();
            pages++;
        } while (token != null && !token.isEmpty() && pages < 10_000);
        return count;
    }

    @FunctionalInterface
    private interface Call<T> {
        T call(Duration timeout) throws EcsCallException;
    }

    /** Blocking retry for the few lookup calls made before the parallel phase. */
    private <T> T withRetry(Call<T> call) throws Failed {
        int attempt = 0;
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            attempt++;
            try {
                if (left <= 0) {
                    throw new EcsCallException(EcsApi.DESCRIBE_INSTANCES, EcsCallException.Kind.REJECTED, "DeadlineReached",
                            "the deadline was reached before the instances were looked up", null, 0);
                }
                Duration timeout = Duration.ofNanos(Math.min(request.callTimeout().toNanos(), left));
                return call.call(timeout);
            } catch (EcsCallException e) {
                long delay = retry.delayNanos(e, attempt, deadlineNanos - System.nanoTime());
                if (delay == RetryPolicy.GIVE_UP) {
                    throw new Failed(new CallFailure(EcsApi.DESCRIBE_INSTANCES, e.code(), e.serviceMessage(), e.requestId(),
                            ErrorHints.hint(EcsApi.DESCRIBE_INSTANCES, e.code(), request.region(), api.endpoint().describe(request.region())),
                            attempt));
                }
                progress.info("DescribeInstances answered " + e.code() + ", retry " + (attempt + 1) + "/" + retry.settings().maxAttempts()
                        + " in " + TimeUnit.NANOSECONDS.toMillis(delay) + " ms");
                try {
                    TimeUnit.NANOSECONDS.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new Failed(new CallFailure(EcsApi.DESCRIBE_INSTANCES, "Cancelled", "the collection was cancelled", null,
                            ErrorHints.hint("", "Cancelled", request.region(), null), attempt));
                }
            }
        }
    }

    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient CallFailure failure;

        Failed(CallFailure failure) {
            super(failure.code(), null, false, false);
            this.failure = failure;
        }
    }
}
