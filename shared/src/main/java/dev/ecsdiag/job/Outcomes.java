package dev.ecsdiag.job;

import dev.ecsdiag.collect.CallFailure;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.Collector;
import dev.ecsdiag.collect.InstanceOutcome;
import dev.ecsdiag.config.Hint;
import dev.ecsdiag.config.Setting;
import dev.ecsdiag.ecs.ErrorHints;
import dev.ecsdiag.ecs.KnownRegions;
import java.util.ArrayList;
import java.util.List;

/** Turns how the collection ended into the run's typed outcome, its one-line message and its hints. */
final class Outcomes {

    record Ended(RunOutcome outcome, String message, List<Hint> hints) {
    }

    private Outcomes() {
    }

    static Ended of(Collector.Measured measured, JobRequest request) {
        CollectionResult result = measured.result();
        CallFailure fatal = measured.fatal();
        if (fatal == null) {
            fatal = everyInstanceRefused(result.instances());
        }
        if (fatal != null) {
            return fatal(fatal, request);
        }
        return switch (measured.ending()) {
            case CANCELLED -> new Ended(RunOutcome.CANCELLED, "the run was cancelled; what was fetched before is kept", List.of());
            case DEADLINE_REACHED -> new Ended(RunOutcome.DEADLINE_REACHED, "the deadline of " + request.deadline().toSeconds()
                    + " s was reached; calls not yet made were skipped, what was fetched before is kept",
                    List.of(Hint.of("raise the deadline, or collect fewer instances", Setting.DEADLINE)));
            default -> result.instances().isEmpty() ? nothingFound(request, result) : new Ended(RunOutcome.COMPLETED, "", List.of());
        };
    }

    static Ended fatal(CallFailure f, JobRequest request) {
        Hint hint = new Hint(f.hint(), ErrorHints.settings(f.code()));
        String detail = f.code() + (f.message() == null ? "" : ": " + f.message());
        if (ErrorHints.isCredentialProblem(f.code())) {
            return new Ended(RunOutcome.CREDENTIALS_REFUSED, "the service refused the credentials ("
                    + request.credentials().describe() + "): " + detail, List.of(hint));
        }
        if (ErrorHints.isUnknownRegion(f.code()) || ErrorHints.isUnreachable(f.code()) && regionLooksMisspelt(request)) {
            String suggestion = KnownRegions.closest(request.region()).map(r -> " (did you mean " + r + "?)").orElse("");
            return new Ended(RunOutcome.UNKNOWN_REGION, "the region '" + request.region() + "' is not known" + suggestion + ": " + detail,
                    List.of(Hint.of("check the region, e.g. cn-hangzhou" + suggestion, Setting.REGION)));
        }
        if (ErrorHints.isUnreachable(f.code())) {
            return new Ended(RunOutcome.ENDPOINT_UNREACHABLE, "the ECS endpoint could not be reached: " + detail, List.of(hint));
        }
        return new Ended(RunOutcome.CONFIGURATION_ERROR, "the service refused every call: " + detail, List.of(hint));
    }

    /** Without an endpoint override, a region we do not know that also cannot be reached is most likely a typo. */
    private static boolean regionLooksMisspelt(JobRequest request) {
        return request.endpoint() == null && !KnownRegions.isKnown(request.region());
    }

    /** When every instance failed on its credentials (a refused key the lookup did not reveal), that failure. */
    private static CallFailure everyInstanceRefused(List<InstanceOutcome> instances) {
        CallFailure first = null;
        for (InstanceOutcome o : instances) {
            CallFailure f = o.failures().stream().filter(x -> ErrorHints.isCredentialProblem(x.code())).findFirst().orElse(null);
            if (f == null) {
                return null;
            }
            first = first == null ? f : first;
        }
        return first;
    }

    private static Ended nothingFound(JobRequest request, CollectionResult result) {
        List<String> asked = new ArrayList<>();
        if (!request.instanceIds().isEmpty() || request.fleetFile() != null) {
            int ids = result.notFound().size();
            asked.add(ids + " instance id" + (ids == 1 ? "" : "s")
                    + (request.fleetFile() == null ? "" : " (with the fleet file " + request.fleetFile() + ")"));
        }
        if (!request.tags().isEmpty()) {
            StringBuilder t = new StringBuilder();
            request.tags().forEach((k, v) -> t.append(t.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            asked.add("the tags " + t);
        }
        return new Ended(RunOutcome.NOTHING_FOUND, "no instance found in region " + request.region()
                + (request.endpoint() == null ? "" : " at " + request.endpoint()) + " for " + String.join(" and ", asked),
                List.of(Hint.of("check the region and the instance ids or tags; a RAM user without ecs:DescribeInstances"
                        + " sees no instances, and a released instance is gone: collect before the fleet is torn down",
                        Setting.REGION, Setting.INSTANCES, Setting.TAGS)));
    }
}
