package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Boot stages and boot failures on console text as the kernel, systemd, dracut and GRUB print it. */
class BootAnalyzerTest {

    static final String BANNER = "[    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.153-1 (2025-09-20)\n"
            + "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-56-amd64 root=UUID=1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901 ro console=tty0 console=ttyS0,115200n8\n";

    /** A Debian cloud image booting through initramfs-tools and systemd to a serial login. */
    static final String DEBIAN_BOOT = BANNER + """
            [    0.412345] Trying to unpack rootfs image as initramfs...
            [    0.923456] Freeing initrd memory: 28144K
            [    1.234567] Run /init as init process
            Loading, please wait...
            Starting version 252.39-1~deb12u1
            [    1.834567] EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.
            [    2.134567] systemd[1]: systemd 252.39-1~deb12u1 running in system mode (+PAM +AUDIT +SELINUX)
            Welcome to \u001b[1mDebian GNU/Linux 12 (bookworm)\u001b[0m!
            [  OK  ] Reached target local-fs.target - Local File Systems.
            [  OK  ] Reached target multi-user.target - Multi-User System.

            Debian GNU/Linux 12 ci-runner-7 ttyS0

            ci-runner-7 login:\s""";

    private static BootAnalyzer analyze(String log, boolean raw) {
        return ConsoleLines.feed(new BootAnalyzer(), raw ? ConsoleLines.raw(log) : ConsoleLines.normalized(log));
    }

    private static Boot onlyBoot(String log, boolean raw) {
        List<Boot> boots = analyze(log, raw).boots();
        assertThat(boots).hasSize(1);
        return boots.get(0);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aHealthyBootReachesLoginThroughEveryStage(boolean raw) {
        Boot boot = onlyBoot(DEBIAN_BOOT, raw);
        assertThat(boot.kernelRelease()).isEqualTo("6.1.0-56-amd64");
        assertThat(boot.commandLine()).startsWith("BOOT_IMAGE=/boot/vmlinuz-6.1.0-56-amd64 root=UUID=")
                .endsWith("console=ttyS0,115200n8");
        assertThat(boot.reached()).isEqualTo(BootStage.LOGIN);
        assertThat(boot.failure()).isNull();
        assertThat(boot.failureLine()).isZero();
        assertThat(boot.endedBy()).isEqualTo("running");
        assertThat(boot.startSeen()).isTrue();
        assertThat(boot.startLine()).isEqualTo(1);
        assertThat(boot.endLine()).isEqualTo(DEBIAN_BOOT.split("\n", -1).length);
        assertThat(boot.milestones()).extracting(Boot.Milestone::stage).containsExactly(BootStage.KERNEL,
                BootStage.INITRAMFS, BootStage.ROOT_MOUNTED, BootStage.LOGIN);
        assertThat(boot.milestones()).extracting(Boot.Milestone::line).containsExactly(1, 3, 8, 10);
        assertThat(boot.milestones().get(1).timestamp()).isEqualTo(0.412345);
        assertThat(boot.milestones().get(3).timestamp()).isNull();
        assertThat(boot.milestones().get(3).text()).isEqualTo("Welcome to Debian GNU/Linux 12 (bookworm)!");
        assertThat(Verdicts.bootFailed(boot)).isFalse();
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void busyboxInitramfsWithAShellPromptIsLogin(boolean raw) {
        String log = BANNER + """
                [    2.506588] Run /init as init process
                lab: scenario healthy, trigger none

                BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)
                Enter 'help' for a list of built-in commands.

                / #\s""";
        Boot boot = onlyBoot(log, raw);
        assertThat(boot.reached()).isEqualTo(BootStage.LOGIN);
        assertThat(boot.milestones().get(boot.milestones().size() - 1).text()).startsWith("BusyBox v1.35.0");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void shellPromptsOfCommonShapesAreLogin(boolean raw) {
        for (String prompt : List.of("root@ci-runner-7:~# ", "[root@centos ~]# ", "/ # ", "~ $ ", "sh-5.2# ",
                "root@lab:~# \u001b[6n", "/ # echo c > /proc/sysrq-trigger")) {
            Boot boot = onlyBoot(BANNER + "[    2.5] Run /init as init process\n" + prompt, raw);
            assertThat(boot.reached()).as(prompt).isEqualTo(BootStage.LOGIN);
        }
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void vfsCannotMountRoot(boolean raw) {
        String log = BANNER + """
                [    2.271586] Freeing unused decrypted memory: 2036K
                [    2.291734] VFS: Cannot open root device "vda" or unknown-block(0,0): error -6
                [    2.292341] Please append a correct "root=" boot option; here are the available partitions:
                [    2.293000] 0b00         1048575 sr0\s
                [    2.293100]  driver: sr
                [    2.294000] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)
                [    2.295000] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0-56-amd64 #1  Debian 6.1.153-1
                [    2.310000] ---[ end Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0) ]---""";
        BootAnalyzer analyzer = analyze(log, raw);
        Boot boot = analyzer.boots().get(0);
        assertThat(boot.reached()).isEqualTo(BootStage.KERNEL);
        assertThat(boot.failure()).isEqualTo("VFS: Cannot open root device \"vda\" or unknown-block(0,0): error -6");
        assertThat(boot.failureLine()).isEqualTo(4);
        assertThat(boot.endedBy()).isEqualTo("panic");
        assertThat(analyzer.findings()).extracting(Finding::title).containsExactly(
                "VFS: Cannot open root device \"vda\" or unknown-block(0,0): error -6",
                "VFS: Unable to mount root fs on unknown-block(0,0)");
        assertThat(analyzer.findings()).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.BOOT_FAILURE);
            assertThat(f.details()).containsEntry("fatal", "true");
        });
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void initThatExitsKillsTheBoot(boolean raw) {
        String log = BANNER + """
                [    2.506588] Run /init as init process
                lab: init gives up before user space is up
                [    2.600000] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100
                [    2.600100] CPU: 1 PID: 1 Comm: init Not tainted 6.1.0-56-amd64 #1  Debian 6.1.153-1""";
        Boot boot = onlyBoot(log, raw);
        assertThat(boot.reached()).as("/init ran and printed: user space, however briefly").isEqualTo(BootStage.INIT);
        assertThat(boot.milestones().get(boot.milestones().size() - 1).text()).isEqualTo("lab: init gives up before user space is up");
        assertThat(boot.failure()).isEqualTo("Attempted to kill init! exitcode=0x00000100");
        assertThat(boot.endedBy()).isEqualTo("panic");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void noWorkingInit(boolean raw) {
        String log = BANNER + """
                [    2.500000] Run /init as init process
                [    2.500100] Failed to execute /init (error -2)
                [    2.500200] Run /sbin/init as init process
                [    2.500300] Run /etc/init as init process
                [    2.500400] Run /bin/init as init process
                [    2.500500] Run /bin/sh as init process
                [    2.600000] Kernel panic - not syncing: No working init found.  Try passing init= option to kernel. See Linux Documentation/admin-guide/init.rst for guidance.""";
        Boot boot = onlyBoot(log, raw);
        assertThat(boot.failure()).startsWith("No working init found.  Try passing init= option to kernel.");
        assertThat(boot.failureLine()).isEqualTo(9);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void systemdEmergencyModeAfterADeviceTimeout(boolean raw) {
        String log = BANNER + """
                [    1.234567] Run /init as init process
                [    2.134567] systemd[1]: systemd 252.39-1~deb12u1 running in system mode (+PAM +AUDIT +SELINUX)
                Welcome to Debian GNU/Linux 12 (bookworm)!
                [ TIME ] Timed out waiting for device dev-disk-by\\x2duuid-0f1e2d3c.device - /dev/disk/by-uuid/0f1e2d3c.
                [DEPEND] Dependency failed for data.mount - /data.
                [DEPEND] Dependency failed for local-fs.target - Local File Systems.
                [  OK  ] Reached target emergency.target - Emergency Mode.
                You are in emergency mode. After logging in, type "journalctl -xb" to view
                system logs, "systemctl reboot" to reboot, "systemctl default" or "exit"
                to boot into default mode.
                Give root password for maintenance
                (or press Control-D to continue):\s
                root@ci-runner-7:~#\s""";
        BootAnalyzer analyzer = analyze(log, raw);
        Boot boot = analyzer.boots().get(0);
        // emergency mode says where the boot went; the timeout before it says why
        assertThat(boot.failure()).isEqualTo("Timed out waiting for device dev-disk-by\\x2duuid-0f1e2d3c.device - /dev/disk/by-uuid/0f1e2d3c.");
        assertThat(boot.reached()).as("systemd's greeting came first").isEqualTo(BootStage.LOGIN);
        assertThat(boot.milestones().get(boot.milestones().size() - 1).text())
                .as("the maintenance shell's prompt marks nothing").isEqualTo("Welcome to Debian GNU/Linux 12 (bookworm)!");
        assertThat(Verdicts.bootFailed(boot)).isTrue();
        List<Finding> findings = analyzer.findings();
        assertThat(findings).extracting(f -> f.details().get("rule")).containsExactly("device-timeout",
                "emergency-target", "emergency-you-are", "emergency-password");
        assertThat(findings.get(0).details()).containsEntry("fatal", "false").containsEntry("recovered", "false");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void systemdTargetsInsideTheInitramfsAreNotAWorkingUserSpace(boolean raw) {
        String log = BANNER + """
                [    1.100000] Trying to unpack rootfs image as initramfs...
                Welcome to Red Hat Enterprise Linux 8.9 (Ootpa) dracut-049-228.git20230802.el8 (Initramfs)!
                [  OK  ] Reached target Basic System.
                [  OK  ] Reached target Initrd Root Device.
                [  OK  ] Reached target Initrd Root File System.
                [  OK  ] Reached target Initrd File Systems.
                [  OK  ] Reached target Switch Root.""";
        Boot boot = onlyBoot(log, raw);
        assertThat(boot.reached()).isEqualTo(BootStage.ROOT_MOUNTED);
        assertThat(Verdicts.bootFailed(boot)).as("still booting when the log ends: no failure shown").isFalse();
        Boot up = onlyBoot(log + "\nWelcome to Red Hat Enterprise Linux 8.9 (Ootpa)!", raw);
        assertThat(up.reached()).isEqualTo(BootStage.LOGIN);
        Boot target = onlyBoot(log + "\n[  OK  ] Reached target Local File Systems.", raw);
        assertThat(target.reached()).as("a real-root target").isEqualTo(BootStage.LOGIN);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void shutdownTargetsAreNoLogin(boolean raw) {
        Boot boot = onlyBoot(BANNER + "[  OK  ] Reached target shutdown.target - System Shutdown.\n"
                + "[  OK  ] Reached target final.target - Late Shutdown Services.\n"
                + "[  OK  ] Reached target System Reboot.", raw);
        assertThat(boot.reached()).isEqualTo(BootStage.KERNEL);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void dracutTimeoutThenCouldNotBoot(boolean raw) {
        String log = """
                [    0.000000] Linux version 4.18.0-513.5.1.el8_9.x86_64 (mockbuild@x86-vm-07.build.eng.bos.redhat.com) (gcc version 8.5.0 20210514 (Red Hat 8.5.0-20) (GCC)) #1 SMP Fri Sep 29 05:21:10 EDT 2023
                [    0.000000] Command line: BOOT_IMAGE=(hd0,msdos1)/vmlinuz-4.18.0-513.5.1.el8_9.x86_64 root=/dev/mapper/rhel-root ro rd.lvm.lv=rhel/root console=ttyS0,115200n8
                [    1.100000] Trying to unpack rootfs image as initramfs...
                [    2.000000] systemd[1]: systemd 239 (239-78.el8) running in system mode.
                Welcome to Red Hat Enterprise Linux 8.9 (Ootpa) dracut-049-228.git20230802.el8 (Initramfs)!
                [  OK  ] Reached target Basic System.
                [  191.200000] dracut-initqueue[312]: Warning: dracut-initqueue timeout - starting timeout scripts
                [  191.500000] dracut-initqueue[312]: Warning: dracut-initqueue timeout - starting timeout scripts
                [  192.000000] dracut-initqueue[312]: Warning: Could not boot.
                         Starting Dracut Emergency Shell...
                Warning: /dev/mapper/rhel-root does not exist

                Generating "/run/initramfs/rdsosreport.txt"

                Entering emergency mode. Exit the shell to continue.
                Type "journalctl" to view system logs.

                dracut:/#\s""";
        BootAnalyzer analyzer = analyze(log, raw);
        Boot boot = analyzer.boots().get(0);
        assertThat(boot.kernelRelease()).isEqualTo("4.18.0-513.5.1.el8_9.x86_64");
        assertThat(boot.reached()).isEqualTo(BootStage.INITRAMFS);
        // "Could not boot." and the initqueue's timeout say where the boot went; the next lines say why
        assertThat(boot.failure()).isEqualTo("Warning: /dev/mapper/rhel-root does not exist");
        Finding timeout = analyzer.findings().get(0);
        assertThat(timeout.title()).isEqualTo("dracut-initqueue timeout - starting timeout scripts");
        assertThat(timeout.details()).containsEntry("count", "2").containsEntry("fatal", "false");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void fsckFailureDropsToTheInitramfsShell(boolean raw) {
        String log = BANNER + """
                [    1.234567] Run /init as init process
                Loading, please wait...
                Begin: Will now check root file system ... fsck from util-linux 2.38.1
                [/sbin/fsck.ext4 (1) -- /dev/vda1] fsck.ext4 -a -C0 /dev/vda1\s
                /dev/vda1 contains a file system with errors, check forced.
                /dev/vda1: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.
                	(i.e., without -a or -p options)
                fsck exited with status code 4
                done.
                Failure: File system check of the root filesystem failed
                The root filesystem on /dev/vda1 requires a manual fsck


                BusyBox v1.35.0 (Debian 1:1.35.0-4+b3) built-in shell (ash)
                Enter 'help' for a list of built-in commands.

                (initramfs)\s""";
        BootAnalyzer analyzer = analyze(log, raw);
        Boot boot = analyzer.boots().get(0);
        assertThat(boot.failure()).isEqualTo("The root filesystem on /dev/vda1 requires a manual fsck");
        assertThat(boot.reached()).isEqualTo(BootStage.INITRAMFS);
        assertThat(analyzer.findings()).extracting(Finding::title).startsWith(
                "/dev/vda1: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.", "fsck exited with status code 4");
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void anFsckFailureOnADataDiskThatTheBootSurvivesIsRecovered(boolean raw) {
        String log = DEBIAN_BOOT.replace("[  OK  ] Reached target local-fs.target",
                "[    5.600000] systemd-fsck[301]: /dev/vdb1: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.\n[  OK  ] Reached target local-fs.target");
        BootAnalyzer analyzer = analyze(log, raw);
        Boot boot = analyzer.boots().get(0);
        assertThat(boot.failure()).isNull();
        assertThat(boot.reached()).isEqualTo(BootStage.LOGIN);
        assertThat(analyzer.findings()).singleElement().satisfies(f ->
                assertThat(f.details()).containsEntry("recovered", "true"));
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void grubCannotFindTheKernel(boolean raw) {
        String log = """
                SeaBIOS (version 1.16.2-debian-1.16.2-1)
                Booting from Hard Disk...
                Welcome to GRUB!

                error: file `/boot/vmlinuz-6.1.0-56-amd64' not found.
                error: you need to load the kernel first.

                Press any key to continue...""";
        Boot boot = onlyBoot(log, raw);
        assertThat(boot.reached()).isEqualTo(BootStage.BOOTLOADER);
        assertThat(boot.kernelRelease()).isNull();
        assertThat(boot.startSeen()).isTrue();
        assertThat(boot.failure()).isEqualTo("error: file `/boot/vmlinuz-6.1.0-56-amd64' not found.");
        assertThat(boot.failureLine()).isEqualTo(5);
        assertThat(Verdicts.bootFailed(boot)).isTrue();
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void grubRescueShell(boolean raw) {
        String log = """
                SeaBIOS (version 1.16.2-debian-1.16.2-1)
                Booting from Hard Disk...
                error: no such partition.
                Entering rescue mode...
                grub rescue>\s""";
        Boot boot = onlyBoot(log, raw);
        // rescue mode says where the boot went; the error before it says why
        assertThat(boot.failure()).isEqualTo("error: no such partition.");
        assertThat(boot.milestones()).extracting(Boot.Milestone::stage).containsExactly(BootStage.BOOTLOADER);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void errorLinesAfterTheKernelStartedAreNotGrubErrors(boolean raw) {
        Boot boot = onlyBoot(DEBIAN_BOOT + "\nerror: failed to fetch metadata from 169.254.169.254", raw);
        assertThat(boot.failure()).isNull();
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aResetWithoutShutdownIsAnUnexpectedReboot(boolean raw) {
        String log = "SeaBIOS (version 1.16.2-debian-1.16.2-1)\nBooting from Hard Disk...\n" + DEBIAN_BOOT + "\n"
                + "[ 3600.123456] hrtimer: interrupt took 2161490 ns\n"
                + "SeaBIOS (version 1.16.2-debian-1.16.2-1)\nBooting from Hard Disk...\n" + DEBIAN_BOOT;
        BootAnalyzer analyzer = analyze(log, raw);
        List<Boot> boots = analyzer.boots();
        assertThat(boots).hasSize(2);
        int perBoot = 2 + DEBIAN_BOOT.split("\n", -1).length;
        assertThat(boots.get(0).startLine()).isEqualTo(1);
        assertThat(boots.get(0).endLine()).isEqualTo(perBoot + 1);
        assertThat(boots.get(0).endedBy()).isEqualTo("reboot");
        assertThat(boots.get(0).reached()).isEqualTo(BootStage.LOGIN);
        assertThat(boots.get(0).failure()).isNull();
        assertThat(boots.get(1).startLine()).isEqualTo(perBoot + 2);
        assertThat(boots.get(1).endedBy()).isEqualTo("running");
        assertThat(boots.get(1).milestones().get(0).stage()).isEqualTo(BootStage.BOOTLOADER);
        assertThat(analyzer.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNEXPECTED_REBOOT);
            assertThat(f.line()).isEqualTo(perBoot + 2);
            assertThat(f.boot()).isZero();
            assertThat(f.details()).containsEntry("reached", "login").containsEntry("kernel-release", "6.1.0-56-amd64");
        });
        assertThat(analyzer.bootOfLine(1)).isZero();
        assertThat(analyzer.bootOfLine(perBoot + 1)).isZero();
        assertThat(analyzer.bootOfLine(perBoot + 2)).isEqualTo(1);
        assertThat(analyzer.bootOfLine(10_000)).isEqualTo(1);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aBannerAfterABannerIsANewBootEvenWithoutFirmwareOutput(boolean raw) {
        BootAnalyzer analyzer = analyze(DEBIAN_BOOT + "\n" + DEBIAN_BOOT, raw);
        assertThat(analyzer.boots()).hasSize(2);
        assertThat(analyzer.findings()).extracting(Finding::kind).containsExactly(FindingKind.UNEXPECTED_REBOOT);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aCleanRebootIsNoFinding(boolean raw) {
        String log = DEBIAN_BOOT + "\n"
                + "[  OK  ] Reached target reboot.target - System Reboot.\n"
                + "[  120.500000] reboot: Restarting system\n"
                + "SeaBIOS (version 1.16.2-debian-1.16.2-1)\n" + DEBIAN_BOOT + "\n"
                + "[  OK  ] Reached target poweroff.target - System Power Off.\n"
                + "[  200.000000] reboot: Power down";
        BootAnalyzer analyzer = analyze(log, raw);
        assertThat(analyzer.boots()).extracting(Boot::endedBy).containsExactly("reboot", "halt");
        assertThat(analyzer.findings()).isEmpty();
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aPanicAfterLoginIsACrashNotABootFailure(boolean raw) {
        String log = DEBIAN_BOOT + "\n"
                + "[  130.000000] sysrq: Trigger a crash\n"
                + "[  130.000100] Kernel panic - not syncing: sysrq triggered crash\n"
                + "[  130.000200] CPU: 0 PID: 402 Comm: sh Not tainted 6.1.0-56-amd64 #1  Debian 6.1.153-1\n"
                + "[  130.010000] Rebooting in 10 seconds..\n"
                + "SeaBIOS (version 1.16.2-debian-1.16.2-1)\n" + DEBIAN_BOOT;
        BootAnalyzer analyzer = analyze(log, raw);
        Boot first = analyzer.boots().get(0);
        assertThat(first.endedBy()).isEqualTo("panic");
        assertThat(first.failure()).isNull();
        assertThat(first.reached()).isEqualTo(BootStage.LOGIN);
        assertThat(analyzer.findings()).as("a panic explains the reboot").isEmpty();
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void kdumpBootsTheCaptureKernelAfterThePanic(boolean raw) {
        String log = DEBIAN_BOOT + "\n"
                + "[  130.000100] Kernel panic - not syncing: Fatal exception\n"
                + "[  130.000900] Kernel Offset: 0x2b000000 from 0xffffffff81000000 (relocation range: 0xffffffff80000000-0xffffffffbfffffff)\n"
                + "[  130.001000] Starting crashdump kernel...\n"
                + "[  130.001100] Bye!\n"
                + "[    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12) #1 SMP PREEMPT_DYNAMIC Debian 6.1.153-1 (2025-09-20)\n"
                + "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-56-amd64 root=UUID=1b2c ro irqpoll nr_cpus=1 reset_devices elfcorehdr=0x73000000\n"
                + "[    0.500000] Trying to unpack rootfs image as initramfs...\n"
                + "[    1.000000] Run /init as init process\n"
                + "kdump-tools: saving vmcore from kernel crash";
        BootAnalyzer analyzer = analyze(log, raw);
        List<Boot> boots = analyzer.boots();
        assertThat(boots).extracting(Boot::endedBy).containsExactly("panic", "running");
        assertThat(boots.get(0).failure()).isNull();
        assertThat(Verdicts.isCaptureKernel(boots.get(1))).isTrue();
        assertThat(analyzer.findings()).as("the panic explains the new kernel").isEmpty();
        assertThat(Verdicts.decide(boots, List.of(), List.of())).isEqualTo(Verdict.HEALTHY);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aPanicBeforeUserSpaceIsABootFailure(boolean raw) {
        String log = BANNER + """
                [    0.812345] BUG: kernel NULL pointer dereference, address: 0000000000000008
                [    0.812400] Oops: 0000 [#1] PREEMPT SMP NOPTI
                [    0.830000] Kernel panic - not syncing: Fatal exception
                [    0.830100] ---[ end Kernel panic - not syncing: Fatal exception ]---""";
        Boot boot = onlyBoot(log, raw);
        assertThat(boot.failure()).isEqualTo("Kernel panic - not syncing: Fatal exception");
        assertThat(boot.failureLine()).isEqualTo(5);
        assertThat(boot.reached()).isEqualTo(BootStage.KERNEL);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aLogJoinedMidWayIsNotABootFailureForWantOfALogin(boolean raw) {
        String log = """
                [ 5123.456789] kworker/u4:2: page allocation failure: order:0, mode:0x20(GFP_ATOMIC)
                [ 5200.000000] BUG: unable to handle page fault for address: ffffc90000a3f000
                [ 5200.100000] Kernel panic - not syncing: Fatal exception in interrupt""";
        Boot boot = onlyBoot(log, raw);
        assertThat(boot.startSeen()).isFalse();
        assertThat(boot.kernelRelease()).isNull();
        assertThat(boot.reached()).isEqualTo(BootStage.KERNEL);
        assertThat(boot.failure()).isNull();
        assertThat(boot.endedBy()).isEqualTo("panic");
        assertThat(Verdicts.bootFailed(boot)).isFalse();
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aCutFragmentBeforeTheFirstBannerJoinsThatBoot(boolean raw) {
        Boot boot = onlyBoot("d0 00 00 00 08 00\n" + DEBIAN_BOOT, raw);
        assertThat(boot.startLine()).isEqualTo(1);
        assertThat(boot.startSeen()).isTrue();
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aLogThatEndsWhileTheBootGoesOnIsNoFailureForWantOfAPrompt(boolean raw) {
        Boot boot = onlyBoot(BANNER + "[    0.412345] Trying to unpack rootfs image as initramfs...", raw);
        assertThat(boot.failure()).isNull();
        assertThat(boot.reached()).isEqualTo(BootStage.INITRAMFS);
        assertThat(boot.endedBy()).isEqualTo("running");
        assertThat(Verdicts.bootFailed(boot)).isFalse();
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aResetLoopDuringEarlyBoot(boolean raw) {
        String early = BANNER + "[    0.100000] x86/fpu: Supporting XSAVE feature 0x001: 'x87 floating point registers'\n";
        BootAnalyzer analyzer = analyze(early + early + DEBIAN_BOOT, raw);
        List<Boot> boots = analyzer.boots();
        assertThat(boots).hasSize(3);
        assertThat(boots.get(0).failure()).startsWith("rebooted unexpectedly before user space came up");
        assertThat(boots.get(2).failure()).isNull();
        assertThat(analyzer.findings()).extracting(Finding::kind).containsOnly(FindingKind.UNEXPECTED_REBOOT).hasSize(2);
    }

    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void syslogAndKmsgPrefixesAreTolerated(boolean raw) {
        String log = """
                Jul 14 10:25:59 ci-runner-7 kernel: [    0.000000] Linux version 5.10.0-28-amd64 (debian-kernel@lists.debian.org) (gcc-10 (Debian 10.2.1-6) 10.2.1 20210110) #1 SMP Debian 5.10.209-2 (2024-01-31)
                <6>[    1.2] Run /init as init process
                Jul 14 10:26:03 ci-runner-7 kernel: [    2.9] Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b""";
        Boot boot = onlyBoot(log, raw);
        assertThat(boot.kernelRelease()).isEqualTo("5.10.0-28-amd64");
        assertThat(boot.reached()).isEqualTo(BootStage.INITRAMFS);
        assertThat(boot.milestones().get(1).timestamp()).isEqualTo(1.2);
        assertThat(boot.failure()).isEqualTo("Attempted to kill init! exitcode=0x0000000b");
    }

    @Test
    void manyBootsKeepTheFirstAndTheLatest() {
        StringBuilder log = new StringBuilder();
        int count = BootAnalyzer.MAX_BOOTS_KEPT + 500;
        for (int i = 0; i < count; i++) {
            log.append("[    0.000000] Linux version 6.1.0-").append(i).append(" (x@y) #1\n");
        }
        BootAnalyzer analyzer = analyze(log.toString(), false);
        List<Boot> boots = analyzer.boots();
        assertThat(boots).hasSize(BootAnalyzer.MAX_BOOTS_KEPT);
        assertThat(boots.get(0).index()).isZero();
        assertThat(boots.get(boots.size() - 1).index()).isEqualTo(count - 1);
        assertThat(boots.get(boots.size() - 1).kernelRelease()).isEqualTo("6.1.0-" + (count - 1));
        assertThat(analyzer.bootOfLine(count)).isEqualTo(count - 1);
        assertThat(analyzer.bootOfLine(1234)).isEqualTo(1233);
    }

    /**
     * "No filesystem could mount root, tried:" lists the filesystems on the next line (separate
     * printk calls): the finding's title takes that line, says so when it is blank, and stays as
     * printed when the next line is another message.
     */
    @ParameterizedTest(name = "raw={0}")
    @ValueSource(booleans = {false, true})
    void aMessageEndingInAColonTakesTheNextLine(boolean raw) {
        String head = BANNER + "[    0.453029] List of all partitions:\n[    0.477894] No filesystem could mount root, tried: \n";
        String panic = "[    0.509139] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n";
        assertThat(rootTitle(head + "[    0.477931]  ext3 ext2 ext4 vfat\n" + panic, raw))
                .isEqualTo("No filesystem could mount root, tried: ext3 ext2 ext4 vfat");
        assertThat(rootTitle(head + "[    0.477931] \n" + panic, raw))
                .isEqualTo("No filesystem could mount root, tried: (none listed)");
        assertThat(rootTitle(head + panic, raw)).isEqualTo("No filesystem could mount root, tried:");
    }

    private static String rootTitle(String log, boolean raw) {
        return analyze(log, raw).findings().stream().filter(f -> "root-no-filesystem".equals(f.details().get("rule")))
                .findFirst().orElseThrow().title();
    }
}
