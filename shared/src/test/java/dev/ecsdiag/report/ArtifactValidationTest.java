package dev.ecsdiag.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ecsdiag.testing.SharedMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** report.json against docs/report.schema.json, junit.xml against junit-10.xsd, the JUnit schema Jenkins publishes. */
class ArtifactValidationTest {

    @TempDir
    static Path out;
    static JsonSchema schema;

    @BeforeAll
    static void writeReport() throws Exception {
        new ReportWriter().write(new ReportFixtures(out).fleet(), out, ReportOptions.defaults().withBuild("313"));
        Path schemaFile = SharedMaterial.repositoryRoot().resolve("docs/report.schema.json");
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(schemaFile));
    }

    @Test
    void reportJsonMatchesItsSchema() throws Exception {
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        Set<ValidationMessage> errors = schema.validate(json);
        assertThat(errors).isEmpty();
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(Report.SCHEMA_VERSION);
        assertThat(json.at("/instances/0/verdict").asText()).isEqualTo("boot-failure");
        assertThat(json.at("/crashGroups/0/count").asInt()).isEqualTo(3);
    }

    @Test
    void schemaRejectsWhatItShould() throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(out.resolve("report.json").toFile());
        ((ObjectNode) json.at("/instances/0")).put("verdict", "exploded");
        json.put("surprise", true);
        ((ObjectNode) json.at("/crashGroups/0")).remove("signature");
        Set<ValidationMessage> errors = schema.validate(json);
        assertThat(errors).hasSizeGreaterThanOrEqualTo(3);
        assertThat(errors.toString()).contains("verdict").contains("surprise").contains("signature");
    }

    @Test
    void junitXmlMatchesThePublishedJUnitSchema() throws Exception {
        assertThat(JUnitSchema.violations(out.resolve("junit.xml"))).isEmpty();
    }

    @Test
    void junitSchemaIsNotAPushover() throws Exception {
        // what the writer used to produce: "skipped" on testsuites is not in junit-10.xsd
        assertThat(JUnitSchema.violations("<testsuites skipped=\"1\"><testsuite name=\"s\" tests=\"1\""
                + " failures=\"0\" errors=\"0\" skipped=\"1\"><testcase name=\"c\"><skipped/></testcase>"
                + "</testsuite></testsuites>")).singleElement().asString().contains("cvc-complex-type.3.2.2")
                .contains("skipped");
        assertThat(JUnitSchema.violations("<testsuites><testsuite tests=\"x\"><testcase/></testsuite></testsuites>"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(JUnitSchema.violations("<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"0\""
                + " errors=\"0\" skipped=\"0\"><testcase name=\"c\"/></testsuite></testsuites>")).isEmpty();
    }

    @Test
    void junitCountsAreNumbersThatAddUp() throws Exception {
        // junit-10.xsd types the counts as strings; Jenkins parses them as integers, so check that here
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit.xml").toFile());
        var x = XPathFactory.newInstance().newXPath();
        int tests = Integer.parseInt(x.evaluate("/testsuites/testsuite/@tests", doc));
        assertThat(tests).isEqualTo(Integer.parseInt(x.evaluate("count(//testcase)", doc)));
        assertThat(Integer.parseInt(x.evaluate("/testsuites/testsuite/@failures", doc)))
                .isEqualTo(Integer.parseInt(x.evaluate("count(//testcase/failure)", doc)));
        assertThat(Integer.parseInt(x.evaluate("/testsuites/testsuite/@errors", doc)))
                .isEqualTo(Integer.parseInt(x.evaluate("count(//testcase/error)", doc)));
        assertThat(Integer.parseInt(x.evaluate("/testsuites/testsuite/@skipped", doc)))
                .isEqualTo(Integer.parseInt(x.evaluate("count(//testcase/skipped)", doc)));
        assertThat(x.evaluate("/testsuites/@tests", doc)).isEqualTo(Integer.toString(tests));
        assertThat(x.evaluate("/testsuites/@skipped", doc)).isEmpty();
    }

    @Test
    void junitHasOneCasePerInstanceFailingWithTheCrashTitle() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit.xml").toFile());
        var x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("count(//testcase)", doc)).isEqualTo("13"); // 12 instances + 1 not found
        assertThat(x.evaluate("/testsuites/testsuite/@name", doc)).isEqualTo("ecsdiag.cn-hangzhou");
        assertThat(x.evaluate("/testsuites/testsuite/@failures", doc)).isEqualTo("9");
        assertThat(x.evaluate("/testsuites/testsuite/@errors", doc)).isEqualTo("2");
        String oops = "//testcase[@name='i-bp1oops000001 (ci-runner-03)']";
        assertThat(x.evaluate(oops + "/@classname", doc)).isEqualTo("ecsdiag.cn-hangzhou");
        assertThat(x.evaluate(oops + "/failure/@message", doc))
                .isEqualTo("BUG: kernel NULL pointer dereference in lkdtm_do_action");
        assertThat(x.evaluate(oops + "/failure", doc)).contains("RIP: 0010:lkdtm_do_action+0x1a/0x30 [lkdtm]")
                .contains("---[ end trace");
        assertThat(x.evaluate("//testcase[starts-with(@name,'i-bp1lockup00002')]/failure/@message", doc))
                .contains("SystemFailure.Reboot").contains("not the build's fault");
        assertThat(x.evaluate("//testcase[@name='i-bp1noperm00001 (ci-runner-30)']/error/@message", doc))
                .contains("Forbidden.RAM");
        assertThat(x.evaluate("//testcase[@name='i-bp1healthy0001 (ci-runner-07)']/*", doc)).isEmpty();
        // hostile text survives as text inside the XML
        assertThat(x.evaluate("//testcase[starts-with(@name,'i-bp1hostile0001')]/failure", doc))
                .contains("<iframe src=javascript:alert(5)></iframe>");
        assertThat(x.evaluate("//testcase[starts-with(@name,'i-bp1hostile0001')]/failure/@message", doc))
                .isEqualTo(ReportFixtures.HOSTILE_TITLE);
        assertThat(x.evaluate("//testcase[starts-with(@name,'i-bp1hostile0001')]/@name", doc))
                .contains(ReportFixtures.HOSTILE_IMG);
    }
}
