package dev.ecsdiag.report;

import dev.ecsdiag.classify.Finding;
import java.util.List;

/**
 * One finding (OOM kill, storage failure, boot failure) with its console lines and hints.
 *
 * @param finding the classifier's finding, unchanged
 * @param excerpt the finding's line with a little context
 * @param hints   remediation hints whose rules matched
 */
public record FindingEntry(Finding finding, Excerpt excerpt, List<Hint> hints) {

    public FindingEntry {
        hints = List.copyOf(hints);
    }
}
