package dev.ecsdiag.report;

import java.util.List;

/**
 * A boot that failed, with its console lines and hints.
 *
 * @param boot          0-based boot index
 * @param kernelRelease kernel release of that boot; null when never printed
 * @param reached       furthest stage reached, as its id
 * @param failure       why the boot failed
 * @param line          1-based line of the failure; 0 when unknown
 * @param excerpt       the failure's line with context; null when the line is unknown
 * @param hints         remediation hints whose rules matched
 */
public record BootFailureEntry(int boot, String kernelRelease, String reached, String failure, int line,
                               Excerpt excerpt, List<Hint> hints) {

    public BootFailureEntry {
        hints = List.copyOf(hints);
    }
}
