package dev.ecsdiag.classify.crash;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash title as the console printed it: the classifier's title has its numbers replaced by
 * words ({@code unknown-block(NUM,NUM)}, syzkaller's convention) so that the same crash groups
 * across instances and builds; people read {@code unknown-block(0,0)}. The words are put back from
 * the report's own lines: the title's text, each word a pattern for what it replaced, is searched
 * in those lines, dropping leading words of the title that are the classifier's own ("kernel
 * panic: " for "Kernel panic - not syncing: "). When nothing matches, the title stays as it is.
 */
public final class PrintedTitle {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\b(NUM|ADDR|IP|LINE|CPU)\\b");
    /** Shortest literal text kept before the first number, so that "(" alone matches nothing by chance. */
    private static final int MIN_ANCHOR = 4;

    private PrintedTitle() {
    }

    /** The crash's title as printed, from its first and last line (all a summary line has at hand). */
    public static String of(Crash crash) {
        List<String> lines = new ArrayList<>();
        if (crash.firstLine() != null) {
            lines.add(crash.firstLine());
        }
        if (crash.lastLine() != null) {
            lines.add(crash.lastLine());
        }
        return of(crash.title(), lines);
    }

    /** The title as printed in one of the report's lines; the title itself when none prints it. */
    public static String of(String title, Collection<String> reportLines) {
        if (title == null || reportLines.isEmpty()) {
            return title;
        }
        Matcher first = PLACEHOLDER.matcher(title);
        if (!first.find()) {
            return title;
        }
        String rest = pattern(title.substring(first.start()));
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        for (int i = 0; i < first.start(); i++) {
            if (title.charAt(i) == ' ' && first.start() - (i + 1) >= MIN_ANCHOR) {
                cuts.add(i + 1);
            }
        }
        for (int cut : cuts) {
            Pattern p = Pattern.compile(literal(title.substring(cut, first.start())) + rest);
            for (String line : reportLines) {
                Matcher m = line == null ? null : p.matcher(line);
                if (m != null && m.find()) {
                    return title.substring(0, cut) + m.group().replaceAll("\\s+", " ");
                }
            }
        }
        return title;
    }

    /** The title from its first placeholder on as a pattern. */
    private static String pattern(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(s);
        int at = 0;
        while (m.find()) {
            out.append(literal(s.substring(at, m.start()))).append(switch (m.group()) {
                case "NUM" -> "\\d+";
                case "ADDR" -> "(?:0x)?[0-9a-fA-F]{6,}";
                case "IP" -> "\\d{1,3}(?:\\.\\d{1,3}){3}";
                case "LINE" -> "\\d+(?::\\d+)*";
                default -> "CPU(?:#\\d+)?";
            });
            at = m.end();
        }
        return out.append(literal(s.substring(at))).toString();
    }

    /** Literal text; a run of blanks in the title (collapsed by the classifier) matches any run. */
    private static String literal(String s) {
        StringBuilder out = new StringBuilder();
        for (String part : s.split(" ", -1)) {
            if (out.length() > 0) {
                out.append("\\s+");
            }
            if (!part.isEmpty()) {
                out.append(Pattern.quote(part));
            }
        }
        return out.toString();
    }
}
