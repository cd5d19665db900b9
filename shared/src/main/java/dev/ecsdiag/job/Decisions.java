package dev.ecsdiag.job;

import dev.ecsdiag.classify.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Evaluates a {@link FailurePolicy} on a run's result. The only place that decides whether
 * diagnostics fail a build: front ends map the {@link Decision} to their own terms.
 */
public final class Decisions {

    /** Instances named in a failure message before "and N more". */
    static final int NAMED = 10;

    private Decisions() {
    }

    public static Decision decide(JobResult result, FailurePolicy policy) {
        if (!result.outcome().ran()) {
            String why = "ecsdiag could not collect: " + result.message();
            return policy.failOnError() ? Decision.fail(why)
                    : Decision.pass(why + " (the build's result is left as it is; fail-on-error would fail it)");
        }
        List<InstanceSummary> failing = result.instances().stream().filter(i -> policy.failOn().contains(i.verdict())).toList();
        if (!failing.isEmpty()) {
            return Decision.fail(failing.size() + " of " + result.instances().size() + " instance"
                    + (result.instances().size() == 1 ? "" : "s") + " with a verdict that fails the build ("
                    + policy.failOn().stream().sorted().map(Verdict::id).collect(Collectors.joining(", ")) + "): "
                    + describe(failing));
        }
        List<InstanceSummary> failures = result.instances().stream().filter(i -> i.verdict().failure()).toList();
        return Decision.pass(failures.isEmpty() ? "" : failures.size() + " instance" + (failures.size() == 1 ? "" : "s")
                + " worth a look: " + describe(failures));
    }

    private static String describe(List<InstanceSummary> instances) {
        String named = instances.stream().limit(NAMED)
                .map(i -> i.instanceId() + " " + i.verdict().id() + ": " + i.reason())
                .collect(Collectors.joining("; "));
        return instances.size() > NAMED ? named + "; and " + (instances.size() - NAMED) + " more" : named;
    }
}
