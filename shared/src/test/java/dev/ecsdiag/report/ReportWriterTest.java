package dev.ecsdiag.report;

import dev.ecsdiag.classify.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
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

/** Writes the report of a twelve-instance fleet built from real console logs and checks every artifact. */
class ReportWriterTest {

    @TempDir
    static Path out;
    static Report report;
    static String html;
    static Document dom;
    static XPath xpath = XPathFactory.newInstance().newXPath();

    @BeforeAll
    static void writeReport() throws Exception {
        var fleet = new ReportFixtures(out).fleet();
        report = new ReportWriter(Clock.fixed(Instant.parse("2026-11-25T17:41:00Z"), ZoneOffset.UTC))
                .write(fleet, out, ReportOptions.defaults().withBuild("313"));
        html = Files.readString(out.resolve("index.html"));
        // The page is written well-formed (void elements closed), so an XML parser can check its structure.
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        dom = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    static int count(String expr) throws Exception {
        return ((NodeList) xpath.evaluate(expr, dom, XPathConstants.NODESET)).getLength();
    }

    static String text(String expr) throws Exception {
        return xpath.evaluate(expr, dom);
    }

    @Test
    void writesTheDocumentedLayout() {
        for (String f : List.of("index.html", "report.css", "report.json", "junit.xml", "summary.md")) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        assertThat(out.resolve("instances/i-bp1healthy0001/screenshot.thumb.png")).isRegularFile();
        assertThat(out.resolve("instances/i-bp1vfsfail0001/screenshot.thumb.png")).isRegularFile();
    }

    @Test
    void verdictPerInstanceWorstFirstWithWhy() throws Exception {
        assertThat(report.instances()).extracting(InstanceReport::verdict).first().isEqualTo(Verdict.BOOT_FAILURE);
        assertThat(report.instances()).extracting(InstanceReport::verdict).last().isEqualTo(Verdict.HEALTHY);
        assertThat(report.totals()).containsEntry("instances", 12).containsEntry("crash", 6)
                .containsEntry("boot-failure", 1).containsEntry("oom", 1).containsEntry("storage-failure", 1)
                .containsEntry("not-collected", 1).containsEntry("healthy", 2);
        // every instance has a row in the verdict table (healthy ones too: there are few)
        assertThat(count("//table[@class='verdicts']/tbody/tr")).isEqualTo(12);
        assertThat(text("//table[@class='verdicts']/tbody/tr[1]/td[2]")).isEqualTo("boot failed");
        assertThat(text("//table[@class='verdicts']/tbody/tr[1]/td[3]"))
                .isEqualTo("VFS: Unable to mount root fs on unknown-block(0,0)");
        assertThat(text("//tr[td/a='i-bp1noperm00001']/td[3]"))
                .contains("GetInstanceConsoleOutput failed: Forbidden.RAM").contains("ecs:GetInstanceConsoleOutput");
        assertThat(text("//tr[td/a='i-bp1oom0000001']/td[3]")).isEqualTo("Out of memory: Killed process 4410 (java)");
        assertThat(text("//tr[td/a='i-bp1disk000001']/td[2]")).isEqualTo("storage failure");
    }

    @Test
    void platformEventBesideTheVerdictSaysItIsNotTheBuildsFault() throws Exception {
        String cell = text("//tr[td/a='i-bp1lockup00002']/td[4]");
        assertThat(cell).contains("SystemFailure.Reboot").contains("not the build's fault");
        // every time is named: the event's (platform) times, and the instance's own console time beside them
        assertThat(cell).contains("(Executed, finished 2026-11-25T17:24:40Z)");
        String details = "//details[@id='i-bp1lockup00002']";
        assertThat(text(details + "//div[@class='platform-box']")).contains("finished 2026-11-25T17:24:40Z")
                .contains("This instance's console output was last updated ");
        assertThat(text(details + "//div[@class='side']/ul[@class='timeline']/li/span[@class='ts']"))
                .isEqualTo("published 2026-11-25T17:20:02Z · finished 2026-11-25T17:24:40Z");
        assertThat(text("//tr[td/a='i-bp1lockup00001'][td/a[@class='same']='same crash on 3 instances']/td[4]")).isEqualTo("—");
        // a guest failure event (InstanceFailure.*) is not a platform fault
        assertThat(report.instances()).filteredOn(i -> i.instanceId().equals("i-bp1hostile0001"))
                .singleElement().extracting(InstanceReport::platformFault).isEqualTo(false);
    }

    @Test
    void crashesGroupedBySignatureAcrossInstances() throws Exception {
        CrashGroup top = report.crashGroups().get(0);
        assertThat(top.title()).isEqualTo("BUG: soft lockup in smp_call_function_many_cond");
        assertThat(top.count()).isEqualTo(3);
        assertThat(top.instances()).containsExactly("i-bp1lockup00001", "i-bp1lockup00002", "i-bp1lockup00003");
        assertThat(text("(//div[@class='group'])[1]/h3")).isEqualTo("3 of 12 instances: BUG: soft lockup in smp_call_function_many_cond");
        assertThat(report.crashGroups()).hasSize(5);
        assertThat(top.hints()).extracting(Hint::rule).contains("soft-lockup");
    }

    @Test
    void crashShowsFactsGuiltyFrameMarkedAndReportLines() throws Exception {
        String crash = "//details[@id='i-bp1oops000001']//div[@class='crash'][1]";
        assertThat(text(crash + "/h4")).isEqualTo("BUG: kernel NULL pointer dereference in lkdtm_do_action");
        assertThat(text(crash + "/dl/dt[.='category']/following-sibling::dd[1]")).isEqualTo("NULL-POINTER-DEREFERENCE");
        assertThat(text(crash + "/dl/dt[.='kernel']/following-sibling::dd[1]")).isEqualTo("6.1.0-26-cloud-amd64");
        assertThat(text(crash + "/dl/dt[.='taint']/following-sibling::dd[1]")).isEqualTo("G           OE");
        // the guilty frame is highlighted inside the call trace: the reliable frame, not the '?' one
        assertThat(count(crash + "//ol[@class='trace']/li[@class='guilty']")).isEqualTo(1);
        assertThat(text(crash + "//ol[@class='trace']/li[@class='guilty']/mark")).isEqualTo("lkdtm_do_action");
        // report lines are marked; the guilty line too; context lines before the report are not
        String oops = ReportFixtures.resource("oops-null-deref.log");
        int start = ReportFixtures.lineOf(oops, "BUG: kernel NULL pointer dereference");
        assertThat(text(crash + "//pre/span[span[@class='n']='" + start + "']/@class")).isEqualTo("l report");
        assertThat(text(crash + "//pre/span[span[@class='n']='" + (start - 1) + "']/@class")).isEqualTo("l context");
        assertThat(text(crash + "//pre/span[contains(@class,'guilty')]")).contains("lkdtm_do_action+0x1a/0x30 [lkdtm]");
        assertThat(count(crash + "//pre/span[contains(@class,'report') or contains(@class,'guilty')]"))
                .isEqualTo(ReportFixtures.lineOf(oops, "end trace") - start + 1);
        assertThat(text("//details[@id='i-bp1oops000001']//a[.='full console log']/@href"))
                .isEqualTo("instances/i-bp1oops000001/console.txt");
    }

    @Test
    void bootTimelineAndThumbnailsLinkingToFullSize() throws Exception {
        String side = "//details[@id='i-bp1healthy0001']//div[@class='side']";
        assertThat(text(side + "//div[@class='boot']")).contains("reached login").contains("6.1.0-26-cloud-amd64");
        assertThat(count(side + "//ol[@class='timeline']/li")).isEqualTo(5);
        assertThat(text(side + "//a[img]/@href")).isEqualTo("instances/i-bp1healthy0001/screenshot.png");
        assertThat(text(side + "//a/img/@src")).isEqualTo("instances/i-bp1healthy0001/screenshot.thumb.png");
        assertThat(text("//details[@id='i-bp1vfsfail0001']//div[@class='side']//a[img]/@href"))
                .isEqualTo("instances/i-bp1vfsfail0001/screenshot.jpg");
        BufferedImage thumb = ImageIO.read(out.resolve("instances/i-bp1vfsfail0001/screenshot.thumb.png").toFile());
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(178);
        assertThat(text("//details[@id='i-bp1vfsfail0001']//li[@class='fail']")).contains("VFS: Unable to mount root fs");
    }

    @Test
    void remediationHintsFromTheKnowledgeBase() {
        InstanceReport vfs = instance("i-bp1vfsfail0001");
        assertThat(vfs.bootFailures()).singleElement().satisfies(b ->
                assertThat(b.hints()).extracting(Hint::rule).containsExactly("root-fs-not-mounted"));
        assertThat(instance("i-bp1hung000001").crashes().get(0).hints()).extracting(Hint::rule)
                .startsWith("hung-task-disk-io");
        assertThat(instance("i-bp1oom0000001").findings().get(0).hints()).extracting(Hint::rule).contains("oom-kill");
        assertThat(instance("i-bp1disk000001").findings()).extracting(f -> f.hints().get(0).rule())
                .containsExactly("storage-io-error", "filesystem-stopped");
        assertThat(html).contains("initramfs lacks the disk driver");
    }

    @Test
    void hostileTextRendersAsText() throws Exception {
        assertThat(html).doesNotContain(ReportFixtures.HOSTILE_SCRIPT).doesNotContain("<img src=x")
                .doesNotContain("<iframe").doesNotContain(ReportFixtures.HOSTILE_TAG).doesNotContain("onmouseover=\"");
        assertThat(count("//script")).isZero();
        assertThat(count("//iframe")).isZero();
        assertThat(count("//@*[starts-with(name(), 'on')]")).isZero();
        assertThat(count("//img[not(starts-with(@src, 'instances/'))]")).isZero();
        // ...and the text is still there for people to read
        String hostile = "//details[@id='i-bp1hostile0001']";
        assertThat(text(hostile + "//pre")).contains(ReportFixtures.HOSTILE_SCRIPT).contains(ReportFixtures.HOSTILE_IMG);
        assertThat(text(hostile + "/summary")).contains(ReportFixtures.HOSTILE_IMG);
        assertThat(text(hostile + "//dt[.='tags']/following-sibling::dd[1]")).contains(ReportFixtures.HOSTILE_TAG);
        assertThat(text("//div[@class='group']/h3/code[contains(., 'page fault')]")).isEqualTo(ReportFixtures.HOSTILE_TITLE);
        assertThat(text("//title")).doesNotContain("<");
    }

    @Test
    void pageNeedsNothingFromTheNetworkAndNoScript() throws Exception {
        assertThat(count("//script | //iframe | //object | //embed")).isZero();
        assertThat(count("//link[@rel='stylesheet']")).isEqualTo(1);
        assertThat(text("//link[@rel='stylesheet']/@href")).isEqualTo("report.css");
        assertThat(html).doesNotContain("@import").doesNotContain("url(").doesNotContain("src=\"http");
        assertThat(count("//details")).isGreaterThan(12);
        assertThat(Files.readString(out.resolve("report.css")).strip()).isEqualTo(text("//style").strip());
        // verdict ids are class names of badges and rows (badge crash): no rule may style a bare verdict
        // class, as ".crash { border-top... }" once drew the details' card border around the crash badge
        for (dev.ecsdiag.classify.Verdict v : dev.ecsdiag.classify.Verdict.values()) {
            assertThat(Files.readString(out.resolve("report.css"))).as("bare ." + v.id() + " rule")
                    .doesNotContainPattern("(?m)(^|[\\s,}])\\." + java.util.regex.Pattern.quote(v.id()) + "\\s*[{,]");
        }
    }

    @Test
    void summaryIsShortAndEscaped() throws Exception {
        String md = Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8);
        assertThat(md).startsWith("### ecsdiag: 10 of 12 instances need a look (build 313)");
        assertThat(md).contains("3 of 12 instances: **BUG: soft lockup in smp_call_function_many_cond**");
        assertThat(md).contains("2 instances healthy.");
        // markup from a console is text: every < is escaped, so no renderer reads a tag
        assertThat(md).doesNotContainPattern("(?<!\\\\)<").contains("\\<script>alert");
        assertThat(md.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(2 + 10);
    }

    static InstanceReport instance(String id) {
        return report.instances().stream().filter(i -> i.instanceId().equals(id)).findFirst().orElseThrow();
    }
}
