package dev.ecsdiag.classify;

import dev.ecsdiag.classify.crash.HeaderScanner;
import dev.ecsdiag.classify.crash.OopsGroup;
import dev.ecsdiag.classify.crash.OopsTable;
import dev.ecsdiag.classify.crash.ReportExtent;
import dev.ecsdiag.classify.crash.ReportParser;
import dev.ecsdiag.classify.crash.TitleCanon;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongToIntFunction;

/**
 * Finds every kernel crash report in a console log, in one pass and bounded memory.
 *
 * <p>Every line meets the {@link HeaderScanner} (one table lookup per character); a line holding a
 * header keyword of the {@link OopsTable} opens a report. A report collects the following lines of
 * the same printk context: same caller id ({@code [ T1234]}) when the kernel prints them, else the
 * same kind of line (with or without a printk timestamp), so that user-space output and other CPUs'
 * messages interleaved with it stay out. After {@code Sending NMI from CPU} the CPU contexts
 * ({@code [ C3]}) belong to it too. A report closes when the same context starts another report,
 * when a new boot starts, when nothing report-like was printed for {@link ReportExtent#QUIET_LINES}
 * lines, or at the end of the log; then {@link ReportParser} titles it.
 *
 * <p>{@code Kernel panic - not syncing} and the other continuation headers do not start a report
 * when one is open (or was just closed in the same boot): they mark it as panicked.
 */
public final class CrashAnalyzer implements LineAnalyzer {

    /** Lines kept per report; the title needs far fewer, the cap bounds memory on endless reports. */
    static final int MAX_REPORT_LINES = 2000;
    /** Reports open at once (one per printk context). */
    static final int MAX_OPEN = 8;
    /** Crashes kept per log; more are counted only. */
    static final int MAX_CRASHES = 10_000;

    private static final HeaderScanner SCANNER = new HeaderScanner(OopsTable.GROUPS);
    /** Messages that come with a stack of their own; in a context-less console they end the report. */
    private static final List<String> INFO_WITH_STACK = List.of("vmalloc: allocation failure:",
            "FAULT_INJECTION: forcing a failure", "FAULT_FLAG_ALLOW_RETRY missing");
    private static final String PANIC = "Kernel panic - not syncing";

    private final List<OpenReport> open = new ArrayList<>();
    private final List<Crash> crashes = new ArrayList<>();
    private long droppedCrashes;
    /** Index in {@link #crashes} of the last crash of the current boot; -1 when none yet. */
    private int lastCrashInBoot = -1;

    private static final class OpenReport {
        final OopsGroup group;
        final String context;
        final List<ConsoleLine> lines = new ArrayList<>();
        final int minLines;
        int textLines;
        int quiet;
        boolean cpuTraceback;
        boolean skipText;
        boolean panicked;

        OpenReport(OopsGroup group, String context, ConsoleLine header) {
            this.group = group;
            this.context = context;
            this.minLines = header.text().contains("BUG: KMSAN:") ? 16 : 22;
            lines.add(header);
            textLines = 1;
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
        }
        String context = contextOf(line);
        int g = SCANNER.find(text);
        if (g >= 0) {
            header(line, context, SCANNER.group(g));
            return;
        }
        for (Iterator<OpenReport> it = open.iterator(); it.hasNext(); ) {
            OpenReport r = it.next();
            if (!r.accepts(line, context)) {
                continue;
            }
            if (r.context.equals("console") || r.context.isEmpty()) {
                if (containsAny(text, INFO_WITH_STACK)) {
                    it.remove();
                    close(r);
                    continue;
                }
            }
            add(r, line);
            if (r.quiet > ReportExtent.QUIET_LINES) {
                it.remove();
                close(r);
            }
        }
    }

    private void header(ConsoleLine line, String context, OopsGroup group) {
        OpenReport current = null;
        for (OpenReport r : open) {
            if (r.accepts(line, context)) {
                current = r;
                break;
            }
        }
        boolean continuation = group.continuation() != null && line.text().contains(group.continuation());
        if (continuation && current != null) {
            add(current, line);
            return;
        }
        if (continuation && line.text().contains(PANIC) && lastCrashInBoot >= 0) {
            markPanicked(lastCrashInBoot);
            return;
        }
        if (current != null) {
            open.remove(current);
            close(current);
        }
        if (open.size() >= MAX_OPEN) {
            close(open.remove(0));
        }
        open.add(new OpenReport(group, context, line));
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
        if (r.lines.size() < MAX_REPORT_LINES) {
            r.lines.add(line);
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
        Crash crash;
        try {
            crash = ReportParser.parse(r.group, r.lines, r.panicked);
        } catch (RuntimeException e) {
            // A parser bug must not lose the crash: keep what the header line says.
            ConsoleLine h = r.lines.get(0);
            String title = TitleCanon.canonical(h.text());
            crash = new Crash(title, List.of(), null, true, "parser error: " + e, null, (int) h.number(),
                    (int) h.number(), List.of(), null, null, null, null, null, null, null, null, r.panicked, 0,
                    h.text(), h.text(), "");
        }
        if (crashes.size() >= MAX_CRASHES) {
            droppedCrashes++;
            return;
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
            result.add(withBootAndPanic(c, bootOfLine.applyAsInt(c.startLine()), c.panicked()));
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
