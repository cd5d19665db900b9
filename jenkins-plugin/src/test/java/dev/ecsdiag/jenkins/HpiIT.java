package dev.ecsdiag.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built .hpi as Jenkins' plugin manager will see it. */
class HpiIT {

    private static final String SHORT_NAME = System.getProperty("ecsdiag.shortName", "ecsdiag");
    private static final String PLUGIN_JAR = "WEB-INF/lib/" + SHORT_NAME + ".jar";

    /** Packages Jenkins, its plugins or the servlet container provide: never inside the .hpi. */
    private static final List<String> PROVIDED = List.of("hudson/", "jenkins/", "org/kohsuke/stapler/", "org/jenkinsci/",
            "com/cloudbees/plugins/credentials/", "javax/servlet/", "jakarta/servlet/", "org/springframework/",
            "edu/umd/cs/findbugs/", "net/java/sezpoz/", "org/apache/commons/codec/", "org/slf4j/", "org/apache/commons/logging/");

    private static Path hpi;
    /** Every jar inside WEB-INF/lib: its name to its class entries. */
    private static final Map<String, Map<String, byte[]>> LIBRARIES = new HashMap<>();

    @BeforeAll
    static void open() throws IOException {
        hpi = Path.of(System.getProperty("ecsdiag.hpi", "target/ecsdiag.hpi"));
        try (ZipFile zip = new ZipFile(hpi.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                    LIBRARIES.put(e.getName(), entries(zip.getInputStream(e).readAllBytes()));
                }
            }
        }
    }

    private static Map<String, byte[]> entries(byte[] jar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static Attributes manifest() throws IOException {
        try (JarFile jar = new JarFile(hpi.toFile())) {
            Manifest m = jar.getManifest();
            assertThat(m).as("the .hpi's manifest").isNotNull();
            return m.getMainAttributes();
        }
    }

    @Test
    void layoutIsPluginJarAndLibrariesUnderWebInfLib() throws IOException {
        try (ZipFile zip = new ZipFile(hpi.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                String n = e.getName();
                assertThat(n.equals("META-INF/") || n.equals("META-INF/MANIFEST.MF") || n.equals("WEB-INF/") || n.equals("WEB-INF/lib/")
                        || n.startsWith("WEB-INF/lib/") && n.endsWith(".jar") && n.indexOf('/', 12) < 0).as(n).isTrue();
            }
        }
        assertThat(LIBRARIES).containsKey(PLUGIN_JAR);
        assertThat(LIBRARIES.keySet()).anySatisfy(n -> assertThat(n).startsWith("WEB-INF/lib/ecsdiag-shared-"))
                .anySatisfy(n -> assertThat(n).startsWith("WEB-INF/lib/aliyun-java-sdk-core-"))
                .anySatisfy(n -> assertThat(n).startsWith("WEB-INF/lib/aliyun-java-sdk-ecs-"))
                .anySatisfy(n -> assertThat(n).startsWith("WEB-INF/lib/jackson-databind-"))
                .noneSatisfy(n -> assertThat(n).contains("stubs"));
    }

    @Test
    void manifestNamesThePluginItsJenkinsAndItsDependencies() throws IOException {
        Attributes a = manifest();
        String jenkins = System.getProperty("ecsdiag.jenkinsVersion", "2.479.3");

        assertThat(a.getValue("Short-Name")).isEqualTo(SHORT_NAME);
        assertThat(a.getValue("Long-Name")).isNotBlank();
        assertThat(a.getValue("Plugin-Version")).isNotBlank();
        assertThat(a.getValue("Jenkins-Version")).isEqualTo(jenkins);
        assertThat(a.getValue("Hudson-Version")).isEqualTo(jenkins);
        assertThat(a.getValue("Group-Id")).isEqualTo("dev.ecsdiag");
        assertThat(a.getValue("Artifact-Id")).isEqualTo("ecsdiag-jenkins-plugin");
        assertThat(a.getValue("Url")).startsWith("https://");
        assertThat(a.getValue("Plugin-Class")).as("no hudson.Plugin subclass").isNull();
        List<String> dependencies = List.of(a.getValue("Plugin-Dependencies").split(","));
        assertThat(dependencies).containsExactlyInAnyOrder(
                "credentials:" + System.getProperty("ecsdiag.credentialsVersion"),
                "structs:" + System.getProperty("ecsdiag.structsVersion"));
        assertThat(dependencies).allSatisfy(d -> assertThat(d).matches("[a-z0-9-]+:[0-9][A-Za-z0-9._-]*"));
    }

    @Test
    void pluginJarHoldsClassesViewsAndIndexes() {
        Map<String, byte[]> jar = LIBRARIES.get(PLUGIN_JAR);
        assertThat(jar).containsKeys("index.jelly",
                "META-INF/annotations/hudson.Extension",
                "META-INF/services/annotations/org.jenkinsci.Symbol",
                "dev/ecsdiag/jenkins/EcsDiagnosticsRecorder.class",
                "dev/ecsdiag/jenkins/EcsDiagnosticsRecorder$DescriptorImpl.class",
                "dev/ecsdiag/jenkins/EcsDiagnosticsRecorder/config.jelly",
                "dev/ecsdiag/jenkins/EcsDiagnosticsConfiguration/config.jelly",
                "dev/ecsdiag/jenkins/EcsDiagnosticsAction/summary.jelly",
                "dev/ecsdiag/jenkins/EcsDiagnosticsAction/index.jelly");
        String symbols = new String(jar.get("META-INF/services/annotations/org.jenkinsci.Symbol"), StandardCharsets.UTF_8);
        for (String name : IndexesTest.lines(symbols)) {
            assertThat(jar).as(name + " is in the plugin jar").containsKey(name.replace('.', '/') + ".class");
        }
        String extensions = new String(jar.get("META-INF/annotations/hudson.Extension"), StandardCharsets.ISO_8859_1);
        assertThat(extensions).contains("dev.ecsdiag.jenkins.EcsDiagnosticsRecorder$DescriptorImpl")
                .contains("dev.ecsdiag.jenkins.EcsDiagnosticsConfiguration");
    }

    @Test
    void nothingJenkinsOrItsPluginsProvideIsInside() {
        LIBRARIES.forEach((jar, entries) -> {
            for (String entry : entries.keySet()) {
                if (entry.endsWith(".class")) {
                    for (String p : PROVIDED) {
                        assertThat(entry).as(jar + "!" + entry).doesNotStartWith(p);
                    }
                }
            }
        });
    }

    @Test
    void everyClassThePluginAndTheCoreReferToResolves() throws Exception {
        Set<String> packaged = new HashSet<>();
        LIBRARIES.values().forEach(entries -> entries.keySet().stream().filter(n -> n.endsWith(".class"))
                .forEach(n -> packaged.add(n.substring(0, n.length() - 6))));
        Set<String> provided = providedClasses();
        assertThat(provided).as("the stubs' Jenkins API").contains("hudson/tasks/Recorder", "jenkins/model/Jenkins");

        Set<String> missing = new TreeSet<>();
        int checked = 0;
        for (String jar : LIBRARIES.keySet()) {
            if (!jar.equals(PLUGIN_JAR) && !jar.startsWith("WEB-INF/lib/ecsdiag-shared-")) {
                continue; // third-party jars' own optional references are theirs
            }
            for (Map.Entry<String, byte[]> e : LIBRARIES.get(jar).entrySet()) {
                if (!e.getKey().endsWith(".class") || e.getKey().endsWith("module-info.class")) {
                    continue;
                }
                for (String ref : ClassReferences.of(e.getValue())) {
                    checked++;
                    if (!packaged.contains(ref) && !provided.contains(ref) && !inJdk(ref)) {
                        missing.add(ref + " (from " + e.getKey() + ")");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(missing).isEmpty();
    }

    /** Classes of the jars Jenkins provides at run time: the stubs and the real artifacts of provided scope. */
    private static Set<String> providedClasses() throws IOException {
        Set<String> classes = new HashSet<>();
        String classpath = Files.readString(Path.of(System.getProperty("ecsdiag.providedClasspath"))).strip();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) { // a reactor sibling's classes (the stubs)
                try (var files = Files.walk(p)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> classes.add(p.relativize(f).toString().replace('\\', '/').replaceAll("\\.class$", "")));
                }
            } else {
                try (ZipFile zip = new ZipFile(p.toFile())) {
                    zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                            .forEach(n -> classes.add(n.substring(0, n.length() - 6)));
                }
            }
        }
        return classes;
    }

    private static boolean inJdk(String internalName) {
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(internalName + ".class")) {
            if (in != null) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        try {
            Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Test
    void theStubsThemselvesAreNeverPackaged() throws IOException {
        List<String> jars = new ArrayList<>(LIBRARIES.keySet());
        assertThat(jars).noneSatisfy(j -> assertThat(j).containsIgnoringCase("jenkins-api-stubs"));
    }
}
