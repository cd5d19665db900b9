package dev.ecsdiag.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * The needle tables never change, and an analyzer is built for every log classified: build each
     * table once per needle list and share it (the per-call rebuild of a 4096-slot table was a third of
     * the classification time on the corpus, whose logs average 4.5 KB). Only the scan buffers are per
     * instance. The map holds one entry per distinct rule table in the program.
     */
    private static final Map<List<String>, Table> TABLES = new ConcurrentHashMap<>();

    /** Needles and, by pair hash, the indices of the needles starting with that pair. */
    private record Table(String[] needles, int[][] buckets) {

        static Table of(List<String> needleList) {
            String[] needles = needleList.toArray(String[]::new);
            int[] counts = new int[TABLE_MASK + 1];
            for (String n : needles) {
                if (n.length() < 2) {
                    throw new IllegalArgumentException("needle too short: '" + n + "'");
                }
                counts[hash(n.charAt(0), n.charAt(1))]++;
            }
            int[][] buckets = new int[TABLE_MASK + 1][];
            for (int i = 0; i < needles.length; i++) {
                int h = hash(needles[i].charAt(0), needles[i].charAt(1));
                if (buckets[h] == null) {
                    buckets[h] = new int[counts[h]];
                    counts[h] = 0;
                }
                buckets[h][counts[h]++] = i;
            }
            return new Table(needles, buckets);
        }
    }

    private final String[] needles;
    private final int[][] buckets; // pair hash -> indices into needles
    private final boolean[] matched;
    private final int[] found;
    private int foundCount;

    NeedleSet(List<String> needleList) {
        Table table = TABLES.get(needleList);
        if (table == null) {
            table = Table.of(needleList);
            TABLES.putIfAbsent(List.copyOf(needleList), table);
        }
        this.needles = table.needles();
        this.buckets = table.buckets();
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
