package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.crash.Crash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reports whose header line was cut off (a console buffer's tail, an excerpt pasted into a bug) are
 * still crashes when what remains is unmistakable: an {@code Oops:} line, the page fault's
 * {@code #PF:} and page-table lines, {@code RIP:} with a kernel address, registers and a call trace
 * (issue 11). On the QEMU lab's real captures, cut where such a tail would begin.
 */
class TruncatedReportTest {

    private static String lab(String scenario) throws IOException {
        try (InputStream in = TruncatedReportTest.class.getResourceAsStream("/lab/" + scenario + "/console.log")) {
            assertThat(in).as("lab capture %s", scenario).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The log from the first line that contains {@code marker} on. */
    private static String from(String log, String marker) {
        int at = log.indexOf(marker);
        assertThat(at).as("marker %s", marker).isPositive();
        return log.substring(log.lastIndexOf('\n', at) + 1);
    }

    private static Crash first(String log) {
        Classification c = new ConsoleClassifier().classify(log.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(c.crashes()).as("crashes").isNotEmpty();
        assertThat(c.verdict()).isEqualTo(Verdict.CRASH);
        return c.crashes().get(0);
    }

    @ParameterizedTest(name = "{0} from ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "lkdtm-access-null            | #PF: supervisor | lkdtm_ACCESS_NULL",
        "lkdtm-access-null            | PGD             | lkdtm_ACCESS_NULL",
        "lkdtm-access-null            | Oops: 0000      | lkdtm_ACCESS_NULL",
        "lkdtm-access-null-oops-panic | Oops: 0000      | lkdtm_ACCESS_NULL",
        "lkdtm-exception              | #PF: supervisor | lkdtm_EXCEPTION",
        "lkdtm-exception              | Oops: 0002      | lkdtm_EXCEPTION",
        "lkdtm-exec-null              | Oops: 0010      | execute_location",
    })
    void aNullPointerOopsWithoutItsBugLineKeepsItsTitle(String scenario, String cut, String function) throws IOException {
        Crash crash = first(from(lab(scenario), cut));
        assertThat(crash.title()).isEqualTo("BUG: unable to handle kernel NULL pointer dereference in " + function);
        assertThat(crash.type()).isEqualTo("NULL-POINTER-DEREFERENCE");
        assertThat(crash.guiltyFrame()).isEqualTo(function);
        assertThat(crash.corrupted()).isFalse();
    }

    @Test
    void aBugWithoutItsKernelBugLineIsAnInvalidOpcode() throws IOException {
        Crash crash = first(from(lab("lkdtm-bug"), "invalid opcode: 0000"));
        assertThat(crash.title()).isEqualTo("invalid opcode in lkdtm_BUG");
    }

    @Test
    void aPagingRequestFarFromNullIsTitledSo() {
        String log = """
                [ 5200.000100] #PF: supervisor read access in kernel mode
                [ 5200.000200] #PF: error_code(0x0000) - not-present page
                [ 5200.000300] PGD 100067 P4D 100067 PUD 101067 PMD 0
                [ 5200.000400] Oops: 0000 [#1] PREEMPT SMP NOPTI
                [ 5200.000500] CPU: 1 PID: 2231 Comm: kworker/1:2 Not tainted 6.1.0-56-amd64 #1  Debian 6.1.192-2
                [ 5200.000600] RIP: 0010:ext4_find_entry+0x1a4/0x4a0 [ext4]
                [ 5200.000700] RSP: 0018:ffffc90000a3fc48 EFLAGS: 00010246
                [ 5200.000800] RAX: 0000000000000000 RBX: ffff888003a1c000 RCX: 0000000000000000
                [ 5200.000900] CR2: ffffc90000a3f000 CR3: 000000000260a000 CR4: 0000000000750ee0
                [ 5200.001000] Call Trace:
                [ 5200.001100]  <TASK>
                [ 5200.001200]  ext4_lookup+0x63/0x1f0 [ext4]
                [ 5200.001300]  __lookup_slow+0x81/0x130
                [ 5200.001400]  walk_component+0x158/0x1d0
                [ 5200.001500]  </TASK>""";
        Crash crash = first(log);
        assertThat(crash.title()).isEqualTo("BUG: unable to handle kernel paging request in ext4_find_entry");
        assertThat(crash.type()).isEqualTo("MEMORY_SAFETY_BUG");
    }

    @Test
    void withoutTheFaultingAddressTheTitleIsMarkedCorrupted() {
        String log = """
                [ 5200.000400] Oops: 0000 [#1] PREEMPT SMP NOPTI
                [ 5200.000500] CPU: 1 PID: 2231 Comm: kworker/1:2 Not tainted 6.1.0-56-amd64 #1  Debian 6.1.192-2
                [ 5200.000600] RIP: 0010:ext4_find_entry+0x1a4/0x4a0 [ext4]
                [ 5200.000700] RSP: 0018:ffffc90000a3fc48 EFLAGS: 00010246
                [ 5200.001000] Call Trace:
                [ 5200.001100]  <TASK>
                [ 5200.001200]  ext4_lookup+0x63/0x1f0 [ext4]
                [ 5200.001300]  __lookup_slow+0x81/0x130
                [ 5200.001500]  </TASK>""";
        Crash crash = first(log);
        assertThat(crash.title()).endsWith(" in ext4_find_entry");
        assertThat(crash.corrupted()).isTrue();
        assertThat(crash.corruptedReason()).isNotBlank();
    }

    @Test
    void anOopsLineAloneIsNoCrash() {
        Classification c = new ConsoleClassifier().classify(
                "[    9.000000] test: Oops: 0000 [#1] is what we print when it fails\n".getBytes(StandardCharsets.UTF_8));
        assertThat(c.crashes()).isEmpty();
    }
}
