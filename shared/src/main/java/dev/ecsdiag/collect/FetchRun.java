package dev.ecsdiag.collect;

import dev.ecsdiag.config.ProgressSink;
import dev.ecsdiag.ecs.EcsCallException;
import dev.ecsdiag.ecs.ErrorHints;
import dev.ecsdiag.ecs.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the per-instance calls of one collection: at most {@code concurrency} calls in flight, each
 * instance's calls one after another, across instances in parallel.
 *
 * <p>A call that must wait (backoff after throttling; the service's same-instance window, which
 * holds a screenshot back until 10 s after the instance's console call and a retry until 10 s
 * after the failed attempt) does not
 * sleep on a worker: it is put back on a timer and its worker takes the next instance's call, so
 * waits overlap with useful work. When the deadline passes, every waiting call is released at
 * once, finds the run stopping and is recorded as not made; calls in flight end within their
 * timeout, which never reaches past the deadline.
 */
final class FetchRun {

    private static final long MIN_CALL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final StepExecutor executor;
    private final RetryPolicy retry;
    private final Duration callTimeout;
    private final long spacingNanos;
    private final long deadlineNanos;
    private final String region;
    private final String endpoint;
    private final ProgressSink progress;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;
    private final Map<InstanceWork, ScheduledFuture<?>> waiting = new ConcurrentHashMap<>();
    private final AtomicReference<String> stopCode = new AtomicReference<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong backoffNanos = new AtomicLong();
    private final AtomicLong skippedCalls = new AtomicLong();
    private final AtomicLong pacedWaits = new AtomicLong();
    private final AtomicLong pacingNanos = new AtomicLong();
    private CountDownLatch allDone;
    private int total;

    FetchRun(StepExecutor executor, RetryPolicy retry, CollectionRequest request, long deadlineNanos, String endpoint,
             ProgressSink progress) {
        this.executor = executor;
        this.retry = retry;
        this.callTimeout = request.callTimeout();
        this.spacingNanos = request.retry().sameInstanceSpacing().toNanos();
        this.deadlineNanos = deadlineNanos;
        this.region = request.region();
        this.endpoint = endpoint;
        this.progress = progress;
        int n = request.concurrency();
        this.workers = new ThreadPoolExecutor(n, n, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads("ecsdiag-fetch"));
        this.timer = new ScheduledThreadPoolExecutor(1, threads("ecsdiag-wait"));
        this.timer.setRemoveOnCancelPolicy(true);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Runs every instance's calls and returns when all are done, or the deadline has passed and
     * the calls in flight have ended. Throws InterruptedException when the calling thread is
     * interrupted; the run is then stopped and what was fetched stays in the works.
     */
    void run(List<InstanceWork> works) throws InterruptedException {
        total = works.size();
        allDone = new CountDownLatch(works.size());
        long untilDeadline = deadlineNanos - System.nanoTime();
        ScheduledFuture<?> deadlineAlarm = timer.schedule(() -> stop("DeadlineReached"), Math.max(0, untilDeadline), TimeUnit.NANOSECONDS);
        try {
            for (InstanceWork w : works) {
                submit(w);
            }
            // Calls in flight end by the deadline plus their own connect slack; allow a little more.
            long grace = TimeUnit.SECONDS.toNanos(2);
            if (!allDone.await(Math.max(0, deadlineNanos - System.nanoTime()) + grace, TimeUnit.NANOSECONDS)) {
                stop("DeadlineReached");
                allDone.await(grace, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            stop("Cancelled");
            workers.shutdownNow(); // interrupts calls in flight: our transport stops waiting at once
            workers.awaitTermination(2, TimeUnit.SECONDS);
            throw e;
        } finally {
            deadlineAlarm.cancel(false);
            workers.shutdownNow();
            timer.shutdownNow();
        }
    }

    /** Why the run stopped early ({@code DeadlineReached}, {@code Cancelled}), or null. */
    String stopCode() {
        return stopCode.get();
    }

    long retries() {
        return retries.get();
    }

    long throttledAnswers() {
        return throttled.get();
    }

    long backoffNanos() {
        return backoffNanos.get();
    }

    long skippedCalls() {
        return skippedCalls.get();
    }

    /** Calls that waited for the same-instance window before their first attempt, and how long in all. */
    long pacedWaits() {
        return pacedWaits.get();
    }

    long pacingNanos() {
        return pacingNanos.get();
    }

    private void stop(String code) {
        if (!stopCode.compareAndSet(null, code)) {
            return;
        }
        // wake every waiting call now: each finds the run stopping and records itself as not made
        for (Map.Entry<InstanceWork, ScheduledFuture<?>> e : waiting.entrySet()) {
            if (e.getValue().cancel(false)) {
                waiting.remove(e.getKey());
                execute(e.getKey());
            }
        }
    }

    private void submit(InstanceWork w) {
        submitAfter(w, 0);
    }

    private void submitAfter(InstanceWork w, long delayNanos) {
        if (delayNanos <= 0 || stopCode.get() != null) {
            execute(w);
            return;
        }
        try {
            ScheduledFuture<?> f = timer.schedule(() -> {
                waiting.remove(w);
                execute(w);
            }, delayNanos, TimeUnit.NANOSECONDS);
            waiting.put(w, f);
            if (stopCode.get() != null && f.cancel(false)) { // stopped while we were scheduling
                waiting.remove(w);
                execute(w);
            }
        } catch (RejectedExecutionException e) {
            abandon(w);
        }
    }

    private void execute(InstanceWork w) {
        try {
            workers.execute(() -> step(w));
        } catch (RejectedExecutionException e) {
            abandon(w); // the run is over (cancelled)
        }
    }

    private void abandon(InstanceWork w) {
        String code = stopCode.get() == null ? "Cancelled" : stopCode.get();
        finishWith(w, code);
    }

    private void finishWith(InstanceWork w, String code) {
        String message = code.equals("DeadlineReached")
                ? "not attempted: the collection's deadline was reached"
                : "not attempted: the collection was cancelled";
        int before = countRemaining(w);
        w.abandonRemaining(code, message, ErrorHints.hint("", code, region, endpoint));
        skippedCalls.addAndGet(before);
        done(w);
    }

    private static int countRemaining(InstanceWork w) {
        InstanceWork.Step s = w.current();
        return s == null ? 0 : InstanceWork.Step.values().length - s.ordinal();
    }

    private void step(InstanceWork w) {
        InstanceWork.Step step = w.current();
        if (step == null) {
            done(w);
            return;
        }
        if (stopCode.get() != null) {
            finishWith(w, stopCode.get());
            return;
        }
        long now = System.nanoTime();
        long left = deadlineNanos - now;
        if (left < MIN_CALL_NANOS) {
            stop("DeadlineReached");
            finishWith(w, "DeadlineReached");
            return;
        }
        if (step.paced) {
            // The service's same-instance window, kept before the call rather than learnt from a
            // Throttling answer: the screenshot waits until the window since the console call has
            // passed. The wait is on the timer; this worker goes on with another instance.
            long wait = w.pacingWaitNanos(now);
            if (wait > 0) {
                pacedWaits.incrementAndGet();
                pacingNanos.addAndGet(wait);
                submitAfter(w, wait);
                return;
            }
        }
        int attempt = w.attempt();
        Duration timeout = Duration.ofNanos(Math.min(callTimeout.toNanos(), left));
        String call = InstanceWork.callName(step);
        try {
            try {
                executor.run(w, step, timeout);
            } finally {
                if (step.paced) {
                    // counted from the end of the call: by then the service has seen it, however long the way there took
                    w.pacedCallEnded(System.nanoTime(), spacingNanos);
                }
            }
        } catch (EcsCallException e) {
            if (e.kind() == EcsCallException.Kind.THROTTLED) {
                throttled.incrementAndGet();
            }
            long delay = retry.delayNanos(e, attempt, deadlineNanos - System.nanoTime());
            if (delay != RetryPolicy.GIVE_UP && stopCode.get() == null) {
                if (step.paced) {
                    // The service's same-instance window: the failed attempt may have counted, so
                    // coming back before the window has passed would only earn a Throttling answer.
                    delay = Math.max(delay, w.pacingWaitNanos(System.nanoTime()));
                }
                retries.incrementAndGet();
                backoffNanos.addAndGet(delay);
                progress.info(w.instanceId + ": " + call + " answered " + e.code() + ", retry " + (attempt + 1) + "/"
                        + retry.settings().maxAttempts() + " in " + TimeUnit.NANOSECONDS.toMillis(delay) + " ms");
                submitAfter(w, delay);
                return;
            }
            w.fail(failure(call, e, attempt));
        } catch (IOException e) {
            w.fail(new CallFailure(call, "LocalIOError", "writing the output failed: " + e.getMessage(), null,
                    ErrorHints.hint(call, "LocalIOError", region, endpoint), attempt));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // one instance's bad answer (or our bug) must not stall the collection: record it and go on
            w.fail(new CallFailure(call, "InternalError", "ecsdiag failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null,
                    "this is an ecsdiag bug; please report it", attempt));
        }
        if (w.advance()) {
            submit(w);
        } else {
            done(w);
        }
    }

    private CallFailure failure(String call, EcsCallException e, int attempts) {
        String message = e.serviceMessage();
        if (e.kind().retryable() && attempts < retry.settings().maxAttempts()) {
            message = message + " (gave up before the deadline)";
        }
        return new CallFailure(call, e.code(), message, e.requestId(), ErrorHints.hint(call, e.code(), region, endpoint), attempts);
    }

    private void done(InstanceWork w) {
        if (!w.markDone()) {
            return;
        }
        int n = finished.incrementAndGet();
        InstanceOutcome o = w.snapshot();
        progress.info("[" + n + "/" + total + "] " + ProgressLines.outcome(o));
        for (CallFailure f : o.failures()) {
            if (!f.code().equals("DeadlineReached") && !f.code().equals("Cancelled")) {
                progress.warn(o.instanceId() + ": " + f.call() + " failed: " + f.code() + ": " + f.message() + " -> " + f.hint());
            }
        }
        allDone.countDown();
    }
}
