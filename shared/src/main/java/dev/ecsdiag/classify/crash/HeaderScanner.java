package dev.ecsdiag.classify.crash;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The cheap test every line meets: does it hold one of the table's header keywords? One pass over
 * the characters with a table lookup per character (keywords bucketed by their first character);
 * only lines that hold a keyword go on to the suppression patterns and the rows' regexes.
 */
public final class HeaderScanner {

    private final List<OopsGroup> groups;
    /** For each ASCII character, the indexes of the groups whose keyword starts with it. */
    private final int[][] byFirstChar = new int[128][];

    public HeaderScanner(List<OopsGroup> groups) {
        if (groups.size() > 64) {
            throw new IllegalArgumentException("at most 64 groups");
        }
        this.groups = List.copyOf(groups);
        for (int g = 0; g < groups.size(); g++) {
            char c = groups.get(g).header().charAt(0);
            int[] old = byFirstChar[c];
            int[] grown = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = g;
            byFirstChar[c] = grown;
        }
    }

    /** Index of the first group (in table order) whose keyword the line holds, unsuppressed; -1 if none. */
    public int find(String line) {
        long found = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c >= 128) {
                continue;
            }
            int[] candidates = byFirstChar[c];
            if (candidates == null) {
                continue;
            }
            char second = i + 1 < n ? line.charAt(i + 1) : 0;
            for (int g : candidates) {
                String header = groups.get(g).header();
                if (header.charAt(1) == second && line.startsWith(header, i)) {
                    found |= 1L << g;
                }
            }
        }
        while (found != 0) {
            int g = Long.numberOfTrailingZeros(found);
            found &= found - 1;
            if (!suppressed(line, groups.get(g))) {
                return g;
            }
        }
        return -1;
    }

    private static boolean suppressed(String line, OopsGroup group) {
        for (Pattern p : group.suppressions()) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    public OopsGroup group(int index) {
        return groups.get(index);
    }
}
