package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Boot failures on evidence only (issue 11): a failure line, an end before user space, or a log that
 * ends while the boot waits for its root device; never the want of a prompt. And which verdict wins
 * when a crash report ended a boot. Console text in the wording of the kernel, systemd, dracut and
 * initramfs-tools; the lab's real captures of the same shapes are checked by {@link LabCorpusTest}.
 */
class BootFailureEvidenceTest {

    private static final String BANNER = BootAnalyzerTest.BANNER;

    /** A test runner as init: the kernel hands over, the runner prints, no login or shell prompt ever. */
    static final String RUNNER = BANNER + """
            [    0.412345] Trying to unpack rootfs image as initramfs...
            [    1.957830] Freeing unused kernel image (initmem) memory: 2824K
            [    2.069326] Run /init as init process
            ci-runner: 12 tests to run
            ci-runner: [1/12] net-basic ... ok
            ci-runner: [2/12] fs-stress ...
            """;

    private static Classification classify(String log) {
        return new ConsoleClassifier().classify(log.getBytes(StandardCharsets.UTF_8));
    }

    private static Boot lastBoot(Classification c) {
        return c.boots().get(c.boots().size() - 1);
    }

    @Test
    void aTestRunnerAsInitThatNeverShowsAPromptIsUp() {
        Classification c = classify(RUNNER);
        Boot boot = lastBoot(c);
        assertThat(boot.reached()).isEqualTo(BootStage.INIT);
        assertThat(boot.milestones().get(boot.milestones().size() - 1).text()).isEqualTo("ci-runner: 12 tests to run");
        assertThat(boot.failure()).isNull();
        assertThat(boot.endedBy()).isEqualTo("running");
        assertThat(c.verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void aTestRunnerThatPowersOffWhenDoneIsNoBootFailure() {
        Classification c = classify(RUNNER + "ci-runner: 12 passed, 0 failed\n[   40.000000] reboot: Power down\n");
        assertThat(lastBoot(c).endedBy()).isEqualTo("halt");
        assertThat(lastBoot(c).failure()).isNull();
        assertThat(c.verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void aRunnerThatPrintsInBracketsIsUserSpaceButSystemdsStatusColumnIsNot() {
        Classification gtest = classify(BANNER + "[    2.069326] Run /init as init process\n"
                + "[==========] Running 3 tests from 1 test suite.\n[ RUN      ] Net.Basic\n");
        assertThat(lastBoot(gtest).reached()).isEqualTo(BootStage.INIT);
        Classification systemd = classify(BANNER + "[    2.069326] Run /init as init process\n"
                + "[  OK  ] Started systemd-udevd.service - Rule-based Manager for Device Events and Files.\n"
                + "         Starting systemd-udev-trigger.service - Coldplug All udev Devices...\n");
        assertThat(lastBoot(systemd).reached()).isEqualTo(BootStage.INITRAMFS);
    }

    @Test
    void aRunnerThatWritesOnlyToTheKernelLogAndPowersOffIsNoBootFailure() {
        // its lines come through /dev/kmsg with the kernel's timestamps: nothing tells them from the
        // kernel's, but only init can have asked for the power-off
        Classification c = classify(BANNER + """
                [    2.069326] Run /init as init process
                [    2.500000] ci-runner: 3 tests to run
                [   30.000000] ci-runner: 3 passed
                [   30.100000] reboot: Power down""");
        assertThat(lastBoot(c).endedBy()).isEqualTo("halt");
        assertThat(lastBoot(c).failure()).isNull();
        assertThat(c.verdict()).isEqualTo(Verdict.HEALTHY);
        // a reset through sysrq is no request of init
        Classification reset = classify(BANNER + "[    2.069326] Run /init as init process\n[   90.000000] sysrq: Resetting\n");
        assertThat(lastBoot(reset).failure()).isEqualTo("rebooted before user space came up (reached initramfs)");
    }

    @Test
    void kernelsBefore58HandOverToInitWithoutSayingSo() {
        Classification c = classify(BANNER + "[    1.900000] Freeing unused kernel memory: 1234K\nci-runner: 3 tests to run\n");
        assertThat(lastBoot(c).reached()).isEqualTo(BootStage.INIT);
    }

    @Test
    void aHaltBeforeAnyInitRanIsABootFailure() {
        Classification c = classify(BANNER + "[    0.500000] ACPI: PM: Preparing to enter system sleep state S5\n"
                + "[    0.500100] reboot: Power down\n");
        assertThat(lastBoot(c).failure()).isEqualTo("halted before user space came up (reached kernel)");
        assertThat(c.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
    }

    @Test
    void anOopsLongAfterUserSpaceCameUpIsACrashEvenWhenItPanics() {
        String log = RUNNER + """
                [   30.100000] BUG: kernel NULL pointer dereference, address: 0000000000000000
                [   30.100100] #PF: supervisor read access in kernel mode
                [   30.100200] Oops: 0000 [#1] PREEMPT SMP NOPTI
                [   30.100300] CPU: 1 PID: 97 Comm: sh Tainted: G           OE      6.1.0-56-amd64 #1  Debian 6.1.192-2
                [   30.100400] RIP: 0010:lkdtm_ACCESS_NULL+0x5/0x20 [lkdtm]
                [   30.100500] Call Trace:
                [   30.100600]  <TASK>
                [   30.100700]  lkdtm_do_action+0x15/0x30 [lkdtm]
                [   30.100800]  direct_entry.cold+0x3b/0x40 [lkdtm]
                [   30.100900]  full_proxy_write+0x5c/0x90
                [   30.101000]  vfs_write+0xe7/0x3f0
                [   30.101100]  </TASK>
                [   30.102000] Kernel panic - not syncing: Fatal exception
                [   30.103000] ---[ end Kernel panic - not syncing: Fatal exception ]---
                """;
        Classification c = classify(log);
        assertThat(c.verdict()).isEqualTo(Verdict.CRASH);
        Boot boot = lastBoot(c);
        assertThat(boot.endedBy()).isEqualTo("panic");
        assertThat(boot.reached()).isEqualTo(BootStage.INIT);
        assertThat(boot.failure()).as("the boot itself had succeeded").isNull();
    }

    @Test
    void aCrashReportThatEndsABootBeforeUserSpaceIsACrashAndTheBootKeepsItsFailure() {
        String log = BANNER + """
                [    0.812345] BUG: kernel NULL pointer dereference, address: 0000000000000008
                [    0.812400] Oops: 0000 [#1] PREEMPT SMP NOPTI
                [    0.812500] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0-56-amd64 #1  Debian 6.1.192-2
                [    0.812600] RIP: 0010:virtnet_probe+0x41/0x9a0 [virtio_net]
                [    0.812700] Call Trace:
                [    0.812800]  <TASK>
                [    0.812900]  virtio_dev_probe+0x1b3/0x2a0
                [    0.813000]  really_probe+0xde/0x380
                [    0.813100]  </TASK>
                [    0.830000] Kernel panic - not syncing: Fatal exception
                [    0.830100] ---[ end Kernel panic - not syncing: Fatal exception ]---""";
        Classification c = classify(log);
        assertThat(c.verdict()).isEqualTo(Verdict.CRASH);
        assertThat(lastBoot(c).failure()).isEqualTo("Kernel panic - not syncing: Fatal exception");
        assertThat(lastBoot(c).reached()).isEqualTo(BootStage.KERNEL);
    }

    @Test
    void panicsThatNameABootFailureAreBootFailures() {
        String log = BANNER + """
                [    2.500000] Run /init as init process
                [    2.500100] Failed to execute /init (error -2)
                [    2.600000] Kernel panic - not syncing: No working init found.  Try passing init= option to kernel. See Linux Documentation/admin-guide/init.rst for guidance.
                [    2.600100] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0-56-amd64 #1  Debian 6.1.192-2
                [    2.600200] Call Trace:
                [    2.600300]  <TASK>
                [    2.600400]  dump_stack_lvl+0x44/0x5c
                [    2.600500]  panic+0x118/0x2ed
                [    2.600600]  kernel_init+0x14d/0x150
                [    2.600700]  </TASK>
                [    2.610000] ---[ end Kernel panic - not syncing: No working init found. ]---""";
        Classification c = classify(log);
        assertThat(c.crashes()).isNotEmpty();
        assertThat(c.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
    }

    @Test
    void kernelOnlyLogsAreNeverBootFailuresForWantOfAPrompt() {
        // dmesg: kernel lines only, the boot seen from its banner, init started, no user space output
        String dmesg = BANNER + """
                [    0.412345] Trying to unpack rootfs image as initramfs...
                [    2.069326] Run /init as init process
                [    3.100000] EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.
                [    9.000000] virtio_net virtio1 ens3: renamed from eth0""";
        assertThat(classify(dmesg).verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(lastBoot(classify(dmesg)).failure()).isNull();
        // journalctl -k: the journal's header, no printk timestamps
        String journal = """
                Dec 04 10:00:00 ci-runner-7 kernel: Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2
                Dec 04 10:00:00 ci-runner-7 kernel: Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-56-amd64 root=UUID=1b2c ro
                Dec 04 10:00:02 ci-runner-7 kernel: Run /init as init process
                Dec 04 10:00:03 ci-runner-7 kernel: EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.""";
        assertThat(classify(journal).verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void kernLogOfSeveralBootsHasNoUnexpectedReboots() {
        StringBuilder log = new StringBuilder();
        for (int boot = 0; boot < 3; boot++) {
            for (String line : (BANNER + "[    2.069326] Run /init as init process\n[    9.0] random: crng init done").split("\n")) {
                log.append("Dec  4 10:0").append(boot).append(":00 ci-runner-7 kernel: ").append(line).append('\n');
            }
        }
        Classification c = classify(log.toString());
        assertThat(c.boots()).hasSize(3).extracting(Boot::endedBy).containsExactly("reboot", "reboot", "running");
        assertThat(c.boots()).allSatisfy(b -> assertThat(b.failure()).isNull());
        assertThat(c.findings()).as("a log daemon never files the shutdown").isEmpty();
        assertThat(c.crashes()).isEmpty();
        assertThat(c.verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void aRootFsckFailureInTheInitramfsStopsTheSwitchToTheRealRoot() {
        String log = BANNER + """
                [    0.412345] Trying to unpack rootfs image as initramfs...
                [    1.234567] Run /init as init process
                Welcome to Fedora Linux 39 (Cloud Edition) dracut-059-16.fc39 (Initramfs)!
                [  OK  ] Reached target basic.target - Basic System.
                [  OK  ] Found device dev-disk-by\\x2duuid-1b2c3d4e.device - /dev/disk/by-uuid/1b2c3d4e.
                         Starting systemd-fsck-root.service - File System Check on /dev/disk/by-uuid/1b2c3d4e...
                [FAILED] Failed to start systemd-fsck-root.service - File System Check on /dev/disk/by-uuid/1b2c3d4e.
                See 'systemctl status systemd-fsck-root.service' for details.
                [DEPEND] Dependency failed for sysroot.mount - /sysroot.
                [DEPEND] Dependency failed for initrd-root-fs.target - Initrd Root File System.
                [DEPEND] Dependency failed for initrd-parse-etc.service - Mountpoints Configured in the Real Root.""";
        Classification c = classify(log);
        Boot boot = lastBoot(c);
        // the dependency says where the boot went; the failed check before it says why
        assertThat(boot.failure()).isEqualTo("Failed to start systemd-fsck-root.service - File System Check on /dev/disk/by-uuid/1b2c3d4e.");
        assertThat(boot.reached()).isEqualTo(BootStage.INITRAMFS);
        assertThat(c.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
        assertThat(c.findings()).extracting(f -> f.details().get("rule")).contains("fsck-failed-unit", "initrd-dependency");
    }

    @Test
    void failedToMountSysrootAfterAFilesystemErrorInTheInitramfs() {
        String log = BANNER + """
                [    1.234567] Run /init as init process
                Welcome to CentOS Stream 9 dracut-057-21.git20230214.el9 (Initramfs)!
                [    4.100000] XFS (vda1): Mounting V5 Filesystem
                [    4.200000] XFS (vda1): Corruption detected. Unmount and run xfs_repair
                [    4.210000] XFS (vda1): log mount/recovery failed: error -117
                [    4.220000] XFS (vda1): log mount failed
                [FAILED] Failed to mount sysroot.mount - /sysroot.""";
        Classification c = classify(log);
        assertThat(lastBoot(c).failure()).isEqualTo("Failed to mount sysroot.mount - /sysroot.");
        assertThat(c.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
    }

    /** A console that joined mid-way: the initramfs' systemd reached Basic System before anything said where it ran. */
    static final String JOINED_IGNITION_FAILURE = """
            [  OK  ] Reached target basic.target - Basic System.
                     Starting ignition-disks.service - Ignition (disks)...
            [    8.312000] ignition[543]: disks: createPartitions: op(1): [failed]   partitioning "/dev/vdb": exit status 1
            [FAILED] Failed to start ignition-disks.service - Ignition (disks).
            See 'systemctl status ignition-disks.service' for details.
            [DEPEND] Dependency failed for ignition-complete.target - Ignition Complete.
            [DEPEND] Dependency failed for initrd.target - Initrd Default Target.
            Ignition has failed. Please ensure your config is valid.
            Press Enter for emergency shell or wait 5 minutes for reboot.
            Press Enter for emergency shell or wait 4 minutes 45 seconds for reboot.""";

    @Test
    void theEmergencyCountdownAfterAFailedInitrdUnitIsABootFailureEvenWhenTheConsoleJoinedMidWay() {
        Classification c = classify(JOINED_IGNITION_FAILURE);
        Boot boot = lastBoot(c);
        assertThat(boot.startSeen()).isFalse();
        assertThat(boot.reached()).as("Basic System was the initramfs'").isEqualTo(BootStage.INITRAMFS);
        assertThat(boot.milestones()).extracting(Boot.Milestone::stage).doesNotContain(BootStage.LOGIN);
        assertThat(boot.failure()).isEqualTo("Dependency failed for initrd.target - Initrd Default Target.");
        assertThat(c.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
        // the countdown alone says it too
        Classification countdown = classify("[  OK  ] Reached target basic.target - Basic System.\n"
                + "Press Enter for emergency shell or wait 4 minutes 50 seconds for reboot.");
        assertThat(countdown.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
    }

    @Test
    void aDracutTimeoutAfterTheInitramfsReachedBasicSystemIsAFailureWhenTheConsoleJoinedMidWay() {
        String log = """
                [  OK  ] Reached target Basic System.
                [  191.200000] dracut-initqueue[312]: Warning: dracut-initqueue timeout - starting timeout scripts
                [  191.500000] dracut-initqueue[312]: Warning: dracut-initqueue timeout - starting timeout scripts""";
        Classification c = classify(log);
        assertThat(lastBoot(c).reached()).isEqualTo(BootStage.INITRAMFS);
        assertThat(lastBoot(c).failure()).isEqualTo("dracut-initqueue timeout - starting timeout scripts");
        assertThat(c.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
        // the real root's targets after a joined start are a working user space
        Classification up = classify("[  OK  ] Reached target Basic System.\n[  OK  ] Reached target Multi-User System.");
        assertThat(lastBoot(up).reached()).isEqualTo(BootStage.LOGIN);
        assertThat(up.verdict()).isEqualTo(Verdict.HEALTHY);
        // the real root's own dracut and initrd lines are no sign of the initramfs
        Classification real = classify("""
                [  OK  ] Reached target Basic System.
                [  OK  ] Finished dracut-shutdown.service - Restore /run/initramfs on shutdown.
                [  OK  ] Stopped initrd-switch-root.service - Switch Root.
                [ TIME ] Timed out waiting for device dev-vdb.device - /dev/vdb.""");
        assertThat(lastBoot(real).reached()).isEqualTo(BootStage.LOGIN);
        assertThat(lastBoot(real).failure()).isNull();
    }

    @Test
    void aLogThatEndsWhileTheKernelWaitsForItsRootDeviceIsABootFailure() {
        String waiting = BANNER + "[    1.500000] Waiting for root device /dev/vda1...\n"
                + "[    6.000000] random: crng init done";
        Classification c = classify(waiting);
        assertThat(lastBoot(c).failure()).isEqualTo("the log ends while the boot waits: Waiting for root device /dev/vda1...");
        assertThat(lastBoot(c).failureLine()).as("the wait, not the last line").isEqualTo(3);
        assertThat(c.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.BOOT_FAILURE);
            assertThat(f.details()).containsEntry("rule", "wait-root-device").containsEntry("log-ended-waiting", "true");
        });
        assertThat(c.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
        Classification found = classify(waiting + "\n[   12.000000] VFS: Mounted root (ext4 filesystem) readonly on device 254:1.");
        assertThat(lastBoot(found).failure()).as("the device came").isNull();
    }

    @Test
    void aLogThatEndsInStartJobsForTheRootDeviceIsABootFailure() {
        String log = BANNER + """
                [    1.234567] Run /init as init process
                Welcome to Debian GNU/Linux 12 (bookworm) (Initramfs)!
                [ ***  ] A start job is running for /dev/disk/by-uuid/1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901 (1min 2s / no limit)
                [  *** ] A start job is running for /dev/disk/by-uuid/1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901 (1min 3s / no limit)""";
        Classification c = classify(log);
        assertThat(lastBoot(c).failure()).startsWith(
                "the log ends while the boot waits: A start job is running for /dev/disk/by-uuid/1b2c3d4e");
        assertThat(c.verdict()).isEqualTo(Verdict.BOOT_FAILURE);
        // a start job for something else, once user space works, is a slow boot, not a stuck one
        Classification slow = classify(BootAnalyzerTest.DEBIAN_BOOT
                + "\n[ ***  ] A start job is running for Raise network interfaces (1min 2s / 5min 1s)");
        assertThat(lastBoot(slow).failure()).isNull();
        assertThat(slow.verdict()).isEqualTo(Verdict.HEALTHY);
    }
}
