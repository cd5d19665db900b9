package dev.ecsdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.crash.StackFrame;
import dev.ecsdiag.classify.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The crash block of the text output: title, guilty frame, a short call trace with the guilty frame marked. */
class TextPrinterTest {

    private static Crash crash(List<StackFrame> trace, String guilty) {
        return new Crash("kernel BUG in lkdtm_BUG", List.of(), "BUG", false, null, guilty, 120, 160, trace,
                "RIP: 0010:lkdtm_BUG+0x5/0x10 [lkdtm]", Map.of(), 1, 97, "sh", "G           OE", "6.1.0-56-amd64",
                null, false, 0, "invalid opcode: 0000 [#1] PREEMPT SMP NOPTI", "---[ end trace 0000000000000000 ]---",
                "kernel BUG in lkdtm_BUG");
    }

    private static String print(Crash crash) {
        StringWriter s = new StringWriter();
        new TextPrinter(new PrintWriter(s)).print("lab.log",
                new Classification(Verdict.CRASH, List.of(crash), List.of(), List.of(), 444, 30000));
        return s.toString();
    }

    @Test
    void shortTraceWithTheGuiltyFrameMarked() {
        List<StackFrame> trace = new ArrayList<>();
        trace.add(new StackFrame("lkdtm_BUG", "0x5", "0x10", "lkdtm", true, 130));
        trace.add(new StackFrame("lkdtm_do_action", "0x16", "0x30", "lkdtm", true, 131));
        for (int i = 0; i < 10; i++) {
            trace.add(new StackFrame("frame" + i, "0x1", "0x2", null, i % 2 == 0, 132 + i));
        }
        String text = print(crash(trace, "lkdtm_BUG"));
        assertThat(text).contains("lab.log: crash (1 crash, 0 boots, 0 findings, 444 lines)")
                .contains("  crash 1: kernel BUG in lkdtm_BUG  [BUG, lines 120-160, boot 0]")
                .contains("    guilty frame: lkdtm_BUG")
                .contains("    > lkdtm_BUG+0x5/0x10 [lkdtm]\n")
                .contains("      lkdtm_do_action+0x16/0x30 [lkdtm]\n")
                .contains("      ? frame1+0x1/0x2\n")
                .contains("      ? frame5+0x1/0x2\n")
                .doesNotContain("frame6")
                .contains("      (4 more frames)");
    }

    @Test
    void aGuiltyFrameDeepInTheTraceIsStillShown() {
        List<StackFrame> trace = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            trace.add(new StackFrame("frame" + i, null, null, null, true, 100 + i));
        }
        String text = print(crash(trace, "frame10"));
        assertThat(text).contains("      frame7\n      ...\n    > frame10\n      (1 more frame)")
                .doesNotContain("RIP:");
    }

    @Test
    void aGuiltyFrameOutsideTheTraceIsShownWithTheRip() {
        List<StackFrame> trace = List.of(new StackFrame("direct_entry.cold", "0x18", "0x24", "lkdtm", true, 140),
                new StackFrame("full_proxy_write", "0x53", "0x80", null, true, 141));
        String text = print(crash(trace, "lkdtm_BUG"));
        assertThat(text).contains("    guilty frame: lkdtm_BUG\n    RIP: 0010:lkdtm_BUG+0x5/0x10 [lkdtm]\n    call trace:\n"
                + "      direct_entry.cold+0x18/0x24 [lkdtm]\n");
    }
}
