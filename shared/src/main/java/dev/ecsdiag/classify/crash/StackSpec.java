package dev.ecsdiag.classify.crash;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a report's guilty frame comes from: a sequence of parts walked over the report's lines in
 * order. A {@link Part#pattern() pattern} part consumes the first line it matches (its groups, if
 * any, are candidate frames); a {@link Part#STACK} part reads call-trace frames until the next stack
 * starts. Candidates that match the skip patterns (the reporting machinery) are dropped; the
 * extractor picks the guilty one among the rest. When {@code parts} yields nothing, {@code fallback}
 * is tried. With a {@code dump}, both walk over that CPU's stack dump only (and the row does not
 * apply to a report without one); without (null), over the whole report.
 */
public record StackSpec(List<Part> parts, List<Part> fallback, List<String> skip, FrameExtractor extractor,
        CpuDump dump) {

    /** A walk over the whole report. */
    public StackSpec(List<Part> parts, List<Part> fallback, List<String> skip, FrameExtractor extractor) {
        this(parts, fallback, skip, extractor, null);
    }

    /** One step of the walk. */
    public record Part(Pattern pattern) {
        /** Read the call trace frames that follow. */
        public static final Part STACK = new Part(null);

        public boolean isStack() {
            return pattern == null;
        }
    }
}
