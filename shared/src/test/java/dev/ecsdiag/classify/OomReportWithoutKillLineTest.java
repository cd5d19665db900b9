package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An OOM report whose kill line is missing (the log was cut, a terminal mangled the line) is still an
 * {@code oom-kill} finding, one that says its kill line is missing (issue 11). On the QEMU lab's real
 * captures (a global OOM and a cgroup v2 memory cgroup OOM, Debian's 6.1 kernel), cut where a console
 * buffer or an excerpt would cut them, and on the cgroup v1 wording of older kernels.
 */
class OomReportWithoutKillLineTest {

    private static String lab(String scenario) throws IOException {
        try (InputStream in = OomReportWithoutKillLineTest.class.getResourceAsStream("/lab/" + scenario + "/console.log")) {
            assertThat(in).as("lab capture %s", scenario).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The log up to (not including) the first line that contains {@code marker}. */
    private static String cutBefore(String log, String marker) {
        int at = log.indexOf(marker);
        assertThat(at).as("marker %s", marker).isPositive();
        return log.substring(0, log.lastIndexOf('\n', at) + 1);
    }

    private static Classification classify(String log) {
        return new ConsoleClassifier().classify(log.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Finding onlyOom(Classification c) {
        List<Finding> ooms = c.findings().stream().filter(f -> f.kind() == FindingKind.OOM_KILL).toList();
        assertThat(ooms).hasSize(1);
        return ooms.get(0);
    }

    @Test
    void aGlobalOomReportCutBeforeItsKillLine() throws IOException {
        String cut = cutBefore(lab("oom"), "Out of memory: Killed process");
        Classification c = classify(cut);
        Finding oom = onlyOom(c);
        assertThat(oom.title()).isEqualTo("Out of memory: report without its kill line (tail invoked the OOM killer)");
        assertThat(oom.details()).containsEntry("scope", "global").containsEntry("kill-line", "missing")
                .containsEntry("invoked-by", "tail").containsEntry("constraint", "CONSTRAINT_NONE")
                .containsEntry("process", "tail");
        assertThat(oom.line()).isEqualTo(Integer.parseInt(oom.details().get("report-line")));
        assertThat(c.verdict()).isEqualTo(Verdict.OOM);
        // cut earlier, inside the call trace through out_of_memory: the invocation alone says it
        Classification early = classify(cutBefore(cut, "out_of_memory"));
        assertThat(onlyOom(early).details()).containsEntry("kill-line", "missing").doesNotContainKey("constraint");
        assertThat(early.verdict()).isEqualTo(Verdict.OOM);
    }

    @Test
    void aMemoryCgroupOomReportCutBeforeItsKillLine() throws IOException {
        String full = lab("runner-memcg-oom");
        Finding killed = onlyOom(classify(full));
        assertThat(killed.title()).isEqualTo("Memory cgroup out of memory: Killed process 97 (tail)");
        assertThat(killed.details()).containsEntry("memcg-usage-kb", "16384").containsEntry("memcg-stats", "/ci-job")
                .doesNotContainKey("kill-line");
        // cut before the oom-kill: summary, so only the usage line and memory.stat block say "memcg"
        Classification c = classify(cutBefore(full, "oom-kill:constraint="));
        Finding oom = onlyOom(c);
        assertThat(oom.title()).isEqualTo("Memory cgroup out of memory: report without its kill line (tail invoked the OOM killer)");
        assertThat(oom.details()).containsEntry("scope", "memcg").containsEntry("kill-line", "missing")
                .containsEntry("memcg-usage-kb", "16384").containsEntry("memcg-limit-kb", "16384")
                .containsEntry("memcg-stats", "/ci-job");
        assertThat(c.verdict()).isEqualTo(Verdict.OOM);
    }

    /** The same in cgroup v1's words (a real capture: memory.limit_in_bytes, memory+swap, v1 stats). */
    @Test
    void aCgroupV1MemoryCgroupOomReportCutBeforeItsKillLine() throws IOException {
        String full = lab("runner-memcg-v1-oom");
        assertThat(full).contains("memory+swap: usage").doesNotContain("memory.stat");
        Finding killed = onlyOom(classify(full));
        assertThat(killed.title()).startsWith("Memory cgroup out of memory: Killed process ").endsWith("(tail)");
        for (String cutAt : List.of("Memory cgroup out of memory: Killed", "oom-kill:constraint=")) {
            Classification c = classify(cutBefore(full, cutAt));
            Finding oom = onlyOom(c);
            assertThat(oom.title()).as("cut before %s", cutAt)
                    .isEqualTo("Memory cgroup out of memory: report without its kill line (tail invoked the OOM killer)");
            assertThat(oom.details()).as("cut before %s", cutAt).containsEntry("scope", "memcg").containsEntry("kill-line", "missing")
                    .containsEntry("memcg-usage-kb", "16384").containsEntry("memcg-limit-kb", "16384")
                    .containsEntry("memcg-stats", "/ci-job");
            assertThat(c.verdict()).isEqualTo(Verdict.OOM);
        }
    }

    @Test
    void aKillLineThatATerminalCutStillNamesTheVictim() throws IOException {
        String full = lab("runner-memcg-oom");
        // the reader joins lines a terminal wrapped at its width
        Finding wrapped = onlyOom(classify(new String(SyzkallerCorpusAccuracyTest.wrap(
                full.getBytes(StandardCharsets.ISO_8859_1), 80), StandardCharsets.ISO_8859_1)));
        assertThat(wrapped.title()).isEqualTo("Memory cgroup out of memory: Killed process 97 (tail)");
        // a kill line cut mid-name, its rest on a line of its own
        String cut = full.replace("Killed process 97 (tail) total-vm:", "Killed process 97 (ta\r\nil) total-vm:");
        Finding oom = onlyOom(classify(cut));
        assertThat(oom.details()).containsEntry("pid", "97").containsEntry("process", "tail")
                .containsEntry("kill-line", "cut").containsEntry("scope", "memcg");
    }

    @Test
    void cgroupV1WordingWithoutItsKillLine() {
        String log = """
                [ 4021.112345] stress invoked oom-killer: gfp_mask=0x24000c0(GFP_KERNEL), nodemask=0, order=0, oom_score_adj=0
                [ 4021.112400] CPU: 3 PID: 2231 Comm: stress Not tainted 4.14.0-115.el7a.x86_64 #1
                [ 4021.112500] Call Trace:
                [ 4021.112600]  dump_stack+0x5c/0x82
                [ 4021.112700]  dump_header+0x94/0x229
                [ 4021.112800]  oom_kill_process+0x213/0x410
                [ 4021.112900]  out_of_memory+0x2ab/0x4b0
                [ 4021.113000]  mem_cgroup_out_of_memory+0x49/0x80
                [ 4021.120000] Task in /ci-job killed as a result of limit of /ci-job
                [ 4021.120100] memory: usage 262144kB, limit 262144kB, failcnt 1337
                [ 4021.120200] memory+swap: usage 262144kB, limit 9007199254740988kB, failcnt 0
                [ 4021.120300] kmem: usage 2048kB, limit 9007199254740988kB, failcnt 0
                [ 4021.120400] Memory cgroup stats for /ci-job: cache:0KB rss:260096KB rss_huge:0KB mapped_file:0KB swap:0KB inactive_anon:0KB active_anon:260096KB
                [ 4021.130000] [ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name
                [ 4021.130100] [ 2231]  1000  2231   133141    65473     138       3        0             0 stress""";
        Finding oom = onlyOom(classify(log));
        assertThat(oom.details()).containsEntry("scope", "memcg").containsEntry("oom-memcg", "/ci-job")
                .containsEntry("task-memcg", "/ci-job").containsEntry("kill-line", "missing");
    }

    @Test
    void twoReportsOnlyTheFirstOfWhichLostItsKillLine() throws IOException {
        String full = lab("oom");
        String report = full.substring(full.lastIndexOf('\n', full.indexOf("invoked oom-killer")) + 1);
        String first = cutBefore(report, "Out of memory: Killed process");
        Classification c = classify(cutBefore(full, "invoked oom-killer") + first + report);
        assertThat(c.findings()).filteredOn(f -> f.kind() == FindingKind.OOM_KILL)
                .extracting(f -> f.details().getOrDefault("kill-line", "present")).containsExactly("missing", "present");
    }

    @Test
    void anOomThatEndsInAPanicHasNoKill() throws IOException {
        Classification c = classify(lab("oom-panic"));
        assertThat(c.findings()).noneMatch(f -> f.kind() == FindingKind.OOM_KILL);
        assertThat(c.verdict()).isEqualTo(Verdict.CRASH);
    }
}
