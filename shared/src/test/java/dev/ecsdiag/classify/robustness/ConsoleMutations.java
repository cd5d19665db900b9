package dev.ecsdiag.classify.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Ways real consoles and log pipelines damage a log, applied at random: flipped bytes, cuts at
 * every kind of boundary, shuffled, duplicated, deleted or interleaved lines, prefixes added by
 * syslog/journald/dmesg, other line ends, NULs and invalid UTF-8, terminal wrapping.
 */
final class ConsoleMutations {

    /** A mutated log and what was done to it (for the failure message). */
    record Mutant(byte[] bytes, String description) {
    }

    private static final String[] PREFIXES = {
        "Nov 25 17:42:08 ci-vm-3 kernel: ",
        "Nov 25 17:42:08 ci-vm-3 kernel: [ 1234.567890] ",
        "<3>",
        "<4>[   12.345678] ",
        "[   12.345678][ T1234] ",
        "[    3.141592][    C1] ",
        "[Tue Nov 25 17:42:08 2025] ",
        "2025-11-25T17:42:08.123456+00:00 ci-vm-3 kernel: ",
        "\u001b[0;31m",
        "kern  :err   : [   5.000000] ",
        "<13>Nov 25 17:42:08 ci-vm-3 systemd[1]: ",
        "\r",
    };

    private static final byte[][] GARBAGE = {
        {0}, {0, 0, 0, 0}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
        {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80},
        {'\r'}, {'\r', '\r', '\r'}, {0x1b, '['}, {0x1b, '[', '3', '1', 'm'}, {'\n'}, {0x7f}, {0x08},
        "é€😀".getBytes(StandardCharsets.UTF_8),
    };

    private ConsoleMutations() {
    }

    /** One to three random mutations of {@code log}; {@code other} is material for interleaving. */
    static Mutant mutate(byte[] log, byte[] other, SplittableRandom random) {
        byte[] bytes = log;
        StringBuilder what = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int op = random.nextInt(12);
            what.append(what.length() == 0 ? "" : ", ");
            bytes = switch (op) {
                case 0 -> { what.append("byte flips"); yield flipBytes(bytes, random); }
                case 1 -> truncate(bytes, random, what);
                case 2 -> { what.append("line shuffle"); yield shuffleLines(bytes, random); }
                case 3 -> { what.append("duplicated block"); yield duplicateBlock(bytes, random); }
                case 4 -> { what.append("interleaved with another log"); yield interleave(bytes, other, random); }
                case 5 -> prefixInjection(bytes, random, what);
                case 6 -> lineEnds(bytes, random, what);
                case 7 -> { what.append("garbage inserted"); yield insertGarbage(bytes, random); }
                case 8 -> { what.append("wrapped at 80 columns"); yield wrap(bytes, 80); }
                case 9 -> { what.append("lines deleted"); yield deleteLines(bytes, random); }
                case 10 -> { what.append("concatenated with another log"); yield concat(bytes, other); }
                default -> { what.append("truncated"); yield truncate(bytes, random, new StringBuilder()); }
            };
        }
        return new Mutant(bytes, what.toString());
    }

    static byte[] flipBytes(byte[] in, SplittableRandom random) {
        if (in.length == 0) {
            return in;
        }
        byte[] out = in.clone();
        int flips = 1 + random.nextInt(32);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(out.length);
            out[at] = random.nextBoolean() ? (byte) (out[at] ^ (1 << random.nextInt(8)))
                    : (byte) new int[] {0, 0xff, '\n', '\r', 0x80, '[', ']', ':', ' '}[random.nextInt(9)];
        }
        return out;
    }

    /** Cuts the log at one kind of boundary, chosen at random among those it has. */
    static byte[] truncate(byte[] in, SplittableRandom random, StringBuilder what) {
        if (in.length == 0) {
            what.append("truncated empty log");
            return in;
        }
        String text = new String(in, StandardCharsets.ISO_8859_1);
        int kind = random.nextInt(8);
        int cut;
        switch (kind) {
            case 0 -> { what.append("cut at a random byte"); cut = random.nextInt(in.length + 1); }
            case 1 -> { what.append("cut after a line end"); cut = pick(text, "\n", random, 1); }
            case 2 -> { what.append("cut before a line end"); cut = pick(text, "\n", random, 0); }
            case 3 -> { what.append("cut inside a timestamp"); cut = pick(text, "[ ", random, 4); }
            case 4 -> { what.append("cut after a report header"); cut = afterHeader(text, random); }
            case 5 -> { what.append("cut inside a frame"); cut = pick(text, "+0x", random, 2); }
            case 6 -> {
                what.append("cut between CR and LF");
                byte[] crlf = text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                int at = pick(new String(crlf, StandardCharsets.ISO_8859_1), "\r\n", random, 1);
                return java.util.Arrays.copyOf(crlf, at);
            }
            default -> {
                what.append("cut inside a UTF-8 sequence");
                int at = random.nextInt(in.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(in, 0, at);
                byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
                out.write(euro, 0, 1 + random.nextInt(2));
                return out.toByteArray();
            }
        }
        return java.util.Arrays.copyOf(in, Math.max(0, Math.min(in.length, cut)));
    }

    private static int pick(String text, String needle, SplittableRandom random, int offset) {
        List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(needle); i >= 0 && at.size() < 10_000; i = text.indexOf(needle, i + 1)) {
            at.add(i + offset);
        }
        return at.isEmpty() ? random.nextInt(text.length() + 1) : at.get(random.nextInt(at.size()));
    }

    private static int afterHeader(String text, SplittableRandom random) {
        String[] headers = {"BUG: ", "WARNING: ", "general protection fault", "Kernel panic", "INFO: ", "Call Trace:",
            "KASAN: ", "Oops", "RIP: "};
        String h = headers[random.nextInt(headers.length)];
        int at = text.indexOf(h);
        if (at < 0) {
            return random.nextInt(text.length() + 1);
        }
        int nl = text.indexOf('\n', at);
        return nl < 0 ? text.length() : nl + 1;
    }

    static List<byte[]> lines(byte[] in) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        if (start < in.length) {
            lines.add(java.util.Arrays.copyOfRange(in, start, in.length));
        }
        return lines;
    }

    static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.write(l, 0, l.length);
        }
        return out.toByteArray();
    }

    static byte[] shuffleLines(byte[] in, SplittableRandom random) {
        List<byte[]> lines = lines(in);
        if (lines.size() < 2) {
            return in;
        }
        int from = random.nextInt(lines.size() - 1);
        int to = Math.min(lines.size(), from + 2 + random.nextInt(50));
        Collections.shuffle(lines.subList(from, to), new Random(random.nextLong()));
        return join(lines);
    }

    static byte[] duplicateBlock(byte[] in, SplittableRandom random) {
        List<byte[]> lines = lines(in);
        if (lines.isEmpty()) {
            return in;
        }
        int from = random.nextInt(lines.size());
        int to = Math.min(lines.size(), from + 1 + random.nextInt(80));
        List<byte[]> block = new ArrayList<>(lines.subList(from, to));
        int copies = 1 + random.nextInt(3);
        for (int c = 0; c < copies; c++) {
            lines.addAll(random.nextInt(lines.size() + 1), block);
        }
        return join(lines);
    }

    /** Two logs merged line by line in random order, as two CPUs printing at once. */
    static byte[] interleave(byte[] a, byte[] b, SplittableRandom random) {
        List<byte[]> x = lines(a);
        List<byte[]> y = lines(b);
        List<byte[]> out = new ArrayList<>(x.size() + y.size());
        int i = 0;
        int j = 0;
        while (i < x.size() || j < y.size()) {
            boolean fromX = j >= y.size() || (i < x.size() && random.nextBoolean());
            byte[] line = fromX ? x.get(i++) : y.get(j++);
            if (line.length > 0 && line[line.length - 1] != '\n') {
                line = java.util.Arrays.copyOf(line, line.length + 1);
                line[line.length - 1] = '\n';
            }
            out.add(line);
        }
        return join(out);
    }

    static byte[] prefixInjection(byte[] in, SplittableRandom random, StringBuilder what) {
        String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
        double share = random.nextBoolean() ? 1.0 : random.nextDouble();
        what.append(String.format(java.util.Locale.ROOT, "prefix %s on %.0f%% of lines", escape(prefix), share * 100));
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        List<byte[]> lines = lines(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + lines.size() * p.length);
        for (byte[] l : lines) {
            if (random.nextDouble() < share) {
                out.write(p, 0, p.length);
            }
            out.write(l, 0, l.length);
        }
        return out.toByteArray();
    }

    static byte[] lineEnds(byte[] in, SplittableRandom random, StringBuilder what) {
        String text = new String(in, StandardCharsets.ISO_8859_1);
        String[] ends = {"\r\n", "\r", "\r\r\n", "\n\r", "\n\n"};
        String end = ends[random.nextInt(ends.length)];
        what.append("line ends ").append(escape(end));
        return text.replace("\n", end).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] insertGarbage(byte[] in, SplittableRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 256);
        int inserts = 1 + random.nextInt(20);
        int[] at = random.ints(inserts, 0, in.length + 1).sorted().toArray();
        int pos = 0;
        for (int a : at) {
            out.write(in, pos, a - pos);
            byte[] g = GARBAGE[random.nextInt(GARBAGE.length)];
            out.write(g, 0, g.length);
            pos = a;
        }
        out.write(in, pos, in.length - pos);
        return out.toByteArray();
    }

    static byte[] wrap(byte[] in, int columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / columns + 1);
        int col = 0;
        for (byte b : in) {
            if (b == '\n') {
                col = 0;
            } else if (col == columns) {
                out.write('\n');
                col = 0;
            }
            out.write(b);
            col = b == '\n' ? 0 : col + 1;
        }
        return out.toByteArray();
    }

    static byte[] deleteLines(byte[] in, SplittableRandom random) {
        List<byte[]> lines = lines(in);
        int deletions = Math.min(lines.size(), 1 + random.nextInt(10));
        for (int i = 0; i < deletions; i++) {
            lines.remove(random.nextInt(lines.size()));
        }
        return join(lines);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String escape(String s) {
        return s.replace("\u001b", "\\e").replace("\r", "\\r").replace("\n", "\\n");
    }
}
