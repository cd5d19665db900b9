package dev.ecsdiag.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cheap test in front of the regular expressions: which of a fixed set of literal strings
 * occur in a line. One pass over the line, one table probe per character (keyed by the first two
 * characters of each needle); only a probe that hits compares a needle. Almost every console line
 * hits nothing, so almost no line ever meets a regular expression.
 *
 * <p>Not thread-safe: {@link #scan} reuses one result buffer.
 */
final class NeedleSet {

    private static final int TABLE_BITS = 12;
    private static final int TABLE_MASK = (1 << TABLE_BITS) - 1;

    private final String[] needles;
    private final int[][] buckets; // pair hash -> indices into needles
    private final boolean[] matched;
    private final int[] found;
    private int foundCount;

    NeedleSet(List<String> needleList) {
        this.needles = needleList.toArray(String[]::new);
        List<List<Integer>> table = new ArrayList<>();
        for (int i = 0; i <= TABLE_MASK; i++) {
            table.add(null);
        }
        for (int i = 0; i < needles.length; i++) {
            String n = needles[i];
            if (n.length() < 2) {
                throw new IllegalArgumentException("needle too short: '" + n + "'");
            }
            int h = hash(n.charAt(0), n.charAt(1));
            if (table.get(h) == null) {
                table.set(h, new ArrayList<>());
            }
            table.get(h).add(i);
        }
        buckets = new int[TABLE_MASK + 1][];
        for (int h = 0; h <= TABLE_MASK; h++) {
            List<Integer> b = table.get(h);
            buckets[h] = b == null ? null : b.stream().mapToInt(Integer::intValue).toArray();
        }
        matched = new boolean[needles.length];
        found = new int[needles.length];
    }

    private static int hash(char a, char b) {
        return ((a * 31) ^ (b * 131)) & TABLE_MASK;
    }

    /**
     * Scans {@code text} (only its first {@code limit} characters) and returns how many distinct
     * needles occur; their indices are then {@link #found(int)}.
     */
    int scan(String text, int limit) {
        for (int i = 0; i < foundCount; i++) {
            matched[found[i]] = false;
        }
        foundCount = 0;
        int end = Math.min(text.length(), limit) - 1;
        for (int i = 0; i < end; i++) {
            int[] bucket = buckets[hash(text.charAt(i), text.charAt(i + 1))];
            if (bucket == null) {
                continue;
            }
            for (int id : bucket) {
                if (!matched[id] && text.startsWith(needles[id], i) && i + needles[id].length() <= limit) {
                    matched[id] = true;
                    found[foundCount++] = id;
                }
            }
        }
        if (foundCount > 1) {
            Arrays.sort(found, 0, foundCount); // table order, so earlier rules win
        }
        return foundCount;
    }

    int found(int i) {
        return found[i];
    }

    boolean contains(int needle) {
        return matched[needle];
    }

    int size() {
        return needles.length;
    }
}
