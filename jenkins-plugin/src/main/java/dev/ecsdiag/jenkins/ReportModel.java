package dev.ecsdiag.jenkins;

import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.job.CrashGroupSummary;
import dev.ecsdiag.job.InstanceSummary;
import dev.ecsdiag.job.JobResult;
import dev.ecsdiag.job.SummaryLines;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the build page shows, kept with the build (build.xml): plain classes with plain fields,
 * because Jenkins' XStream reads neither records nor the core's result types. Paths are relative to
 * the archived output folder ({@code artifact/ecsdiag/}).
 */
public final class ReportModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String headline;
    private final String outcome;
    private final String message;
    private final Map<String, Integer> counts;
    private final List<Group> groups;
    private final List<Instance> instances;
    private final List<String> notFound;
    private final String reportIndex;
    private final boolean failBuild;
    private final String decision;

    ReportModel(String headline, String outcome, String message, Map<String, Integer> counts, List<Group> groups,
                List<Instance> instances, List<String> notFound, String reportIndex, boolean failBuild, String decision) {
        this.headline = headline;
        this.outcome = outcome;
        this.message = message;
        this.counts = new LinkedHashMap<>(counts);
        this.groups = new ArrayList<>(groups);
        this.instances = new ArrayList<>(instances);
        this.notFound = new ArrayList<>(notFound);
        this.reportIndex = reportIndex;
        this.failBuild = failBuild;
        this.decision = decision;
    }

    /** The page's facts from the job's result; {@code reportIndex} is made relative to the output folder. */
    public static ReportModel of(JobResult r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        r.counts().forEach((v, n) -> {
            if (n > 0) {
                counts.put(v.id(), n);
            }
        });
        List<Group> groups = new ArrayList<>();
        for (CrashGroupSummary g : r.crashGroups()) {
            groups.add(new Group(g.title(), g.type(), g.instances(), g.history()));
        }
        List<Instance> instances = new ArrayList<>();
        for (InstanceSummary i : r.instances()) {
            instances.add(new Instance(i.instanceId(), i.name(), i.verdict(), i.reason(), i.platformEvent(),
                    slashes(i.screenshot()), slashes(i.thumbnail())));
        }
        String index = relative(r.outputDirectory(), r.reportIndex());
        return new ReportModel(SummaryLines.headline(r), r.outcome().id(), r.message(), counts, groups, instances,
                r.notFound(), index, r.decision().failBuild(), r.decision().message());
    }

    /** {@code file} relative to {@code folder}, as text: both are the agent's paths, maybe another OS's. */
    static String relative(String folder, String file) {
        if (file == null) {
            return null;
        }
        String f = slashes(file);
        String dir = folder == null ? "" : slashes(folder);
        if (!dir.isEmpty() && f.startsWith(dir.endsWith("/") ? dir : dir + "/")) {
            return f.substring(dir.length() + (dir.endsWith("/") ? 0 : 1));
        }
        return f.substring(f.lastIndexOf('/') + 1);
    }

    private static String slashes(String path) {
        return path == null ? null : path.replace('\\', '/');
    }

    public String getHeadline() {
        return headline;
    }

    /** The run's outcome id, e.g. {@code completed}, {@code credentials-refused}. */
    public String getOutcome() {
        return outcome;
    }

    /** How the run ended, for people; empty when it completed. */
    public String getMessage() {
        return message == null ? "" : message;
    }

    /** Instances per verdict id, worst first, only verdicts that occur. */
    public Map<String, Integer> getCounts() {
        return Collections.unmodifiableMap(counts);
    }

    public List<Group> getGroups() {
        return Collections.unmodifiableList(groups);
    }

    public List<Instance> getInstances() {
        return Collections.unmodifiableList(instances);
    }

    public List<String> getNotFound() {
        return Collections.unmodifiableList(notFound);
    }

    /** {@code index.html} relative to the output folder; null when the report was not written. */
    public String getReportIndex() {
        return reportIndex;
    }

    public boolean isFailBuild() {
        return failBuild;
    }

    public String getDecision() {
        return decision == null ? "" : decision;
    }

    /** Instances of the worst verdicts, the ones worth a look: crashes, boot and storage failures, OOM, platform faults. */
    public int getInstancesWorthALook() {
        return (int) instances.stream().filter(Instance::isWorthALook).count();
    }

    /** The same crash on several instances. */
    public static final class Group implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String title;
        private final String type;
        private final List<String> instances;
        private final String history;

        Group(String title, String type, List<String> instances, String history) {
            this.title = title;
            this.type = type;
            this.instances = new ArrayList<>(instances);
            this.history = history;
        }

        public String getTitle() {
            return title;
        }

        public String getType() {
            return type;
        }

        public List<String> getInstances() {
            return Collections.unmodifiableList(instances);
        }

        /** "new", "seen in 4 of the last 10 builds", or null without history. */
        public String getHistory() {
            return history;
        }
    }

    /** One instance's verdict and why. */
    public static final class Instance implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String id;
        private final String name;
        private final String verdict;
        private final boolean worthALook;
        private final String reason;
        private final String platformEvent;
        private final String screenshot;
        private final String thumbnail;

        Instance(String id, String name, Verdict verdict, String reason, String platformEvent, String screenshot, String thumbnail) {
            this.id = id;
            this.name = name;
            this.verdict = verdict.id();
            this.worthALook = verdict.failure();
            this.reason = reason;
            this.platformEvent = platformEvent;
            this.screenshot = screenshot;
            this.thumbnail = thumbnail;
        }

        public String getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        /** The verdict's id, e.g. {@code boot-failure}. */
        public String getVerdict() {
            return verdict;
        }

        public boolean isWorthALook() {
            return worthALook;
        }

        public String getReason() {
            return reason;
        }

        public String getPlatformEvent() {
            return platformEvent;
        }

        /** Relative to the output folder; null when none was fetched. */
        public String getScreenshot() {
            return screenshot;
        }

        /** Relative to the output folder; null when none was made. */
        public String getThumbnail() {
            return thumbnail;
        }
    }
}
