package dev.ecsdiag.job;

import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.collect.CollectionRequest;
import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.RetrySettings;
import dev.ecsdiag.report.ReportOptions;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one run of the job needs, as a plain immutable value: which instances, where, with
 * which credentials, how fast, where the files go, the report's options and what fails the build.
 * Every front end builds one with {@link #builder()} from its own configuration; {@link Builder#build()}
 * checks every field and throws {@link InvalidRequestException} (with a kind and the setting to
 * change) when something is wrong.
 *
 * <p>Serialisable, so that a Jenkins step can send it to an agent: paths travel as strings, and
 * the credentials as the values the calls need. A deserialised request is checked again. Its JSON
 * ({@link JobJson}) and {@link #toString()} never hold a secret.
 */
public final class JobRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String region;
    private final String endpoint;
    private final List<String> instanceIds;
    private final Map<String, String> tags;
    private final String fleetFile;
    private final Credentials credentials;
    private final int concurrency;
    private final Duration callTimeout;
    private final Duration deadline;
    private final Duration eventWindow;
    private final Duration sameInstanceSpacing;
    private final String outputDirectory;
    private final String buildLabel;
    private final List<String> previousReports;
    private final List<String> rulesFiles;
    private final FailurePolicy policy;
    // Derived and checked by the builder; rebuilt after deserialisation (readResolve).
    private final transient CollectionRequest collection;

    private JobRequest(Builder b, CollectionRequest collection) {
        this.region = b.region;
        this.endpoint = collection.endpoint();
        this.instanceIds = collection.instanceIds();
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(collection.tags()));
        this.fleetFile = b.fleetFile;
        this.credentials = b.credentials;
        this.concurrency = b.concurrency;
        this.callTimeout = b.callTimeout;
        this.deadline = b.deadline;
        this.eventWindow = b.eventWindow;
        this.sameInstanceSpacing = b.sameInstanceSpacing;
        this.outputDirectory = collection.outputDir().toString();
        this.buildLabel = b.buildLabel;
        this.previousReports = List.copyOf(b.previousReports);
        this.rulesFiles = List.copyOf(b.rulesFiles);
        this.policy = b.policy;
        this.collection = collection;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to change a few of them. */
    public Builder toBuilder() {
        Builder b = new Builder()
                .region(region).endpoint(endpoint).instanceIds(instanceIds).tags(tags)
                .credentials(credentials).concurrency(concurrency).callTimeout(callTimeout).deadline(deadline)
                .eventWindow(eventWindow).sameInstanceSpacing(sameInstanceSpacing)
                .buildLabel(buildLabel).policy(policy);
        b.fleetFile = fleetFile;
        b.outputDirectory = outputDirectory;
        b.previousReports.addAll(previousReports);
        b.rulesFiles.addAll(rulesFiles);
        return b;
    }

    private Object readResolve() throws ObjectStreamException {
        return toBuilder().build(); // checks the values again and derives the collection request
    }

    public String region() {
        return region;
    }

    /** Endpoint override, or null for the region's public endpoint. */
    public String endpoint() {
        return endpoint;
    }

    public List<String> instanceIds() {
        return instanceIds;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** The fleet file, or null. */
    public Path fleetFile() {
        return fleetFile == null ? null : Path.of(fleetFile);
    }

    public Credentials credentials() {
        return credentials;
    }

    public int concurrency() {
        return concurrency;
    }

    public Duration callTimeout() {
        return callTimeout;
    }

    public Duration deadline() {
        return deadline;
    }

    public Duration eventWindow() {
        return eventWindow;
    }

    public Duration sameInstanceSpacing() {
        return sameInstanceSpacing;
    }

    /** Absolute, normalised. */
    public Path outputDirectory() {
        return Path.of(outputDirectory);
    }

    /** This build's label, or null. */
    public String buildLabel() {
        return buildLabel;
    }

    public List<Path> previousReports() {
        return previousReports.stream().map(Path::of).toList();
    }

    public List<Path> rulesFiles() {
        return rulesFiles.stream().map(Path::of).toList();
    }

    public FailurePolicy policy() {
        return policy;
    }

    /** The retrieval stage's request. */
    CollectionRequest collectionRequest() {
        return collection;
    }

    ReportOptions reportOptions() {
        ReportOptions options = ReportOptions.defaults().withPreviousReports(previousReports()).withUserRulesFiles(rulesFiles());
        return buildLabel == null ? options : options.withBuild(buildLabel);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobRequest r && JobJson.toJson(this).equals(JobJson.toJson(r)) && credentials.equals(r.credentials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, instanceIds, tags, outputDirectory);
    }

    @Override
    public String toString() {
        return "JobRequest" + JobJson.toJson(this); // the JSON form holds no secret
    }

    /** Collects and checks a request's values. Defaults: those of {@code ecsdiag collect}. */
    public static final class Builder {
        private String region;
        private String endpoint;
        private final List<String> instanceIds = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String fleetFile;
        private Credentials credentials = Credentials.defaultChain();
        private int concurrency = CollectionRequest.DEFAULT_CONCURRENCY;
        private Duration callTimeout = CollectionRequest.DEFAULT_CALL_TIMEOUT;
        private Duration deadline = CollectionRequest.DEFAULT_DEADLINE;
        private Duration eventWindow = CollectionRequest.DEFAULT_EVENT_WINDOW;
        private Duration sameInstanceSpacing = RetrySettings.SERVICE_SAME_INSTANCE_WINDOW;
        private String outputDirectory = "ecsdiag-output";
        private String buildLabel;
        private final List<String> previousReports = new ArrayList<>();
        private final List<String> rulesFiles = new ArrayList<>();
        private FailurePolicy policy = FailurePolicy.never();

        private Builder() {
        }

        public Builder region(String region) {
            this.region = region == null ? null : region.strip();
            return this;
        }

        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder instanceId(String id) {
            instanceIds.add(id);
            return this;
        }

        public Builder instanceIds(Iterable<String> ids) {
            if (ids != null) {
                ids.forEach(instanceIds::add);
            }
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            if (tags != null) {
                tags.forEach(this::tag);
            }
            return this;
        }

        public Builder fleetFile(Path file) {
            this.fleetFile = file == null ? null : file.toString();
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder eventWindow(Duration window) {
            this.eventWindow = window;
            return this;
        }

        /** Least time between two console/screenshot calls on one instance; the service wants 10 s. */
        public Builder sameInstanceSpacing(Duration spacing) {
            this.sameInstanceSpacing = spacing;
            return this;
        }

        public Builder outputDirectory(Path dir) {
            this.outputDirectory = dir == null ? null : dir.toString();
            return this;
        }

        public Builder buildLabel(String label) {
            this.buildLabel = label == null || label.isBlank() ? null : label.strip();
            return this;
        }

        public Builder previousReports(List<Path> reports) {
            if (reports != null) {
                reports.forEach(p -> previousReports.add(p.toString()));
            }
            return this;
        }

        public Builder rulesFiles(List<Path> files) {
            if (files != null) {
                files.forEach(p -> rulesFiles.add(p.toString()));
            }
            return this;
        }

        public Builder policy(FailurePolicy policy) {
            this.policy = policy == null ? FailurePolicy.never() : policy;
            return this;
        }

        /** Shorthand for {@link #policy(FailurePolicy)}. */
        public Builder failOn(Set<Verdict> verdicts, boolean failOnError) {
            return policy(FailurePolicy.of(verdicts, failOnError));
        }

        /**
         * @throws InvalidRequestException naming what is wrong: kind USAGE for the selection and
         *                                 numbers, CONFIGURATION for region, endpoint, credentials
         */
        public JobRequest build() {
            if (sameInstanceSpacing == null || sameInstanceSpacing.isNegative()) {
                throw new InvalidRequestException(InvalidRequestException.Kind.USAGE, dev.ecsdiag.config.Setting.SAME_INSTANCE_SPACING,
                        "the same-instance spacing must not be negative, was " + sameInstanceSpacing);
            }
            CollectionRequest.Builder c = CollectionRequest.builder()
                    .region(region)
                    .endpoint(endpoint)
                    .credentials(credentials)
                    .concurrency(concurrency)
                    .callTimeout(callTimeout)
                    .deadline(deadline)
                    .eventWindow(eventWindow)
                    .outputDir(outputDirectory == null ? null : Path.of(outputDirectory))
                    .fleetFile(fleetFile == null ? null : Path.of(fleetFile))
                    .retry(RetrySettings.defaults().withSameInstanceSpacing(sameInstanceSpacing));
            for (String id : instanceIds) {
                c.instanceId(id);
            }
            tags.forEach(c::tag);
            return new JobRequest(this, c.build());
        }
    }
}
