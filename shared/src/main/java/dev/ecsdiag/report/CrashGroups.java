package dev.ecsdiag.report;

import dev.ecsdiag.classify.crash.Crash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups crashes of all instances by signature: "3 of 12 instances: BUG: soft lockup in ...". */
final class CrashGroups {

    private CrashGroups() {
    }

    /** The crash's signature; title and type when the classifier gave none. */
    static String signatureOf(Crash crash) {
        if (crash.signature() != null && !crash.signature().isBlank()) {
            return crash.signature();
        }
        return "title:" + crash.type() + ":" + crash.title();
    }

    static List<CrashGroup> group(List<InstanceReport> instances, ReportHistory history) {
        record Acc(CrashEntry first, List<String> instances) {
        }
        Map<String, Acc> groups = new LinkedHashMap<>();
        for (InstanceReport instance : instances) {
            for (CrashEntry entry : instance.crashes()) {
                Acc acc = groups.computeIfAbsent(entry.group(), k -> new Acc(entry, new ArrayList<>()));
                if (!acc.instances().contains(instance.instanceId())) {
                    acc.instances().add(instance.instanceId());
                }
            }
        }
        List<CrashGroup> out = new ArrayList<>();
        groups.forEach((signature, acc) -> out.add(new CrashGroup(signature, acc.first().title(),
                acc.first().crash().type(), acc.instances(), acc.instances().size(), instances.size(),
                history.of(signature), acc.first().hints())));
        // Most widespread first; ties keep the order of first appearance (stable sort).
        out.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return out;
    }
}
