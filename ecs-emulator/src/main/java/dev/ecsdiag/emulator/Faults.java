package dev.ecsdiag.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults to inject, for the whole emulator, one action, or one instance (see
 * {@link EcsEmulator#faults(Faults)}, {@link EcsEmulator#actionFaults(String, Faults)},
 * {@link EcsEmulator#instanceFaults(String, Faults)}). "First N" faults count the calls of each
 * action separately within their scope; rates draw from the emulator's seeded random.
 *
 * @param latency              added before every answer
 * @param throttleFirst        the first N calls answer {@link #throttleCode()}
 * @param throttleCode         {@code Throttling} (HTTP 429) or {@code Throttling.User} (HTTP 400)
 * @param serverErrorFirst     the first N calls answer {@link #serverErrorCode()}
 * @param serverErrorRate      share of calls, 0..1, that answer {@link #serverErrorCode()}
 * @param serverErrorCode      {@code InternalError} (500) or {@code ServiceUnavailable} (503)
 * @param resetFirst           the first N calls get their connection closed without an answer
 * @param resetRate            share of calls, 0..1, closed without an answer
 * @param malformedJsonRate    share of successful answers whose JSON is cut short
 * @param brokenBase64Rate     share of successful console/screenshot answers whose Base64 is corrupt
 * @param wrongContentTypeRate share of successful answers sent as an HTML page ({@code text/html})
 */
public record Faults(
        Duration latency,
        int throttleFirst,
        String throttleCode,
        int serverErrorFirst,
        double serverErrorRate,
        String serverErrorCode,
        int resetFirst,
        double resetRate,
        double malformedJsonRate,
        double brokenBase64Rate,
        double wrongContentTypeRate) {

    public static final Faults NONE = new Faults(Duration.ZERO, 0, "Throttling", 0, 0, "ServiceUnavailable", 0, 0, 0, 0, 0);

    public Faults {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        if (!"Throttling".equals(throttleCode) && !"Throttling.User".equals(throttleCode)) {
            throw new IllegalArgumentException("throttleCode must be Throttling or Throttling.User, not " + throttleCode);
        }
        if (!"InternalError".equals(serverErrorCode) && !"ServiceUnavailable".equals(serverErrorCode)) {
            throw new IllegalArgumentException("serverErrorCode must be InternalError or ServiceUnavailable, not " + serverErrorCode);
        }
        if (throttleFirst < 0 || serverErrorFirst < 0 || resetFirst < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        for (double rate : new double[] {serverErrorRate, resetRate, malformedJsonRate, brokenBase64Rate, wrongContentTypeRate}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("rates are between 0 and 1, not " + rate);
            }
        }
    }

    public Faults withLatency(Duration v) {
        return new Faults(v, throttleFirst, throttleCode, serverErrorFirst, serverErrorRate, serverErrorCode, resetFirst, resetRate, malformedJsonRate, brokenBase64Rate, wrongContentTypeRate);
    }

    public Faults withThrottleFirst(int n) {
        return withThrottleFirst(n, throttleCode);
    }

    public Faults withThrottleFirst(int n, String code) {
        return new Faults(latency, n, code, serverErrorFirst, serverErrorRate, serverErrorCode, resetFirst, resetRate, malformedJsonRate, brokenBase64Rate, wrongContentTypeRate);
    }

    public Faults withServerErrorFirst(int n, String code) {
        return new Faults(latency, throttleFirst, throttleCode, n, serverErrorRate, code, resetFirst, resetRate, malformedJsonRate, brokenBase64Rate, wrongContentTypeRate);
    }

    public Faults withServerErrorRate(double rate) {
        return withServerErrorRate(rate, serverErrorCode);
    }

    public Faults withServerErrorRate(double rate, String code) {
        return new Faults(latency, throttleFirst, throttleCode, serverErrorFirst, rate, code, resetFirst, resetRate, malformedJsonRate, brokenBase64Rate, wrongContentTypeRate);
    }

    public Faults withResetFirst(int n) {
        return new Faults(latency, throttleFirst, throttleCode, serverErrorFirst, serverErrorRate, serverErrorCode, n, resetRate, malformedJsonRate, brokenBase64Rate, wrongContentTypeRate);
    }

    public Faults withResetRate(double rate) {
        return new Faults(latency, throttleFirst, throttleCode, serverErrorFirst, serverErrorRate, serverErrorCode, resetFirst, rate, malformedJsonRate, brokenBase64Rate, wrongContentTypeRate);
    }

    public Faults withMalformedJsonRate(double rate) {
        return new Faults(latency, throttleFirst, throttleCode, serverErrorFirst, serverErrorRate, serverErrorCode, resetFirst, resetRate, rate, brokenBase64Rate, wrongContentTypeRate);
    }

    public Faults withBrokenBase64Rate(double rate) {
        return new Faults(latency, throttleFirst, throttleCode, serverErrorFirst, serverErrorRate, serverErrorCode, resetFirst, resetRate, malformedJsonRate, rate, wrongContentTypeRate);
    }

    public Faults withWrongContentTypeRate(double rate) {
        return new Faults(latency, throttleFirst, throttleCode, serverErrorFirst, serverErrorRate, serverErrorCode, resetFirst, resetRate, malformedJsonRate, brokenBase64Rate, rate);
    }
}
