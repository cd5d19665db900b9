package dev.ecsdiag.config;

import java.time.Duration;

/**
 * How calls are retried: exponential backoff with jitter on throttling, 5xx, timeouts and
 * connection errors, and the spacing the service wants between two calls on one instance.
 *
 * @param maxAttempts         attempts per call, the first included (at least 1)
 * @param initialBackoff      wait before the second attempt; doubles with each further attempt
 * @param maxBackoff          longest single wait
 * @param sameInstanceSpacing least time between two console/screenshot calls (either action) on the same instance,
 *                            counted from the end of the first;
 *                            the service answers {@code Throttling} to calls closer than 10 s
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration sameInstanceSpacing) {

    public static final Duration SERVICE_SAME_INSTANCE_WINDOW = Duration.ofSeconds(10);

    public static RetrySettings defaults() {
        return new RetrySettings(6, Duration.ofMillis(200), Duration.ofSeconds(10), SERVICE_SAME_INSTANCE_WINDOW);
    }

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
        }
        if (sameInstanceSpacing == null || sameInstanceSpacing.isNegative()) {
            throw new IllegalArgumentException("sameInstanceSpacing must not be negative");
        }
    }

    public RetrySettings withSameInstanceSpacing(Duration spacing) {
        return new RetrySettings(maxAttempts, initialBackoff, maxBackoff, spacing);
    }

    public RetrySettings withMaxAttempts(int attempts) {
        return new RetrySettings(attempts, initialBackoff, maxBackoff, sameInstanceSpacing);
    }

    public RetrySettings withBackoff(Duration initial, Duration max) {
        return new RetrySettings(maxAttempts, initial, max, sameInstanceSpacing);
    }
}
