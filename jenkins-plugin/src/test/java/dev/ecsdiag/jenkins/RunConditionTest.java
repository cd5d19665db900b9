package dev.ecsdiag.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunConditionTest {

    /** Result names are Jenkins' {@code Result.toString()}; empty stands for no result yet (a success so far). */
    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "FAILURE, SUCCESS, false", "FAILURE, UNSTABLE, false", "FAILURE, FAILURE, true",
            "FAILURE, NOT_BUILT, false", "FAILURE, ABORTED, false", "FAILURE, , false",
            "FAILURE_OR_UNSTABLE, SUCCESS, false", "FAILURE_OR_UNSTABLE, UNSTABLE, true", "FAILURE_OR_UNSTABLE, FAILURE, true",
            "FAILURE_OR_UNSTABLE, NOT_BUILT, false", "FAILURE_OR_UNSTABLE, ABORTED, false", "FAILURE_OR_UNSTABLE, , false",
            "ALWAYS, SUCCESS, true", "ALWAYS, UNSTABLE, true", "ALWAYS, FAILURE, true",
            "ALWAYS, NOT_BUILT, true", "ALWAYS, ABORTED, true", "ALWAYS, , true"})
    void collectsOnlyForTheResultsItNames(RunCondition condition, String result, boolean collects) {
        assertThat(condition.appliesTo(result)).isEqualTo(collects);
    }

    @ParameterizedTest
    @CsvSource({"'', FAILURE", "FAILURE_OR_UNSTABLE, FAILURE_OR_UNSTABLE", "' ALWAYS ', ALWAYS"})
    void blankMeansFailedBuildsOnly(String name, RunCondition expected) {
        assertThat(RunCondition.of(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"FAILURE"})
    void aNewStepCollectsOnFailureOnly(RunCondition expected) {
        assertThat(new EcsDiagnosticsRecorder(null, null).getWhen()).isEqualTo(expected);
    }
}
