package dev.ecsdiag.classify.crash;

import dev.ecsdiag.classify.crash.StackSpec.Part;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Walks a {@link StackSpec}'s parts over a report's lines (syzkaller's semantics): pattern parts
 * consume the first line they match, stack parts read frames until the next stack starts or until
 * the following part matches. Each stack part closes the frames gathered so far into one
 * {@link KeyFrame}, picked by the spec's {@link FrameExtractor} among those the skip list keeps.
 */
final class StackWalk {

    /** What a walk found: one key frame per stack part; {@code ok} false when one of them is missing. */
    record Result(List<KeyFrame> frames, boolean ok) {
    }

    /** The common skip list alone: for walks without a row. */
    private static final SkipMatcher COMMON_SKIPS = new SkipMatcher(ReportPatterns.SKIP);

    /** Skip patterns of each stack spec of the table, joined with the common list, compiled once. */
    private static final Map<StackSpec, SkipMatcher> SKIPS = skipsOfTable();

    private final SkipAnswers answers;

    /** @param answers remembers what the skip lists said about each frame */
    StackWalk(SkipAnswers answers) {
        this.answers = answers;
    }

    private static Map<StackSpec, SkipMatcher> skipsOfTable() {
        Map<StackSpec, SkipMatcher> skips = new IdentityHashMap<>();
        for (OopsGroup g : OopsTable.GROUPS) {
            for (OopsFormat f : g.formats()) {
                if (f.stack() != null) {
                    List<String> all = new ArrayList<>(ReportPatterns.SKIP);
                    all.addAll(f.stack().skip());
                    skips.put(f.stack(), new SkipMatcher(all));
                }
            }
        }
        return Collections.unmodifiableMap(skips);
    }

    /** The skip list a walk with this spec uses: the common one plus the spec's own (null: the common one). */
    static SkipMatcher skipsOf(StackSpec spec) {
        return spec == null ? COMMON_SKIPS : SKIPS.get(spec);
    }

    Result walk(StackSpec spec, List<Part> parts, List<ReportLine> lines) {
        return walk(skipsOf(spec), spec.extractor(), parts, lines);
    }

    Result walk(SkipMatcher skip, FrameExtractor extractor, List<Part> parts, List<ReportLine> lines) {
        List<KeyFrame> results = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        boolean ok = true;
        int stacks = 0;
        int li = 0;
        int n = lines.size();
        for (int pi = 0; ; pi++) {
            if (pi == parts.size() || parts.get(pi).isStack() && stacks > 0) {
                KeyFrame key = pick(extractor, raw);
                if (key == null) {
                    key = KeyFrame.CORRUPTED;
                    ok = false;
                }
                results.add(key);
                raw = new ArrayList<>();
            }
            if (pi == parts.size()) {
                break;
            }
            Part part = parts.get(pi);
            if (part.isStack()) {
                stacks++;
                while (li < n) {
                    ReportLine rl = lines.get(li++);
                    String ln = rl.text();
                    if (ReportPatterns.isCorruptingLine(ln)) {
                        ok = false;
                        break;
                    }
                    if (rl.startsStack()) {
                        break;
                    }
                    Part next = pi != parts.size() - 1 ? parts.get(pi + 1) : null;
                    if (next != null && !next.isStack() && RegexLiteral.mayMatch(ln, next.literals())) {
                        Matcher m = next.pattern().matcher(ReportPatterns.window(ln, 0));
                        if (m.find()) {
                            addGroups(raw, m, skip);
                            pi++;
                            break;
                        }
                    }
                    for (String name : rl.names()) {
                        addFrame(raw, name, skip);
                    }
                }
            } else {
                while (li < n) {
                    String ln = lines.get(li++).text();
                    if (ReportPatterns.isCorruptingLine(ln)) {
                        ok = false;
                        break;
                    }
                    if (!RegexLiteral.mayMatch(ln, part.literals())) {
                        continue;
                    }
                    Matcher m = part.pattern().matcher(ReportPatterns.window(ln, 0));
                    if (m.find()) {
                        addGroups(raw, m, skip);
                        break;
                    }
                }
            }
        }
        return new Result(results, ok);
    }

    private void addGroups(List<String> raw, Matcher m, SkipMatcher skip) {
        for (int g = 1; g <= m.groupCount(); g++) {
            String frame = m.group(g);
            if (frame != null) {
                addFrame(raw, FrameLine.demangle(frame), skip);
            }
        }
    }

    private void addFrame(List<String> raw, String frame, SkipMatcher skip) {
        if (!answers.skips(skip, frame)) {
            raw.add(frame);
        }
    }

    private KeyFrame pick(FrameExtractor extractor, List<String> raw) {
        if (raw.isEmpty()) {
            return null;
        }
        List<String> stripped = raw.stream().map(ReportPatterns::stripPrefixes).toList();
        int idx = extractor.pick(stripped, answers);
        if (idx == -1) {
            return null;
        }
        if (idx <= -2) {
            return new KeyFrame("smp_call_function", raw.get(-2 - idx));
        }
        return new KeyFrame(extractor.rename(stripped.get(idx)), raw.get(idx));
    }
}
