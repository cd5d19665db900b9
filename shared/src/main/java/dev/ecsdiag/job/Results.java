package dev.ecsdiag.job;

import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.collect.CallFailure;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.InstanceOutcome;
import dev.ecsdiag.collect.InstanceVerdict;
import dev.ecsdiag.collect.InstanceVerdicts;
import dev.ecsdiag.config.Hint;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.report.CrashGroup;
import dev.ecsdiag.report.Report;
import dev.ecsdiag.report.ReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Puts a {@link JobResult} together from the collection and the report. */
final class Results {

    private Results() {
    }

    static JobResult couldNotRun(JobRequest request, InvalidRequestException e) {
        RunOutcome outcome = e.kind() == InvalidRequestException.Kind.UNREADABLE_INPUT ? RunOutcome.INPUT_UNREADABLE
                : RunOutcome.CONFIGURATION_ERROR;
        List<Hint> hints = e.setting().map(s -> List.of(Hint.of("check " + s.words(), s))).orElse(List.of());
        return withDecision(request, new JobResult(outcome, e.getMessage(), hints, request.region(),
                request.outputDirectory().toString(), List.of(), List.of(), Map.of(), List.of(), null, null, List.of(),
                null, null));
    }

    static JobResult ran(JobRequest request, Outcomes.Ended ended, CollectionResult collection, Report report,
                         String reportProblem, List<String> warnings) {
        // The verdicts are decided from the collection, whether or not the report was written; the
        // report only adds its thumbnails and its crash groups.
        Map<String, String> thumbnails = new HashMap<>();
        List<CrashGroupSummary> groups = new ArrayList<>();
        if (report != null) {
            report.instances().stream().filter(i -> i.thumbnail() != null)
                    .forEach(i -> thumbnails.put(i.instanceId(), i.thumbnail()));
            for (CrashGroup g : report.crashGroups()) {
                groups.add(new CrashGroupSummary(g.signature(), g.title(), g.type(), g.instances(),
                        g.history() == null || "unknown".equals(g.history().status()) ? null : g.history().describe()));
            }
        }
        List<InstanceSummary> instances = new ArrayList<>();
        for (InstanceOutcome o : collection.instances()) {
            instances.add(summary(o.instanceId(), o.name(), InstanceVerdicts.decide(o),
                    o.screenshot() == null ? null : o.screenshot().file(), thumbnails.get(o.instanceId()), o.failures()));
        }
        instances.sort(Comparator.comparing(InstanceSummary::verdict).thenComparing(InstanceSummary::instanceId));
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        instances.forEach(i -> counts.merge(i.verdict(), 1, Integer::sum));
        String index = report == null ? null : Path.of(collection.outputDir()).resolve(ReportWriter.INDEX_HTML).toString();
        return withDecision(request, new JobResult(ended.outcome(), ended.message(), ended.hints(), collection.region(),
                collection.outputDir(), instances, collection.notFound(), counts, groups, index, reportProblem, warnings,
                null, collection));
    }

    private static InstanceSummary summary(String id, String name, InstanceVerdict v, String screenshot, String thumbnail,
                                           List<CallFailure> failures) {
        return new InstanceSummary(id, name, v.verdict(), v.reason(), v.title(), v.platformEvent(), screenshot, thumbnail,
                failures.stream().map(f -> f.call() + ": " + f.code()).toList(), v.source());
    }

    private static JobResult withDecision(JobRequest request, JobResult r) {
        Decision d = Decisions.decide(r, request.policy());
        return new JobResult(r.outcome(), r.message(), r.hints(), r.region(), r.outputDirectory(), r.instances(), r.notFound(),
                r.counts(), r.crashGroups(), r.reportIndex(), r.reportProblem(), r.warnings(), d, r.collection());
    }
}
