package dev.ecsdiag.classify;

import java.util.List;

/** Decides the one-word verdict from what the analyzers found. PLACEHOLDER: replaced by the findings work. */
public final class Verdicts {

    private Verdicts() {
    }

    public static Verdict decide(List<Boot> boots, List<Crash> crashes, List<Finding> findings) {
        return crashes.isEmpty() ? Verdict.HEALTHY : Verdict.CRASH;
    }
}
