package dev.ecsdiag.classify.crash;

import dev.ecsdiag.classify.ConsoleLine;
import java.util.List;

/**
 * Where a report ends. A report is collected until something else starts, which may be long after
 * the kernel finished printing it; its last line is the last one that still looks like part of an
 * oops (frames, registers, stack markers, lock lists, memory dumps, the end-trace and panic lines).
 */
public final class ReportExtent {

    private ReportExtent() {
    }

    /** Lines after which a report is over when nothing report-like was printed. */
    public static final int QUIET_LINES = 100;

    /** Index (in {@code lines}) of the report's last line. */
    public static int lastIndex(List<ConsoleLine> lines) {
        int last = 0;
        for (int i = 1; i < lines.size(); i++) {
            String t = lines.get(i).text();
            if (t.startsWith("---[ end trace") || t.startsWith("---[ end Kernel panic")) {
                return i;
            }
            if (isReportish(t)) {
                last = i;
            }
        }
        return last;
    }

    /** Cheap test: does this line look like a part of an oops report? */
    public static boolean isReportish(String t) {
        int i = 0;
        int n = t.length();
        while (i < n && t.charAt(i) == ' ') {
            i++;
        }
        if (i == n) {
            return false;
        }
        char c = t.charAt(i);
        if (c == '<' || c == '[' || c == '#' || c == '>' || c == '(' || c == '-' || c == '?') {
            return true; // <IRQ>, [<addr>], lock list "#0:", KASAN shadow ">ffff", "-> #1", "? frame"
        }
        if (t.startsWith("Call Trace", i) || t.startsWith("Call trace", i) || t.startsWith("RIP:", i)
                || t.startsWith("Code:", i) || t.startsWith("Modules linked in", i) || t.startsWith("CPU:", i)
                || t.startsWith("Hardware name:", i) || t.startsWith("Kernel panic", i)
                || t.startsWith("Kernel Offset", i) || t.startsWith("Rebooting in", i)
                || t.startsWith("Workqueue:", i) || t.startsWith("Allocated", i) || t.startsWith("Freed", i)
                || t.startsWith("Memory state", i) || t.startsWith("The buggy address", i)
                || t.startsWith("page", i) || t.startsWith("flags:", i) || t.startsWith("raw:", i)
                || t.startsWith("Dumping ftrace", i) || t.startsWith("Showing all locks", i)
                || t.startsWith("irq event stamp", i) || t.startsWith("hardirqs last", i)
                || t.startsWith("softirqs last", i) || t.startsWith("stack backtrace", i)
                || t.startsWith("other info that might help", i) || t.startsWith("NMI backtrace", i)
                || t.startsWith("Sending NMI", i) || t.startsWith("Uninit was", i) || t.startsWith("Local variable", i)
                || t.startsWith("backtrace", i) || t.startsWith("Last potentially related", i)) {
            return true;
        }
        if (c >= 'A' && c <= 'Z' && i + 3 < n) {
            // register dumps: "RAX: 0000", "R10: ffff", "FS:  0000", "CR2: 0000"
            int j = i;
            while (j < n && j - i < 6 && (t.charAt(j) >= 'A' && t.charAt(j) <= 'Z' || t.charAt(j) >= '0' && t.charAt(j) <= '9')) {
                j++;
            }
            if (j < n && t.charAt(j) == ':' && j > i + 1) {
                return true;
            }
        }
        if (c >= '0' && c <= '9' && t.contains(" lock")) {
            return true; // "2 locks held by syz-executor/123:"
        }
        return FrameLine.parse(t, 0) != null || t.startsWith("ffff", i) || t.startsWith("Disabling lock debugging", i);
    }
}
