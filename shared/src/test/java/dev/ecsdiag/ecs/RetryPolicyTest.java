package dev.ecsdiag.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.config.RetrySettings;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetrySettings settings = new RetrySettings(5, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ZERO);
    private final RetryPolicy policy = new RetryPolicy(settings, new Random(42));
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private static EcsCallException failure(EcsCallException.Kind kind) {
        return new EcsCallException("GetInstanceConsoleOutput", kind, "X", "m", null, 0);
    }

    @Test
    void backoffDoublesWithJitterWithinHalfToFullStepAndIsCapped() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            long step = Math.min(TimeUnit.SECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(100) << (attempt - 1));
            for (int i = 0; i < 200; i++) {
                long d = policy.backoffNanos(attempt);
                assertThat(d).as("attempt %d", attempt).isBetween(step / 2, step);
            }
        }
    }

    @Test
    void jitterSpreadsWaits() {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 500; i++) {
            long d = policy.backoffNanos(3);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(max - min).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(150));
    }

    @Test
    void retriesOnlyTransientFailures() {
        for (EcsCallException.Kind k : EcsCallException.Kind.values()) {
            long d = policy.delayNanos(failure(k), 1, HOUR);
            if (k == EcsCallException.Kind.THROTTLED || k == EcsCallException.Kind.SERVER
                    || k == EcsCallException.Kind.TIMEOUT || k == EcsCallException.Kind.CONNECTION) {
                assertThat(d).as(k.name()).isPositive();
            } else {
                assertThat(d).as(k.name()).isEqualTo(RetryPolicy.GIVE_UP);
            }
        }
    }

    @Test
    void givesUpAfterMaxAttemptsOrWhenTheWaitWouldPassTheDeadline() {
        assertThat(policy.delayNanos(failure(EcsCallException.Kind.THROTTLED), 5, HOUR)).isEqualTo(RetryPolicy.GIVE_UP);
        assertThat(policy.delayNanos(failure(EcsCallException.Kind.THROTTLED), 4, HOUR)).isPositive();
        assertThat(policy.delayNanos(failure(EcsCallException.Kind.THROTTLED), 1, TimeUnit.MILLISECONDS.toNanos(10)))
                .isEqualTo(RetryPolicy.GIVE_UP);
    }
}
