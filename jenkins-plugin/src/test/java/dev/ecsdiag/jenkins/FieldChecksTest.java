package dev.ecsdiag.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the form says about each field: the core's own checks, in its words. */
class FieldChecksTest {

    @Test
    void region() {
        assertThat(FieldChecks.region("cn-hangzhou", false)).isNull();
        assertThat(FieldChecks.region("", true)).as("the global default applies").isNull();
        assertThat(FieldChecks.region(" ", false)).contains("region is required");
        assertThat(FieldChecks.region("cn hangzhou!", false)).contains("region");
    }

    @Test
    void endpoint() {
        assertThat(FieldChecks.endpoint("")).isNull();
        assertThat(FieldChecks.endpoint("127.0.0.1:8080")).isNull();
        assertThat(FieldChecks.endpoint("ecs-vpc.cn-hangzhou.aliyuncs.com")).isNull();
        assertThat(FieldChecks.endpoint("http://x/<script>")).contains("not an endpoint");
    }

    @Test
    void instanceIdsAndTags() {
        assertThat(FieldChecks.instanceIds("i-bp1aaaaaaaaaaaa01, i-bp1aaaaaaaaaaaa02")).isNull();
        assertThat(FieldChecks.instanceIds("i-bp1aaaaaaaaaaaa01 rm -rf /")).isNotNull();
        assertThat(FieldChecks.tagLines("ci-build=42\n\npool = gpu")).isNull();
        assertThat(FieldChecks.tagLines("ci-build")).contains("KEY=VALUE").contains("ci-build");
        assertThat(FieldChecks.tagLines("=42")).contains("KEY=VALUE");
    }

    @Test
    void failOnNamesTheVerdicts() {
        assertThat(FieldChecks.failOn("")).isNull();
        assertThat(FieldChecks.failOn("crash, boot-failure oom")).isNull();
        assertThat(FieldChecks.failOn("crash, kaboom")).contains("'kaboom' is not a verdict").contains("platform-fault");
    }

    @Test
    void secondsArePositiveWholeNumbers() {
        assertThat(FieldChecks.timeout("10")).isNull();
        assertThat(FieldChecks.deadline("600")).isNull();
        assertThat(FieldChecks.timeout("ten")).contains("whole number");
        assertThat(FieldChecks.timeout("99999999999")).contains("whole number");
        assertThat(FieldChecks.timeout("0")).contains("must be positive");
        assertThat(FieldChecks.deadline("-5")).contains("must be positive");
    }
}
