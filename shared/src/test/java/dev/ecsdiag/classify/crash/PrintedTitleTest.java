package dev.ecsdiag.classify.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Titles as printed: the classifier's words for numbers are put back from the report's lines. */
class PrintedTitleTest {

    @Test
    void numbersComeBackFromTheLineThatPrintedThem() {
        assertThat(PrintedTitle.of("kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)",
                List.of("[    6.509139] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)")))
                .isEqualTo("kernel panic: VFS: Unable to mount root fs on unknown-block(0,0)");
        assertThat(PrintedTitle.of("BUG: unable to handle kernel paging request in ADDR",
                List.of("BUG: unable to handle kernel paging request at ffffffffc0a1b2c3")))
                .isEqualTo("BUG: unable to handle kernel paging request in ADDR"); // "at" is not "in": left alone
        assertThat(PrintedTitle.of("WARNING in foo.c:LINE", List.of("WARNING: CPU: 1 PID: 7 at fs/foo.c:123 bar+0x1/0x2")))
                .isEqualTo("WARNING in foo.c:123");
    }

    @Test
    void aTitleWithoutNumbersOrWithoutItsLineStaysAsItIs() {
        assertThat(PrintedTitle.of("INFO: task hung in direct_entry", List.of("anything"))).isEqualTo("INFO: task hung in direct_entry");
        assertThat(PrintedTitle.of("kernel panic: Attempted to kill init! exitcode=NUM", List.of("no such line")))
                .isEqualTo("kernel panic: Attempted to kill init! exitcode=NUM");
        assertThat(PrintedTitle.of("kernel panic: Attempted to kill init! exitcode=NUM", List.of()))
                .isEqualTo("kernel panic: Attempted to kill init! exitcode=NUM");
    }
}
