package dev.ecsdiag.classify;

import dev.ecsdiag.classify.text.ConsoleLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongToIntFunction;
import java.util.regex.Matcher;

/**
 * OOM kills, storage and filesystem failures, driven by the table in {@link FindingRules}.
 *
 * <p>State is bounded: repeats of the same failure on the same device in the same boot merge into
 * one finding with a {@code count} (a dying disk prints thousands of identical errors); at most
 * {@link #MAX_FINDINGS} findings are kept; the device-to-filesystem map and the pending OOM context
 * are capped too. Time is linear: each line is scanned once for the needles, and only lines that hold
 * a needle meet the (length-capped) patterns.
 */
public final class FindingAnalyzer implements LineAnalyzer {

    /** Findings kept per log; further distinct findings are counted in {@link #dropped()}. */
    public static final int MAX_FINDINGS = 1000;
    private static final int MAX_DEVICES = 256;

    private static final Compiled DEFAULT = new Compiled(FindingRules.ALL);

    private final List<FindingRule> rules;
    private final NeedleSet needles;
    private final int[] needleOfRule;
    private final NeedleSet.Hits hits;

    private final Map<String, Pending> byKey = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, String> filesystemOfDevice = new LinkedHashMap<>();
    private Map<String, String> oomContext;
    private long oomContextLine;
    private int epoch;
    private long dropped;

    public FindingAnalyzer() {
        this(DEFAULT);
    }

    FindingAnalyzer(List<FindingRule> rules) {
        this(new Compiled(rules));
    }

    private FindingAnalyzer(Compiled compiled) {
        this.rules = compiled.rules;
        this.needles = compiled.needles;
        this.needleOfRule = compiled.needleOfRule;
        this.hits = needles.newHits();
    }

    /** A table with its needles compiled once (the default table is compiled once per JVM). */
    private static final class Compiled {
        final List<FindingRule> rules;
        final NeedleSet needles;
        final int[] needleOfRule;

        Compiled(List<FindingRule> rules) {
            this.rules = List.copyOf(rules);
            List<String> distinct = new ArrayList<>(new LinkedHashSet<>(rules.stream().map(FindingRule::needle).toList()));
            this.needles = new NeedleSet(distinct);
            this.needleOfRule = rules.stream().mapToInt(r -> distinct.indexOf(r.needle())).toArray();
        }
    }

    @Override
    public void accept(ConsoleLine line) {
        String raw = line.text();
        if (raw == null || needles.scan(raw, LineText.MAX_CHARS, hits) == 0) {
            return; // the common case: no rule can match
        }
        String text = LineText.of(line);
        for (int i = 0; i < rules.size(); i++) {
            if (!hits.contains(needleOfRule[i])) {
                continue;
            }
            FindingRule rule = rules.get(i);
            Matcher m = rule.pattern().matcher(text);
            if (m.find()) {
                Map<String, String> details = rule.details(m);
                if (rule.role() == FindingRule.Role.OOM_VICTIM || rule.role() == FindingRule.Role.OOM_CONTEXT) {
                    oomHeader(text, m.start(), details);
                }
                apply(rule, details, line.number());
                return; // one rule per line: the table's order decides
            }
        }
    }

    /**
     * The header before {@code Killed process} / {@code Kill process} ("Out of memory",
     * "Memory cgroup out of memory", "Out of memory (oom_kill_allocating_task)"), found by a plain
     * search instead of a pattern that would be tried at every position of the line.
     */
    private static void oomHeader(String text, int matchStart, Map<String, String> details) {
        int end = text.lastIndexOf(": ", matchStart);
        if (end < 0 || matchStart - end > 2) {
            return;
        }
        int begin = Math.max(text.lastIndexOf("Memory cgroup out of memory", end), text.lastIndexOf("Out of memory", end));
        if (begin >= 0 && end - begin <= 64) {
            details.put("header", text.substring(begin, end));
        }
    }

    private void apply(FindingRule rule, Map<String, String> details, long line) {
        switch (rule.role()) {
            case BOOT -> {
                epoch++;
                oomContext = null;
            }
            case MOUNT -> rememberFilesystem(details);
            case OOM_CONTEXT -> addOomContext(rule, details, line);
            case OOM_VICTIM -> oomKill(rule, details, line);
            case EVENT -> event(rule, details, line);
        }
    }

    private void event(FindingRule rule, Map<String, String> details, long line) {
        String device = details.get("device");
        if (device != null && rule.group().equals("block") && FindingRules.NOISY_DEVICES.matcher(device).matches()) {
            return;
        }
        rememberFilesystem(details);
        record(rule.kind(), rule.group() + '|' + device, FindingRule.fill(rule.title(), details), details, line);
    }

    private void addOomContext(FindingRule rule, Map<String, String> details, long line) {
        if (rule.id().equals("oom-invoked") || oomContext == null) {
            oomContext = new LinkedHashMap<>(); // a new OOM report starts
            oomContextLine = line;
        }
        details.forEach(oomContext::putIfAbsent);
    }

    private void oomKill(FindingRule rule, Map<String, String> details, long line) {
        Map<String, String> merged = new LinkedHashMap<>();
        merged.put("scope", "global");
        if (oomContext != null && samePid(oomContext, details)) {
            merged.putAll(oomContext);
            merged.put("report-line", Long.toString(oomContextLine));
        }
        details.forEach(merged::putIfAbsent);
        String header = merged.remove("header");
        if ((header != null && header.startsWith("Memory cgroup")) || "CONSTRAINT_MEMCG".equals(merged.get("constraint"))
                || merged.containsKey("oom-memcg")) {
            merged.put("scope", "memcg");
        }
        if (header == null) {
            header = merged.get("scope").equals("memcg") ? "Memory cgroup out of memory" : "Out of memory";
        }
        merged.put("header", header);
        String title = FindingRule.fill(rule.title(), merged);
        merged.remove("header");
        String key = rule.group() + '|' + merged.get("scope") + '|' + merged.get("process") + '|' + merged.get("oom-memcg");
        record(FindingKind.OOM_KILL, key, title, merged, line);
        oomContext = null;
    }

    /** The summary line names the victim; a kill of another pid is not the same report. */
    private static boolean samePid(Map<String, String> context, Map<String, String> kill) {
        String a = context.get("pid");
        String b = kill.get("pid");
        return a == null || b == null || a.equals(b);
    }

    private void record(FindingKind kind, String key, String title, Map<String, String> details, long line) {
        String fullKey = key + '|' + epoch;
        Pending p = byKey.get(fullKey);
        if (p != null) {
            p.count++;
            p.lastLine = line;
            details.forEach(p.details::putIfAbsent); // a later line may add facts (an XFS reason)
            return;
        }
        if (pending.size() >= MAX_FINDINGS) {
            dropped++;
            return;
        }
        p = new Pending(kind, title, line, new LinkedHashMap<>(details));
        byKey.put(fullKey, p);
        pending.add(p);
    }

    private void rememberFilesystem(Map<String, String> details) {
        String device = details.get("device");
        String fs = details.get("filesystem");
        if (device != null && fs != null && (filesystemOfDevice.size() < MAX_DEVICES || filesystemOfDevice.containsKey(device))) {
            filesystemOfDevice.put(device, fs);
        }
    }

    /** Distinct findings that did not fit in {@link #MAX_FINDINGS}. */
    public long dropped() {
        return dropped;
    }

    public List<Finding> findings(LongToIntFunction bootOfLine) {
        List<Finding> out = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            Map<String, String> details = new LinkedHashMap<>(p.details);
            String device = details.get("device");
            if (device != null && !details.containsKey("filesystem")) {
                String fs = filesystemOn(device);
                if (fs != null) {
                    details.put("filesystem", fs);
                }
            }
            if (p.count > 1) {
                details.put("count", Long.toString(p.count));
                details.put("last-line", Long.toString(p.lastLine));
            }
            out.add(new Finding(p.kind, p.title, toInt(p.line), bootOfLine.applyAsInt(p.line), details));
        }
        return out;
    }

    /** The filesystem on a device, or on its partitions ({@code vda} holds {@code vda1}). */
    private String filesystemOn(String device) {
        String exact = filesystemOfDevice.get(device);
        if (exact != null) {
            return exact;
        }
        Set<String> found = new LinkedHashSet<>();
        filesystemOfDevice.forEach((dev, fs) -> {
            if (dev.length() > device.length() && dev.startsWith(device)) {
                found.add(fs + " (" + dev + ")");
            }
        });
        return found.isEmpty() ? null : String.join(", ", found);
    }

    static int toInt(long line) {
        return line > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) line;
    }

    private static final class Pending {
        final FindingKind kind;
        final String title;
        final long line;
        final Map<String, String> details;
        long count = 1;
        long lastLine;

        Pending(FindingKind kind, String title, long line, Map<String, String> details) {
            this.kind = kind;
            this.title = title;
            this.line = line;
            this.details = details;
            this.lastLine = line;
        }
    }
}
