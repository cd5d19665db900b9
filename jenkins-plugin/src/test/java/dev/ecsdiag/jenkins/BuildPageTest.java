package dev.ecsdiag.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.job.JobResult;
import dev.ecsdiag.job.RunOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The build page, the action's model and the console lines, from a real run against the emulated crashed fleet. */
class BuildPageTest {

    private static final String ARTIFACTS = "/jenkins/job/ci/42/artifact/ecsdiag/";

    @TempDir
    static Path out;

    private static CrashedFleet fleet;
    private static JobResult result;
    private static ReportModel model;

    @BeforeAll
    static void run() {
        fleet = new CrashedFleet();
        result = fleet.run(out.resolve("ecsdiag"));
        model = ReportModel.of(result);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    private static Document xml(String fragment) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(fragment.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> attributes(Document d, String tag, String attribute) {
        NodeList nodes = d.getElementsByTagName(tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }

    @Test
    void theModelHoldsVerdictsGroupsAndTheReport() {
        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(model.getInstances()).hasSize(4);
        assertThat(model.getCounts()).containsEntry("healthy", 1);
        assertThat(model.getCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
        assertThat(model.getInstancesWorthALook()).isEqualTo(3);
        assertThat(model.getReportIndex()).isEqualTo("index.html");
        // the two instances with the same oops are one group
        assertThat(model.getGroups()).anySatisfy(g ->
                assertThat(g.getInstances()).containsExactlyInAnyOrder(CrashedFleet.CRASHED_1, CrashedFleet.CRASHED_2));
        assertThat(model.getGroups()).anySatisfy(g -> assertThat(g.getTitle()).contains("<script>"));
        assertThat(model.getInstances()).allSatisfy(i -> assertThat(i.getThumbnail()).isNotNull().doesNotContain("\\"));
        assertThat(model.getInstances().get(0).isWorthALook()).isTrue(); // worst first
        assertThat(model.getInstances().get(3).getVerdict()).isEqualTo("healthy");
    }

    @Test
    void theModelSurvivesSerialisation() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(model);
        }
        ReportModel back = (ReportModel) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertThat(ReportHtml.page(back, ARTIFACTS)).isEqualTo(ReportHtml.page(model, ARTIFACTS));
    }

    @Test
    void thePageShowsEveryInstanceWithItsThumbnailLinkedToTheScreenshot() throws Exception {
        Document page = xml(ReportHtml.page(model, ARTIFACTS));

        List<String> thumbnails = attributes(page, "img", "src");
        assertThat(thumbnails).hasSize(4).allSatisfy(src -> assertThat(src).startsWith(ARTIFACTS + "instances/").endsWith(".png"));
        for (ReportModel.Instance i : model.getInstances()) {
            assertThat(thumbnails).contains(ARTIFACTS + ReportHtml.path(i.getThumbnail()));
            assertThat(attributes(page, "a", "href")).contains(ARTIFACTS + ReportHtml.path(i.getScreenshot()));
        }
        assertThat(attributes(page, "a", "href")).contains(ARTIFACTS + "index.html");
        assertThat(page.getElementsByTagName("tr").getLength()).isEqualTo(1 + model.getGroups().size() + 1 + 4);
    }

    @Test
    void hostileConsoleTextStaysText() throws Exception {
        for (String html : List.of(ReportHtml.page(model, ARTIFACTS), ReportHtml.summary(model, ARTIFACTS, "/jenkins/job/ci/42/ecsdiag/"))) {
            Document d = xml(html); // parses: nothing broke out of its element
            assertThat(d.getElementsByTagName("script").getLength()).isZero();
            assertThat(attributes(d, "img", "onerror")).allSatisfy(v -> assertThat(v).isEmpty());
            assertThat(d.getDocumentElement().getTextContent()).contains("<script>alert('x')</script>");
            assertThat(html).doesNotContain("style=").doesNotContain("<script");
        }
        assertThat(xml(ReportHtml.page(model, ARTIFACTS)).getDocumentElement().getTextContent())
                .contains("runner-" + CrashedFleet.HOSTILE_TEXT); // the instance's name, from DescribeInstances
    }

    @Test
    void theSummaryBoxCountsAndGroups() throws Exception {
        Document d = xml(ReportHtml.summary(model, ARTIFACTS, "/jenkins/job/ci/42/ecsdiag/"));
        assertThat(d.getDocumentElement().getTextContent()).contains(model.getHeadline()).contains("2 × ");
        assertThat(attributes(d, "a", "href")).containsExactly("/jenkins/job/ci/42/ecsdiag/", ARTIFACTS + "index.html");
        assertThat(d.getElementsByTagName("li").getLength()).isEqualTo(model.getGroups().size());
    }

    @Test
    void linksCannotLeaveTheArtifactsFolder() {
        assertThat(ReportHtml.path("../../secrets/x.png")).isEqualTo("secrets/x.png");
        assertThat(ReportHtml.path("instances/i-1/a b#?.png")).isEqualTo("instances/i-1/a%20b%23%3F.png");
        assertThat(ReportHtml.path("javascript:alert(1)")).isEqualTo("javascript%3Aalert%281%29");
        assertThat(ReportModel.relative("C:\\ws\\ecsdiag", "C:\\ws\\ecsdiag\\index.html")).isEqualTo("index.html");
        assertThat(EcsDiagnosticsAction.artifacts("/jenkins/job/ci/42/")).isEqualTo(ARTIFACTS);
    }

    @Test
    void theConsoleGetsOneLinePerInstanceWorstFirst() {
        List<String> lines = ConsoleLines.of(result, true);

        assertThat(lines).containsSequence(result.summaryLines());
        for (String id : List.of(CrashedFleet.CRASHED_1, CrashedFleet.CRASHED_2, CrashedFleet.HOSTILE, CrashedFleet.HEALTHY)) {
            assertThat(lines.stream().filter(l -> l.trim().startsWith(id))).as(id).hasSize(1);
        }
        assertThat(lines.stream().filter(l -> l.trim().startsWith(CrashedFleet.HEALTHY)).findFirst().orElseThrow()).contains("healthy");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  crash: 2 of 4 instances:"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("ecsdiag/junit.xml"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).startsWith("WARNING"));
        assertThat(String.join("\n", lines)).doesNotContain(dev.ecsdiag.emulator.CredentialStore.TEST_ACCESS_KEY_SECRET);
    }

    @Test
    void aRunThatCouldNotCollectIsAWarningWithTheStepsWords(@TempDir Path other) {
        EcsDiagnosticsRecorder step = fleet.step();
        step.setEndpoint("127.0.0.1:1");
        step.setTimeout(2);
        JobResult unreachable = new dev.ecsdiag.job.DiagnosticsJob(java.util.Map.of(), new java.util.Random(1))
                .run(fleet.request(step).toBuilder().outputDirectory(other).build(), line -> { });

        List<String> lines = ConsoleLines.of(unreachable, false);

        assertThat(unreachable.outcome()).isEqualTo(RunOutcome.ENDPOINT_UNREACHABLE);
        assertThat(unreachable.decision().failBuild()).isFalse();
        assertThat(lines.get(0)).startsWith("WARNING: could not collect: ");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  hint: ").contains("(").contains("(endpoint)"));
        assertThat(ReportModel.of(unreachable).getMessage()).isEqualTo(unreachable.message());
    }
}
