package dev.ecsdiag.classify;

import java.util.List;

/** Finds kernel crash reports. PLACEHOLDER: replaced by the classifier work. */
public final class CrashAnalyzer implements LineAnalyzer {

    @Override
    public void accept(ConsoleLine line) {
    }

    /** Every crash found, in log order; {@code bootOfLine} maps a line number to its boot index. */
    public List<Crash> crashes(java.util.function.LongToIntFunction bootOfLine) {
        return List.of();
    }
}
