package dev.ecsdiag.classify.crash;

import dev.ecsdiag.classify.crash.StackSpec.Part;
import java.util.List;

/**
 * The function to look at when the title's own frame cannot say: the one a "KIND in FUNCTION"
 * title names, else a best-effort frame read from the faulting RIP or the call trace. Titles stay
 * as syzkaller makes them (they group crashes); this only tells people where to look.
 */
final class GuiltyFrame {

    private static final Part RIP_PART = new Part(ReportPatterns.RIP);
    private static final Part TRACE_PART = new Part(ReportPatterns.CALL_TRACE);

    private final StackWalk walk;

    GuiltyFrame(StackWalk walk) {
        this.walk = walk;
    }

    /** The function named at the end of a "KIND in FUNCTION" title; null if there is none. */
    static String namedIn(String title) {
        int in = title.lastIndexOf(" in ");
        if (in < 0) {
            return null;
        }
        String f = title.substring(in + 4);
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (!FrameLine.isIdent(c) && c != ':') {
                f = f.substring(0, i);
                break;
            }
        }
        return f.isEmpty() || f.equals(TitleTemplate.CORRUPTED) ? null : f;
    }

    /**
     * The guilty frame when the title names none ({@code kernel panic: X}) or its row's stack walk
     * found none ({@code ... in corrupted}): the faulting RIP or the call trace, read with the row's
     * skip list and extractor (null: the common ones); null when neither gives a frame.
     */
    String bestEffort(StackSpec rowSpec, List<ReportLine> lines) {
        SkipMatcher skips = StackWalk.skipsOf(rowSpec);
        FrameExtractor extractor = rowSpec == null ? FrameExtractor.FIRST : rowSpec.extractor();
        // The faulting RIP names the culprit when it comes first; printed after the call trace it is
        // an exception inside the trace (a page fault while panicking) and the trace comes first.
        int rip = -1;
        int trace = -1;
        for (int i = 0; i < lines.size() && (rip < 0 || trace < 0); i++) {
            String t = lines.get(i).text();
            if (trace < 0 && lines.get(i).startsStack() && ReportPatterns.CALL_TRACE.matcher(t).find()) {
                trace = i;
            }
            if (rip < 0 && t.contains("IP") && ReportPatterns.RIP.matcher(ReportPatterns.window(t, 0)).find()) {
                rip = i;
            }
        }
        List<List<Part>> orders = rip >= 0 && (trace < 0 || rip < trace)
                ? List.of(List.of(RIP_PART, TRACE_PART, Part.STACK), List.of(TRACE_PART, Part.STACK), List.of(RIP_PART))
                : List.of(List.of(TRACE_PART, Part.STACK), List.of(RIP_PART, TRACE_PART, Part.STACK), List.of(RIP_PART));
        for (List<Part> parts : orders) {
            StackWalk.Result found = walk.walk(skips, extractor, parts, lines);
            if (found.ok() && !found.frames().isEmpty() && !found.frames().get(0).corrupted()) {
                return found.frames().get(0).canonical();
            }
        }
        return null;
    }
}
