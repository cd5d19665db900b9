package dev.ecsdiag.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads given line ranges out of a console text file in one streaming pass. Only the wanted lines
 * are decoded and kept, each cut to a bounded length, and reading stops after the last wanted
 * line: a report over hundreds of 1 MB consoles never holds a whole console in memory.
 *
 * <p>Lines are counted by {@code \n}, as the classifier numbers them.
 */
public final class ConsoleExcerpts {

    /** A wanted range of 1-based line numbers, both ends included. */
    public record Range(int from, int to) {
        public Range {
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("bad line range " + from + ".." + to);
            }
        }
    }

    private final int maxLineChars;

    public ConsoleExcerpts(int maxLineChars) {
        this.maxLineChars = maxLineChars;
    }

    /** The lines of each range, by 1-based line number; lines past the end of the file are absent. */
    public Map<Integer, String> read(Path file, List<Range> ranges) throws IOException {
        if (ranges.isEmpty()) {
            return Map.of();
        }
        long[] merged = merge(ranges);
        int last = (int) merged[merged.length - 1];
        Map<Integer, String> lines = new HashMap<>();
        int maxBytes = maxLineChars * 4;
        byte[] lineBuf = new byte[Math.min(maxBytes, 1 << 16)];
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int lineNo = 1;
            int rangeIdx = 0;
            boolean wanted = lineNo >= merged[0];
            int len = 0;
            long dropped = 0;
            int n;
            outer:
            while ((n = in.read(buf)) > 0) {
                int i = 0;
                while (i < n) {
                    if (!wanted) {
                        // Skip to the next newline without copying: the fast path for unwanted lines.
                        int nl = indexOf(buf, i, n);
                        if (nl < 0) {
                            break;
                        }
                        i = nl + 1;
                        lineNo++;
                    } else {
                        int nl = indexOf(buf, i, n);
                        int end = nl < 0 ? n : nl;
                        int take = Math.min(end - i, maxBytes - len);
                        if (take > 0) {
                            if (len + take > lineBuf.length) {
                                lineBuf = Arrays.copyOf(lineBuf, Math.min(maxBytes, Math.max(len + take, lineBuf.length * 2)));
                            }
                            System.arraycopy(buf, i, lineBuf, len, take);
                            len += take;
                        }
                        dropped += (end - i) - Math.max(take, 0);
                        if (nl < 0) {
                            break;
                        }
                        lines.put(lineNo, clean(lineBuf, len, dropped));
                        len = 0;
                        dropped = 0;
                        i = nl + 1;
                        lineNo++;
                    }
                    if (lineNo > last) {
                        break outer;
                    }
                    while (rangeIdx < merged.length / 2 && lineNo > merged[rangeIdx * 2 + 1]) {
                        rangeIdx++;
                    }
                    wanted = rangeIdx < merged.length / 2 && lineNo >= merged[rangeIdx * 2];
                }
            }
            if (wanted && (len > 0 || dropped > 0) && lineNo <= last) {
                lines.put(lineNo, clean(lineBuf, len, dropped)); // last line without a newline
            }
        }
        return lines;
    }

    private static int indexOf(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Sorted, merged ranges as pairs [from0, to0, from1, to1, ...]. */
    private static long[] merge(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Integer.compare(a.from(), b.from()));
        List<long[]> out = new ArrayList<>();
        for (Range r : sorted) {
            if (!out.isEmpty() && r.from() <= out.get(out.size() - 1)[1] + 1) {
                long[] lastRange = out.get(out.size() - 1);
                lastRange[1] = Math.max(lastRange[1], r.to());
            } else {
                out.add(new long[] {r.from(), r.to()});
            }
        }
        long[] flat = new long[out.size() * 2];
        for (int i = 0; i < out.size(); i++) {
            flat[i * 2] = out.get(i)[0];
            flat[i * 2 + 1] = out.get(i)[1];
        }
        return flat;
    }

    private String clean(byte[] bytes, int len, long dropped) {
        String raw = new String(bytes, 0, len, StandardCharsets.UTF_8);
        String text = ConsoleText.clean(raw);
        if (text.length() > maxLineChars) {
            dropped += text.length() - maxLineChars;
            text = text.substring(0, maxLineChars);
        }
        return dropped > 0 ? text + " \u2026 [line cut: " + dropped + " more bytes]" : text;
    }
}
