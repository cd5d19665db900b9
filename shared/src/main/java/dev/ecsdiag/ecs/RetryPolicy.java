package dev.ecsdiag.ecs;

import dev.ecsdiag.config.RetrySettings;
import java.util.Random;

/**
 * When to try a failed call again, and after how long: exponential backoff with "equal jitter"
 * (half the step fixed, half random) so that many workers throttled at once do not come back in
 * lockstep. Only transient failures are retried, and never past the deadline.
 */
public final class RetryPolicy {

    /** Returned by {@link #delayNanos} when the call should not be tried again. */
    public static final long GIVE_UP = -1;

    private final RetrySettings settings;
    private final Random random;

    public RetryPolicy(RetrySettings settings, Random random) {
        this.settings = settings;
        this.random = random;
    }

    public RetrySettings settings() {
        return settings;
    }

    /**
     * @param failure      what went wrong
     * @param attemptsMade attempts so far, the failed one included
     * @param nanosLeft    time left before the collection's deadline
     * @return nanoseconds to wait before the next attempt, or {@link #GIVE_UP}
     */
    public long delayNanos(EcsCallException failure, int attemptsMade, long nanosLeft) {
        if (!failure.kind().retryable() || attemptsMade >= settings.maxAttempts()) {
            return GIVE_UP;
        }
        long delay = backoffNanos(attemptsMade);
        return delay < nanosLeft ? delay : GIVE_UP;
    }

    /** The wait after the given number of attempts: initial × 2^(attempts-1), capped, jittered. */
    public long backoffNanos(int attemptsMade) {
        long initial = settings.initialBackoff().toNanos();
        long max = settings.maxBackoff().toNanos();
        int shift = Math.min(30, Math.max(0, attemptsMade - 1));
        long step = initial > (max >> shift) ? max : Math.min(max, initial << shift);
        long half = step / 2;
        long jitter;
        synchronized (random) {
            jitter = half <= 0 ? 0 : (long) (random.nextDouble() * (step - half));
        }
        return half + jitter;
    }
}
