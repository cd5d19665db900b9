package dev.ecsdiag.classify.crash;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rows of a header's {@link OopsGroup} fit a report: those whose title pattern matches the
 * header, then whose detail patterns are found one after the other on the following lines. Runs
 * once per report, so it may use regular expressions; texts each pattern requires
 * ({@link RegexLiteral}) are tested first, so most rows cost a {@code contains} or two.
 */
final class FormatMatcher {

    /** Details (lock holders, access sizes) come right after the header: look no further than this. */
    private static final int MAX_DETAIL_LINES = 400;

    /** Keyword occurrences tried per header line: real lines hold one, garbage lines may hold hundreds. */
    private static final int MAX_OCCURRENCES = 4;

    /** The literal text each row's title pattern starts with: a cheap test before the regex. */
    private static final Map<OopsFormat, String> LITERALS;

    /** All the texts each row's title pattern requires ({@link RegexLiteral#requiredAllOf}). */
    private static final Map<OopsFormat, List<String>> TITLE_LITERALS;

    /** What each row's detail patterns require of a line ({@link RegexLiteral}). */
    private static final Map<Pattern, List<String>> DETAIL_LITERALS;

    static {
        Map<OopsFormat, String> literals = new IdentityHashMap<>();
        Map<OopsFormat, List<String>> titleLiterals = new IdentityHashMap<>();
        Map<Pattern, List<String>> detailLiterals = new IdentityHashMap<>();
        for (OopsGroup g : OopsTable.GROUPS) {
            for (OopsFormat f : g.formats()) {
                literals.put(f, RegexLiteral.leadingLiteral(f.title().pattern()));
                titleLiterals.put(f, RegexLiteral.requiredAllOf(f.title().pattern()));
                for (Pattern detail : f.details()) {
                    detailLiterals.put(detail, RegexLiteral.requiredAnyOf(detail.pattern()));
                }
            }
        }
        LITERALS = Collections.unmodifiableMap(literals);
        TITLE_LITERALS = Collections.unmodifiableMap(titleLiterals);
        DETAIL_LITERALS = Collections.unmodifiableMap(detailLiterals);
    }

    private FormatMatcher() {
    }

    /** A row whose title matched the header at {@code start}; {@code order} is its place in the group. */
    record Candidate(int start, int order, OopsFormat format, Matcher matcher) {

        /** The title pattern's groups: {@code {1}}, {@code {2}}... of the template. */
        List<String> titleGroups() {
            List<String> groups = new ArrayList<>();
            for (int g = 1; g <= matcher.groupCount(); g++) {
                groups.add(matcher.group(g));
            }
            return groups;
        }
    }

    /**
     * Rows whose title matches the header, earliest first (then in table order). Every row's title
     * starts with its group's keyword, so it is tried where the keyword occurs ({@code lookingAt}),
     * not at every position: a line full of keywords costs a few tries, not a scan per keyword.
     */
    static List<Candidate> candidates(OopsGroup group, String header) {
        int[] at = new int[MAX_OCCURRENCES];
        int count = 0;
        for (int o = header.indexOf(group.header()); o >= 0 && count < MAX_OCCURRENCES;
                o = header.indexOf(group.header(), o + 1)) {
            at[count++] = o;
        }
        List<Candidate> candidates = new ArrayList<>();
        List<OopsFormat> formats = group.formats();
        for (int i = 0; i < formats.size(); i++) {
            OopsFormat format = formats.get(i);
            String literal = LITERALS.get(format);
            if (!header.contains(literal) || !RegexLiteral.holdsAll(header, TITLE_LITERALS.get(format))) {
                continue; // the row's literal start (or a text after one of its ".*") is not even there
            }
            Matcher m = format.title().matcher(header);
            if (literal.startsWith(group.header())) {
                for (int k = 0; k < count; k++) {
                    m.region(at[k], header.length());
                    if (m.lookingAt()) {
                        candidates.add(new Candidate(at[k], i, format, m));
                        break;
                    }
                }
            } else if (m.find()) {
                candidates.add(new Candidate(m.start(), i, format, m));
            }
        }
        candidates.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start)
                : Integer.compare(a.order, b.order));
        return candidates;
    }

    /**
     * Whether the row's {@link OopsFormat#before} pattern matches the line printed just before the
     * header ({@code previous}, null when there was none); appends its groups to {@code groups}.
     * True for rows that ask nothing of that line.
     */
    static boolean before(OopsFormat format, String previous, List<String> groups) {
        if (format.before() == null) {
            return true;
        }
        if (previous == null) {
            return false;
        }
        Matcher m = format.before().matcher(ReportPatterns.window(previous, 0));
        if (!m.find()) {
            return false;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            groups.add(m.group(g));
        }
        return true;
    }

    /**
     * Looks for the row's detail patterns one after the other on the lines after the header;
     * appends their groups to {@code groups}. False when one of them is missing: the row does not apply.
     */
    static boolean details(OopsFormat format, List<ReportLine> lines, List<String> groups) {
        int from = 1;
        for (Pattern detail : format.details()) {
            boolean found = false;
            List<String> literals = DETAIL_LITERALS.get(detail);
            for (int i = from; i < lines.size() && i < MAX_DETAIL_LINES; i++) {
                if (!RegexLiteral.mayMatch(lines.get(i).text(), literals)) {
                    continue;
                }
                Matcher m = detail.matcher(ReportPatterns.window(lines.get(i).text(), 0));
                if (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        groups.add(m.group(g));
                    }
                    from = i + 1;
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
