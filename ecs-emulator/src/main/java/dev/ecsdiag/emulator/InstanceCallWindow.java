package dev.ecsdiag.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The service's rule for console output and screenshots: a call on an instance less than the
 * window (10 s on the service) after the previous accepted call on the same instance answers
 * {@code Throttling}. With {@link ThrottleScope#INSTANCE} (the default, as the service documents
 * it) console and screenshot calls share one window per instance; with
 * {@link ThrottleScope#ACTION} each action has its own. Only accepted calls move the window, so a
 * client that waits long enough always gets through.
 */
final class InstanceCallWindow {

    private final Clock clock;
    private volatile Duration window;
    private volatile ThrottleScope scope;
    private final Map<String, Long> lastAccepted = new HashMap<>();

    InstanceCallWindow(Clock clock, Duration window, ThrottleScope scope) {
        this.clock = clock;
        this.window = window;
        this.scope = scope;
    }

    void scope(ThrottleScope newScope) {
        scope = java.util.Objects.requireNonNull(newScope);
    }

    ThrottleScope scope() {
        return scope;
    }

    void window(Duration newWindow) {
        if (newWindow.isNegative()) {
            throw new IllegalArgumentException("the throttle window must not be negative");
        }
        window = newWindow;
    }

    Duration window() {
        return window;
    }

    void admit(String action, String instanceId) {
        long windowMillis = window.toMillis();
        if (windowMillis <= 0) {
            return;
        }
        long now = clock.millis();
        String key = scope == ThrottleScope.INSTANCE ? instanceId : action + "|" + instanceId;
        synchronized (lastAccepted) {
            Long last = lastAccepted.get(key);
            if (last != null && now - last < windowMillis) {
                throw EcsError.instanceCallTooSoon(windowMillis);
            }
            lastAccepted.put(key, now);
        }
    }
}
