package dev.ecsdiag.classify.crash;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts an oops prints about itself: call trace, RIP, registers, CPU/PID/Comm, taint, release,
 * hardware, whether it panicked. Read from the report's own lines only, so frames lie within its
 * start and end lines.
 */
final class ReportFacts {

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

    private ReportFacts() {
    }

    static ReportFacts read(List<ReportLine> lines) {
        ReportFacts f = new ReportFacts();
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
