package dev.ecsdiag.report;

import dev.ecsdiag.classify.crash.Crash;
import java.util.List;

/**
 * One crash of one instance, with what the page shows beside it.
 *
 * @param crash   the classifier's crash, unchanged
 * @param group   signature of the crash group it belongs to
 * @param excerpt the report's lines from the console text, crash lines marked
 * @param hints   remediation hints whose rules matched
 */
public record CrashEntry(Crash crash, String group, Excerpt excerpt, List<Hint> hints) {

    public CrashEntry {
        hints = List.copyOf(hints);
    }
}
