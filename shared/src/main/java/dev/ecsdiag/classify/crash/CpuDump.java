package dev.ecsdiag.classify.crash;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack dump of a CPU the report is about, printed further down the report by that CPU itself.
 * An RCU stall caught by another CPU is the case: the detecting CPU lists the stalled CPUs, then
 * has each of them print its stack (an NMI backtrace), so the looping code is in that dump and not
 * in the detecting CPU's own stack. A {@link StackSpec} with a dump walks its parts over the frames
 * of the task the CPU was running only; a row whose report has no such dump does not apply.
 *
 * @param named    a line naming CPUs the report is about, before the dumps start; each group holds
 *                 CPU numbers (one, or several separated by spaces)
 * @param start    the first line of one CPU's dump; group 1 is its CPU number. A dump lasts until the
 *                 next one starts, a {@code stop} line, or a second stack (one dump holds one stack)
 * @param stop     a line after which dumps are of other CPUs, for another purpose, whatever CPU they name
 * @param taskFrom the end of an NMI or interrupt section of the dump's call trace: the interrupted
 *                 task's frames follow the last one (old kernels print the first of them on that
 *                 line). Without one, the whole call trace is the task's
 */
public record CpuDump(Pattern named, Pattern start, Pattern stop, Pattern taskFrom) {

    /**
     * The task frames of the first dump of a named CPU that comes before any {@code stop} line (the
     * lines after its call trace starts, or from its last {@code taskFrom} line on); null when there
     * is no such dump or it has no call trace.
     */
    List<ReportLine> find(List<ReportLine> lines) {
        Set<String> cpus = new HashSet<>();
        int begin = -1;
        int trace = -1;
        int task = -1;
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            ReportLine line = lines.get(i);
            String text = ReportPatterns.window(line.text(), 0);
            if (stop.matcher(text).find()) {
                end = i;
                break;
            }
            Matcher s = start.matcher(text);
            if (s.find()) {
                if (begin >= 0) {
                    end = i;
                    break;
                }
                if (cpus.contains(s.group(1))) {
                    begin = i;
                }
                continue;
            }
            if (begin < 0) {
                // CPUs are named before the first dump; a dump of a CPU not named is skipped
                Matcher n = named.matcher(text);
                if (n.find()) {
                    for (int g = 1; g <= n.groupCount(); g++) {
                        if (n.group(g) != null) {
                            cpus.addAll(List.of(n.group(g).trim().split(" +")));
                        }
                    }
                }
            } else if (line.startsStack()) {
                if (trace >= 0) {
                    end = i;
                    break;
                }
                trace = i;
            } else if (trace >= 0 && taskFrom.matcher(text).find()) {
                task = i;
            }
        }
        if (trace < 0) {
            return null;
        }
        return new ArrayList<>(lines.subList(task >= 0 ? task : trace + 1, end));
    }
}
