package dev.ecsdiag.classify.crash;

import dev.ecsdiag.classify.text.ConsoleLine;
import java.util.List;

/**
 * One line of a report with what the parser asks about it more than once, worked out once: the
 * frame it holds, the kind of stack it starts (null: none), the function names it offers for titles.
 */
record ReportLine(ConsoleLine line, StackFrame frame, StackStart stackStart, List<String> names) {

    static ReportLine of(ConsoleLine line) {
        String t = line.text();
        StackFrame frame = FrameLine.parse(t, (int) line.number());
        List<String> names = frame == null || !frame.reliable() ? List.of() : FrameLine.titleNames(t, frame);
        return new ReportLine(line, frame, StackStart.of(t), names);
    }

    String text() {
        return line.text();
    }

    /** Whether a (new) stack trace starts on this line: the frames of the one before end here. */
    boolean startsStack() {
        return stackStart != null;
    }

    /** A stale frame ({@code ? foo+0x1/0x2}, powerpc {@code (unreliable)}): never used for titles. */
    boolean questionable() {
        return frame != null && !frame.reliable() && !line.text().contains("<EOI>");
    }
}
