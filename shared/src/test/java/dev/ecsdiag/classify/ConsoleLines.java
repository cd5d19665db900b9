package dev.ecsdiag.classify;

import dev.ecsdiag.classify.text.ConsoleLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link ConsoleLine}s from console text for tests, in the two shapes analyzers meet:
 * normalized (the printk timestamp moved into its field, as {@link ConsoleReader} does) and raw (the
 * whole line as text, prefixes and all).
 */
final class ConsoleLines {

    private static final Pattern TIMESTAMP = Pattern.compile("^\\[\\s*(\\d+\\.\\d+)\\] ?");

    private ConsoleLines() {
    }

    static List<ConsoleLine> normalized(String log) {
        List<ConsoleLine> lines = new ArrayList<>();
        long n = 0;
        for (String text : log.split("\n", -1)) {
            n++;
            Matcher m = TIMESTAMP.matcher(text);
            if (m.find()) {
                lines.add(new ConsoleLine(n, text.substring(m.end()), Double.parseDouble(m.group(1)), null, null));
            } else {
                lines.add(new ConsoleLine(n, text, null, null, null));
            }
        }
        return lines;
    }

    static List<ConsoleLine> raw(String log) {
        List<ConsoleLine> lines = new ArrayList<>();
        long n = 0;
        for (String text : log.split("\n", -1)) {
            lines.add(new ConsoleLine(++n, text, null, null, null));
        }
        return lines;
    }

    static <A extends LineAnalyzer> A feed(A analyzer, List<ConsoleLine> lines) {
        lines.forEach(analyzer::accept);
        analyzer.finish();
        return analyzer;
    }

    /** Both shapes of the same log, for tests that must hold for each. */
    static List<List<ConsoleLine>> bothShapes(String log) {
        return List.of(normalized(log), raw(log));
    }
}
