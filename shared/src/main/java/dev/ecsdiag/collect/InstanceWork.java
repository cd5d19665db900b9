package dev.ecsdiag.collect;

import dev.ecsdiag.ecs.SystemEvent;
import dev.ecsdiag.classify.Classification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What has been collected so far for one instance, and which call comes next. Steps run one at a
 * time per instance (each on some worker thread), and the coordinator may read a snapshot at any
 * moment (deadline, cancellation): every access is synchronised.
 */
final class InstanceWork {

    /**
     * The calls made per instance, in order. Console and screenshot calls are subject to the
     * service's same-instance window (two calls on one instance less than 10 s apart answer
     * Throttling): the screenshot, and any retry, waits for it to pass.
     */
    enum Step {
        CONSOLE(true), EVENTS(false), SCREENSHOT(true);

        final boolean paced;

        Step(boolean paced) {
            this.paced = paced;
        }
    }

    final String instanceId;
    private final String name;
    private final String status;
    private final Map<String, String> tags;

    private int stepIndex;
    private int attempts;
    private boolean pacedCallMade;
    private long nextPacedCallNanos;
    private int eventsNextPage = 1;
    private final List<SystemEvent> events = new ArrayList<>();
    private final List<CallFailure> failures = new ArrayList<>();
    private ConsoleCapture console;
    private ScreenshotCapture screenshot;
    private Classification classification;
    private boolean done;

    InstanceWork(String instanceId, String name, String status, Map<String, String> tags) {
        this.instanceId = instanceId;
        this.name = name;
        this.status = status;
        this.tags = tags;
    }

    synchronized Step current() {
        return stepIndex < Step.values().length ? Step.values()[stepIndex] : null;
    }

    /** Counts one more attempt of the current step and returns the count. */
    synchronized int attempt() {
        return ++attempts;
    }

    synchronized int attempts() {
        return attempts;
    }

    /** Moves on to the next step, with a fresh attempt count. Returns false when all are done. */
    synchronized boolean advance() {
        stepIndex++;
        attempts = 0;
        return stepIndex < Step.values().length;
    }

    /** How long a paced call must still wait at {@code nowNanos}: 0 when no paced call was made yet or the window has passed. */
    synchronized long pacingWaitNanos(long nowNanos) {
        return pacedCallMade ? Math.max(0, nextPacedCallNanos - nowNanos) : 0;
    }

    /** A console or screenshot call on this instance ended (answered or failed) at {@code nowNanos}. */
    synchronized void pacedCallEnded(long nowNanos, long spacingNanos) {
        pacedCallMade = true;
        nextPacedCallNanos = nowNanos + spacingNanos;
    }

    synchronized int eventsNextPage() {
        return eventsNextPage;
    }

    synchronized void addEvents(List<SystemEvent> page, int nextPage) {
        events.addAll(page);
        eventsNextPage = nextPage;
    }

    synchronized void console(ConsoleCapture capture) {
        this.console = capture;
    }

    synchronized void classification(Classification c) {
        this.classification = c;
    }

    synchronized void screenshot(ScreenshotCapture capture) {
        this.screenshot = capture;
    }

    synchronized void fail(CallFailure failure) {
        failures.add(failure);
    }

    /** Records every step not yet made as not made, for the given reason. */
    synchronized void abandonRemaining(String code, String message, String hint) {
        while (stepIndex < Step.values().length) {
            failures.add(new CallFailure(callName(Step.values()[stepIndex]), code, message, null, hint, attempts));
            stepIndex++;
            attempts = 0;
        }
    }

    synchronized boolean markDone() {
        boolean first = !done;
        done = true;
        return first;
    }

    synchronized InstanceOutcome snapshot() {
        return new InstanceOutcome(instanceId, name, status, tags, console, screenshot, events, failures, classification);
    }

    static String callName(Step step) {
        return switch (step) {
            case CONSOLE -> dev.ecsdiag.ecs.EcsApi.CONSOLE_OUTPUT;
            case EVENTS -> dev.ecsdiag.ecs.EcsApi.HISTORY_EVENTS;
            case SCREENSHOT -> dev.ecsdiag.ecs.EcsApi.SCREENSHOT;
        };
    }
}
