package dev.ecsdiag.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.config.InvalidRequestException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The build's outcome, decided in the core for every verdict and policy. */
class DecisionsTest {

    private static InstanceSummary instance(String id, Verdict verdict, String reason) {
        return new InstanceSummary(id, null, verdict, reason, reason, null, null, null, List.of(), "console");
    }

    /** One instance of every verdict, each with a reason naming it. */
    private static JobResult everyVerdict(RunOutcome outcome) {
        List<InstanceSummary> all = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            all.add(instance("i-" + v.id().replace("-", "") + "01", v, "title of " + v.id()));
        }
        return new JobResult(outcome, outcome.ran() ? "" : "the service refused the credentials", List.of(), "cn-hangzhou",
                "/tmp/x", all, List.of(), Map.of(), List.of(), null, null, List.of(), null, null);
    }

    @Test
    void eachVerdictFailsTheBuildExactlyWhenThePolicyNamesIt() {
        JobResult result = everyVerdict(RunOutcome.COMPLETED);
        for (Verdict v : Verdict.values()) {
            Decision d = Decisions.decide(result, FailurePolicy.of(Set.of(v), false));
            String id = "i-" + v.id().replace("-", "") + "01";
            assertThat(d.failBuild()).as(v.id()).isTrue();
            assertThat(d.message()).as(v.id()).contains(id).contains("title of " + v.id());
            for (Verdict other : EnumSet.complementOf(EnumSet.of(v))) {
                assertThat(d.message()).as(v.id() + " names only its own").doesNotContain("title of " + other.id() + ";")
                        .doesNotEndWith("title of " + other.id());
            }
        }
    }

    @Test
    void noPolicyNeverFailsTheBuildButSaysWhatIsWorthALook() {
        Decision d = Decisions.decide(everyVerdict(RunOutcome.COMPLETED), FailurePolicy.never());
        assertThat(d.failBuild()).isFalse();
        assertThat(d.message()).contains("i-crash01").contains("i-platformfault01").doesNotContain("i-healthy01");
    }

    @Test
    void aRunThatCouldNotRunFailsOnlyWithFailOnError() {
        for (RunOutcome outcome : RunOutcome.values()) {
            JobResult r = everyVerdict(outcome);
            Decision lenient = Decisions.decide(r, FailurePolicy.of(Set.of(), false));
            Decision strict = Decisions.decide(r, FailurePolicy.of(Set.of(), true));
            assertThat(lenient.failBuild()).as(outcome.id()).isFalse();
            assertThat(strict.failBuild()).as(outcome.id()).isEqualTo(!outcome.ran());
            if (!outcome.ran()) {
                assertThat(strict.message()).contains("refused the credentials");
            }
        }
    }

    @Test
    void manyFailingInstancesAreNamedUpToALimit() {
        List<InstanceSummary> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(instance(String.format("i-many%04d", i), Verdict.CRASH, "BUG: soft lockup"));
        }
        JobResult r = new JobResult(RunOutcome.COMPLETED, "", List.of(), "cn-hangzhou", "/tmp/x", all, List.of(), Map.of(),
                List.of(), null, null, List.of(), null, null);
        Decision d = Decisions.decide(r, FailurePolicy.of(Set.of(Verdict.CRASH), false));
        assertThat(d.message()).startsWith("25 of 25 instances").contains("i-many0009").doesNotContain("i-many0010")
                .endsWith("and 15 more");
    }

    @Test
    void verdictsParseFromTheirIdsAndOldReportWords() {
        assertThat(FailurePolicy.parseVerdicts("crash, boot-failure")).containsExactlyInAnyOrder(Verdict.CRASH, Verdict.BOOT_FAILURE);
        assertThat(FailurePolicy.parseVerdicts(" ")).isEmpty();
        assertThat(Verdict.fromId("boot-failed")).isEqualTo(Verdict.BOOT_FAILURE);
        assertThat(Verdict.fromId("crashed")).isEqualTo(Verdict.CRASH);
        assertThat(Verdict.fromId("PLATFORM_FAULT")).isEqualTo(Verdict.PLATFORM_FAULT);
        assertThatThrownBy(() -> FailurePolicy.parseVerdicts("crash,kaboom"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("kaboom").hasMessageContaining("boot-failure");
    }

    @Test
    void theVerdictOrderIsWorstFirst() {
        assertThat(Verdict.values()).containsExactly(Verdict.BOOT_FAILURE, Verdict.CRASH, Verdict.STORAGE_FAILURE, Verdict.OOM,
                Verdict.PLATFORM_FAULT, Verdict.NOT_COLLECTED, Verdict.EMPTY_CONSOLE, Verdict.HEALTHY);
        assertThat(Verdict.CRASH.worse(Verdict.HEALTHY)).isEqualTo(Verdict.CRASH);
        assertThat(Verdict.HEALTHY.worse(Verdict.OOM)).isEqualTo(Verdict.OOM);
    }
}
