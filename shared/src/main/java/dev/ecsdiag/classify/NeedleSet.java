package dev.ecsdiag.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cheap test in front of the regular expressions: which of a fixed set of literal strings occur
 * in a line. A Wu-Manber search: the scan looks at two characters at the end of a window as long as
 * the shortest needle and, when that pair occurs in no needle's prefix, jumps ahead by up to the
 * window's length; only a pair that ends some needle's prefix costs a comparison. Almost every console
 * line holds no needle, so almost no line ever meets a regular expression, and the scan reads only a
 * fraction of each line's characters.
 *
 * <p>A compiled set is immutable and shared; the per-scan state lives in {@link Hits}, one per analyzer.
 */
final class NeedleSet {

    private static final int TABLE_BITS = 13;
    private static final int TABLE_MASK = (1 << TABLE_BITS) - 1;

    private final String[] needles;
    private final int window; // length of the shortest needle
    private final byte[] shift; // by pair hash: how far the window may move
    private final int[][] ending; // by pair hash: needles whose prefix ends with that pair

    NeedleSet(List<String> needleList) {
        needles = needleList.toArray(String[]::new);
        int min = Integer.MAX_VALUE;
        for (String n : needles) {
            if (n.length() < 2) {
                throw new IllegalArgumentException("needle too short: '" + n + "'");
            }
            min = Math.min(min, n.length());
        }
        window = Math.min(min, 64);
        shift = new byte[TABLE_MASK + 1];
        Arrays.fill(shift, (byte) (window - 1));
        List<List<Integer>> end = new ArrayList<>();
        for (int i = 0; i <= TABLE_MASK; i++) {
            end.add(null);
        }
        for (int id = 0; id < needles.length; id++) {
            String n = needles[id];
            for (int q = 1; q < window; q++) { // pair n[q-1], n[q] within the prefix
                int h = hash(n.charAt(q - 1), n.charAt(q));
                shift[h] = (byte) Math.min(shift[h], window - 1 - q);
            }
            int h = hash(n.charAt(window - 2), n.charAt(window - 1));
            if (end.get(h) == null) {
                end.set(h, new ArrayList<>());
            }
            end.get(h).add(id);
        }
        ending = new int[TABLE_MASK + 1][];
        for (int h = 0; h <= TABLE_MASK; h++) {
            List<Integer> b = end.get(h);
            ending[h] = b == null ? null : b.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int hash(char a, char b) {
        return ((a << 6) ^ b) & TABLE_MASK;
    }

    int size() {
        return needles.length;
    }

    Hits newHits() {
        return new Hits(needles.length);
    }

    /**
     * Scans the first {@code limit} characters of {@code text}; returns how many distinct needles occur
     * (their indices are then in {@code hits}).
     */
    int scan(String text, int limit, Hits hits) {
        hits.clear();
        int n = Math.min(text.length(), limit);
        if (n < window) {
            return 0;
        }
        // Read the String in place: the jumps look at a fraction of its characters, so copying
        // the line to a char[] first cost more than the whole search.
        int i = window - 1;
        while (i < n) {
            int h = hash(text.charAt(i - 1), text.charAt(i));
            int s = shift[h];
            if (s > 0) {
                i += s;
                continue;
            }
            int[] candidates = ending[h];
            if (candidates != null) {
                int start = i - window + 1;
                for (int id : candidates) {
                    if (!hits.matched[id] && start + needles[id].length() <= n && text.startsWith(needles[id], start)) {
                        hits.add(id);
                    }
                }
            }
            i++;
        }
        hits.sort();
        return hits.count;
    }


    /** Which needles the last scan found; reused from line to line. */
    static final class Hits {
        private final boolean[] matched;
        private final int[] found;
        private int count;

        Hits(int size) {
            matched = new boolean[size];
            found = new int[size];
        }

        private void clear() {
            for (int i = 0; i < count; i++) {
                matched[found[i]] = false;
            }
            count = 0;
        }

        private void add(int id) {
            matched[id] = true;
            found[count++] = id;
        }

        private void sort() {
            if (count > 1) {
                Arrays.sort(found, 0, count);
            }
        }


        boolean contains(int needle) {
            return matched[needle];
        }

        int count() {
            return count;
        }
    }
}
