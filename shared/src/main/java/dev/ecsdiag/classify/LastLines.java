package dev.ecsdiag.classify;

import dev.ecsdiag.classify.text.ConsoleLine;

/**
 * The last line of each of the few most recent printk contexts. A report whose first line was
 * lost starts at a later line of it, and what the lost line said may still be told by the line
 * printed just before (arm's page-table dump before {@code Internal error: Oops:}); the
 * {@link dev.ecsdiag.classify.crash.OopsTable} rows that need it read it from here.
 *
 * <p>Bounded: a console tagged with caller ids has a context per task, so only {@link #SLOTS} are
 * kept, the least recently used replaced. Most consoles have one context, found in the first slot.
 */
final class LastLines {

    static final int SLOTS = 8;

    private final String[] contexts = new String[SLOTS];
    private final ConsoleLine[] lines = new ConsoleLine[SLOTS];
    private final long[] used = new long[SLOTS];
    private long clock;

    /** The line remembered for {@code context} and {@code line} remembered in its place. */
    ConsoleLine replace(String context, ConsoleLine line) {
        clock++;
        int oldest = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (context.equals(contexts[i])) {
                ConsoleLine previous = lines[i];
                lines[i] = line;
                used[i] = clock;
                return previous;
            }
            if (used[i] < used[oldest]) {
                oldest = i;
            }
        }
        contexts[oldest] = context;
        lines[oldest] = line;
        used[oldest] = clock;
        return null;
    }

    /** Forget everything: a new boot's lines follow no earlier line. */
    void clear() {
        java.util.Arrays.fill(contexts, null);
        java.util.Arrays.fill(lines, null);
        java.util.Arrays.fill(used, 0);
    }
}
