package dev.ecsdiag.classify.crash;

import java.util.List;
import java.util.Map;

/**
 * One kernel crash report found in a console log.
 *
 * @param title          "KIND in FUNCTION" title, syzkaller's convention
 *                       (e.g. {@code WARNING in __alloc_pages})
 * @param altTitles      other acceptable titles for the same crash
 * @param type           category, the {@code TYPE} names of syzkaller's corpus
 *                       (e.g. {@code KASAN-READ}, {@code WARNING}, {@code HANG})
 * @param corrupted      the report is truncated or interleaved beyond recovery
 * @param corruptedReason why it was judged corrupted; null when not corrupted
 * @param guiltyFrame    first frame of the call trace outside the reporting machinery; null if none
 * @param startLine      1-based line where the report starts
 * @param endLine        1-based line where the report ends (inclusive)
 * @param callTrace      the call trace, innermost frame first
 * @param rip            instruction pointer as printed ({@code RIP: 0010:func+0x1/0x2}); null if absent
 * @param registers      register values by name, in printed order
 * @param cpu            CPU number; null if not printed
 * @param pid            PID of the current task; null if not printed
 * @param command        command name of the current task; null if not printed
 * @param taint          taint flags as printed (e.g. {@code G        W  OE}); null if not printed
 * @param kernelRelease  kernel release as printed in the report (e.g. {@code 6.1.0-56-amd64}); null if absent
 * @param hardware       hardware name line; null if absent
 * @param panicked       the report ended in (or was followed by) {@code Kernel panic - not syncing}
 * @param boot           0-based index of the boot this crash happened in
 * @param firstLine      text of the report's first line
 * @param lastLine       text of the report's last line
 * @param signature      stable grouping key: same crash on another instance or build, same signature
 */
public record Crash(
        String title,
        List<String> altTitles,
        String type,
        boolean corrupted,
        String corruptedReason,
        String guiltyFrame,
        int startLine,
        int endLine,
        List<StackFrame> callTrace,
        String rip,
        Map<String, String> registers,
        Integer cpu,
        Integer pid,
        String command,
        String taint,
        String kernelRelease,
        String hardware,
        boolean panicked,
        int boot,
        String firstLine,
        String lastLine,
        String signature) implements java.io.Serializable {

    public Crash {
        altTitles = List.copyOf(altTitles);
        callTrace = List.copyOf(callTrace);
        registers = registers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(registers));
    }

    /** The category for people: {@link #type()}, or {@code unknown category} when the classifier gave none. */
    public String category() {
        return category(type);
    }

    /** {@code type}, or {@code unknown category} when it is null or blank. */
    public static String category(String type) {
        return type == null || type.isBlank() ? "unknown category" : type;
    }
}
