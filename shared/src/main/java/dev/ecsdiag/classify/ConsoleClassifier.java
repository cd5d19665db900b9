package dev.ecsdiag.classify;

import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.crash.ParserMemory;
import dev.ecsdiag.classify.text.ConsoleLine;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The classifier's front door: console bytes in, {@link Classification} out. Reads the log once;
 * every analyzer sees every line. Thread-safe: each call builds fresh analyzers. An instance
 * remembers only what repeats across logs (canonical titles, which frames are reporting machinery;
 * {@link ParserMemory}, bounded), so one instance for many logs is faster than one per log, and
 * nothing is kept JVM-wide.
 */
public final class ConsoleClassifier {

    private final ParserMemory memory = new ParserMemory();

    public Classification classify(byte[] console) {
        try {
            return classify(new ByteArrayInputStream(console));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // cannot happen for a byte array
        }
    }

    public Classification classify(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return classify(in);
        }
    }

    public Classification classify(InputStream in) throws IOException {
        ConsoleReader reader = new ConsoleReader(in);
        CrashAnalyzer crashAnalyzer = new CrashAnalyzer(memory);
        BootAnalyzer bootAnalyzer = new BootAnalyzer();
        FindingAnalyzer findingAnalyzer = new FindingAnalyzer();
        List<LineAnalyzer> analyzers = List.of(bootAnalyzer, crashAnalyzer, findingAnalyzer);
        for (ConsoleLine line = reader.next(); line != null; line = reader.next()) {
            for (LineAnalyzer analyzer : analyzers) {
                analyzer.accept(line);
            }
        }
        analyzers.forEach(LineAnalyzer::finish);
        List<Boot> boots = bootAnalyzer.boots();
        List<Crash> crashes = crashAnalyzer.crashes(bootAnalyzer::bootOfLine);
        List<Finding> findings = new java.util.ArrayList<>(findingAnalyzer.findings(bootAnalyzer::bootOfLine));
        findings.addAll(bootAnalyzer.findings()); // boot failures and unexpected reboots
        findings.sort(java.util.Comparator.comparingInt(Finding::line)); // stable: log order
        return new Classification(Verdicts.decide(boots, crashes, findings), crashes, boots, findings,
                reader.lines(), reader.bytes());
    }
}
