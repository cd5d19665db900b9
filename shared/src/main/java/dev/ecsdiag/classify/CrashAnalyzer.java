package dev.ecsdiag.classify;

import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.crash.HeaderScanner;
import dev.ecsdiag.classify.crash.OopsGroup;
import dev.ecsdiag.classify.crash.OopsTable;
import dev.ecsdiag.classify.crash.ParserMemory;
import dev.ecsdiag.classify.crash.ReportExtent;
import dev.ecsdiag.classify.crash.ReportParser;
import dev.ecsdiag.classify.crash.TitleCanon;
import dev.ecsdiag.classify.text.ConsoleLine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongToIntFunction;

/**
 * Finds every kernel crash report in a console log, in one pass and bounded memory.
 *
 * <p>Every line meets the {@link HeaderScanner} (a vectorised search for the keywords' colons); a
 * line holding a header keyword of the {@link OopsTable} opens a report. A report collects the following lines of
 * the same printk context: same caller id ({@code [ T1234]}) when the kernel prints them, else the
 * same kind of line (with or without a printk timestamp), so that user-space output and other CPUs'
 * messages interleaved with it stay out. After {@code Sending NMI from CPU} the CPU contexts
 * ({@code [ C3]}) belong to it too. A report closes when the same context starts another report,
 * when a new boot starts, when nothing report-like was printed for {@link ReportExtent#QUIET_LINES}
 * lines, or at the end of the log; then {@link ReportParser} titles it. A report also keeps the line
 * its context printed just before its header ({@link LastLines}): when the report's first line was
 * lost, that line may still tell what it said.
 *
 * <p>{@code Kernel panic - not syncing} and the other continuation headers do not start a report
 * when one is open in their context: they belong to it. A panic right after a closed report marks
 * it as panicked; a panic on its own is a crash.
 */
public final class CrashAnalyzer implements LineAnalyzer {

    /**
     * Lines kept per report: the title needs far fewer (150 give the same titles on the whole
     * corpus), the cap bounds memory and time on endless reports.
     */
    static final int MAX_REPORT_LINES = 500;
    /**
     * Characters kept per report. Lines are cut at 8 KB of bytes, but a malformed byte decodes to
     * U+FFFD (two bytes in a Java string): without a budget in characters, 8 open reports of 500
     * such lines would hold 64 MB. With it, all open reports together hold at most 8 MB.
     */
    static final int MAX_REPORT_CHARS = 512 * 1024;
    /** Reports open at once (one per printk context). */
    static final int MAX_OPEN = 8;
    /** Crashes kept per log; more are counted only. */
    static final int MAX_CRASHES = 2000;

    private static final HeaderScanner SCANNER = new HeaderScanner(OopsTable.GROUPS);
    /** Messages that come with a stack of their own; in a context-less console they end the report. */
    private static final List<String> INFO_WITH_STACK = List.of("vmalloc: allocation failure:",
            "FAULT_INJECTION: forcing a failure", "FAULT_FLAG_ALLOW_RETRY missing");
    private static final String PANIC = "Kernel panic - not syncing";
    /**
     * A panic this close after a report is that report's consequence (oops=panic, Fatal
     * exception); further away it is a crash of its own (e.g. {@code VFS: Unable to mount root fs}
     * long after a harmless WARNING).
     */
    static final int PANIC_DISTANCE = 30;
    private static final String REPLAY = "** replaying previous printk message **";

    private final TitleCanon titles;
    private final ReportParser parser;
    private final List<OpenReport> open = new ArrayList<>();
    private final LastLines lastLines = new LastLines();
    private final List<Crash> crashes = new ArrayList<>();
    private long droppedCrashes;
    /** Index in {@link #crashes} of the last crash of the current boot; -1 when none yet. */
    private int lastCrashInBoot = -1;

    /** @param memory what parsing remembers across reports and logs, owned by the classifier */
    public CrashAnalyzer(ParserMemory memory) {
        this.titles = memory.titles();
        this.parser = new ReportParser(memory);
    }

    private static final class OpenReport {
        final OopsGroup group;
        final String context;
        final List<ConsoleLine> lines = new ArrayList<>();
        /** The line printed just before the header in its context; null if none. */
        final ConsoleLine before;
        final int minLines;
        int textLines;
        long chars;
        int quiet;
        /** Lines that belong to this report's extent; -1 while all do. */
        int cut = -1;
        boolean cpuTraceback;
        boolean skipText;
        boolean panicked;

        OpenReport(OopsGroup group, String context, ConsoleLine header, ConsoleLine before) {
            this.group = group;
            this.context = context;
            this.before = before;
            this.minLines = header.text().contains("BUG: KMSAN:") ? 16 : 22;
            lines.add(header);
            chars = header.text().length();
            textLines = 1;
        }

        /** Whether the kernel tagged the lines with a caller id, so that this report has a context of its own. */
        boolean ownContext() {
            return !context.equals("console") && !context.isEmpty();
        }

        boolean accepts(ConsoleLine line, String lineContext) {
            return context.equals(lineContext)
                    || cpuTraceback && line.caller() != null && line.caller().startsWith("C");
        }
    }

    /** A line's printk context: its caller id, else whether it carried a printk timestamp. */
    private static String contextOf(ConsoleLine line) {
        if (line.caller() != null) {
            return line.caller();
        }
        return line.timestamp() != null ? "console" : "";
    }

    @Override
    public void accept(ConsoleLine line) {
        String text = line.text();
        if (text.startsWith("Linux version ")) {
            closeAll();
            lastCrashInBoot = -1;
            lastLines.clear();
        }
        if (text.contains(REPLAY)) {
            dropReplayed(line.number());
            return;
        }
        String context = contextOf(line);
        ConsoleLine before = lastLines.replace(context, line);
        int g = SCANNER.find(text);
        if (g >= 0 && OopsTable.isContinuation(text)) {
            boolean continued = false;
            for (OpenReport r : open) {
                if (r.accepts(line, context)) {
                    add(r, line);
                    continued = true;
                }
            }
            if (continued) {
                return;
            }
            if (text.contains(PANIC) && lastCrashInBoot >= 0
                    && line.number() - crashes.get(lastCrashInBoot).endLine() <= PANIC_DISTANCE) {
                markPanicked(lastCrashInBoot);
                return;
            }
        }
        if (g >= 0) {
            header(line, context, SCANNER.group(g), before);
            return;
        }
        for (Iterator<OpenReport> it = open.iterator(); it.hasNext(); ) {
            OpenReport r = it.next();
            if (!r.accepts(line, context)) {
                continue;
            }
            if (!r.ownContext() && containsAny(text, INFO_WITH_STACK)) {
                it.remove();
                close(r);
                continue;
            }
            add(r, line);
            if (r.quiet > ReportExtent.QUIET_LINES) {
                it.remove();
                close(r);
            }
        }
    }

    /**
     * A new report starts. Without caller ids the console interleaves everything, so the report
     * open in the same context ends here. With caller ids the same task's lines go on telling the
     * earlier report's story (an oops while printing a lockdep report shows the stack both share),
     * so the earlier report keeps reading for its title but its extent ends here.
     */
    private void header(ConsoleLine line, String context, OopsGroup group, ConsoleLine before) {
        for (Iterator<OpenReport> it = open.iterator(); it.hasNext(); ) {
            OpenReport r = it.next();
            if (!r.accepts(line, context)) {
                continue;
            }
            if (r.ownContext()) {
                if (r.cut < 0) {
                    r.cut = r.lines.size();
                }
                add(r, line);
            } else {
                it.remove();
                close(r);
            }
        }
        if (open.size() >= MAX_OPEN) {
            close(open.remove(0));
        }
        open.add(new OpenReport(group, context, line, before));
    }

    /** The header just before {@code ** replaying previous printk message **} was cut short: forget it. */
    private void dropReplayed(long replayLine) {
        open.removeIf(r -> r.lines.size() == 1 && r.lines.get(0).number() == replayLine - 1);
    }

    private static void add(OpenReport r, ConsoleLine line) {
        String text = line.text();
        boolean panic = text.contains(PANIC);
        if (panic) {
            r.panicked = true;
        }
        if (r.skipText) {
            return;
        }
        if (text.contains("Disabling lock debugging due to kernel taint")) {
            return;
        }
        if (text.contains("Sending NMI from CPU")) {
            r.cpuTraceback = true;
        }
        r.textLines++;
        if ((panic || text.contains("WARNING: possible circular locking dependency detected"))
                && r.textLines > r.minLines) {
            // With panic_on_warn the panic's own stack follows the report: it adds nothing.
            r.skipText = true;
            return;
        }
        if (r.lines.size() < MAX_REPORT_LINES && r.chars < MAX_REPORT_CHARS) {
            r.lines.add(line);
            r.chars += text.length();
        }
        r.quiet = ReportExtent.isReportish(text) ? 0 : r.quiet + 1;
    }

    private static boolean containsAny(String text, List<String> needles) {
        for (String n : needles) {
            if (text.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private void closeAll() {
        for (OpenReport r : open) {
            close(r);
        }
        open.clear();
    }

    private void close(OpenReport r) {
        if (crashes.size() >= MAX_CRASHES) {
            droppedCrashes++; // not even parsed: a log of a million oopses costs a count each
            return;
        }
        Crash crash;
        try {
            crash = parser.parse(r.group, r.lines, r.cut < 0 ? r.lines.size() : r.cut, r.panicked, r.before);
        } catch (RuntimeException e) {
            // A parser bug must not lose the crash: keep what the header line says.
            ConsoleLine h = r.lines.get(0);
            String title = titles.canonical(h.text());
            crash = new Crash(title, List.of(), null, true, "parser error: " + e, null, (int) h.number(),
                    (int) h.number(), List.of(), null, null, null, null, null, null, null, null, r.panicked, 0,
                    h.text(), h.text(), "");
        }
        crashes.add(crash);
        lastCrashInBoot = crashes.size() - 1;
    }

    private void markPanicked(int index) {
        Crash c = crashes.get(index);
        if (!c.panicked()) {
            crashes.set(index, withBootAndPanic(c, c.boot(), true));
        }
    }

    @Override
    public void finish() {
        closeAll();
    }

    /** Every crash found, in log order; {@code bootOfLine} maps a line number to its boot index. */
    public List<Crash> crashes(LongToIntFunction bootOfLine) {
        closeAll();
        List<Crash> result = new ArrayList<>(crashes.size());
        for (Crash c : crashes) {
            int boot = bootOfLine.applyAsInt(c.startLine());
            result.add(boot == c.boot() ? c : withBootAndPanic(c, boot, c.panicked()));
        }
        result.sort((a, b) -> Integer.compare(a.startLine(), b.startLine()));
        return result;
    }

    /** Crashes beyond {@link #MAX_CRASHES} that were counted but not kept. */
    public long droppedCrashes() {
        return droppedCrashes;
    }

    private static Crash withBootAndPanic(Crash c, int boot, boolean panicked) {
        return new Crash(c.title(), c.altTitles(), c.type(), c.corrupted(), c.corruptedReason(), c.guiltyFrame(),
                c.startLine(), c.endLine(), c.callTrace(), c.rip(), c.registers(), c.cpu(), c.pid(), c.command(),
                c.taint(), c.kernelRelease(), c.hardware(), panicked, boot, c.firstLine(), c.lastLine(),
                c.signature());
    }
}
