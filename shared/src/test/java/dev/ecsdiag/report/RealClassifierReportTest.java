package dev.ecsdiag.report;

import dev.ecsdiag.classify.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.InstanceOutcome;
import dev.ecsdiag.testing.SharedMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real classifier over the report's console logs, then the report: what a user gets end to end
 * (apart from fetching). The soft lockup log stands for three instances that crashed the same way.
 */
class RealClassifierReportTest {

    @TempDir
    static Path out;
    static Report report;

    @BeforeAll
    static void classifyAndWrite() throws Exception {
        ReportFixtures fx = new ReportFixtures(out);
        ConsoleClassifier classifier = new ConsoleClassifier();
        List<InstanceOutcome> outcomes = new ArrayList<>();
        String[][] instances = {
                {"i-real000healthy", "healthy-boot.log"},
                {"i-real000vfsboot", "boot-failure-vfs.log"},
                {"i-real000oopsnul", "oops-null-deref.log"},
                {"i-real000hungjbd", "hung-task-jbd2.log"},
                {"i-real000oomkill", "oom-kill.log"},
                {"i-real000storage", "storage-io-error.log"},
                {"i-real000lockup1", "soft-lockup.log"},
                {"i-real000lockup2", "soft-lockup.log"},
                {"i-real000lockup3", "soft-lockup.log"},
        };
        for (String[] i : instances) {
            String text = ReportFixtures.resource(i[1]);
            var console = fx.console(i[0], text);
            Classification c = classifier.classify(out.resolve(console.textFile()));
            outcomes.add(new InstanceOutcome(i[0], i[1], "Running", Map.of(), console, null, List.of(), List.of(), c));
        }
        report = new ReportWriter().write(new CollectionResult("cn-hangzhou", Instant.now(), Instant.now(),
                out.toString(), outcomes, List.of(), List.of()), out, ReportOptions.defaults().withBuild("real"));
        for (InstanceReport i : report.instances()) {
            System.out.printf("%-18s %-16s %s%n", i.instanceId(), i.verdict().id(), i.reason());
        }
    }

    static InstanceReport instance(String id) {
        return report.instances().stream().filter(i -> i.instanceId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void verdictsFromTheRealClassifier() {
        assertThat(instance("i-real000healthy").verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(instance("i-real000vfsboot").verdict()).isEqualTo(Verdict.BOOT_FAILURE);
        assertThat(instance("i-real000oopsnul").verdict()).isEqualTo(Verdict.CRASH);
        assertThat(instance("i-real000hungjbd").verdict()).isEqualTo(Verdict.CRASH);
        assertThat(instance("i-real000oomkill").verdict()).isEqualTo(Verdict.OOM);
        assertThat(instance("i-real000storage").verdict()).isEqualTo(Verdict.STORAGE_FAILURE);
        assertThat(instance("i-real000lockup1").verdict()).isEqualTo(Verdict.CRASH);
    }

    @Test
    void sameCrashOnThreeInstancesIsOneGroup() {
        CrashGroup top = report.crashGroups().get(0);
        assertThat(top.count()).isEqualTo(3);
        assertThat(top.title()).contains("soft lockup");
        assertThat(top.hints()).extracting(Hint::rule).first().isEqualTo("soft-lockup");
    }

    @Test
    void crashLinesAndGuiltyFrameComeFromTheConsoleFile() {
        CrashEntry oops = instance("i-real000oopsnul").crashes().get(0);
        assertThat(oops.crash().title()).contains("NULL pointer dereference");
        assertThat(oops.excerpt().lines()).anySatisfy(l -> assertThat(l.text()).contains("BUG: kernel NULL pointer dereference"));
        assertThat(oops.excerpt().lines()).filteredOn(l -> l.mark().equals("guilty")).singleElement()
                .satisfies(l -> assertThat(l.text()).contains(oops.crash().guiltyFrame()));
        assertThat(instance("i-real000hungjbd").crashes().get(0).hints()).extracting(Hint::rule).first()
                .isEqualTo("hung-task-disk-io");
        assertThat(instance("i-real000vfsboot").bootFailures().get(0).hints()).extracting(Hint::rule)
                .first().isEqualTo("root-fs-not-mounted");
    }

    @Test
    void reportJsonOfTheRealClassifierMatchesTheSchema() throws Exception {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SharedMaterial.repositoryRoot().resolve("docs/report.schema.json")));
        assertThat(schema.validate(new ObjectMapper().readTree(out.resolve("report.json").toFile()))).isEmpty();
    }
}
