package dev.ecsdiag.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many calls the emulator received, per action and per (action, instance), how it answered
 * them (per code: {@code OK}, an error code, or {@code RESET}), and how many were in flight at
 * once at the most. For tests and benchmarks.
 */
public final class CallCounters {

    public static final String OK = "OK";
    public static final String RESET = "RESET";

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();

    /**
     * One call in flight, from its arrival until its answer starts (status line sent) or the
     * connection is closed. Ending at the answer's start, not after its last byte, matters: a
     * client that has read a whole answer may send its next call before the server's thread has
     * finished with the previous one, and that must not count as two calls at once.
     */
    final class InFlight {
        private final AtomicBoolean ended = new AtomicBoolean();

        private InFlight() {
            int now = inFlight.incrementAndGet();
            peakInFlight.accumulateAndGet(now, Math::max);
        }

        /** Ends the call; later calls do nothing. */
        void end() {
            if (ended.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        }
    }

    InFlight started() {
        return new InFlight();
    }

    void called(String action, String instanceId) {
        add(calls, String.valueOf(action));
        if (instanceId != null) {
            add(calls, action + "|" + instanceId);
        }
    }

    void answered(String action, String code) {
        add(answers, code);
        add(answers, action + "|" + code);
    }

    private static void add(Map<String, LongAdder> map, String key) {
        map.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static long get(Map<String, LongAdder> map, String key) {
        LongAdder a = map.get(key);
        return a == null ? 0 : a.sum();
    }

    /** Calls received for an action, whatever the answer. */
    public long calls(String action) {
        return get(calls, action);
    }

    /** Calls received for an action on one instance. */
    public long calls(String action, String instanceId) {
        return get(calls, action + "|" + instanceId);
    }

    /** Calls of every action. */
    public long totalCalls() {
        return calls.entrySet().stream().filter(e -> !e.getKey().contains("|")).mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Answers with a code ({@link #OK}, {@link #RESET} or an error code), all actions together. */
    public long answers(String code) {
        return get(answers, code);
    }

    public long answers(String action, String code) {
        return get(answers, action + "|" + code);
    }

    /** Calls per action, sorted, for printing. */
    public Map<String, Long> callsByAction() {
        Map<String, Long> out = new TreeMap<>();
        calls.forEach((k, v) -> {
            if (!k.contains("|")) {
                out.put(k, v.sum());
            }
        });
        return out;
    }

    /** Answers per code, all actions together, sorted, for printing. */
    public Map<String, Long> answersByCode() {
        Map<String, Long> out = new TreeMap<>();
        answers.forEach((k, v) -> {
            if (!k.contains("|")) {
                out.put(k, v.sum());
            }
        });
        return out;
    }

    /** Calls being handled now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most calls that were in flight at once since the start (or the last {@link #reset()}). */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    public void reset() {
        calls.clear();
        answers.clear();
        peakInFlight.set(inFlight.get());
    }
}
