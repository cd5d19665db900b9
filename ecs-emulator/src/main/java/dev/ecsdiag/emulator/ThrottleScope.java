package dev.ecsdiag.emulator;

/**
 * What the throttle window (the service's 10-second rule) counts: which earlier call on an
 * instance holds back the next one. Applies to GetInstanceConsoleOutput and GetInstanceScreenshot.
 */
public enum ThrottleScope {
    /**
     * Any console or screenshot call on the instance holds back the next one, whichever action:
     * a screenshot right after the console output answers {@code Throttling}. What the service
     * documents ("two calls on the same instance less than 10 s apart"); the default.
     */
    INSTANCE,
    /** Only a call of the same action holds back the next one (console and screenshot each have their own window). */
    ACTION
}
