package dev.ecsdiag.job;

import dev.ecsdiag.collect.Collector;
import dev.ecsdiag.config.Hint;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.ProgressSink;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * "Test connection" for a front end's form: with the request's region, endpoint and credentials,
 * how many instances do its ids and tags select? DescribeInstances only; nothing is fetched or
 * written, and the fleet file is not read.
 */
public final class ConnectionCheck {

    /**
     * @param outcome  COMPLETED when the lookup answered (even with no instance), else why it could not run
     * @param matching instances the ids and tags select
     * @param notFound ids asked for that the lookup did not return
     * @param message  one line for people: the count, or what went wrong
     * @param hints    what to change when it could not run
     */
    public record Result(RunOutcome outcome, int matching, List<String> notFound, String message, List<Hint> hints) {
        public Result {
            notFound = List.copyOf(notFound);
            hints = List.copyOf(hints);
        }
    }

    private final Map<String, String> environment;

    public ConnectionCheck() {
        this(System.getenv());
    }

    /** For embedders and tests: the environment to take proxy settings from. */
    public ConnectionCheck(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Result run(JobRequest request) {
        Collector.Lookup lookup;
        try {
            lookup = new Collector(environment, new Random()).lookup(request.collectionRequest(), ProgressSink.NONE);
        } catch (InvalidRequestException e) {
            return new Result(RunOutcome.CONFIGURATION_ERROR, 0, List.of(), e.getMessage(), List.of());
        }
        if (lookup.fatal() != null) {
            Outcomes.Ended ended = Outcomes.fatal(lookup.fatal(), request);
            return new Result(ended.outcome(), 0, List.of(), ended.message(), ended.hints());
        }
        int n = lookup.found().size();
        String message = n + (n == 1 ? " instance matches" : " instances match") + " in " + request.region()
                + (lookup.notFound().isEmpty() ? "" : "; not found: " + String.join(", ", lookup.notFound()))
                + (lookup.warnings().isEmpty() || lookup.notFound().size() > 0 ? "" : "; " + String.join("; ", lookup.warnings()));
        return new Result(RunOutcome.COMPLETED, n, lookup.notFound(), message, List.of());
    }
}
