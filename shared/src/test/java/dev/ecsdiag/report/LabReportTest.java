package dev.ecsdiag.report;

import dev.ecsdiag.classify.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import dev.ecsdiag.classify.Finding;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.ConsoleCapture;
import dev.ecsdiag.collect.InstanceOutcome;
import dev.ecsdiag.collect.ScreenshotCapture;
import dev.ecsdiag.ecs.ConsoleText;
import dev.ecsdiag.testing.SharedMaterial;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The report of REAL kernel output: console logs and screenshots of Debian's kernel under QEMU (the
 * lab captures in {@code src/test/resources/lab/}, see its manifest.json), laid out as the collector
 * lays them out (raw log converted to text by the collector's own converter), classified by the real
 * classifier, then written. The artifacts get the checks the fixtures get: junit.xml against Jenkins'
 * junit-10.xsd, report.json against its schema, the page's structure and the absence of script.
 * The soft lockup capture stands for three instances that crashed the same way.
 */
class LabReportTest {

    /** Instance id → lab scenario. */
    static final Map<String, String> FLEET = new LinkedHashMap<>();

    static {
        FLEET.put("i-lab00healthy01", "healthy");
        FLEET.put("i-lab00sysrqc001", "sysrq-c");
        FLEET.put("i-lab00nullptr01", "lkdtm-access-null");
        FLEET.put("i-lab00hungtask1", "lkdtm-hung-task");
        FLEET.put("i-lab00oomkill01", "oom");
        FLEET.put("i-lab00norootfs1", "no-rootfs");
        FLEET.put("i-lab00lockup001", "lkdtm-softlockup");
        FLEET.put("i-lab00lockup002", "lkdtm-softlockup");
        FLEET.put("i-lab00lockup003", "lkdtm-softlockup");
    }

    @TempDir
    static Path out;
    static Report report;
    static String html;
    static Document page;
    static Document junit;
    static final XPath X = XPathFactory.newInstance().newXPath();

    @BeforeAll
    static void classifyAndWrite() throws Exception {
        ConsoleClassifier classifier = new ConsoleClassifier();
        List<InstanceOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, String> e : FLEET.entrySet()) {
            String id = e.getKey();
            String scenario = e.getValue();
            Path dir = Files.createDirectories(out.resolve("instances").resolve(id));
            Path raw = dir.resolve("console.raw");
            Path shot = dir.resolve("screenshot.png");
            copy("/lab/" + scenario + "/console.log", raw);
            copy("/lab/" + scenario + "/screenshot.png", shot);
            Path text = dir.resolve("console.txt");
            ConsoleText.convert(raw, text);
            Classification c = classifier.classify(text);
            String prefix = "instances/" + id + "/";
            outcomes.add(new InstanceOutcome(id, "lab-" + scenario, "Running", Map.of(),
                    new ConsoleCapture(prefix + "console.raw", prefix + "console.txt", Files.size(raw), null, null),
                    new ScreenshotCapture(prefix + "screenshot.png", "png", Files.size(shot), 1024, 768, null),
                    List.of(), List.of(), c));
        }
        report = new ReportWriter().write(new CollectionResult("cn-hangzhou", Instant.now(), Instant.now(),
                out.toString(), outcomes, List.of(), List.of()), out, ReportOptions.defaults().withBuild("lab"));
        for (InstanceReport i : report.instances()) {
            System.out.printf("%-18s %-14s %s | %s%n", i.instanceId(), i.verdict().id(), i.reason(),
                    i.crashes().isEmpty() ? "" : i.crashes().get(0).crash().guiltyFrame());
        }
        html = Files.readString(out.resolve("index.html"));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        page = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit.xml").toFile());
    }

    private static void copy(String resource, Path target) throws Exception {
        try (InputStream in = LabReportTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("lab capture " + resource).isNotNull();
            Files.copy(in, target);
        }
    }

    static InstanceReport instance(String id) {
        return report.instances().stream().filter(i -> i.instanceId().equals(id)).findFirst().orElseThrow();
    }

    static int count(String expr) throws Exception {
        return ((NodeList) X.evaluate(expr, page, XPathConstants.NODESET)).getLength();
    }

    @Test
    void verdictsAndTitlesOfRealKernelOutput() {
        assertThat(instance("i-lab00healthy01").verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(instance("i-lab00sysrqc001").verdict()).isEqualTo(Verdict.CRASH);
        assertThat(instance("i-lab00sysrqc001").crashes().get(0).crash().title()).isEqualTo("kernel panic: sysrq triggered crash");
        assertThat(instance("i-lab00nullptr01").crashes().get(0).crash().title())
                .isEqualTo("BUG: unable to handle kernel NULL pointer dereference in lkdtm_ACCESS_NULL");
        assertThat(instance("i-lab00hungtask1").verdict()).isEqualTo(Verdict.CRASH);
        assertThat(instance("i-lab00hungtask1").crashes().get(0).crash().title()).isEqualTo("INFO: task hung in direct_entry");
        assertThat(instance("i-lab00oomkill01").verdict()).isEqualTo(Verdict.OOM);
        assertThat(instance("i-lab00norootfs1").verdict()).isEqualTo(Verdict.BOOT_FAILURE);
        assertThat(instance("i-lab00norootfs1").reason()).contains("VFS: Unable to mount root fs");
        assertThat(report.totals()).containsEntry("instances", 9).containsEntry("healthy", 1)
                .containsEntry("crash", 6).containsEntry("oom", 1).containsEntry("boot-failure", 1);
        assertThat(report.reportWarnings()).as("no warning for real, complete captures").isEmpty();
    }

    @Test
    void theSameCrashOnThreeInstancesIsOneGroup() throws Exception {
        CrashGroup top = report.crashGroups().get(0);
        assertThat(top.title()).isEqualTo("BUG: soft lockup in full_proxy_write");
        assertThat(top.count()).isEqualTo(3);
        assertThat(top.instances()).containsExactly("i-lab00lockup001", "i-lab00lockup002", "i-lab00lockup003");
        assertThat(X.evaluate("(//div[@class='group'])[1]/h3", page)).isEqualTo("3 of 9 instances: " + top.title());
        assertThat(report.crashGroups()).allSatisfy(g -> assertThat(g.totalInstances()).isEqualTo(9));
        assertThat(report.crashGroups()).filteredOn(g -> g != top).allSatisfy(g -> assertThat(g.count()).isEqualTo(1));
        assertThat(Files.readString(out.resolve("summary.md"))).contains("3 of 9 instances");
    }

    @Test
    void junitXmlOfRealOutputMatchesJenkinsSchema() throws Exception {
        assertThat(JUnitSchema.violations(out.resolve("junit.xml"))).isEmpty();
        assertThat(X.evaluate("count(//testcase)", junit)).isEqualTo("9");
        assertThat(X.evaluate("/testsuites/testsuite/@failures", junit)).isEqualTo("8");
        assertThat(X.evaluate("//testcase[starts-with(@name,'i-lab00sysrqc001')]/failure/@message", junit))
                .isEqualTo("kernel panic: sysrq triggered crash");
        assertThat(X.evaluate("//testcase[starts-with(@name,'i-lab00sysrqc001')]/failure", junit))
                .contains("sysrq_handle_crash").contains("Kernel panic - not syncing");
        assertThat(X.evaluate("//testcase[starts-with(@name,'i-lab00healthy01')]/*", junit)).isEmpty();
    }

    @Test
    void reportJsonOfRealOutputMatchesItsSchema() throws Exception {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SharedMaterial.repositoryRoot().resolve("docs/report.schema.json")));
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(schema.validate(json)).isEmpty();
        assertThat(json.at("/crashGroups/0/count").asInt()).isEqualTo(3);
        assertThat(json.at("/crashGroups/0/totalInstances").asInt()).isEqualTo(9);
    }

    @Test
    void pageStructureWithoutScriptOrNetwork() throws Exception {
        assertThat(count("//table[@class='verdicts']/tbody/tr")).isEqualTo(9);
        assertThat(X.evaluate("//tr[td/a='i-lab00norootfs1']/td[2]", page)).isEqualTo("boot failed");
        assertThat(X.evaluate("//tr[td/a='i-lab00healthy01']/td[2]", page)).isEqualTo("healthy");
        assertThat(count("//script | //iframe | //object | //embed")).isZero();
        assertThat(count("//@*[starts-with(name(), 'on')]")).isZero();
        assertThat(html).doesNotContain("src=\"http").doesNotContain("@import").doesNotContain("url(");
        // the guilty frame of the real NULL dereference is the faulting function, in RIP and not among
        // the call trace's frames: it heads the trace, highlighted, and its RIP line is marked
        String crash = "//details[@id='i-lab00nullptr01']//div[@class='crash'][1]";
        assertThat(count(crash + "//ol[@class='trace']/li[@class='guilty']")).isEqualTo(1);
        assertThat(X.evaluate(crash + "//ol[@class='trace']/li[1][@class='guilty']/mark", page)).isEqualTo("lkdtm_ACCESS_NULL");
        assertThat(X.evaluate(crash + "//ol[@class='trace']/li[1]", page)).contains("+0x14/0x53 [lkdtm]");
        assertThat(X.evaluate(crash + "//pre/span[contains(@class,'guilty')]", page))
                .contains("RIP: 0010:lkdtm_ACCESS_NULL+0x14/0x53 [lkdtm]");
        // the deliberate panic's guilty frame is in its call trace: highlighted there, once
        String panic = "//details[@id='i-lab00sysrqc001']//div[@class='crash'][1]";
        assertThat(count(panic + "//ol[@class='trace']/li[@class='guilty']")).isEqualTo(1);
        assertThat(X.evaluate(panic + "//ol[@class='trace']/li[@class='guilty']/mark", page)).isEqualTo("sysrq_handle_crash");
        assertThat(X.evaluate(panic + "//pre/span[contains(@class,'guilty')]", page)).contains("sysrq_handle_crash");
        // every thumbnail the page shows exists, links to the full screenshot, and is a real PNG
        NodeList imgs = (NodeList) X.evaluate("//a/img/@src", page, XPathConstants.NODESET);
        java.util.Set<String> srcs = new java.util.TreeSet<>();
        for (int i = 0; i < imgs.getLength(); i++) {
            srcs.add(imgs.item(i).getNodeValue());
        }
        assertThat(srcs).hasSize(9); // one thumbnail per instance (the page may show it more than once)
        for (String src : srcs) {
            Path thumb = out.resolve(src);
            assertThat(thumb).isRegularFile();
            assertThat(javax.imageio.ImageIO.read(thumb.toFile()).getWidth()).isEqualTo(320);
        }
        assertThat(count("//a[img]/@href[not(substring(., string-length(.) - 13) = 'screenshot.png')]")).isZero();
    }

    /**
     * The places a person reading the page stopped at (issue 15), on real kernel output: one failure
     * with one hint and a complete title for the missing root filesystem; titles as printed; an OOM
     * kill's answers first and its report as the excerpt; a hung task's kernel and taint.
     */
    @Test
    void theNoRootFsInstanceShowsOneFailureOneHintAndCompleteTitles() throws Exception {
        String inst = "//details[@id='i-lab00norootfs1']";
        assertThat(count(inst + "//ul[@class='hints']/li")).as("hints of the no-root-fs instance").isEqualTo(1);
        assertThat(X.evaluate(inst + "//div[@class='crash'][1]/h4", page))
                .isEqualTo("Boot 1 failed: VFS: Unable to mount root fs on unknown-block(0,0)");
        assertThat(X.evaluate(inst + "//ul[@class='also']", page))
                .contains("No filesystem could mount root, tried: ").doesNotEndWith("tried:");
        assertThat(count(inst + "//h4[starts-with(., 'boot-failure:')]")).as("separate boot-failure cards").isZero();
        // the crash's title as printed; the signature, not the title, groups it
        assertThat(X.evaluate(inst + "//div[@class='crash'][2]/h4", page))
                .isEqualTo("kernel panic: VFS: Unable to mount root fs on unknown-block(0,0)");
        CrashGroup g = report.crashGroups().stream().filter(x -> x.instances().contains("i-lab00norootfs1")).findFirst().orElseThrow();
        assertThat(g.title()).isEqualTo("kernel panic: VFS: Unable to mount root fs on unknown-block(0,0)");
        assertThat(html).doesNotContain("unknown-block(NUM,NUM)</code>");
        // summary.md reads as plain text: the titles as printed, nothing escaped that did not need it
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("| VFS: Unable to mount root fs on unknown-block(0,0) |")
                .contains("**kernel panic: VFS: Unable to mount root fs on unknown-block(0,0)**")
                .contains("**INFO: task hung in direct_entry**");
    }

    @Test
    void anOomKillAnswersTheFirstQuestionsAndShowsItsReport() throws Exception {
        String card = "//details[@id='i-lab00oomkill01']//div[@class='crash'][h4[starts-with(., 'oom-kill')]]";
        assertThat(X.evaluate(card + "/dl[contains(@class,'oom')]/dt", page)).isEqualTo("killed");
        assertThat(count(card + "/dl[contains(@class,'oom')]/dt")).isEqualTo(4);
        assertThat(X.evaluate(card + "/dl[contains(@class,'oom')]/dd[1]", page)).startsWith("tail (pid ");
        assertThat(X.evaluate(card + "/dl[contains(@class,'oom')]/dd[2]", page)).contains(" MiB resident");
        assertThat(X.evaluate(card + "/dl[contains(@class,'oom')]/dd[3]", page)).startsWith("none: the whole machine");
        assertThat(X.evaluate(card + "/dl[contains(@class,'oom')]/dd[4]", page)).startsWith("tail itself");
        // the raw details are folded, not gone
        assertThat(X.evaluate(card + "/details[@class='more']/summary", page)).matches("All \\d+ details");
        assertThat(X.evaluate(card + "/details[@class='more']/dl", page)).contains("gfp-mask");
        Finding oom = report.instances().stream().filter(i -> i.instanceId().equals("i-lab00oomkill01")).findFirst()
                .orElseThrow().findings().get(0).finding();
        int reportLine = Integer.parseInt(oom.details().get("report-line"));
        assertThat(X.evaluate(card + "//pre/span[1]/span[@class='n']", page)).isEqualTo(Integer.toString(reportLine));
        assertThat(X.evaluate(card + "//pre/span[1]", page)).contains("invoked oom-killer");
        assertThat(X.evaluate(card + "//pre", page)).contains("Killed process");
    }

    @Test
    void aHungTaskCardCarriesKernelReleaseAndTaint() throws Exception {
        String facts = "//details[@id='i-lab00hungtask1']//div[@class='crash'][1]/dl[@class='facts']";
        assertThat(X.evaluate(facts + "/dt[.='kernel']/following-sibling::dd[1]", page)).isEqualTo("6.1.0-56-amd64");
        assertThat(X.evaluate(facts + "/dt[.='taint']/following-sibling::dd[1]", page)).isNotBlank();
    }
}
