package dev.ecsdiag.classify.crash;

import dev.ecsdiag.classify.crash.FormatMatcher.Candidate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Titles one report: the first row of the header's group that fits it ({@link FormatMatcher})
 * fills its template with the groups its patterns captured and the frames its stack walk found
 * ({@link StackWalk}); the titles are canonicalised ({@link TitleCanon}), checked for corruption
 * ({@link CorruptionCheck}) and given a guilty frame ({@link GuiltyFrame}). When no row fits, the
 * header line itself, from the keyword on, is the title.
 */
final class ReportTitler {

    private final TitleCanon canon;
    private final StackWalk stackWalk;
    private final GuiltyFrame guiltyFrame;

    ReportTitler(ParserMemory memory) {
        this.canon = memory.titles();
        this.stackWalk = new StackWalk(memory.skips());
        this.guiltyFrame = new GuiltyFrame(stackWalk);
    }

    /**
     * @param group  the header's group
     * @param header the header line (or the window of it around the keyword)
     * @param lines  the report's lines, header first, questionable frames left out
     * @param before the line printed just before the header in its printk context; null if none
     */
    TitledReport title(OopsGroup group, String header, List<ReportLine> lines, String before) {
        List<Candidate> candidates = FormatMatcher.candidates(group, header);
        TitledReport titled = firstApplying(candidates, lines, before);
        if (titled == null && lines.size() > 1) {
            // A header cut in two by a newline inside a task name: read it with the next line.
            List<Candidate> joined = FormatMatcher.candidates(group, header + "\n" + lines.get(1).text());
            titled = firstApplying(joined, lines, before);
            if (candidates.isEmpty()) {
                candidates = joined;
            }
        }
        if (titled != null) {
            return titled;
        }
        // No row applies: keep the header line itself from the keyword on.
        int at = Math.max(0, header.indexOf(group.header()));
        String text = header.substring(at);
        String reason = candidates.isEmpty() ? null : "matched title but not report regexp";
        java.util.regex.Matcher interleaved = EMBEDDED_TIMESTAMP.matcher(text);
        if (interleaved.find(group.header().length())) {
            // Another message's printk cut into the header ("INFO: task jbd2/[ 1572.3364] ..."): what
            // follows the cut belongs to someone else, and a task name cut in the middle is no name.
            text = beforeCut(text, interleaved.start()) + " corrupted";
            reason = "header line interleaved with another message";
        }
        String title = canon.canonical(text);
        String guilty = GuiltyFrame.namedIn(title);
        return new TitledReport(title, List.of(), reason, guilty != null ? guilty : guiltyFrame.bestEffort(null, lines));
    }

    /** A printk timestamp inside a line, where only another message can have put it. */
    private static final java.util.regex.Pattern EMBEDDED_TIMESTAMP = java.util.regex.Pattern.compile("\\[\\s*\\d+\\.\\d{3,9}\\]");

    /** The text before {@code cut}, without the word the cut went through. */
    private static String beforeCut(String text, int cut) {
        String before = text.substring(0, cut);
        if (!before.isEmpty() && !Character.isWhitespace(before.charAt(before.length() - 1))) {
            int space = before.lastIndexOf(' ');
            before = space < 0 ? before : before.substring(0, space);
        }
        return before.strip();
    }

    private TitledReport firstApplying(List<Candidate> candidates, List<ReportLine> lines, String before) {
        for (Candidate c : candidates) {
            List<String> groups = c.titleGroups();
            if (FormatMatcher.before(c.format(), before, groups) && FormatMatcher.details(c.format(), lines, groups)) {
                List<ReportLine> stackLines = stackLines(c.format(), lines);
                if (stackLines != null) {
                    return titleFromFormat(c.format(), groups, lines, stackLines);
                }
            }
        }
        return null;
    }

    /** The lines the row's stack walk reads: the report, or its CPU dump (null: the report has none). */
    private static List<ReportLine> stackLines(OopsFormat format, List<ReportLine> lines) {
        CpuDump dump = format.stack() == null ? null : format.stack().dump();
        return dump == null ? lines : dump.find(lines);
    }

    private TitledReport titleFromFormat(OopsFormat format, List<String> groups, List<ReportLine> lines,
            List<ReportLine> stackLines) {
        String reason = format.corrupted() ? "report format is marked as corrupted" : null;
        List<KeyFrame> frames = List.of();
        if (format.stack() != null) {
            StackWalk.Result walk = stackWalk.walk(format.stack(), format.stack().parts(), stackLines);
            if (!walk.ok() && !format.stack().fallback().isEmpty()) {
                walk = stackWalk.walk(format.stack(), format.stack().fallback(), stackLines);
            }
            frames = walk.frames();
            if (!walk.ok() && reason == null) {
                reason = "extracted no frames";
            }
        }
        List<String> canonical = frames.stream().map(KeyFrame::canonical).toList();
        String title = canon.canonical(TitleTemplate.fill(format.template(), groups, canonical));
        Set<String> alts = new LinkedHashSet<>();
        for (String alt : format.alts()) {
            alts.add(canon.canonical(TitleTemplate.fill(alt, groups, canonical)));
        }
        for (List<String> v : frameVariants(frames)) {
            alts.add(canon.canonical(TitleTemplate.fill(format.template(), groups, v)));
            for (String alt : format.alts()) {
                alts.add(canon.canonical(TitleTemplate.fill(alt, groups, v)));
            }
        }
        alts.remove(title);
        if (reason == null) {
            reason = CorruptionCheck.reason(title, format, lines);
        }
        String guilty = canonical.isEmpty() || TitleTemplate.CORRUPTED.equals(canonical.get(0))
                ? GuiltyFrame.namedIn(title) : canonical.get(0);
        if (guilty == null) {
            guilty = guiltyFrame.bestEffort(format.stack(), lines);
        }
        return new TitledReport(title, List.copyOf(alts), reason, guilty);
    }

    /**
     * The frames as printed, and with each wrapper prefix taken off alone, for alternative titles:
     * so "__x64_sys_foo" also matches titles that name "sys_foo" or "foo".
     */
    private static List<List<String>> frameVariants(List<KeyFrame> frames) {
        List<List<String>> variants = new ArrayList<>();
        variants.add(frames.stream().map(KeyFrame::raw).toList());
        for (String prefix : ReportPatterns.STRIP_PREFIXES) {
            boolean changed = false;
            List<String> v = new ArrayList<>();
            for (KeyFrame f : frames) {
                String raw = f.raw();
                if (raw.startsWith(prefix)) {
                    raw = raw.substring(prefix.length());
                    changed = true;
                }
                v.add(raw);
            }
            if (changed) {
                variants.add(v);
            }
        }
        return variants;
    }
}
