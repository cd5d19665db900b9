package dev.ecsdiag.collect;

import dev.ecsdiag.config.RetrySettings;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.Secret;
import dev.ecsdiag.config.Credentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything one collection needs, as a plain immutable value: which instances, where, with which
 * credentials, how fast, and where the files go. Every front end (command line, Maven, Jenkins)
 * builds one of these and hands it to {@link Collector}. Built with {@link #builder()}; the
 * builder checks every field and says what is wrong.
 *
 * <p>Instances are the union of the explicit ids, the ids of the fleet file and the instances
 * carrying every one of the tags.
 */
public final class CollectionRequest {

    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int MAX_CONCURRENCY = 256;
    public static final int MAX_TAGS = 20;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);
    public static final Duration DEFAULT_EVENT_WINDOW = Duration.ofDays(1);

    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final List<String> instanceIds;
    private final Map<String, String> tags;
    private final Path fleetFile;
    private final String region;
    private final String endpoint;
    private final Credentials credentials;
    private final int concurrency;
    private final Duration callTimeout;
    private final Duration deadline;
    private final Path outputDir;
    private final Duration eventWindow;
    private final RetrySettings retry;

    private CollectionRequest(Builder b) {
        this.instanceIds = List.copyOf(b.instanceIds);
        this.tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.fleetFile = b.fleetFile;
        this.region = b.region;
        this.endpoint = b.endpoint;
        this.credentials = b.credentials;
        this.concurrency = b.concurrency;
        this.callTimeout = b.callTimeout;
        this.deadline = b.deadline;
        this.outputDir = b.outputDir.toAbsolutePath().normalize();
        this.eventWindow = b.eventWindow;
        this.retry = b.retry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to change a few of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.instanceIds.addAll(instanceIds);
        b.tags.putAll(tags);
        b.fleetFile = fleetFile;
        b.region = region;
        b.endpoint = endpoint;
        b.credentials = credentials;
        b.concurrency = concurrency;
        b.callTimeout = callTimeout;
        b.deadline = deadline;
        b.outputDir = outputDir;
        b.eventWindow = eventWindow;
        b.retry = retry;
        return b;
    }

    /** Explicit instance ids, validated, without duplicates. */
    public List<String> instanceIds() {
        return instanceIds;
    }

    /** Tag filters; an instance must carry all of them. */
    public Map<String, String> tags() {
        return tags;
    }

    /** A fleet file (one id per line), or null. */
    public Path fleetFile() {
        return fleetFile;
    }

    public String region() {
        return region;
    }

    /** Endpoint override ({@code host:port}, optionally with {@code http://}/{@code https://}), or null for the region's public endpoint. */
    public String endpoint() {
        return endpoint;
    }

    public Credentials credentials() {
        return credentials;
    }

    public int concurrency() {
        return concurrency;
    }

    /** Longest time one HTTP call may take, connection included. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Longest time the whole collection may take; what was fetched by then is kept. */
    public Duration deadline() {
        return deadline;
    }

    public Path outputDir() {
        return outputDir;
    }

    /** How far back system events are looked up, ending now. */
    public Duration eventWindow() {
        return eventWindow;
    }

    public RetrySettings retry() {
        return retry;
    }

    @Override
    public String toString() {
        // Credentials print as their kind only; a Secret masks itself anyway.
        return "CollectionRequest[instances=" + instanceIds + ", tags=" + tags + ", fleetFile=" + fleetFile
                + ", region=" + region + ", endpoint=" + endpoint
                + ", credentials=" + (credentials instanceof Credentials.AccessKey k ? "AccessKey " + k.accessKeyId() : "default chain")
                + ", concurrency=" + concurrency + ", callTimeout=" + callTimeout + ", deadline=" + deadline
                + ", outputDir=" + outputDir + ", eventWindow=" + eventWindow + ", retry=" + retry + "]";
    }

    public static final class Builder {
        private final LinkedHashSet<String> instanceIds = new LinkedHashSet<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Path fleetFile;
        private String region;
        private String endpoint;
        private Credentials credentials = Credentials.defaultChain();
        private int concurrency = DEFAULT_CONCURRENCY;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private Duration deadline = DEFAULT_DEADLINE;
        private Path outputDir;
        private Duration eventWindow = DEFAULT_EVENT_WINDOW;
        private RetrySettings retry = RetrySettings.defaults();

        private Builder() {
        }

        public Builder instanceId(String id) {
            instanceIds.add(InstanceIds.require(id == null ? null : id.strip()));
            return this;
        }

        public Builder instanceIds(Iterable<String> ids) {
            ids.forEach(this::instanceId);
            return this;
        }

        public Builder tag(String key, String value) {
            if (key == null || key.isBlank()) {
                throw usage("a tag filter needs a key (KEY=VALUE)");
            }
            tags.put(key, value == null ? "" : value);
            return this;
        }

        public Builder fleetFile(Path file) {
            this.fleetFile = file;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
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

        public Builder outputDir(Path dir) {
            this.outputDir = dir;
            return this;
        }

        public Builder eventWindow(Duration window) {
            this.eventWindow = window;
            return this;
        }

        public Builder retry(RetrySettings retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        public CollectionRequest build() {
            if (region == null || !REGION.matcher(region).matches()) {
                throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION,
                        "a region is required, such as cn-hangzhou (was: " + (region == null ? "none" : "'" + InstanceIds.printable(region) + "'") + ")");
            }
            if (instanceIds.isEmpty() && tags.isEmpty() && fleetFile == null) {
                throw usage("say which instances to collect: instance ids, tag filters or a fleet file");
            }
            if (tags.size() > MAX_TAGS) {
                throw usage("at most " + MAX_TAGS + " tag filters are allowed, got " + tags.size());
            }
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                throw usage("concurrency must be between 1 and " + MAX_CONCURRENCY + ", was " + concurrency);
            }
            requirePositive(callTimeout, "the per-call timeout");
            requirePositive(deadline, "the deadline");
            requirePositive(eventWindow, "the event window");
            if (outputDir == null) {
                throw usage("an output folder is required");
            }
            if (endpoint != null) {
                EndpointSyntax.check(endpoint);
            }
            return new CollectionRequest(this);
        }

        private static void requirePositive(Duration d, String what) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw usage(what + " must be positive, was " + d);
            }
        }

        private static InvalidRequestException usage(String message) {
            return new InvalidRequestException(InvalidRequestException.Kind.USAGE, message);
        }
    }

    /** The endpoint override's accepted shapes, checked early so a typo fails before any call. */
    static final class EndpointSyntax {
        private static final Pattern ENDPOINT = Pattern.compile("(https?://)?[A-Za-z0-9.-]+(:[0-9]{1,5})?/?");

        private EndpointSyntax() {
        }

        static void check(String endpoint) {
            if (!ENDPOINT.matcher(endpoint).matches()) {
                throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION,
                        "not an endpoint: '" + InstanceIds.printable(endpoint) + "' (expected HOST or HOST:PORT,"
                                + " optionally with http:// or https://, e.g. ecs-vpc.cn-hangzhou.aliyuncs.com or 127.0.0.1:8080)");
            }
        }
    }

    static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
