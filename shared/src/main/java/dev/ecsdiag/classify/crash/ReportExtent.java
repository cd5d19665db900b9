package dev.ecsdiag.classify.crash;

import java.util.List;

/**
 * Where a report ends. A report is collected until something else starts, which may be long after
 * the kernel finished printing it; its last line is the last one that still looks like part of an
 * oops (frames, registers, stack markers, lock lists, memory dumps, the end-trace and panic lines),
 * and nothing report-like for {@link #QUIET_LINES} lines closes it.
 */
public final class ReportExtent {

    private ReportExtent() {
    }

    /** Lines after which a report is over when nothing report-like was printed. */
    public static final int QUIET_LINES = 100;

    /** Line beginnings that belong to oops reports, by their first character (a switch, not a scan). */
    private static final String[][] MARKERS = new String[128][];

    static {
        String[] markers = {"Call Trace", "Call trace", "RIP:", "Code:", "Modules linked in", "CPU:", "Hardware name:",
            "Kernel panic", "Kernel Offset", "Rebooting in", "Workqueue:", "Allocated", "Freed", "Memory state",
            "The buggy address", "page", "flags:", "raw:", "Dumping ftrace", "Showing all locks", "irq event stamp",
            "hardirqs last", "softirqs last", "stack backtrace", "other info that might help", "NMI backtrace",
            "Sending NMI", "Uninit was", "Local variable", "backtrace", "Last potentially related",
            "Disabling lock debugging"};
        for (String m : markers) {
            char c = m.charAt(0);
            String[] old = MARKERS[c];
            String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = m;
            MARKERS[c] = grown;
        }
    }

    /**
     * Index of a report's last line: its end-trace or end-panic line, else the last line that holds
     * a frame or looks {@link #isReportish report-like} (0: the header alone).
     */
    static int lastIndex(List<ReportLine> lines) {
        int last = 0;
        for (int i = 1; i < lines.size(); i++) {
            ReportLine rl = lines.get(i);
            String t = rl.text();
            if (t.startsWith("---[ end trace") || t.startsWith("---[ end Kernel panic")) {
                return i;
            }
            if (rl.frame() != null || isReportish(t)) {
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
        if (t.contains("+0x")) {
            return true; // frames, RIP and lock holders "at: foo+0x1/0x2"
        }
        String[] markers = c < 128 ? MARKERS[c] : null;
        if (markers != null) {
            for (String m : markers) {
                if (t.startsWith(m, i)) {
                    return true;
                }
            }
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
        return t.startsWith("ffff", i) || FrameLine.parse(t, 0) != null;
    }
}
