package dev.ecsdiag.classify.crash;

/**
 * One frame of a kernel call trace, as printed: {@code tcp_close+0x2a/0x60 [ipv6]}.
 *
 * @param function symbol name, e.g. {@code tcp_close}
 * @param offset   offset into the function as printed (hex, e.g. {@code 0x2a}); null when absent
 * @param size     size of the function as printed (hex); null when absent
 * @param module   module name for frames inside a loadable module; null for vmlinux
 * @param reliable false for frames the kernel marked with {@code ?} (stale stack contents)
 * @param line     1-based line number of the frame in the console log
 */
public record StackFrame(String function, String offset, String size, String module, boolean reliable, int line)
        implements java.io.Serializable {

    /**
     * Whether this frame is in the named function: by its symbol, or by the symbol up to its first
     * {@code .} (the compiler's suffixes), as guilty frames are named: {@code out_of_memory.cold.36}
     * is in {@code out_of_memory}.
     */
    public boolean isIn(String name) {
        if (name == null || function == null) {
            return false;
        }
        int dot = function.indexOf('.');
        return function.equals(name) || dot > 0 && function.substring(0, dot).equals(name);
    }
}
