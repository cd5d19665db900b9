package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every crash scenario of the lab again with a test runner as init, as on minimal CI images: user
 * space is up and prints its progress, but no login line or shell prompt ever appears (issue 11:
 * such boots were called boot failures, crashes and healthy controls alike). Made by
 * {@code lab/lab.py runners}; each twin must get its original's verdict, title, category and
 * guilty frame, with the boot at the {@code init} stage.
 */
class LabRunnerTwinsTest {

    private static byte[] resource(String name) {
        return LabManifest.RUNNER_TWINS.resource(name);
    }

    @TestFactory
    Stream<DynamicTest> aTestRunnerAsInitChangesNothingButTheStage() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode twin : LabManifest.RUNNER_TWINS.scenarios()) {
            tests.add(dynamicTest(twin.get("name").asText(), () -> check(twin)));
        }
        // every lkdtm and sysrq scenario of the lab has its twin
        assertThat(tests).as("runner twins").hasSizeGreaterThanOrEqualTo(20);
        return tests.stream();
    }

    private static void check(JsonNode twin) throws IOException {
        String name = twin.get("name").asText();
        JsonNode expected = twin.get("expected");
        byte[] log = resource(twin.get("console").asText());
        String text = new String(log, StandardCharsets.ISO_8859_1);
        // the premise: the runner printed, and nothing ever prompted
        assertThat(text).as("%s: the runner's output", name).contains("runner: [1/");
        assertThat(text).as("%s: no login line or prompt", name).doesNotContain("login:").doesNotContain("root@lab");

        Classification result = new ConsoleClassifier().classify(log);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(result.verdict().id()).as("%s: verdict", name).isEqualTo(expected.get("verdict").asText());
        soft.assertThat(result.boots()).as("%s: boots", name).hasSize(expected.get("boots").asInt());
        Boot last = result.boots().get(result.boots().size() - 1);
        soft.assertThat(last.reached()).as("%s: stage", name).isEqualTo(BootStage.INIT);
        soft.assertThat(result.findings()).as("%s: no boot failure for want of a prompt", name)
                .noneMatch(f -> f.kind() == FindingKind.BOOT_FAILURE);
        LabManifest.expectCrashes(soft, name, expected, result);
        soft.assertAll();
    }
}
