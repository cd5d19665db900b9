package dev.ecsdiag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemediationRulesTest {

    static RemediationRules.Subject crash(String type, String title, String... frames) {
        return new RemediationRules.Subject(type, List.of(title), List.of(frames));
    }

    @Test
    void builtInRulesKnowTheCommonCloudFailures() {
        RemediationRules rules = RemediationRules.builtIn();
        assertThat(rules.size()).isGreaterThan(15);
        assertThat(rules.match(new RemediationRules.Subject("boot-failure",
                List.of("VFS: Unable to mount root fs on unknown-block(0,0)"), List.of())))
                .extracting(Hint::rule).containsExactly("root-fs-not-mounted");
        assertThat(rules.match(crash("HANG", "BUG: soft lockup in smp_call_function_many_cond")))
                .singleElement().satisfies(h -> assertThat(h.hint()).contains("CPU steal"));
        assertThat(rules.match(crash("HANG", "INFO: task hung in jbd2_journal_commit_transaction",
                "__schedule", "io_schedule", "jbd2_journal_commit_transaction")))
                .extracting(Hint::rule).containsExactly("hung-task-disk-io");
        assertThat(rules.match(crash("HANG", "INFO: task hung in rtnl_lock", "__schedule", "mutex_lock", "rtnl_lock")))
                .extracting(Hint::rule).containsExactly("hung-task");
        assertThat(rules.match(crash("HANG", "INFO: rcu detected stall in sys_futex"))).extracting(Hint::rule)
                .containsExactly("rcu-stall");
        assertThat(rules.match(new RemediationRules.Subject("oom-kill",
                List.of("Out of memory: Killed process 4410 (java)"), List.of()))).extracting(Hint::rule)
                .containsExactly("oom-kill");
        assertThat(rules.match(new RemediationRules.Subject("storage-io-error", List.of("I/O error, dev vdb"), List.of())))
                .extracting(Hint::rule).containsExactly("storage-io-error");
        assertThat(rules.match(crash("WARNING", "WARNING in __alloc_pages"))).extracting(Hint::rule)
                .containsExactly("warning");
        assertThat(rules.match(crash("DoS", "kernel panic: sysrq triggered crash"))).extracting(Hint::rule)
                .containsExactly("sysrq-crash");
        assertThat(rules.match(crash("UNKNOWN", "something nobody has seen"))).isEmpty();
    }

    @Test
    void userRulesComeFirstAndCanAddToTheBuiltInOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("team-rules.json");
        Files.writeString(file, """
                {"rules": [
                  {"id": "our-nfs", "match": {"title": "soft lockup", "frame": "nfs_"},
                   "cause": "Our NFS server stalls under load.", "hint": "Check nfs01.", "link": null},
                  {"id": "our-stress", "match": {"title": "soft lockup"}, "continue": true,
                   "cause": "The stress suite pins every CPU.", "hint": "Known; see ticket 42.",
                   "link": "https://tracker.example/42"}
                ]}""");
        List<String> warnings = new ArrayList<>();
        RemediationRules rules = RemediationRules.load(List.of(file), warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(rules.match(crash("HANG", "BUG: soft lockup in nfs_commit", "nfs_commit")))
                .extracting(Hint::rule).containsExactly("our-nfs");
        assertThat(rules.match(crash("HANG", "BUG: soft lockup in smp_call_function_many_cond")))
                .extracting(Hint::rule, Hint::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("our-stress", file.toString()),
                        org.assertj.core.groups.Tuple.tuple("soft-lockup", RemediationRules.BUILT_IN));
    }

    @Test
    void badRulesAreReportedAndTheRestStillApply(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"rules\": [ {\"id\": ");
        Path mixed = dir.resolve("mixed.json");
        Files.writeString(mixed, """
                {"rules": [
                  {"id": "bad-regex", "match": {"title": "(unclosed"}, "cause": "c", "hint": "h"},
                  {"id": "no-match", "cause": "c", "hint": "h"},
                  {"id": "good", "match": {"type": "^HANG$"}, "cause": "c", "hint": "h"}
                ]}""");
        List<String> warnings = new ArrayList<>();
        RemediationRules rules = RemediationRules.load(List.of(broken, dir.resolve("missing.json"), mixed), warnings::add);
        assertThat(warnings).hasSize(4);
        assertThat(warnings.get(0)).contains("broken.json").contains("was not used");
        assertThat(warnings.get(1)).contains("missing.json");
        assertThat(warnings.get(2)).contains("bad-regex").contains("bad regular expression");
        assertThat(warnings.get(3)).contains("needs");
        assertThat(rules.match(crash("HANG", "anything"))).extracting(Hint::rule).containsExactly("good");
    }
}
