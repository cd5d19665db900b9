package dev.ecsdiag.classify;

import java.util.List;

/** OOM kills, storage and filesystem failures. PLACEHOLDER: replaced by the findings work. */
public final class FindingAnalyzer implements LineAnalyzer {

    @Override
    public void accept(ConsoleLine line) {
    }

    public List<Finding> findings(java.util.function.LongToIntFunction bootOfLine) {
        return List.of();
    }
}
