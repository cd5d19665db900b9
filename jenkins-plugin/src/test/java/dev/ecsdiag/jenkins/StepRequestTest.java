package dev.ecsdiag.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.Setting;
import dev.ecsdiag.job.JobRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every field of the step, and the global defaults, into the core's request. */
class StepRequestTest {

    private static final UnaryOperator<String> ENV = s -> s.replace("${BUILD_TAG}", "jenkins-job-7").replace("${REGION}", "cn-shanghai");

    private static JobRequest request(EcsDiagnosticsRecorder step, StepRequest.Defaults defaults) {
        return StepRequest.of(step, defaults, ENV, CrashedFleet.credentials(), "job #7");
    }

    @Test
    void everyFieldReachesTheRequest() {
        EcsDiagnosticsRecorder step = new EcsDiagnosticsRecorder("${REGION}", "ecs-ci");
        step.setEndpoint("127.0.0.1:8080");
        step.setInstanceIds("i-bp1aaaaaaaaaaaa01, i-bp1aaaaaaaaaaaa02\ni-bp1aaaaaaaaaaaa03");
        step.setTags(Map.of("ci-build", "${BUILD_TAG}"));
        step.setFleetFile("fleet/ids.txt");
        step.setFailOn("crash, boot-failure");
        step.setTimeout(7);
        step.setDeadline(90);

        JobRequest r = request(step, StepRequest.Defaults.NONE);

        assertThat(r.region()).isEqualTo("cn-shanghai");
        assertThat(r.endpoint()).isEqualTo("127.0.0.1:8080");
        assertThat(r.instanceIds()).containsExactly("i-bp1aaaaaaaaaaaa01", "i-bp1aaaaaaaaaaaa02", "i-bp1aaaaaaaaaaaa03");
        assertThat(r.tags()).containsExactly(Map.entry("ci-build", "jenkins-job-7"));
        assertThat(r.fleetFile()).isEqualTo(Path.of("fleet/ids.txt"));
        assertThat(r.policy().failOn()).containsExactlyInAnyOrder(Verdict.CRASH, Verdict.BOOT_FAILURE);
        assertThat(r.policy().failOnError()).isFalse();
        assertThat(r.callTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(r.deadline()).isEqualTo(Duration.ofSeconds(90));
        assertThat(r.credentials()).isEqualTo(CrashedFleet.credentials());
        assertThat(r.buildLabel()).isEqualTo("job #7");
        assertThat(r.outputDirectory().getFileName()).hasToString(StepRequest.FOLDER);
    }

    @Test
    void emptyFieldsTakeTheGlobalDefaults() {
        EcsDiagnosticsRecorder step = new EcsDiagnosticsRecorder("", " ");
        step.setInstanceIds("i-bp1aaaaaaaaaaaa01");
        StepRequest.Defaults defaults = new StepRequest.Defaults("cn-beijing", "ecs-vpc.cn-beijing.aliyuncs.com", "global-ecs");

        JobRequest r = request(step, defaults);

        assertThat(r.region()).isEqualTo("cn-beijing");
        assertThat(r.endpoint()).isEqualTo("ecs-vpc.cn-beijing.aliyuncs.com");
        assertThat(StepRequest.credentialsId(step, defaults)).isEqualTo("global-ecs");
        assertThat(StepRequest.credentialsId(new EcsDiagnosticsRecorder(null, "own"), defaults)).isEqualTo("own");
        assertThat(StepRequest.credentialsId(step, StepRequest.Defaults.NONE)).isNull();
    }

    @Test
    void defaultsOfANewStepAreTheCommandLinesAndFailNothing() {
        EcsDiagnosticsRecorder step = new EcsDiagnosticsRecorder("cn-hangzhou", null);
        step.setInstanceIds("i-bp1aaaaaaaaaaaa01");

        JobRequest r = request(step, StepRequest.Defaults.NONE);

        assertThat(r.callTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(r.deadline()).isEqualTo(Duration.ofSeconds(600));
        assertThat(r.policy().failOn()).isEmpty();
        assertThat(r.endpoint()).isNull();
        assertThat(r.fleetFile()).isNull();
    }

    @Test
    void pipelineMapsMayHoldGroovyStringsAndTheFormTextRoundTrips() {
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("ci-build", new StringBuilder("jenkins-").append(7)); // a GString is a CharSequence, not a String
        pipeline.put("pool", "gpu");
        EcsDiagnosticsRecorder step = new EcsDiagnosticsRecorder("cn-hangzhou", null);
        step.setTags(pipeline);

        assertThat(step.getTags()).containsExactly(Map.entry("ci-build", "jenkins-7"), Map.entry("pool", "gpu"));
        assertThat(step.getTagLines()).isEqualTo("ci-build=jenkins-7\npool=gpu\n");

        EcsDiagnosticsRecorder fromForm = new EcsDiagnosticsRecorder("cn-hangzhou", null);
        fromForm.setTagLines(step.getTagLines());
        assertThat(fromForm.getTags()).isEqualTo(step.getTags());
    }

    @Test
    void withoutIdsTagsOrFleetFileTheCoreSaysWhatIsMissing() {
        assertThatThrownBy(() -> request(new EcsDiagnosticsRecorder("cn-hangzhou", null), StepRequest.Defaults.NONE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("instance ids, tag filters or a fleet file");
    }

    @Test
    void anUnknownVerdictIsNamedWithTheAcceptedOnes() {
        EcsDiagnosticsRecorder step = new EcsDiagnosticsRecorder("cn-hangzhou", null);
        step.setInstanceIds("i-bp1aaaaaaaaaaaa01");
        step.setFailOn("crash, kaboom");

        assertThatThrownBy(() -> request(step, StepRequest.Defaults.NONE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'kaboom' is not a verdict").hasMessageContaining("boot-failure");
    }

    @Test
    void hintsNameTheStepsFieldsAndPipelineParameters() {
        assertThat(SettingNames.of(Setting.CALL_TIMEOUT)).isEqualTo("Timeout (timeout)");
        assertThat(SettingNames.of(Setting.ACCESS_KEY_SECRET)).isEqualTo("Credentials (credentialsId)");
        for (Setting s : List.of(Setting.REGION, Setting.ENDPOINT, Setting.INSTANCES, Setting.TAGS, Setting.FLEET_FILE, Setting.DEADLINE)) {
            String name = SettingNames.of(s);
            String parameter = name.substring(name.indexOf('(') + 1, name.indexOf(')'));
            assertThat(DataBindingTest.properties()).as(s + " names a property").contains(parameter);
        }
    }

    @Test
    void theDefaultChainIsUsedWithoutCredentials() {
        EcsDiagnosticsRecorder step = new EcsDiagnosticsRecorder("cn-hangzhou", null);
        step.setInstanceIds("i-bp1aaaaaaaaaaaa01");
        JobRequest r = StepRequest.of(step, StepRequest.Defaults.NONE, ENV, Credentials.defaultChain(), null);
        assertThat(r.credentials()).isEqualTo(Credentials.defaultChain());
    }
}
