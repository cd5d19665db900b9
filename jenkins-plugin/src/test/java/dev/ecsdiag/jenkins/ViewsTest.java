package dev.ecsdiag.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Jelly views are XML and help files are XHTML fragments: both must parse, and forms must name real fields. */
class ViewsTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path VIEWS = RESOURCES.resolve("dev/ecsdiag/jenkins");

    static Stream<Path> viewsAndHelp() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.toString().endsWith(".jelly") || p.toString().endsWith(".html")).toList().stream();
        }
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    @ParameterizedTest
    @MethodSource("viewsAndHelp")
    void parsesAsXml(Path file) throws Exception {
        Document d = parse(file);
        assertThat(d.getDocumentElement()).isNotNull();
        if (file.toString().endsWith(".jelly")) {
            assertThat(Files.readString(file)).as(file + " escapes by default").startsWith("<?jelly escape-by-default='true'?>");
        }
    }

    @Test
    void thereAreViews() throws IOException {
        assertThat(viewsAndHelp().count()).isGreaterThanOrEqualTo(19);
        assertThat(RESOURCES.resolve("index.jelly")).exists();
    }

    static List<String> fields(Path configJelly) throws Exception {
        NodeList entries = parse(configJelly).getElementsByTagNameNS("*", "*");
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            if (e.hasAttribute("field")) {
                fields.add(e.getAttribute("field"));
            }
        }
        return fields;
    }

    @Test
    void everyFieldOfTheStepsFormIsABoundPropertyWithHelp() throws Exception {
        List<String> fields = fields(VIEWS.resolve("EcsDiagnosticsRecorder/config.jelly"));
        assertThat(fields).hasSize(10);
        for (String field : fields) {
            assertThat(DataBindingTest.properties()).as(field).contains(field);
            assertThat(VIEWS.resolve("EcsDiagnosticsRecorder/help-" + field + ".html")).as("help for " + field).exists();
        }
        // Everything the form can set, it shows: only the Pipeline map 'tags' has the form's tagLines instead.
        Set<String> notOnForm = new TreeSet<>(DataBindingTest.properties());
        fields.forEach(notOnForm::remove);
        assertThat(notOnForm).containsExactly("tags");
    }

    @Test
    void everyFieldOfTheGlobalFormIsABoundPropertyWithHelp() throws Exception {
        List<String> fields = fields(VIEWS.resolve("EcsDiagnosticsConfiguration/config.jelly"));
        assertThat(fields).containsExactlyInAnyOrderElementsOf(DataBindingTest.properties(EcsDiagnosticsConfiguration.class));
        for (String field : fields) {
            assertThat(VIEWS.resolve("EcsDiagnosticsConfiguration/help-" + field + ".html")).as("help for " + field).exists();
        }
    }

    @Test
    void everyHelpFileBelongsToAField() throws Exception {
        for (String view : List.of("EcsDiagnosticsRecorder", "EcsDiagnosticsConfiguration")) {
            List<String> fields = fields(VIEWS.resolve(view + "/config.jelly"));
            try (Stream<Path> help = Files.list(VIEWS.resolve(view))) {
                help.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("help-"))
                        .forEach(n -> assertThat(fields).as(view + "/" + n).contains(n.substring(5, n.length() - 5)));
            }
        }
    }

    @Test
    void everyExpressionOnItOrDescriptorNamesAPublicMember() throws Exception {
        java.util.Map<Path, Class<?>> owners = java.util.Map.of(
                VIEWS.resolve("EcsDiagnosticsAction/summary.jelly"), EcsDiagnosticsAction.class,
                VIEWS.resolve("EcsDiagnosticsAction/index.jelly"), EcsDiagnosticsAction.class,
                VIEWS.resolve("EcsDiagnosticsRecorder/config.jelly"), EcsDiagnosticsRecorder.DescriptorImpl.class);
        java.util.regex.Pattern use = java.util.regex.Pattern.compile("\\$\\{(it|descriptor)\\.(\\w+)(\\()?");
        int seen = 0;
        for (java.util.Map.Entry<Path, Class<?>> e : owners.entrySet()) {
            java.util.regex.Matcher m = use.matcher(Files.readString(e.getKey()));
            while (m.find()) {
                if (m.group(1).equals("it") && e.getValue() == EcsDiagnosticsRecorder.DescriptorImpl.class) {
                    continue; // in config.jelly's f:enum, 'it' is the enum constant
                }
                String name = m.group(2);
                Class<?> owner = e.getValue();
                boolean found = m.group(3) != null
                        ? java.util.Arrays.stream(owner.getMethods()).anyMatch(x -> x.getName().equals(name))
                        : DataBindingTest.getter(owner, name) != null;
                assertThat(found).as(e.getKey() + ": " + m.group()).isTrue();
                seen++;
            }
        }
        assertThat(seen).isGreaterThanOrEqualTo(6);
        assertThat(DataBindingTest.getter(RunCondition.class, "displayName")).isNotNull();
    }

    /** The fields the "Test connection" button sends. */
    static String validateButtonWith() throws Exception {
        NodeList buttons = parse(VIEWS.resolve("EcsDiagnosticsRecorder/config.jelly")).getElementsByTagNameNS("/lib/form", "validateButton");
        assertThat(buttons.getLength()).isEqualTo(1);
        return ((Element) buttons.item(0)).getAttribute("with");
    }
}
