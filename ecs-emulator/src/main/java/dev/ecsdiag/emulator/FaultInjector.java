package dev.ecsdiag.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides, call by call, which configured faults strike: the emulator-wide ones, those of the
 * action, and those of the instance the call names. Each scope keeps its own "first N" counters,
 * per action.
 */
final class FaultInjector {

    /** What happens to one call. */
    record Decision(Duration latency, boolean reset, EcsError error,
                    boolean malformedJson, boolean brokenBase64, boolean wrongContentType) {
        static final Decision NONE = new Decision(Duration.ZERO, false, null, false, false, false);
    }

    private volatile Faults global = Faults.NONE;
    private final Map<String, Faults> byAction = new ConcurrentHashMap<>();
    private final Map<String, Faults> byInstance = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final Random random;

    FaultInjector(long seed) {
        this.random = new Random(seed);
    }

    void global(Faults faults) {
        global = faults;
        resetCounters("global|");
    }

    void action(String action, Faults faults) {
        byAction.put(action, faults);
        resetCounters("action|" + action + "|");
    }

    void instance(String instanceId, Faults faults) {
        byInstance.put(instanceId, faults);
        resetCounters("instance|" + instanceId + "|");
    }

    void clear() {
        global = Faults.NONE;
        byAction.clear();
        byInstance.clear();
        counters.clear();
    }

    private void resetCounters(String prefix) {
        counters.keySet().removeIf(k -> k.startsWith(prefix));
    }

    Decision decide(String action, String instanceId) {
        Faults perAction = action == null ? null : byAction.get(action);
        Faults perInstance = instanceId == null ? null : byInstance.get(instanceId);
        if (global == Faults.NONE && perAction == null && perInstance == null) {
            return Decision.NONE;
        }
        Outcome o = new Outcome();
        apply(o, global, "global|" + action);
        apply(o, perAction, "action|" + action + "|");
        apply(o, perInstance, "instance|" + instanceId + "|" + action);
        return new Decision(o.latency, o.reset, o.error, o.malformed, o.base64, o.contentType);
    }

    private static final class Outcome {
        Duration latency = Duration.ZERO;
        boolean reset;
        EcsError error;
        boolean malformed;
        boolean base64;
        boolean contentType;
    }

    private void apply(Outcome o, Faults f, String counterKey) {
        if (f == null || f == Faults.NONE) {
            return;
        }
        int n = counters.computeIfAbsent(counterKey, k -> new AtomicInteger()).incrementAndGet();
        o.latency = o.latency.plus(f.latency());
        if (n <= f.resetFirst() || chance(f.resetRate())) {
            o.reset = true;
        }
        if (o.error == null && (n <= f.serverErrorFirst() || chance(f.serverErrorRate()))) {
            o.error = "InternalError".equals(f.serverErrorCode()) ? EcsError.internalError() : EcsError.serviceUnavailable();
        }
        if (o.error == null && n <= f.throttleFirst()) {
            o.error = "Throttling.User".equals(f.throttleCode()) ? EcsError.throttlingUser() : EcsError.throttling();
        }
        o.malformed |= chance(f.malformedJsonRate());
        o.base64 |= chance(f.brokenBase64Rate());
        o.contentType |= chance(f.wrongContentTypeRate());
    }

    private boolean chance(double rate) {
        if (rate <= 0) {
            return false;
        }
        if (rate >= 1) {
            return true;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }
}
