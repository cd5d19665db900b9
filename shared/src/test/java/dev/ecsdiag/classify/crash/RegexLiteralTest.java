package dev.ecsdiag.classify.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdiag.testing.SharedMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The prefilter never turns a line away that its pattern would match. */
class RegexLiteralTest {

    @Test
    void readsLeadingLiteralsAndAlternatives() {
        assertEquals(List.of("page last allocated"), RegexLiteral.requiredAnyOf("page last allocated"));
        assertEquals(List.of("Call ", "Backtrace:"), RegexLiteral.requiredAnyOf("Call [Tt]race:|Backtrace:"));
        assertEquals(List.of("IP", "pc "), RegexLiteral.requiredAnyOf("(?:IP|NIP|pc ):? foo"));
        assertEquals(List.of("Read", "Write"), RegexLiteral.requiredAnyOf("(Read|Write) (?:of size|at addr)"));
        assertEquals(List.of("ab"), RegexLiteral.requiredAnyOf("abc?d"));
        assertEquals(List.of(), RegexLiteral.requiredAnyOf("(?:a|b)?c"), "an optional group requires nothing");
        assertEquals(List.of(), RegexLiteral.requiredAnyOf("abc|.*"), "an alternative without literal");
        assertEquals(List.of(), RegexLiteral.requiredAnyOf("(?i)abc"), "flags: nothing is said");
        assertEquals(List.of(), RegexLiteral.requiredAnyOf("\\[<?ffff"));
        assertTrue(RegexLiteral.mayMatch("anything", List.of()));
        assertEquals(List.of("WARNING: ", "lib/refcount", " "),
                RegexLiteral.requiredAllOf("WARNING: .*lib/refcount\\.c.* (?:refcount_|at)"));
        assertEquals(List.of("BUG: ", "still has locks held!"), RegexLiteral.requiredAllOf("BUG: .*still has locks held!"));
        assertEquals(List.of("a"), RegexLiteral.requiredAllOf("a(?:.*b)?"), "inside a group: not required");
        assertEquals(List.of(), RegexLiteral.requiredAllOf("a.*b|c"));
    }

    /** Every row's title pattern against every corpus line: a match implies the line holds all its texts. */
    @Test
    void titleTextsAreInEveryCorpusLineThatMatches() throws IOException {
        Path corpus = SharedMaterial.sharedDir().resolve("corpus").resolve("syzkaller-linux-report");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<Pattern> titles = OopsTable.GROUPS.stream().flatMap(g -> g.formats().stream()).map(OopsFormat::title).toList();
        List<List<String>> texts = titles.stream().map(p -> RegexLiteral.requiredAllOf(p.pattern())).toList();
        long checked = 0;
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path p : files.toList()) {
                for (String line : new String(Files.readAllBytes(p), StandardCharsets.UTF_8).split("\n")) {
                    for (int i = 0; i < titles.size(); i++) {
                        if (titles.get(i).matcher(line).find()) {
                            checked++;
                            int k = i;
                            assertTrue(RegexLiteral.holdsAll(line, texts.get(i)),
                                    () -> titles.get(k) + " matches but lacks one of " + texts.get(k) + ": " + line);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 300, "matching lines checked: " + checked);
    }

    /** Every pattern of the table against every corpus line: a match implies the prefilter lets it through. */
    @Test
    void neverRejectsACorpusLineThatMatches() throws IOException {
        Path corpus = SharedMaterial.sharedDir().resolve("corpus").resolve("syzkaller-linux-report");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<Pattern> patterns = new ArrayList<>(List.of(ReportPatterns.RIP, ReportPatterns.CALL_TRACE));
        for (OopsGroup g : OopsTable.GROUPS) {
            for (OopsFormat f : g.formats()) {
                patterns.addAll(f.details());
                if (f.stack() != null) {
                    Stream.concat(f.stack().parts().stream(), f.stack().fallback().stream())
                            .filter(p -> !p.isStack()).forEach(p -> patterns.add(p.pattern()));
                }
            }
        }
        List<List<String>> literals = patterns.stream().map(p -> RegexLiteral.requiredAnyOf(p.pattern())).toList();
        int filtering = (int) literals.stream().filter(l -> !l.isEmpty()).count();
        assertTrue(filtering > patterns.size() / 2, "most patterns get a prefilter: " + filtering + "/" + patterns.size());
        long checked = 0;
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path p : files.toList()) {
                for (String line : new String(Files.readAllBytes(p), StandardCharsets.UTF_8).split("\n")) {
                    for (int i = 0; i < patterns.size(); i++) {
                        if (!literals.get(i).isEmpty() && patterns.get(i).matcher(line).find()) {
                            checked++;
                            int k = i;
                            assertTrue(RegexLiteral.mayMatch(line, literals.get(i)),
                                    () -> patterns.get(k) + " matches but is filtered out: " + line);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 1000, "matching lines checked: " + checked);
    }
}
