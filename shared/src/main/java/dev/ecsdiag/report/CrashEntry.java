package dev.ecsdiag.report;

import dev.ecsdiag.classify.crash.Crash;
import java.util.List;

/**
 * One crash of one instance, with what the page shows beside it.
 *
 * @param crash         the classifier's crash, unchanged (its title has numbers replaced, for grouping)
 * @param group         signature of the crash group it belongs to
 * @param title         the title as the console printed it ({@code unknown-block(0,0)}, not
 *                      {@code unknown-block(NUM,NUM)}); the classifier's title when the lines are not at hand
 * @param kernelRelease the crash's kernel release, else the one its report or its boot printed; null if none
 * @param taint         the crash's taint as printed ("" when not tainted), else its report's; null if none
 * @param excerpt       the report's lines from the console text, crash lines marked
 * @param hints         remediation hints whose rules matched
 */
public record CrashEntry(Crash crash, String group, String title, String kernelRelease, String taint, Excerpt excerpt,
                         List<Hint> hints) {

    public CrashEntry {
        hints = List.copyOf(hints);
    }
}
