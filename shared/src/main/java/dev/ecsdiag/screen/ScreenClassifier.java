package dev.ecsdiag.screen;

import dev.ecsdiag.classify.Boot;
import dev.ecsdiag.classify.BootStage;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.Finding;
import dev.ecsdiag.classify.FindingKind;
import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.classify.Verdicts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Classifies a screen's text with the console's own classifier, so a panic reads the same from
 * either source, and adds what only screens show ({@link ScreenRules}): firmware and GRUB failures
 * as boot failures, Windows stop screens as crashes of type {@code WINDOWS-STOP} titled by the stop
 * code. A screen holds only the last rows of the console; the console classifier already titles a
 * report whose header scrolled away from its panic line or RIP line (docs/screen.md shows which).
 */
public final class ScreenClassifier {

    public static final String WINDOWS_STOP = "WINDOWS-STOP";

    private final ConsoleClassifier console = new ConsoleClassifier();

    public ScreenClassification classify(ScreenText screen) {
        List<ScreenRows.Line> lines = ScreenRows.lines(screen);
        StringBuilder text = new StringBuilder();
        for (ScreenRows.Line line : lines) {
            text.append(line.text()).append('\n');
        }
        Classification found = ScreenTitles.tidy(console.classify(text.toString().getBytes(StandardCharsets.UTF_8)));
        Ruled ruled = applyScreenRules(found, lines);
        if (ruled != null) {
            return new ScreenClassification(ruled.classification, text.toString(), rowsOf(ruled.classification, lines),
                    ruled.rule);
        }
        return new ScreenClassification(found, text.toString(), rowsOf(found, lines), "console-classifier");
    }

    private record Ruled(Classification classification, String rule) {
    }

    /**
     * The classification with the first screen rule that matched added; null when none matched or
     * the console classifier already found the same kind of thing (its crash or boot failure stands).
     */
    private static Ruled applyScreenRules(Classification found, List<ScreenRows.Line> lines) {
        Crash headless = found.crashes().isEmpty() ? ScreenTitles.headlessRip(lines) : null;
        if (headless != null) {
            List<Crash> crashes = List.of(headless);
            return new Ruled(new Classification(Verdicts.decide(found.boots(), crashes, found.findings()), crashes,
                    found.boots(), found.findings(), found.lines(), found.bytes()), "oops-without-header");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).text();
            if (found.crashes().isEmpty() && ScreenTitles.isTraceStart(line)) {
                Crash fromTrace = ScreenTitles.headlessOops(lines, i);
                if (fromTrace != null) {
                    List<Crash> crashes = List.of(fromTrace);
                    return new Ruled(new Classification(Verdicts.decide(found.boots(), crashes, found.findings()), crashes,
                            found.boots(), found.findings(), found.lines(), found.bytes()), "oops-without-header");
                }
            }
            for (ScreenRules.Rule rule : ScreenRules.ALL) {
                Matcher m = rule.pattern().matcher(line);
                if (!m.find()) {
                    continue;
                }
                int number = i + 1;
                if (rule.kind() == ScreenRules.Kind.WINDOWS_STOP) {
                    if (!found.crashes().isEmpty()) {
                        return null;
                    }
                    String title = rule.titleOf(m);
                    String name = stopName(lines, i);
                    if (name != null) {
                        title = "Windows stop: " + name;
                    }
                    List<Crash> crashes = List.of(windowsCrash(title, number, line));
                    return new Ruled(new Classification(Verdicts.decide(found.boots(), crashes, found.findings()), crashes,
                            found.boots(), found.findings(), found.lines(), found.bytes()), rule.name());
                }
                if (found.boots().stream().anyMatch(b -> b.failure() != null)) {
                    return null;
                }
                String title = rule.titleOf(m);
                List<Boot> boots = new ArrayList<>(found.boots());
                boots.add(new Boot(boots.size(), number, number, null, null, BootStage.BOOTLOADER, title, number,
                        "halt", List.of()));
                List<Finding> findings = new ArrayList<>(found.findings());
                findings.add(new Finding(FindingKind.BOOT_FAILURE, title, number, boots.size() - 1, Map.of("rule", rule.name())));
                return new Ruled(new Classification(Verdicts.decide(boots, found.crashes(), findings), found.crashes(),
                        boots, findings, found.lines(), found.bytes()), rule.name());
            }
        }
        return null;
    }

    /** A classic stop screen's code name (e.g. {@code INACCESSIBLE_BOOT_DEVICE}) within the few lines around the hex. */
    private static String stopName(List<ScreenRows.Line> lines, int at) {
        for (int i = Math.max(0, at - 4); i < Math.min(lines.size(), at + 4); i++) {
            Matcher m = ScreenRules.STOP_NAME.matcher(lines.get(i).text());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static Crash windowsCrash(String title, int line, String text) {
        return new Crash(title, List.of(), WINDOWS_STOP, false, null, null, line, line, List.of(), null, Map.of(),
                null, null, null, null, null, null, true, 0, text, text, signature(WINDOWS_STOP + "|" + title));
    }

    static String signature(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(16);
            for (int i = 0; i < 8; i++) {
                b.append(String.format("%02x", digest[i] & 0xff));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Screen rows of the lines that decided: each crash's first and last line, each boot's failure line. */
    private static List<Integer> rowsOf(Classification c, List<ScreenRows.Line> lines) {
        List<Integer> rows = new ArrayList<>();
        if (c.verdict() == Verdict.BOOT_FAILURE) {
            for (Boot boot : c.boots()) {
                if (boot.failureLine() > 0) {
                    addRows(rows, lines, boot.failureLine(), boot.failureLine());
                }
            }
        }
        for (Crash crash : c.crashes()) {
            addRows(rows, lines, crash.startLine(), crash.startLine());
        }
        for (Finding finding : c.findings()) {
            addRows(rows, lines, finding.line(), finding.line());
        }
        return rows.stream().distinct().sorted().toList();
    }

    private static void addRows(List<Integer> rows, List<ScreenRows.Line> lines, int first, int last) {
        for (int n = first; n <= last && n - 1 < lines.size(); n++) {
            if (n >= 1) {
                ScreenRows.Line line = lines.get(n - 1);
                for (int r = line.firstRow(); r <= line.lastRow(); r++) {
                    rows.add(r);
                }
            }
        }
    }
}
