package dev.ecsdiag.classify.crash;

import dev.ecsdiag.classify.text.ConsoleLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the lines of one report (its header line first) into a {@link Crash}: titles it
 * ({@link ReportTitler}), finds where it ends ({@link ReportExtent}), reads the facts every oops
 * prints ({@link ReportFacts}), names its type ({@link CrashTypes}) and signs it
 * ({@link CrashSignature}). Runs once per report, so its parts may use regular expressions; every
 * line it sees is bounded in length by the reader.
 *
 * <p>One parser serves one classification at a time (it reuses a digest); what it remembers
 * across reports and logs belongs to the {@link ParserMemory} it is given.
 */
public final class ReportParser {

    /**
     * Longest text a crash keeps from one line. The kernel prints at most 1024 bytes per record
     * (LOG_LINE_MAX); console lines can be 8 KB of bytes that each decode to U+FFFD (16 KB of heap),
     * and a log can hold thousands of crashes, so what a crash keeps must not grow with its lines.
     */
    static final int MAX_KEPT_CHARS = 1024;

    private final ReportTitler titler;
    private final CrashSignature signature = new CrashSignature();

    public ReportParser(ParserMemory memory) {
        this.titler = new ReportTitler(memory);
    }

    /**
     * @param group    the header's group
     * @param lines    the report's lines, header first (questionable frames included; they are
     *                 ignored for titles)
     * @param extent   how many of the lines are this report's own (the rest, after another report
     *                 started in the same task, only help find the title)
     * @param panicked whether the log said {@code Kernel panic - not syncing} for this report
     * @param before   the line printed just before the header in its printk context (null if none):
     *                 what some rows read when the report's first line was lost
     */
    public Crash parse(OopsGroup group, List<ConsoleLine> lines, int extent, boolean panicked, ConsoleLine before) {
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
        TitledReport titled = titler.title(group, ReportPatterns.window(header, header.indexOf(group.header())), usable,
                before == null ? null : before.text());
        List<ReportLine> own = all.subList(0, Math.max(1, Math.min(extent, all.size())));
        int lastIndex = ReportExtent.lastIndex(own);
        // facts (frames above all) only from the report's own lines, so they lie within startLine..endLine
        ReportFacts facts = ReportFacts.read(own.subList(0, lastIndex + 1));
        String type = CrashTypes.of(titled.title());
        int start = (int) lines.get(0).number();
        ConsoleLine last = own.get(lastIndex).line();
        return new Crash(titled.title(), titled.alts(), type, titled.corruptedReason() != null,
                titled.corruptedReason(), titled.guiltyFrame(), start, (int) last.number(), facts.callTrace,
                bounded(facts.rip), facts.registers, facts.cpu, facts.pid, facts.command, bounded(facts.taint),
                bounded(facts.release), bounded(facts.hardware), panicked || facts.panicked, 0, bounded(header),
                bounded(last.text()), signature.of(type, titled.title()));
    }

    private static String bounded(String s) {
        return s == null || s.length() <= MAX_KEPT_CHARS ? s : s.substring(0, MAX_KEPT_CHARS);
    }
}
