package dev.ecsdiag.classify.crash;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a titled report is too damaged to trust its title: a timestamp in the middle of the
 * title, or a call trace announced but missing (fewer than 3 lines follow its first start of a
 * kind, or no frame in the 15 lines after it), or no call trace at all in a format that always
 * prints one.
 */
final class CorruptionCheck {

    private static final Pattern TIMESTAMP_IN_TITLE = Pattern.compile("\\[ *[0-9]+\\.[0-9]+\\]");

    private CorruptionCheck() {
    }

    /** Why the report is corrupted; null when it is not. */
    static String reason(String title, OopsFormat format, List<ReportLine> lines) {
        if (TIMESTAMP_IN_TITLE.matcher(title).find()) {
            return "title matches corrupted regexp";
        }
        if (format.noStackTrace()) {
            return null;
        }
        boolean hasStackTrace = false;
        Set<StackStart> seenKinds = EnumSet.noneOf(StackStart.class);
        for (int i = 0; i < lines.size(); i++) {
            StackStart kind = lines.get(i).stackStart();
            if (kind == null || !seenKinds.add(kind)) {
                continue;
            }
            if (lines.size() - i < 4) {
                return "call trace is missed";
            }
            if (framesFollow(lines, i)) {
                hasStackTrace = true;
            } else if (kind.framesFollow()) {
                return "no frames in a stack trace";
            }
        }
        return hasStackTrace ? null : "no stack trace in report";
    }

    /** A frame (or the kernel saying it has none to show) within 15 lines, before the next stack starts. */
    private static boolean framesFollow(List<ReportLine> lines, int start) {
        for (int j = start + 1; j < lines.size() && j <= start + 15; j++) {
            ReportLine next = lines.get(j);
            if (next.startsStack()) {
                return false;
            }
            if (next.frame() != null || next.text().contains("(stack is not available)")) {
                return true;
            }
        }
        return false;
    }
}
