package dev.ecsdiag.report;

import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.classify.crash.Crash;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml} in the JUnit/Ant format that Jenkins' {@code junit} step, GitLab and
 * Maven's report tools read: one {@code testsuite} named {@code ecsdiag.<region>}, one test case per
 * instance. A crashed, boot-failed, storage-failed or OOM instance fails with its crash title as
 * message and the report's console lines as body; an instance whose console could not be fetched
 * is an error, one that was not collected for another reason is skipped; asked-for instances that
 * were not found are errors.
 *
 * <p>The output is valid against {@code junit-10.xsd}, the schema Jenkins' xunit plugin publishes
 * (a test checks it): only attributes that schema declares are written, so {@code skipped} appears
 * on {@code testsuite} and not on {@code testsuites}.
 */
public final class JUnitReportWriter {

    public void write(Report report, Path file) throws IOException {
        String suite = "ecsdiag." + (report.region() == null || report.region().isBlank() ? "unknown-region" : report.region());
        int failures = 0;
        int errors = report.notFound().size();
        int skipped = 0;
        for (InstanceReport i : report.instances()) {
            switch (outcome(i)) {
                case FAILURE -> failures++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
                default -> { }
            }
        }
        int tests = report.instances().size() + report.notFound().size();
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "ecsdiag");
            x.writeAttribute("tests", Integer.toString(tests));
            x.writeAttribute("failures", Integer.toString(failures));
            x.writeAttribute("errors", Integer.toString(errors));
            // no "skipped" here: junit-10.xsd (Jenkins' xunit plugin) allows it on testsuite only
            x.writeAttribute("time", "0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", clean(suite));
            x.writeAttribute("tests", Integer.toString(tests));
            x.writeAttribute("failures", Integer.toString(failures));
            x.writeAttribute("errors", Integer.toString(errors));
            x.writeAttribute("skipped", Integer.toString(skipped));
            x.writeAttribute("time", "0");
            x.writeAttribute("timestamp", timestamp(report.generatedAt()));
            x.writeCharacters("\n");
            x.writeStartElement("properties");
            property(x, "ecsdiag.schemaVersion", Integer.toString(report.schemaVersion()));
            if (report.build() != null) {
                property(x, "ecsdiag.build", report.build());
            }
            property(x, "ecsdiag.region", report.region());
            x.writeEndElement();
            x.writeCharacters("\n");
            for (InstanceReport i : report.instances()) {
                testCase(x, suite, i);
            }
            for (String id : report.notFound()) {
                x.writeStartElement("testcase");
                x.writeAttribute("classname", clean(suite));
                x.writeAttribute("name", clean(id));
                x.writeAttribute("time", "0");
                x.writeStartElement("error");
                x.writeAttribute("message", "instance not found");
                x.writeAttribute("type", "not-found");
                x.writeCharacters(clean(id + " was asked for but DescribeInstances did not return it"));
                x.writeEndElement();
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private enum Outcome { PASSED, FAILURE, ERROR, SKIPPED }

    private static Outcome outcome(InstanceReport i) {
        if (i.verdict() == Verdict.HEALTHY) {
            return Outcome.PASSED;
        }
        if (i.verdict().unknown()) {
            return i.failures().isEmpty() ? Outcome.SKIPPED : Outcome.ERROR;
        }
        if (i.verdict() == Verdict.PLATFORM_FAULT) {
            return Outcome.ERROR; // the infrastructure failed, not the code under test
        }
        return Outcome.FAILURE;
    }

    private static void testCase(XMLStreamWriter x, String suite, InstanceReport i) throws XMLStreamException {
        x.writeStartElement("testcase");
        x.writeAttribute("classname", clean(suite));
        x.writeAttribute("name", clean(i.displayName()));
        x.writeAttribute("time", "0");
        String platform = i.platformNote() == null ? "" : " [platform event: " + i.platformNote() + "]";
        switch (outcome(i)) {
            case FAILURE -> {
                x.writeStartElement("failure");
                x.writeAttribute("message", clean(i.reason() + platform));
                x.writeAttribute("type", i.verdict().id());
                x.writeCharacters(clean(body(i)));
                x.writeEndElement();
            }
            case ERROR -> {
                x.writeStartElement("error");
                x.writeAttribute("message", clean(i.reason()));
                x.writeAttribute("type", i.verdict().id());
                x.writeCharacters(clean(i.reason()));
                x.writeEndElement();
            }
            case SKIPPED -> {
                x.writeStartElement("skipped");
                x.writeAttribute("message", clean(i.reason()));
                x.writeEndElement();
            }
            default -> {
                if (i.platformNote() != null) {
                    x.writeStartElement("system-out");
                    x.writeCharacters(clean("platform event: " + i.platformNote()));
                    x.writeEndElement();
                }
            }
        }
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    /** The failure's body: each crash's title and console lines, then the findings' lines. */
    static String body(InstanceReport i) {
        StringBuilder b = new StringBuilder();
        if (i.platformNote() != null) {
            b.append("Platform event: ").append(i.platformNote()).append("\n\n");
        }
        for (BootFailureEntry f : i.bootFailures()) {
            b.append("Boot ").append(f.boot() + 1).append(" failed: ").append(f.failure()).append('\n');
            lines(b, f.excerpt());
        }
        for (CrashEntry c : i.crashes()) {
            Crash crash = c.crash();
            b.append(c.title()).append(" [").append(crash.category()).append("]");
            if (crash.guiltyFrame() != null) {
                b.append(" guilty frame ").append(crash.guiltyFrame());
            }
            b.append('\n');
            lines(b, c.excerpt());
        }
        for (FindingEntry f : i.findings()) {
            b.append(f.finding().kind().id()).append(": ").append(f.finding().title()).append('\n');
            lines(b, f.excerpt());
        }
        if (i.console() != null && i.console().textFile() != null) {
            b.append("full console log: ").append(i.console().textFile()).append('\n');
        }
        return b.toString();
    }

    private static void lines(StringBuilder b, Excerpt e) {
        if (e == null) {
            return;
        }
        List<Excerpt.ExcerptLine> lines = e.lines();
        for (Excerpt.ExcerptLine l : lines) {
            if (!"context".equals(l.mark())) {
                b.append(l.n()).append(": ").append(l.text()).append('\n');
            }
        }
        b.append('\n');
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", clean(value == null ? "" : value));
    }

    /** ISO 8601 without time zone, as the Ant format wants. */
    private static String timestamp(String generatedAt) {
        return generatedAt.endsWith("Z") ? generatedAt.substring(0, generatedAt.length() - 1) : generatedAt;
    }

    /** Drops characters XML 1.0 cannot carry (control characters, lone surrogates). */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
