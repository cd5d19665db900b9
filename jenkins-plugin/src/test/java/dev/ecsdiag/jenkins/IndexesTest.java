package dev.ecsdiag.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

/**
 * The two indexes Jenkins reads to find the plugin's parts: sezpoz's extension index (written by
 * javac) and the symbol index (written by hand, so checked here against the compiled classes).
 */
class IndexesTest {

    static final Path CLASSES = Path.of("target/classes");

    /** Every compiled class of the plugin carrying {@code @Symbol}, by binary name. */
    static TreeSet<String> classesWithSymbol(ClassLoader loader) throws IOException, ClassNotFoundException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(p).toString().replace('/', '.').replace(".class", "");
                if (Class.forName(name, false, loader).isAnnotationPresent(Symbol.class)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    static TreeSet<String> lines(String text) {
        TreeSet<String> lines = new TreeSet<>();
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        return lines;
    }

    @Test
    void theSymbolIndexListsExactlyTheClassesWithSymbol() throws Exception {
        String index = Files.readString(CLASSES.resolve("META-INF/services/annotations/org.jenkinsci.Symbol"), StandardCharsets.UTF_8);
        TreeSet<String> expected = classesWithSymbol(getClass().getClassLoader());

        assertThat(lines(index)).isEqualTo(expected);
        assertThat(expected).containsExactly("dev.ecsdiag.jenkins.EcsDiagnosticsConfiguration",
                "dev.ecsdiag.jenkins.EcsDiagnosticsRecorder$DescriptorImpl");
        assertThat(EcsDiagnosticsRecorder.DescriptorImpl.class.getAnnotation(Symbol.class).value()).containsExactly("ecsDiagnostics");
    }

    @Test
    void sezpozIndexedEveryExtensionAsJenkinsReadsIt() throws Exception {
        List<String> indexed = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {CLASSES.toUri().toURL()}, getClass().getClassLoader())) {
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
                indexed.add(item.className());
                assertThat(item.annotation().ordinal()).isZero();
            }
        }
        assertThat(indexed).containsExactlyInAnyOrder("dev.ecsdiag.jenkins.EcsDiagnosticsConfiguration",
                "dev.ecsdiag.jenkins.EcsDiagnosticsRecorder$DescriptorImpl");
    }
}
