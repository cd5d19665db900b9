package dev.ecsdiag.classify.crash;

import java.util.List;

/**
 * Reads one call-trace line, hand-scanned in linear time (these lines can be adversarial: endless
 * {@code [<ffffffff} fragments). Shapes understood:
 * <pre>
 *  [&lt;ffffffff81234567&gt;] tcp_close+0x2a/0x60 [ipv6]        x86 before 4.x, riscv
 *  tcp_close+0x2a/0x60 net/ipv4/tcp.c:2180                   x86 today, symbolized
 *  ? tcp_close+0x2a/0x60                                     stale stack contents (unreliable)
 *  [c0000000012345] [c0000000067890] tcp_close+0x2a/0x60 (unreliable)   powerpc
 *  [&lt;c0101234&gt;] (tcp_close) from [&lt;c0105678&gt;] (inet_release+0x1c/0x20)   arm
 * </pre>
 * A frame needs a symbol followed by {@code +0x} (possibly after {@code .isra.0}-like suffixes);
 * inlined frames printed without an offset ({@code __dump_stack lib/dump_stack.c:77 [inline]}) are
 * not frames here, as in syzkaller's titles.
 */
public final class FrameLine {

    /**
     * Longest kernel symbol name (KSYM_NAME_LEN, 512 since Linux 6.1 for Rust, 128 before): a longer
     * word is not a symbol, and every frame is kept, so its name must not grow with the line.
     */
    static final int MAX_SYMBOL = 512;

    private FrameLine() {
    }

    /** The frame on this line, or null. {@code lineNumber} is stored in the frame. */
    public static StackFrame parse(String s, int lineNumber) {
        int n = s.length();
        int i = skipSpaces(s, 0);
        boolean reliable = true;
        // up to two [<address>] / [address] groups
        for (int k = 0; k < 2; k++) {
            int q = address(s, i);
            if (q < 0) {
                break;
            }
            i = skipSpaces(s, q);
        }
        if (i < n && s.charAt(i) == '?' && i + 1 < n && s.charAt(i + 1) == ' ') {
            reliable = false;
            i = skipSpaces(s, i + 2);
        }
        if (i < n && s.charAt(i) == '(') {
            // arm: "(caller) from [<pc>] (callee+0x1c/0x20)": the first name is the frame
            int close = s.indexOf(')', i);
            if (close > i + 1 && s.startsWith(" from ", close + 1)) {
                String name = s.substring(i + 1, close);
                int plus = name.indexOf('+');
                String symbol = plus >= 0 ? name.substring(0, plus) : name;
                if (isSymbol(symbol)) {
                    return new StackFrame(symbol, null, null, null, reliable, lineNumber);
                }
            }
            return null;
        }
        int start = i;
        while (i < n && isIdent(s.charAt(i))) {
            i++;
        }
        if (i == start || i >= n) {
            return null;
        }
        char c = s.charAt(i);
        if (c != '+' && c != '.') {
            return null;
        }
        // symbol suffixes such as .isra.0, .constprop.3, .cold
        int symEnd = i;
        while (symEnd < n && (isIdent(s.charAt(symEnd)) || s.charAt(symEnd) == '.')) {
            symEnd++;
        }
        if (symEnd >= n || s.charAt(symEnd) != '+' || !s.startsWith("0x", symEnd + 1) || symEnd - start > MAX_SYMBOL) {
            return null;
        }
        String symbol = s.substring(start, symEnd);
        int offStart = symEnd + 1;
        int offEnd = hexEnd(s, offStart + 2);
        String offset = s.substring(offStart, offEnd);
        String size = null;
        int j = offEnd;
        if (j < n && s.charAt(j) == '/' && s.startsWith("0x", j + 1)) {
            int sizeEnd = hexEnd(s, j + 3);
            size = s.substring(j + 1, sizeEnd);
            j = sizeEnd;
        }
        String module = null;
        int k = skipSpaces(s, j);
        if (k < n && s.charAt(k) == '[') {
            int close = k + 1;
            while (close < n && close - k < 64 && (isIdent(s.charAt(close)) || s.charAt(close) == '-')) {
                close++;
            }
            if (close < n && close > k + 1 && (s.charAt(close) == ']' || s.charAt(close) == ' ')) {
                String m = s.substring(k + 1, close);
                if (!m.equals("inline")) {
                    module = m;
                }
            }
        }
        if (s.endsWith(" (unreliable)")) {
            reliable = false;
        }
        return new StackFrame(symbol, offset, size, module, reliable, lineNumber);
    }

    /**
     * The function names a line offers for titles: the frame's base name, or on arm both the
     * caller and the callee of {@code (caller) from [<pc>] (callee+0x1c/0x20)} (the innermost
     * function appears only as a callee). Unreliable frames offer none.
     */
    public static List<String> titleNames(String s) {
        return titleNames(s, parse(s, 0));
    }

    /** {@link #titleNames(String)} for a line already parsed into {@code f}. */
    public static List<String> titleNames(String s, StackFrame f) {
        if (f == null || !f.reliable()) {
            return List.of();
        }
        String base = demangle(baseName(f.function()));
        if (f.offset() != null) {
            return List.of(base);
        }
        // arm: the callee is the second parenthesised name
        int from = s.indexOf(") from ");
        int open = from < 0 ? -1 : s.indexOf('(', from + 7);
        if (open < 0) {
            return List.of(base);
        }
        int i = open + 1;
        int start = i;
        while (i < s.length() && isIdent(s.charAt(i))) {
            i++;
        }
        if (i == start || i >= s.length() || s.charAt(i) != '+' && s.charAt(i) != '.') {
            return List.of(base);
        }
        return List.of(base, demangle(s.substring(start, i)));
    }

    /**
     * Names as people write them: Rust v0 symbols ({@link RustSymbols}) and C++ symbols
     * ({@code _Z8fakeNameiii}, {@code _ZN2ns4funcEv}) lose their mangling; anything else is
     * returned as it is.
     */
    public static String demangle(String symbol) {
        if (symbol.startsWith("_R")) {
            String rust = RustSymbols.demangle(symbol);
            return rust == null ? symbol : rust;
        }
        if (!symbol.startsWith("_Z") || symbol.length() < 4) {
            return symbol;
        }
        int i = 2;
        boolean nested = symbol.charAt(i) == 'N';
        if (nested) {
            i++;
        }
        StringBuilder out = new StringBuilder();
        while (i < symbol.length() && Character.isDigit(symbol.charAt(i))) {
            int len = 0;
            while (i < symbol.length() && Character.isDigit(symbol.charAt(i)) && len < 10_000) {
                len = len * 10 + (symbol.charAt(i++) - '0');
            }
            if (len == 0 || i + len > symbol.length()) {
                return symbol;
            }
            if (out.length() > 0) {
                out.append("::");
            }
            out.append(symbol, i, i + len);
            i += len;
            if (!nested) {
                break;
            }
        }
        if (out.length() == 0 || nested && (i >= symbol.length() || symbol.charAt(i) != 'E')) {
            return symbol;
        }
        return out.toString();
    }

    /** The function part syzkaller titles use: the symbol up to its first '.' suffix. */
    public static String baseName(String symbol) {
        int dot = symbol.indexOf('.');
        return dot > 0 ? symbol.substring(0, dot) : symbol;
    }

    /** {@code [<hex>]} or {@code [hex]} at i: index after it, or -1. */
    static int address(String s, int i) {
        int n = s.length();
        if (i >= n || s.charAt(i) != '[') {
            return -1;
        }
        int j = i + 1;
        if (j < n && s.charAt(j) == '<') {
            j++;
        }
        if (s.startsWith("0x", j)) {
            j += 2;
        }
        int h = hexEnd(s, j);
        if (h == j) {
            return -1;
        }
        if (h < n && s.charAt(h) == '>') {
            h++;
        }
        return h < n && s.charAt(h) == ']' ? h + 1 : -1;
    }

    private static int hexEnd(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    static boolean isIdent(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean isSymbol(String s) {
        if (s.isEmpty() || s.length() > MAX_SYMBOL) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isIdent(s.charAt(i)) && s.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }
}
