package dev.ecsdiag.report;

import java.util.List;

/**
 * Where a crash signature was seen before.
 *
 * @param status     {@code new} (not in any previous report considered), {@code recurring}, or
 *                   {@code unknown} (no previous report was given)
 * @param seenIn     number of previous builds (within the window) that had the signature
 * @param window     number of previous builds considered
 * @param firstBuild the earliest build known to have had it (carried over from older reports' own
 *                   history); null when never seen
 * @param builds     the builds within the window that had it, oldest first
 */
public record SignatureHistory(String status, int seenIn, int window, String firstBuild, List<String> builds) {

    public SignatureHistory {
        builds = List.copyOf(builds);
    }

    public static SignatureHistory unknown() {
        return new SignatureHistory("unknown", 0, 0, null, List.of());
    }

    /** "seen in 4 of the last 10 builds, first in build 312", or "new in this build". */
    public String describe() {
        return switch (status) {
            case "new" -> "new: not seen in the last " + window + (window == 1 ? " build" : " builds");
            case "recurring" -> "seen in " + seenIn + " of the last " + window + (window == 1 ? " build" : " builds")
                    + (firstBuild == null ? "" : ", first in build " + firstBuild);
            default -> "no history";
        };
    }
}
