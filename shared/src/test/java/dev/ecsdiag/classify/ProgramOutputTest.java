package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.text.ConsoleLine;
import dev.ecsdiag.classify.text.LinePrefixes;
import org.junit.jupiter.api.Test;

/** What counts as a program's own output on a console, and the root device as systemd names it. */
class ProgramOutputTest {

    private static boolean program(String raw) {
        ConsoleLine line = LinePrefixes.parse(1, raw);
        return ProgramOutput.is(line, line.text());
    }

    @Test
    void aTestRunnersLinesAreProgramOutput() {
        assertThat(program("runner: [1/2] environment ... ok")).isTrue();
        assertThat(program("[ RUN      ] Net.Basic")).isTrue();
        assertThat(program("TAP version 13")).isTrue();
    }

    @Test
    void kernelLinesStatusLinesAndInitramfsChatterAreNot() {
        assertThat(program("[    2.069326] Run /init as init process")).isFalse();
        assertThat(program("<6>[    2.069326] random: crng init done")).isFalse();
        assertThat(program("Dec  4 10:31:06 lab kernel: [    0.0] Linux version 6.1.0")).isFalse();
        assertThat(program("[  OK  ] Reached target basic.target - Basic System.")).isFalse();
        assertThat(program("[FAILED] Failed to start systemd-fsck-root.service")).isFalse();
        assertThat(program("         Starting systemd-udevd.service - Rule-based Manager...")).isFalse();
        assertThat(program("Loading, please wait...")).isFalse();
        assertThat(program("Begin: Running /scripts/init-bottom ... done.")).isFalse();
        assertThat(program("/dev/vda1: clean, 34561/655360 files, 412345/2621440 blocks")).isFalse();
        assertThat(program("")).isFalse();
    }

    @Test
    void theRootDeviceAsSystemdNamesIt() {
        assertThat(RootDevice.asSystemdNamesIt("BOOT_IMAGE=/vmlinuz root=UUID=1b2c-3d ro")).isEqualTo("by-uuid/1b2c-3d");
        assertThat(RootDevice.asSystemdNamesIt("root=LABEL=cloudimg-rootfs ro")).isEqualTo("by-label/cloudimg-rootfs");
        assertThat(RootDevice.asSystemdNamesIt("console=ttyS0 root=/dev/vda1")).isEqualTo("/dev/vda1");
        assertThat(RootDevice.asSystemdNamesIt("console=ttyS0 noroot=/dev/vda1")).isNull();
        assertThat(RootDevice.asSystemdNamesIt(null)).isNull();
    }
}
