package dev.ecsdiag.screen;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.crash.StackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Titles from what is left on a screen once a report's header has scrolled off its top.
 * <ul>
 *   <li>The panic's own line may be gone while its closing line ({@code ---[ end Kernel panic - not
 *       syncing: X ]---}) is the last on the screen: the console classifier then titles the crash
 *       from that line, and its {@code ]---} is trimmed here.</li>
 *   <li>An oops whose header and RIP line are both gone still shows its call trace: it is a crash,
 *       titled {@code kernel oops in FRAME} by the trace's first reliable frame, and marked corrupted
 *       (the header is not on the screen), so that it is not mistaken for a complete report.</li>
 * </ul>
 */
final class ScreenTitles {

    private static final Pattern TIMESTAMP = Pattern.compile("^\\s*\\[\\s*\\d+\\.\\d+\\]\\s?");
    private static final Pattern TRACE_START = Pattern.compile("(?:^|\\] )\\s*Call Trace:\\s*$");
    private static final Pattern FRAME = Pattern.compile("^\\s*(\\?\\s+)?([A-Za-z_.$][\\w.$]*)\\+(0x[0-9a-f]+)/(0x[0-9a-f]+)(?:\\s+\\[(\\w+)\\])?");
    /** A kernel-mode instruction pointer (segment 0010); the kernel repeats it after the trace's end. */
    private static final Pattern KERNEL_RIP = Pattern.compile("RIP: 0010:([A-Za-z_.$][\\w.$]*)\\+0x[0-9a-f]+/0x[0-9a-f]+");
    private static final Pattern END = Pattern.compile("---\\[ end trace|</TASK>");

    private ScreenTitles() {
    }

    /** A {@code Call Trace:} line, or a frame line (the trace's own first line may have scrolled off too). */
    static boolean isTraceStart(String line) {
        return TRACE_START.matcher(line).find() || FRAME.matcher(TIMESTAMP.matcher(line).replaceFirst("")).find();
    }

    /** The crash that a kernel-mode RIP line without its header shows; null when the screen has none. */
    static Crash headlessRip(List<ScreenRows.Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = KERNEL_RIP.matcher(lines.get(i).text());
            if (m.find()) {
                String title = "kernel oops in " + m.group(1);
                String text = lines.get(i).text();
                return new Crash(title, List.of(), "UNKNOWN", true, "the report's header is not on the screen (scrolled off)",
                        m.group(1), i + 1, i + 1, List.of(), m.group(), Map.of(), null, null, null, null, null, null, false,
                        0, text, text, ScreenClassifier.signature("UNKNOWN|" + title));
            }
        }
        return null;
    }

    /** The crash that a call trace without its header shows; null when no reliable frame follows. */
    static Crash headlessOops(List<ScreenRows.Line> lines, int traceLine) {
        List<StackFrame> frames = new ArrayList<>();
        String guilty = null;
        int last = traceLine;
        int from = TRACE_START.matcher(lines.get(traceLine).text()).find() ? traceLine + 1 : traceLine;
        for (int i = from; i < lines.size(); i++) {
            String text = TIMESTAMP.matcher(lines.get(i).text()).replaceFirst("");
            if (END.matcher(text).find()) {
                last = i;
                break;
            }
            Matcher m = FRAME.matcher(text);
            if (!m.find()) {
                if (text.strip().startsWith("<")) {
                    continue; // <TASK>, <IRQ>
                }
                break;
            }
            last = i;
            boolean reliable = m.group(1) == null;
            frames.add(new StackFrame(m.group(2), m.group(3), m.group(4), m.group(5), reliable, i + 1));
            if (reliable && guilty == null) {
                guilty = m.group(2);
            }
        }
        if (guilty == null) {
            return null;
        }
        String title = "kernel oops in " + guilty;
        String first = lines.get(traceLine).text();
        return new Crash(title, List.of(), "UNKNOWN", true, "the report's header is not on the screen (scrolled off)",
                guilty, traceLine + 1, last + 1, frames, null, Map.of(), null, null, null, null, null, null, false, 0,
                first, lines.get(last).text(), ScreenClassifier.signature("UNKNOWN|" + title));
    }

    /** The classification with titles taken from a panic's closing line trimmed of its {@code ]---}. */
    static Classification tidy(Classification c) {
        if (c.crashes().stream().noneMatch(crash -> crash.title().endsWith(" ]---"))) {
            return c;
        }
        List<Crash> crashes = new ArrayList<>();
        for (Crash k : c.crashes()) {
            if (!k.title().endsWith(" ]---")) {
                crashes.add(k);
                continue;
            }
            String title = k.title().substring(0, k.title().length() - " ]---".length());
            crashes.add(new Crash(title, k.altTitles(), k.type(), k.corrupted(), k.corruptedReason(), k.guiltyFrame(),
                    k.startLine(), k.endLine(), k.callTrace(), k.rip(), k.registers(), k.cpu(), k.pid(), k.command(),
                    k.taint(), k.kernelRelease(), k.hardware(), k.panicked(), k.boot(), k.firstLine(), k.lastLine(),
                    ScreenClassifier.signature(k.type() + "|" + title)));
        }
        return new Classification(c.verdict(), crashes, c.boots(), c.findings(), c.lines(), c.bytes());
    }
}
