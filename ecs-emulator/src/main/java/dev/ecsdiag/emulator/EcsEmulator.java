package dev.ecsdiag.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A local ECS-compatible endpoint on 127.0.0.1 that the real Alibaba Cloud SDK talks to unchanged
 * ({@code request.setSysEndpoint(emulator.endpoint())}): the RPC API version 2014-05-26 for
 * DescribeInstances, DescribeInstanceHistoryEvents, GetInstanceConsoleOutput and
 * GetInstanceScreenshot, Signature V1 checked as the service does, the service's errors, its
 * 10-second rule for calls on one instance, and injectable faults.
 *
 * <pre>{@code
 * try (EcsEmulator ecs = EcsEmulator.builder().throttleWindow(Duration.ZERO).build().start()) {
 *     ecs.fleet().put(EmulatedInstance.builder("i-test0001").console("...").build());
 *     request.setSysEndpoint(ecs.endpoint());
 * }
 * }</pre>
 */
public final class EcsEmulator implements AutoCloseable {

    public static final String DEFAULT_REGION = "cn-hangzhou";
    /** The service's minimum interval between two calls (console output, screenshot) on one instance. */
    public static final Duration SERVICE_THROTTLE_WINDOW = Duration.ofSeconds(10);
    /** Where the default fleet lives on the class path. */
    public static final String DEFAULT_FLEET = "dev/ecsdiag/emulator/default-fleet";

    static {
        // The JDK server flushes the headers, then writes the body: without TCP_NODELAY, Nagle's
        // algorithm holds the body until the client's delayed ACK (about 40 ms) on every call, which
        // made every answer 40-50 ms slow. The JDK reads this once, when its first server starts;
        // it concerns only com.sun.net.httpserver servers. An explicit setting is respected.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final int requestedPort;
    private final String region;
    private final Fleet fleet = new Fleet();
    private final CredentialStore credentials;
    private final CallCounters counters = new CallCounters();
    private final FaultInjector faults;
    private final InstanceCallWindow window;
    private final RequestAuthenticator authenticator;
    private final Consumer<String> requestLog;
    private HttpServer server;
    private ExecutorService executor;

    private EcsEmulator(Builder b) {
        this.requestedPort = b.port;
        this.region = b.region;
        this.credentials = b.credentials;
        this.faults = new FaultInjector(b.seed);
        this.window = new InstanceCallWindow(b.clock, b.throttleWindow, b.throttleScope);
        this.authenticator = new RequestAuthenticator(credentials, b.clock);
        this.requestLog = b.requestLog;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts an emulator on an ephemeral port serving the default fleet (crashed and healthy
     * instances with real kernel output), with the test key and the service's 10-second rule.
     */
    public static EcsEmulator startDefaultFleet() {
        return startDefaultFleet(builder());
    }

    /** As {@link #startDefaultFleet()}, with the builder's settings (port, window, faults seed...). */
    public static EcsEmulator startDefaultFleet(Builder settings) {
        EcsEmulator emulator = settings.build();
        emulator.fleet().putAll(defaultFleet(emulator.region()));
        return emulator.start();
    }

    /**
     * The default fleet's instances, placed in {@code region}, dated as if their build had just run:
     * the scene ends a few minutes before now ({@link SceneTime}), so that the usual event window
     * sees its system events.
     */
    public static List<EmulatedInstance> defaultFleet(String region) {
        return defaultFleet(region, java.time.Instant.now());
    }

    /** The default fleet, its scene ending a few minutes before {@code now}. */
    public static List<EmulatedInstance> defaultFleet(String region, java.time.Instant now) {
        return SceneTime.movedTo(FixtureLoader.fromClasspath(DEFAULT_FLEET, region), now);
    }

    /** Adds every instance folder under {@code dir} (format: docs/emulator.md). */
    public EcsEmulator loadFixtures(Path dir) throws IOException {
        fleet.putAll(FixtureLoader.fromDirectory(dir, region));
        return this;
    }

    /** Binds 127.0.0.1 and starts answering. */
    public synchronized EcsEmulator start() {
        if (server != null) {
            throw new IllegalStateException("already started on " + endpoint());
        }
        Map<String, EcsAction> actions = Stream.of(
                        new DescribeInstancesAction(fleet),
                        new DescribeInstanceHistoryEventsAction(fleet),
                        new GetInstanceConsoleOutputAction(fleet, window, Clock.systemUTC()),
                        new GetInstanceScreenshotAction(fleet, window))
                .collect(Collectors.toMap(EcsAction::name, a -> a));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 512);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + requestedPort + ": " + e.getMessage(), e);
        }
        executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new EcsHttpHandler(actions, authenticator, faults, counters, requestLog,
                r -> ServiceRegions.PUBLIC.contains(r) || r.equals(region) || fleet.all().stream().anyMatch(i -> i.regionId().equals(r))));
        server.start();
        return this;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ecs-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops answering and frees the port. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:PORT}, for {@code request.setSysEndpoint}. */
    public String endpoint() {
        return "127.0.0.1:" + port();
    }

    public String region() {
        return region;
    }

    public Fleet fleet() {
        return fleet;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    public CallCounters counters() {
        return counters;
    }

    /** Faults for every call (replaces the previous ones and restarts their "first N" counts). */
    public EcsEmulator faults(Faults f) {
        faults.global(Objects.requireNonNull(f));
        return this;
    }

    /** Faults for one action, e.g. {@code GetInstanceScreenshot}. */
    public EcsEmulator actionFaults(String action, Faults f) {
        faults.action(action, Objects.requireNonNull(f));
        return this;
    }

    /** Faults for the calls naming one instance. */
    public EcsEmulator instanceFaults(String instanceId, Faults f) {
        faults.instance(instanceId, Objects.requireNonNull(f));
        return this;
    }

    public EcsEmulator clearFaults() {
        faults.clear();
        return this;
    }

    /** Changes the per-instance minimum interval while running (zero: no such rule). */
    public EcsEmulator throttleWindow(Duration w) {
        window.window(w);
        return this;
    }

    public Duration throttleWindow() {
        return window.window();
    }

    /** Changes what the window counts while running: every console/screenshot call on an instance, or each action apart. */
    public EcsEmulator throttleScope(ThrottleScope scope) {
        window.scope(scope);
        return this;
    }

    public ThrottleScope throttleScope() {
        return window.scope();
    }

    /** Settings fixed at construction. */
    public static final class Builder {
        private int port;
        private String region = DEFAULT_REGION;
        private Duration throttleWindow = SERVICE_THROTTLE_WINDOW;
        private ThrottleScope throttleScope = ThrottleScope.INSTANCE;
        private CredentialStore credentials = CredentialStore.withTestKey();
        private Clock clock = Clock.systemUTC();
        private long seed = 20140526L;
        private Consumer<String> requestLog;

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int p) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, not " + p);
            }
            port = p;
            return this;
        }

        public Builder region(String r) {
            region = Objects.requireNonNull(r);
            return this;
        }

        /**
         * Minimum interval between two calls on one instance (console output or screenshot, in any
         * order; see {@link #throttleScope}); default 10 s, as the service.
         */
        public Builder throttleWindow(Duration w) {
            if (w.isNegative()) {
                throw new IllegalArgumentException("the throttle window must not be negative");
            }
            throttleWindow = w;
            return this;
        }

        /**
         * What the window counts: {@link ThrottleScope#INSTANCE} (the default, the service's rule:
         * a screenshot within the window after the console output of the same instance is throttled)
         * or {@link ThrottleScope#ACTION} (console and screenshot each have their own window).
         */
        public Builder throttleScope(ThrottleScope s) {
            throttleScope = Objects.requireNonNull(s);
            return this;
        }

        public Builder credentials(CredentialStore c) {
            credentials = Objects.requireNonNull(c);
            return this;
        }

        /** The clock timestamps are checked against (tests of clock skew). */
        public Builder clock(Clock c) {
            clock = Objects.requireNonNull(c);
            return this;
        }

        /** Seed of the random draws behind fault rates. */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** Receives one line per answered call (action, instance, outcome; never credentials). */
        public Builder requestLog(Consumer<String> log) {
            requestLog = log;
            return this;
        }

        public EcsEmulator build() {
            return new EcsEmulator(this);
        }
    }
}
