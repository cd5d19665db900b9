package dev.ecsdiag.cli;

import dev.ecsdiag.classify.Boot;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.Finding;
import dev.ecsdiag.classify.crash.StackFrame;
import java.io.PrintWriter;
import java.util.List;

/**
 * Text for people: per file the verdict, one block per crash (title, guilty frame, the first
 * {@value #TRACE_FRAMES} frames of the call trace with the guilty one marked {@code >}), the boots and
 * the findings. Console text is attacker-controlled: control characters (terminal escapes) are shown
 * as {@code ?} so a log cannot drive the reader's terminal.
 */
final class TextPrinter implements ClassificationPrinter {

    static final int TRACE_FRAMES = 8;

    private final PrintWriter out;
    private boolean first = true;

    TextPrinter(PrintWriter out) {
        this.out = out;
    }

    /** The classification as for a console log, then the rows read from the screen, the deciding ones marked {@code >}. */
    @Override
    public void printScreen(String file, dev.ecsdiag.screen.ScreenReading screen) {
        print(file, screen.classification().classification());
        out.println("  read from the screen (" + screen.format() + ", " + screen.width() + "x" + screen.height() + ", "
                + safe(screen.text().grid()) + "; decided by " + screen.classification().rule() + "):");
        java.util.Set<Integer> deciding = new java.util.HashSet<>(screen.classification().decidingRows());
        for (dev.ecsdiag.screen.ScreenLine line : screen.text().lines()) {
            out.printf(java.util.Locale.ROOT, "  %s %2d | %s%n", deciding.contains(line.row()) ? ">" : " ", line.row(),
                    safe(line.text()));
        }
    }

    @Override
    public void print(String file, Classification result) {
        if (!first) {
            out.println();
        }
        first = false;
        out.println(safe(file) + ": " + result.verdict().id() + " (" + result.crashes().size() + " crash"
                + (result.crashes().size() == 1 ? "" : "es") + ", " + result.boots().size() + " boot"
                + (result.boots().size() == 1 ? "" : "s") + ", " + result.findings().size() + " finding"
                + (result.findings().size() == 1 ? "" : "s") + ", " + result.lines() + " lines)");
        int n = 0;
        for (Crash crash : result.crashes()) {
            printCrash(++n, crash);
        }
        for (Boot boot : result.boots()) {
            printBoot(boot);
        }
        if (!result.findings().isEmpty()) {
            out.println("  findings:");
            for (Finding f : result.findings()) {
                out.println("    line " + f.line() + "  " + f.kind().id() + "  " + safe(f.title()) + details(f));
            }
        }
    }

    private void printCrash(int n, Crash crash) {
        StringBuilder head = new StringBuilder("  crash ").append(n).append(": ").append(safe(crash.title()));
        head.append("  [").append(safe(crash.category())).append(", lines ").append(crash.startLine()).append('-')
                .append(crash.endLine()).append(", boot ").append(crash.boot());
        if (crash.corrupted()) {
            head.append(", corrupted");
        }
        if (crash.panicked()) {
            head.append(", panicked");
        }
        out.println(head.append(']'));
        int guilty = guiltyIndex(crash);
        if (crash.guiltyFrame() != null) {
            out.println("    guilty frame: " + safe(crash.guiltyFrame()));
        }
        if (crash.rip() != null && (guilty < 0 || crash.callTrace().isEmpty())) {
            out.println("    " + safe(crash.rip())); // the guilty function was where the CPU stopped
        }
        List<StackFrame> trace = crash.callTrace();
        if (!trace.isEmpty()) {
            out.println("    call trace:");
            int shown = Math.min(TRACE_FRAMES, trace.size());
            for (int i = 0; i < shown; i++) {
                out.println("    " + (i == guilty ? "> " : "  ") + frame(trace.get(i)));
            }
            if (guilty >= shown) {
                out.println("      ...");
                out.println("    > " + frame(trace.get(guilty)));
            }
            int rest = trace.size() - Math.max(shown, guilty + 1);
            if (rest > 0) {
                out.println("      (" + rest + " more frame" + (rest == 1 ? "" : "s") + ")");
            }
        }
    }

    private static int guiltyIndex(Crash crash) {
        if (crash.guiltyFrame() == null) {
            return -1;
        }
        for (int i = 0; i < crash.callTrace().size(); i++) {
            if (crash.callTrace().get(i).isIn(crash.guiltyFrame())) {
                return i;
            }
        }
        return -1;
    }

    static String frame(StackFrame f) {
        StringBuilder b = new StringBuilder();
        if (!f.reliable()) {
            b.append("? ");
        }
        b.append(safe(f.function()));
        if (f.offset() != null) {
            b.append('+').append(safe(f.offset()));
            if (f.size() != null) {
                b.append('/').append(safe(f.size()));
            }
        }
        if (f.module() != null) {
            b.append(" [").append(safe(f.module())).append(']');
        }
        return b.toString();
    }

    private void printBoot(Boot boot) {
        StringBuilder b = new StringBuilder("  boot ").append(boot.index()).append(": ");
        b.append(boot.kernelRelease() == null ? (boot.startSeen() ? "no kernel banner" : "joined mid-way")
                : safe(boot.kernelRelease()));
        b.append(", reached ").append(boot.reached().id()).append(", ended by ").append(boot.endedBy());
        b.append("  [lines ").append(boot.startLine()).append('-').append(boot.endLine()).append(']');
        out.println(b);
        if (boot.failure() != null) {
            out.println("    failure (line " + boot.failureLine() + "): " + safe(boot.failure()));
        }
    }

    private static String details(Finding f) {
        if (f.details().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("  {");
        f.details().forEach((k, v) -> b.append(b.length() > 3 ? ", " : "").append(safe(k)).append('=').append(safe(v)));
        return b.append('}').toString();
    }

    /** Control characters (C0, DEL, C1) become {@code ?}: console text must not reach the terminal raw. */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
            if (control) {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
                b.append('?');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
