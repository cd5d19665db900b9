package dev.ecsdiag.classify.crash;

/**
 * Demangles Rust "v0" symbols ({@code _RNvMs0_NtCs..._11rust_binder4nodeNtB5_4Node10update_ref})
 * into the paths people read ({@code <rust_binder::node::Node>::update_ref}), so that Rust code in
 * the kernel gets titles like C code. Covers paths, inherent and trait impls, generic arguments
 * and the common types; hashes (disambiguators) are left out. Returns null when the symbol uses
 * something not covered, so the caller keeps the mangled name. Bounded: depth and output length
 * are capped, backreferences can only point backwards.
 */
public final class RustSymbols {

    private static final int MAX_DEPTH = 64;
    private static final int MAX_OUTPUT = 1024;
    /** Backreferences can make a short symbol expensive: stop after this many characters read. */
    private static final int MAX_STEPS = 20_000;

    private final String s;
    private int pos;
    private int depth;
    private int steps;
    private final StringBuilder out = new StringBuilder();

    private RustSymbols(String s) {
        this.s = s;
    }

    /** The demangled path, or null if {@code symbol} is not a v0 symbol this understands. */
    public static String demangle(String symbol) {
        if (!symbol.startsWith("_R") || symbol.length() < 4) {
            return null;
        }
        RustSymbols d = new RustSymbols(symbol);
        d.pos = 2;
        try {
            d.path();
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return null;
        }
        return d.out.toString();
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() {
        if (++steps > MAX_STEPS) {
            throw new IllegalArgumentException("too many steps");
        }
        if (pos >= s.length()) {
            throw new IllegalArgumentException("truncated");
        }
        return s.charAt(pos++);
    }

    private void emit(CharSequence text) {
        if (out.length() + text.length() > MAX_OUTPUT) {
            throw new IllegalArgumentException("too long");
        }
        out.append(text);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("too deep");
        }
    }

    private void path() {
        enter();
        char c = next();
        switch (c) {
            case 'C' -> {
                disambiguator();
                emit(ident());
            }
            case 'N' -> {
                char ns = next();
                path();
                disambiguator();
                String name = ident();
                if (Character.isUpperCase(ns)) {
                    emit("::{" + (ns == 'C' ? "closure" : ns == 'S' ? "shim" : String.valueOf(ns))
                            + (name.isEmpty() ? "" : ":" + name) + "}");
                } else if (!name.isEmpty()) {
                    emit("::");
                    emit(name);
                }
            }
            case 'M' -> {
                disambiguator();
                skipPath(); // the impl's own path (module) is not printed
                emit("<");
                type();
                emit(">");
            }
            case 'X' -> {
                disambiguator();
                skipPath();
                emit("<");
                type();
                emit(" as ");
                path();
                emit(">");
            }
            case 'Y' -> {
                emit("<");
                type();
                emit(" as ");
                path();
                emit(">");
            }
            case 'I' -> {
                path();
                emit("<");
                boolean first = true;
                while (peek() != 'E') {
                    if (!first) {
                        emit(", ");
                    }
                    first = false;
                    genericArg();
                }
                next();
                emit(">");
            }
            case 'B' -> backref(this::path);
            default -> throw new IllegalArgumentException("path " + c);
        }
        depth--;
    }

    /** Parses a path without printing it. */
    private void skipPath() {
        int mark = out.length();
        path();
        out.setLength(mark);
    }

    private void genericArg() {
        char c = peek();
        if (c == 'L') {
            next();
            base62();
            emit("'_");
        } else if (c == 'K') {
            next();
            constant();
        } else {
            type();
        }
    }

    private void constant() {
        char c = next();
        if (c == 'p') {
            emit("_");
            return;
        }
        if (c == 'B') {
            backref(this::constant);
            return;
        }
        boolean negative = peek() == 'n';
        if (negative) {
            next();
        }
        StringBuilder hex = new StringBuilder();
        while (peek() != '_') {
            hex.append(next());
        }
        next();
        emit((negative ? "-" : "") + (hex.length() == 0 ? "0" : Long.toUnsignedString(Long.parseUnsignedLong(hex.toString(), 16))));
    }

    private void type() {
        enter();
        char c = peek();
        String basic = basicType(c);
        if (basic != null) {
            next();
            emit(basic);
        } else {
            switch (c) {
                case 'R', 'Q' -> {
                    next();
                    if (peek() == 'L') {
                        next();
                        base62();
                    }
                    emit(c == 'R' ? "&" : "&mut ");
                    type();
                }
                case 'P', 'O' -> {
                    next();
                    emit(c == 'P' ? "*const " : "*mut ");
                    type();
                }
                case 'A' -> {
                    next();
                    emit("[");
                    type();
                    emit("; ");
                    constant();
                    emit("]");
                }
                case 'S' -> {
                    next();
                    emit("[");
                    type();
                    emit("]");
                }
                case 'T' -> {
                    next();
                    emit("(");
                    boolean first = true;
                    while (peek() != 'E') {
                        if (!first) {
                            emit(", ");
                        }
                        first = false;
                        type();
                    }
                    next();
                    emit(")");
                }
                case 'B' -> {
                    next();
                    backref(this::type);
                }
                default -> path();
            }
        }
        depth--;
    }

    private static String basicType(char c) {
        return switch (c) {
            case 'a' -> "i8";
            case 'b' -> "bool";
            case 'c' -> "char";
            case 'd' -> "f64";
            case 'e' -> "str";
            case 'f' -> "f32";
            case 'h' -> "u8";
            case 'i' -> "isize";
            case 'j' -> "usize";
            case 'l' -> "i32";
            case 'm' -> "u32";
            case 'n' -> "i128";
            case 'o' -> "u128";
            case 's' -> "i16";
            case 't' -> "u16";
            case 'u' -> "()";
            case 'v' -> "...";
            case 'x' -> "i64";
            case 'y' -> "u64";
            case 'z' -> "!";
            case 'p' -> "_";
            default -> null;
        };
    }

    /** {@code B<base62>}: parse again at an earlier position of the symbol. */
    private void backref(Runnable parser) {
        int start = pos - 1;
        long target = base62() + 2; // offsets count from after "_R"
        if (target >= start || target < 2) {
            throw new IllegalArgumentException("backref forward");
        }
        int saved = pos;
        pos = (int) target;
        parser.run();
        pos = saved;
    }

    private void disambiguator() {
        if (peek() == 's') {
            next();
            base62();
        }
    }

    /** {@code _} is 0, else base-62 digits then {@code _}, plus one. */
    private long base62() {
        if (peek() == '_') {
            next();
            return 0;
        }
        long v = 0;
        while (peek() != '_') {
            char c = next();
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'z') {
                d = 10 + c - 'a';
            } else if (c >= 'A' && c <= 'Z') {
                d = 36 + c - 'A';
            } else {
                throw new IllegalArgumentException("base62");
            }
            // disambiguators are 64-bit hashes: saturate, only backreferences need the value
            v = v > Long.MAX_VALUE / 62 - 62 ? Long.MAX_VALUE / 62 : v * 62 + d;
        }
        next();
        return v + 1;
    }

    private String ident() {
        boolean punycode = peek() == 'u';
        if (punycode) {
            next();
        }
        int len = 0;
        if (!Character.isDigit(peek())) {
            throw new IllegalArgumentException("ident");
        }
        while (Character.isDigit(peek())) {
            len = len * 10 + (next() - '0');
            if (len > 4096) {
                throw new IllegalArgumentException("ident too long");
            }
        }
        if (peek() == '_') {
            next();
        }
        if (pos + len > s.length()) {
            throw new IllegalArgumentException("ident truncated");
        }
        String name = s.substring(pos, pos + len);
        pos += len;
        return name;
    }
}
