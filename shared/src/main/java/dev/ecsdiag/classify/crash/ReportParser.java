package dev.ecsdiag.classify.crash;

import dev.ecsdiag.classify.crash.StackSpec.Part;
import dev.ecsdiag.classify.text.ConsoleLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lines of one report (its header line first) into a {@link Crash}: walks the
 * {@link OopsTable} rows of the header's group to title it, then reads the facts every oops prints
 * (call trace, RIP, registers, CPU/PID/Comm, taint, release, hardware). Runs once per report, so it
 * may use regular expressions; every line it sees is bounded in length by the reader.
 */
public final class ReportParser {

    private static final String CORRUPTED = "corrupted";
    /** Details (lock holders, access sizes) come right after the header: look no further than this. */
    private static final int MAX_DETAIL_LINES = 400;
    private static final Pattern TIMESTAMP_IN_TITLE = Pattern.compile("\\[ *[0-9]+\\.[0-9]+\\]");

    /** Skip patterns of each stack spec, joined with the common list, compiled once. */
    private static final Map<StackSpec, SkipMatcher> SKIPS = new IdentityHashMap<>();

    /** The literal text each row's title pattern starts with: a cheap test before the regex. */
    private static final Map<OopsFormat, String> LITERALS = new IdentityHashMap<>();

    /** All the texts each row's title pattern requires ({@link RegexLiteral#requiredAllOf}). */
    private static final Map<OopsFormat, List<String>> TITLE_LITERALS = new IdentityHashMap<>();

    /** What each row's detail patterns require of a line ({@link RegexLiteral}). */
    private static final Map<Pattern, List<String>> DETAIL_LITERALS = new IdentityHashMap<>();

    static {
        for (OopsGroup g : OopsTable.GROUPS) {
            for (OopsFormat f : g.formats()) {
                LITERALS.put(f, RegexLiteral.leadingLiteral(f.title().pattern()));
                TITLE_LITERALS.put(f, RegexLiteral.requiredAllOf(f.title().pattern()));
                for (Pattern detail : f.details()) {
                    DETAIL_LITERALS.put(detail, RegexLiteral.requiredAnyOf(detail.pattern()));
                }
                if (f.stack() != null) {
                    List<String> all = new ArrayList<>(ReportPatterns.SKIP);
                    all.addAll(f.stack().skip());
                    SKIPS.put(f.stack(), new SkipMatcher(all));
                }
            }
        }
    }

    private ReportParser() {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    });

    /** One extracted frame: as titles use it (wrapper prefixes stripped) and as printed. */
    private record KeyFrame(String canonical, String raw) {
    }

    private record Extraction(List<KeyFrame> frames, boolean ok) {
    }

    /**
     * @param group the header's group
     * @param lines the report's lines, header first (questionable frames included; they are ignored
     *              for titles)
     * @param extent   how many of the lines are this report's own (the rest, after another report
     *                 started in the same task, only help find the title)
     * @param panicked whether the log said {@code Kernel panic - not syncing} for this report
     */
    public static Crash parse(OopsGroup group, List<ConsoleLine> lines, int extent, boolean panicked) {
        List<ReportLine> all = new ArrayList<>(lines.size());
        List<ReportLine> usable = new ArrayList<>(lines.size());
        for (ConsoleLine l : lines) {
            ReportLine rl = ReportLine.of(l);
            all.add(rl);
            if (!rl.questionable()) {
                usable.add(rl);
            }
        }
        String header = lines.get(0).text();
        Titled titled = title(group, ReportPatterns.window(header, header.indexOf(group.header())), usable);
        List<ReportLine> own = all.subList(0, Math.max(1, Math.min(extent, all.size())));
        int lastIndex = lastIndex(own);
        // facts (frames above all) only from the report's own lines, so they lie within startLine..endLine
        Facts facts = Facts.read(own.subList(0, lastIndex + 1));
        String type = CrashTypes.of(titled.title);
        int start = (int) lines.get(0).number();
        ConsoleLine last = own.get(lastIndex).line();
        return new Crash(titled.title, titled.alts, type, titled.corruptedReason != null, titled.corruptedReason,
                titled.guiltyFrame, start, (int) last.number(), facts.callTrace, bounded(facts.rip), facts.registers,
                facts.cpu, facts.pid, facts.command, bounded(facts.taint), bounded(facts.release), bounded(facts.hardware),
                panicked || facts.panicked, 0, bounded(header), bounded(last.text()), signature(type, titled.title));
    }

    /**
     * Longest text a crash keeps from one line. The kernel prints at most 1024 bytes per record
     * (LOG_LINE_MAX); console lines can be 8 KB of bytes that each decode to U+FFFD (16 KB of heap),
     * and a log can hold thousands of crashes, so what a crash keeps must not grow with its lines.
     */
    static final int MAX_KEPT_CHARS = 1024;

    private static String bounded(String s) {
        return s == null || s.length() <= MAX_KEPT_CHARS ? s : s.substring(0, MAX_KEPT_CHARS);
    }

    /** {@link ReportExtent#lastIndex} with the frames already parsed. */
    private static int lastIndex(List<ReportLine> lines) {
        int last = 0;
        for (int i = 1; i < lines.size(); i++) {
            ReportLine rl = lines.get(i);
            String t = rl.text();
            if (t.startsWith("---[ end trace") || t.startsWith("---[ end Kernel panic")) {
                return i;
            }
            if (rl.frame() != null || ReportExtent.isReportish(t)) {
                last = i;
            }
        }
        return last;
    }

    /** Stable grouping key: same type and canonical title, same signature. */
    static String signature(String type, String title) {
        MessageDigest sha = SHA256.get();
        byte[] digest = sha.digest(((type == null ? "" : type) + "|" + title).getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            b.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
        }
        return b.toString();
    }

    private record Titled(String title, List<String> alts, String corruptedReason, String guiltyFrame) {
    }

    private record Candidate(int start, int order, OopsFormat format, Matcher matcher) {
    }

    private static Titled title(OopsGroup group, String header, List<ReportLine> lines) {
        List<Candidate> candidates = candidates(group, header);
        Titled titled = firstApplying(candidates, lines);
        if (titled == null && lines.size() > 1) {
            // A header cut in two by a newline inside a task name: read it with the next line.
            List<Candidate> joined = candidates(group, header + "\n" + lines.get(1).text());
            titled = firstApplying(joined, lines);
            if (candidates.isEmpty()) {
                candidates = joined;
            }
        }
        if (titled != null) {
            return titled;
        }
        // No row applies: keep the header line itself from the keyword on.
        int at = Math.max(0, header.indexOf(group.header()));
        String title = TitleCanon.canonical(header.substring(at));
        String guilty = guiltyOf(title);
        return new Titled(title, List.of(), candidates.isEmpty() ? null : "matched title but not report regexp",
                guilty != null ? guilty : bestEffortFrame(null, lines));
    }

    /** Keyword occurrences tried per header line: real lines hold one, garbage lines may hold hundreds. */
    private static final int MAX_OCCURRENCES = 4;

    /**
     * Rows whose title matches the header, earliest first (then in table order). Every row's title
     * starts with its group's keyword, so it is tried where the keyword occurs ({@code lookingAt}),
     * not at every position: a line full of keywords costs a few tries, not a scan per keyword.
     */
    private static List<Candidate> candidates(OopsGroup group, String header) {
        int[] at = new int[MAX_OCCURRENCES];
        int count = 0;
        for (int o = header.indexOf(group.header()); o >= 0 && count < MAX_OCCURRENCES;
                o = header.indexOf(group.header(), o + 1)) {
            at[count++] = o;
        }
        List<Candidate> candidates = new ArrayList<>();
        List<OopsFormat> formats = group.formats();
        for (int i = 0; i < formats.size(); i++) {
            OopsFormat format = formats.get(i);
            String literal = LITERALS.get(format);
            if (!header.contains(literal) || !RegexLiteral.holdsAll(header, TITLE_LITERALS.get(format))) {
                continue; // the row's literal start (or a text after one of its ".*") is not even there
            }
            Matcher m = format.title().matcher(header);
            if (literal.startsWith(group.header())) {
                for (int k = 0; k < count; k++) {
                    m.region(at[k], header.length());
                    if (m.lookingAt()) {
                        candidates.add(new Candidate(at[k], i, format, m));
                        break;
                    }
                }
            } else if (m.find()) {
                candidates.add(new Candidate(m.start(), i, format, m));
            }
        }
        candidates.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start)
                : Integer.compare(a.order, b.order));
        return candidates;
    }

    private static Titled firstApplying(List<Candidate> candidates, List<ReportLine> lines) {
        for (Candidate c : candidates) {
            List<String> groups = new ArrayList<>();
            for (int g = 1; g <= c.matcher.groupCount(); g++) {
                groups.add(c.matcher.group(g));
            }
            if (details(c.format, lines, groups)) {
                List<ReportLine> stackLines = stackLines(c.format, lines);
                if (stackLines != null) {
                    return titleFromFormat(c.format, groups, lines, stackLines);
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

    /** Looks for the row's detail patterns one after the other on later lines; appends their groups. */
    private static boolean details(OopsFormat format, List<ReportLine> lines, List<String> groups) {
        int from = 1;
        for (Pattern detail : format.details()) {
            boolean found = false;
            List<String> literals = DETAIL_LITERALS.get(detail);
            for (int i = from; i < lines.size() && i < MAX_DETAIL_LINES; i++) {
                if (!RegexLiteral.mayMatch(lines.get(i).text(), literals)) {
                    continue;
                }
                Matcher m = detail.matcher(ReportPatterns.window(lines.get(i).text(), 0));
                if (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        groups.add(m.group(g));
                    }
                    from = i + 1;
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static Titled titleFromFormat(OopsFormat format, List<String> groups, List<ReportLine> lines,
            List<ReportLine> stackLines) {
        String reason = format.corrupted() ? "report format is marked as corrupted" : null;
        List<KeyFrame> frames = List.of();
        if (format.stack() != null) {
            Extraction e = extract(format.stack(), format.stack().parts(), stackLines);
            if (!e.ok && !format.stack().fallback().isEmpty()) {
                e = extract(format.stack(), format.stack().fallback(), stackLines);
            }
            frames = e.frames;
            if (!e.ok && reason == null) {
                reason = "extracted no frames";
            }
        }
        List<String> canonical = frames.stream().map(KeyFrame::canonical).toList();
        String title = TitleCanon.canonical(fill(format.template(), groups, canonical));
        Set<String> alts = new LinkedHashSet<>();
        for (String alt : format.alts()) {
            alts.add(TitleCanon.canonical(fill(alt, groups, canonical)));
        }
        // The same titles with frames as printed and with each wrapper prefix taken off alone,
        // so "__x64_sys_foo" also matches titles that name "sys_foo" or "foo".
        List<List<String>> variants = new ArrayList<>();
        variants.add(frames.stream().map(KeyFrame::raw).toList());
        for (String prefix : ReportPatterns.STRIP_PREFIXES) {
            boolean changed = false;
            List<String> v = new ArrayList<>();
            for (KeyFrame f : frames) {
                String raw = f.raw;
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
        for (List<String> v : variants) {
            alts.add(TitleCanon.canonical(fill(format.template(), groups, v)));
            for (String alt : format.alts()) {
                alts.add(TitleCanon.canonical(fill(alt, groups, v)));
            }
        }
        alts.remove(title);
        if (reason == null) {
            reason = corruption(title, format, lines);
        }
        String guilty = canonical.isEmpty() || CORRUPTED.equals(canonical.get(0)) ? guiltyOf(title) : canonical.get(0);
        if (guilty == null) {
            guilty = bestEffortFrame(format.stack(), lines);
        }
        return new Titled(title, List.copyOf(alts), reason, guilty);
    }

    private static final Part RIP_PART = new Part(ReportPatterns.RIP);
    private static final Part TRACE_PART = new Part(ReportPatterns.CALL_TRACE);
    private static final Map<List<String>, SkipMatcher> BEST_EFFORT_SKIPS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The guilty frame when the title names none ({@code kernel panic: X}) or its row's stack walk
     * found none ({@code ... in corrupted}): the faulting RIP or the call trace, read with the row's
     * skip list and extractor. Titles stay as syzkaller makes them (they group crashes); this only
     * tells people where to look.
     */
    private static String bestEffortFrame(StackSpec rowSpec, List<ReportLine> lines) {
        List<String> skip = rowSpec == null ? List.of() : rowSpec.skip();
        FrameExtractor extractor = rowSpec == null ? FrameExtractor.FIRST : rowSpec.extractor();
        SkipMatcher matcher = BEST_EFFORT_SKIPS.computeIfAbsent(skip, k -> {
            List<String> all = new ArrayList<>(ReportPatterns.SKIP);
            all.addAll(k);
            return new SkipMatcher(all);
        });
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
            Extraction e = extract(matcher, extractor, parts, lines);
            if (e.ok && !e.frames.isEmpty() && !CORRUPTED.equals(e.frames.get(0).canonical())) {
                return e.frames.get(0).canonical();
            }
        }
        return null;
    }

    /** The function named at the end of a "KIND in FUNCTION" title; null if there is none. */
    private static String guiltyOf(String title) {
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
        return f.isEmpty() || f.equals(CORRUPTED) ? null : f;
    }

    private static String fill(String template, List<String> groups, List<String> frames) {
        StringBuilder b = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close < 0) {
                b.append(c);
                i++;
                continue;
            }
            String key = template.substring(i + 1, close);
            if (key.equals("f") || key.equals("f2")) {
                int idx = key.equals("f") ? 0 : 1;
                b.append(idx < frames.size() ? frames.get(idx) : CORRUPTED);
            } else {
                int n = Integer.parseInt(key);
                String v = n - 1 < groups.size() ? groups.get(n - 1) : null;
                b.append(v == null ? "" : v);
            }
            i = close + 1;
        }
        return b.toString();
    }

    /**
     * Walks the spec's parts over the report (syzkaller's semantics): pattern parts consume the
     * first line they match, stack parts read frames until the next stack starts or until the
     * following part matches. Each stack part closes the frames gathered so far into one key frame.
     */
    private static Extraction extract(StackSpec spec, List<Part> parts, List<ReportLine> lines) {
        return extract(SKIPS.get(spec), spec.extractor(), parts, lines);
    }

    private static Extraction extract(SkipMatcher skip, FrameExtractor extractor, List<Part> parts,
            List<ReportLine> lines) {
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
                    key = new KeyFrame(CORRUPTED, CORRUPTED);
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
        return new Extraction(results, ok);
    }

    private static void addGroups(List<String> raw, Matcher m, SkipMatcher skip) {
        for (int g = 1; g <= m.groupCount(); g++) {
            String frame = m.group(g);
            if (frame != null) {
                addFrame(raw, FrameLine.demangle(frame), skip);
            }
        }
    }

    private static void addFrame(List<String> raw, String frame, SkipMatcher skip) {
        if (!skip.skips(frame)) {
            raw.add(frame);
        }
    }

    private static KeyFrame pick(FrameExtractor extractor, List<String> raw) {
        if (raw.isEmpty()) {
            return null;
        }
        List<String> stripped = raw.stream().map(ReportPatterns::stripPrefixes).toList();
        int idx = extractor.pick(stripped);
        if (idx == -1) {
            return null;
        }
        if (idx <= -2) {
            return new KeyFrame("smp_call_function", raw.get(-2 - idx));
        }
        return new KeyFrame(extractor.rename(stripped.get(idx)), raw.get(idx));
    }

    /**
     * Whether the report is too damaged to trust its title: a timestamp in the middle of the title,
     * or a call trace announced but missing (fewer than 3 lines follow it, or no frame in the 15
     * lines after it), or no call trace at all in a format that always prints one.
     */
    private static String corruption(String title, OopsFormat format, List<ReportLine> lines) {
        if (TIMESTAMP_IN_TITLE.matcher(title).find()) {
            return "title matches corrupted regexp";
        }
        if (format.noStackTrace()) {
            return null;
        }
        boolean hasStackTrace = false;
        Set<StackStart> seenKinds = java.util.EnumSet.noneOf(StackStart.class);
        for (int i = 0; i < lines.size(); i++) {
            StackStart kind = lines.get(i).stackStart();
            if (kind == null || !seenKinds.add(kind)) {
                continue;
            }
            if (lines.size() - i < 4) {
                return "call trace is missed";
            }
            boolean frames = false;
            for (int j = i + 1; j < lines.size() && j <= i + 15; j++) {
                ReportLine next = lines.get(j);
                if (next.startsStack()) {
                    break;
                }
                if (next.frame() != null || next.text().contains("(stack is not available)")) {
                    frames = true;
                    break;
                }
            }
            if (frames) {
                hasStackTrace = true;
            } else if (kind.framesFollow()) {
                return "no frames in a stack trace";
            }
        }
        return hasStackTrace ? null : "no stack trace in report";
    }

    /** The facts an oops prints about itself. */
    static final class Facts {
        List<StackFrame> callTrace = new ArrayList<>();
        String rip;
        Map<String, String> registers = new LinkedHashMap<>();
        Integer cpu;
        Integer pid;
        String command;
        String taint;
        String release;
        String hardware;
        boolean panicked;

        private static final Pattern CPU_LINE = Pattern.compile(
                "CPU: (\\d+)(?: UID: \\d+)? PID: (\\d+) Comm: (.{1,64}?) (Not tainted|Tainted: ([A-Z ]*?)) +(\\d\\S*)");
        private static final int MAX_FRAMES = 64; // innermost first: enough to read, bounded for 2000 crashes
        private static final int MAX_REGISTERS = 64;

        static Facts read(List<ReportLine> lines) {
            Facts f = new Facts();
            boolean inTrace = false;
            boolean traceDone = false;
            for (int i = 0; i < lines.size(); i++) {
                ReportLine rl = lines.get(i);
                String t = rl.text();
                if (t.contains("Kernel panic - not syncing")) {
                    f.panicked = true;
                }
                if (f.cpu == null && t.contains("CPU: ") && t.contains("PID: ") && t.contains(" Comm: ")) {
                    Matcher m = CPU_LINE.matcher(t);
                    if (m.find()) {
                        f.cpu = parseInt(m.group(1));
                        f.pid = parseInt(m.group(2));
                        f.command = m.group(3);
                        f.taint = m.group(5) == null ? null : m.group(5).trim();
                        f.release = m.group(6);
                    }
                }
                if (f.hardware == null && t.startsWith("Hardware name: ")) {
                    f.hardware = t.substring("Hardware name: ".length()).trim();
                }
                if (f.rip == null && isRipLine(t)) {
                    f.rip = t.trim();
                }
                if (f.registers.size() < MAX_REGISTERS && t.length() < 256 && isRegisterLine(t) && !t.contains("Comm: ")) {
                    RegisterDump.read(t, f.registers, MAX_REGISTERS);
                }
                if (traceDone) {
                    continue;
                }
                if (rl.startsStack()) {
                    if (inTrace && !f.callTrace.isEmpty()) {
                        traceDone = true;
                        continue;
                    }
                    inTrace = true;
                    continue;
                }
                if (t.startsWith("---[ end trace")) {
                    traceDone = !f.callTrace.isEmpty();
                    continue;
                }
                StackFrame frame = rl.frame();
                if (frame != null && i > 0 && f.callTrace.size() < MAX_FRAMES) {
                    f.callTrace.add(frame);
                }
            }
            return f;
        }

        /** The faulting instruction pointer in kernel mode: {@code RIP: 0010:}, {@code pc : }, {@code PC is at}, {@code NIP}. */
        private static boolean isRipLine(String t) {
            int i = 0;
            while (i < t.length() && t.charAt(i) == ' ') {
                i++;
            }
            if (t.startsWith("RIP: ", i) || t.startsWith("EIP: ", i) || t.startsWith("IP: ", i)) {
                return !t.contains("0033:") && !t.contains("0073:");
            }
            return t.startsWith("pc : ", i) || t.startsWith("PC is at ", i) || t.startsWith("NIP ", i)
                    || t.startsWith("NIP:", i) || t.startsWith("epc : ", i);
        }

        /** {@code RAX: 0000...}, {@code R10: ...}, {@code x29: ...}, {@code sp : ...}: a register dump line. */
        private static boolean isRegisterLine(String t) {
            int i = 0;
            while (i < t.length() && t.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < t.length() && i - start < 6 && Character.isLetterOrDigit(t.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 5) {
                return false;
            }
            if (i < t.length() && t.charAt(i) == ' ') {
                i++;
            }
            return i + 2 < t.length() && t.charAt(i) == ':' && t.charAt(i + 1) == ' '
                    && Character.isLetter(t.charAt(start));
        }

        private static Integer parseInt(String s) {
            try {
                return Integer.valueOf(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
