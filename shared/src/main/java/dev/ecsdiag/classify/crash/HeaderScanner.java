package dev.ecsdiag.classify.crash;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The cheap test every line meets: does it hold one of the table's header keywords? Most keywords
 * hold a ':', so the line's colons are found with the JDK's vectorised {@code indexOf} and only the
 * keywords whose colon follows the same character are compared there; the few keywords without a
 * colon are searched whole. Only lines that hold a keyword go on to the suppression patterns and
 * the rows' regexes.
 */
public final class HeaderScanner {

    private final List<OopsGroup> groups;
    /** For keywords holding a ':', bucketed by the character before their first ':'. */
    private final int[][] byCharBeforeColon = new int[128][];
    /** Offset of the first ':' in each keyword; -1 for keywords without one. */
    private final int[] colonAt;
    /** Keywords without a ':' are looked up whole (vectorised {@code indexOf}). */
    private final int[] plain;

    public HeaderScanner(List<OopsGroup> groups) {
        if (groups.size() > 64) {
            throw new IllegalArgumentException("at most 64 groups");
        }
        this.groups = List.copyOf(groups);
        colonAt = new int[groups.size()];
        int[] plainTmp = new int[groups.size()];
        int plainCount = 0;
        for (int g = 0; g < groups.size(); g++) {
            String header = groups.get(g).header();
            int colon = header.indexOf(':');
            colonAt[g] = colon;
            if (colon <= 0) {
                plainTmp[plainCount++] = g;
                continue;
            }
            char before = header.charAt(colon - 1);
            int[] old = byCharBeforeColon[before];
            int[] grown = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = g;
            byCharBeforeColon[before] = grown;
        }
        plain = java.util.Arrays.copyOf(plainTmp, plainCount);
    }

    /** Index of the first group (in table order) whose keyword the line holds, unsuppressed; -1 if none. */
    public int find(String line) {
        long found = 0;
        for (int j = line.indexOf(':', 1); j >= 0; j = line.indexOf(':', j + 1)) {
            char before = line.charAt(j - 1);
            int[] candidates = before < 128 ? byCharBeforeColon[before] : null;
            if (candidates == null) {
                continue;
            }
            for (int g : candidates) {
                int start = j - colonAt[g];
                if (start >= 0 && line.startsWith(groups.get(g).header(), start)) {
                    found |= 1L << g;
                }
            }
        }
        for (int g : plain) {
            if (line.contains(groups.get(g).header())) {
                found |= 1L << g;
            }
        }
        while (found != 0) {
            int g = Long.numberOfTrailingZeros(found);
            found &= found - 1;
            String header = groups.get(g).header();
            if (!suppressed(ReportPatterns.window(line, line.indexOf(header)), groups.get(g))) {
                return g;
            }
        }
        return -1;
    }

    private boolean suppressed(String line, OopsGroup group) {
        List<Pattern> suppressions = group.suppressions();
        for (int i = 0; i < suppressions.size(); i++) {
            Pattern p = suppressions.get(i);
            String literal = literals.computeIfAbsent(p, q -> RegexLiteral.leadingLiteral(q.pattern()));
            if (line.contains(literal) && p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** Literal start of each suppression pattern: most lines fail this before any regex runs. */
    private final java.util.Map<Pattern, String> literals = new java.util.concurrent.ConcurrentHashMap<>();

    public OopsGroup group(int index) {
        return groups.get(index);
    }
}
