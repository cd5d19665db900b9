package dev.ecsdiag.classify.crash;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines that start a stack trace, one row per kind: the one table both of its readers use, as
 * syzkaller keeps {@code linuxStackParams.stackStartRes}. The stack walk ends a stack's frames at the
 * next start ({@link ReportLine#startsStack()}); the corruption check wants frames after the first
 * start of each kind ({@link CorruptionCheck}).
 *
 * <p>A line starts a stack of the first row it matches: it holds one of the row's {@code literals}
 * (a cheap test) and, when the literal is not enough, the row's {@code pattern} matches it.
 */
enum StackStart {

    CALL_TRACE(null, "Call Trace", "Call trace"),
    ALLOCATED(null, "Allocated:"),
    ALLOCATED_BY_TASK("Allocated by task [0-9]+:", "Allocated by task "),
    FREED(null, "Freed:"),
    FREED_BY_TASK("Freed by task [0-9]+:", "Freed by task "),
    /** arm and powerpc. */
    BACKTRACE_HEADER(null, "Backtrace:"),
    /** KMSAN: where the uninitialised value was stored, then where it was created. */
    UNINIT_STORED(null, "Uninit was stored to memory at"),
    /**
     * riscv prints its stack right after the registers' last line, and may print none: this start is
     * announced without frames to follow, so their absence is no sign of corruption.
     */
    RISCV_REGISTERS_END("status: [0-9a-f]{16} badaddr: [0-9a-f]{16} cause: [0-9a-f]{16}", "badaddr: "),
    /** kmemleak's {@code backtrace:} (newer kernels add {@code (crc ...)}); not lockdep's {@code stack backtrace:}. */
    BACKTRACE("[^k] backtrace(?: \\(crc [0-9a-fA-F]*\\))?:", " backtrace");

    private static final StackStart[] ROWS = values();

    private final Pattern pattern;
    private final List<String> literals;

    StackStart(String regex, String... literals) {
        this.pattern = regex == null ? null : Pattern.compile(regex);
        this.literals = List.of(literals);
    }

    /** The kind of stack this line starts; null when it starts none. */
    static StackStart of(String line) {
        for (StackStart row : ROWS) {
            if (row.matches(line)) {
                return row;
            }
        }
        return null;
    }

    /** Whether frames must follow this start within a few lines for the report to be whole. */
    boolean framesFollow() {
        return this != RISCV_REGISTERS_END;
    }

    private boolean matches(String line) {
        for (String literal : literals) {
            if (line.contains(literal)) {
                return pattern == null || pattern.matcher(line).find();
            }
        }
        return false;
    }
}
