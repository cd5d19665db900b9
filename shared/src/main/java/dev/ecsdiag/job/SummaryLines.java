package dev.ecsdiag.job;

import dev.ecsdiag.classify.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lines a person reads at the end of a run, the same words in a terminal, a Maven log and a
 * Jenkins console: a headline with the counts, then one line per instance, worst verdict first
 * (instance, verdict, title of the worst crash or failure, platform event, failed calls), then the
 * instances not found. Where the files are is each front end's to say (it knows its own words).
 */
public final class SummaryLines {

    private SummaryLines() {
    }

    public static List<String> of(JobResult r) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(r));
        int width = r.instances().stream().mapToInt(i -> i.instanceId().length()).max().orElse(10);
        for (String id : r.notFound()) {
            width = Math.max(width, id.length());
        }
        int verdictWidth = 15;
        for (InstanceSummary i : r.instances()) {
            lines.add("  " + pad(i.instanceId(), width) + "  " + pad(i.verdict().id(), verdictWidth) + "  " + details(i));
        }
        for (String id : r.notFound()) {
            lines.add("  " + pad(id, width) + "  " + pad("not found", verdictWidth));
        }
        return lines;
    }

    /** One line per crash group: "3 of 12 instances: TITLE (history)". */
    public static List<String> crashGroups(JobResult r) {
        List<String> lines = new ArrayList<>();
        for (CrashGroupSummary g : r.crashGroups()) {
            lines.add(g.instances().size() + " of " + r.instances().size() + " instance" + (r.instances().size() == 1 ? "" : "s")
                    + ": " + g.title() + (g.history() == null ? "" : " (" + g.history() + ")"));
        }
        return lines;
    }

    /** "7 instances in cn-hangzhou: 2 crash, 1 boot-failure, 4 healthy". */
    public static String headline(JobResult r) {
        int n = r.instances().size();
        StringBuilder sb = new StringBuilder().append(n).append(n == 1 ? " instance" : " instances").append(" in ").append(r.region());
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<Verdict, Integer> e : r.counts().entrySet()) {
            if (e.getValue() > 0) {
                counts.append(counts.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().id());
            }
        }
        if (!r.notFound().isEmpty()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(r.notFound().size()).append(" not found");
        }
        return counts.length() == 0 ? sb.toString() : sb.append(": ").append(counts).toString();
    }

    private static String details(InstanceSummary i) {
        StringBuilder sb = new StringBuilder(i.reason() == null ? "" : i.reason());
        if (i.platformEvent() != null && i.verdict() != Verdict.PLATFORM_FAULT) {
            sb.append(sb.length() > 0 ? "; " : "").append("platform event ").append(i.platformEvent());
        }
        if (i.name() != null && !i.name().isBlank()) {
            sb.append(" [").append(i.name()).append(']');
        }
        if (i.verdict() != Verdict.NOT_COLLECTED && !i.failedCalls().isEmpty()) {
            sb.append(" (failed: ").append(String.join(", ", i.failedCalls())).append(')');
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
