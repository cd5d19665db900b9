package dev.ecsdiag.classify;

import dev.ecsdiag.classify.text.ConsoleLine;

/**
 * A stage of the classifier that sees every normalized line once, in order. Analyzers keep only
 * what they need (bounded state), so a console log of any size is read in one pass.
 */
public interface LineAnalyzer {

    void accept(ConsoleLine line);

    /** Called once after the last line. */
    default void finish() {
    }
}
