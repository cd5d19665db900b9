package dev.ecsdiag.classify;

import java.util.List;

/** Follows each boot through its stages and spots boot failures. PLACEHOLDER: replaced by the findings work. */
public final class BootAnalyzer implements LineAnalyzer {

    @Override
    public void accept(ConsoleLine line) {
    }

    public List<Boot> boots() {
        return List.of();
    }

    /** 0-based index of the boot that holds the given line (0 before the first banner). */
    public int bootOfLine(long line) {
        return 0;
    }
}
