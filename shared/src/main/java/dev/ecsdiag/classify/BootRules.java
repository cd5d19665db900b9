package dev.ecsdiag.classify;

import static dev.ecsdiag.classify.BootRule.Effect.BANNER;
import static dev.ecsdiag.classify.BootRule.Effect.COMMAND_LINE;
import static dev.ecsdiag.classify.BootRule.Effect.FIRMWARE;
import static dev.ecsdiag.classify.BootRule.Effect.HALT;
import static dev.ecsdiag.classify.BootRule.Effect.INITRAMFS_SIGN;
import static dev.ecsdiag.classify.BootRule.Effect.INIT_HANDOFF;
import static dev.ecsdiag.classify.BootRule.Effect.PANIC;
import static dev.ecsdiag.classify.BootRule.Effect.PROGRESS;
import static dev.ecsdiag.classify.BootRule.Effect.REBOOT;
import static dev.ecsdiag.classify.BootRule.Effect.WAIT;
import static dev.ecsdiag.classify.BootRule.fatal;
import static dev.ecsdiag.classify.BootRule.of;
import static dev.ecsdiag.classify.BootRule.prompt;
import static dev.ecsdiag.classify.BootRule.soft;
import static dev.ecsdiag.classify.BootRule.stage;
import static dev.ecsdiag.classify.BootStage.INIT;
import static dev.ecsdiag.classify.BootStage.INITRAMFS;
import static dev.ecsdiag.classify.BootStage.LOGIN;
import static dev.ecsdiag.classify.BootStage.ROOT_MOUNTED;

import java.util.List;

/**
 * The table of boot milestones, boot failures and boot endings, in the wording of the kernel
 * (init/main.c, init/do_mounts.c, kernel/panic.c, kernel/reboot.c), systemd, dracut,
 * initramfs-tools, GRUB and SeaBIOS. The first matching row decides what a line means, so specific
 * rows come before general ones (emergency mode's {@code Welcome to emergency mode!} before
 * systemd's {@code Welcome to ...!}).
 *
 * <p>As agreed for the project, systemd's greeting ({@code Welcome to Debian GNU/Linux 12 (bookworm)!})
 * and its {@code Reached target ...} lines mark a working user space (LOGIN), with the exceptions
 * that keep this honest: the initramfs' own greeting ({@code ... (Initramfs)!}) and targets
 * ({@code Initrd ...}, and any target while the boot is still in its initramfs, since systemd inside
 * a dracut initramfs reaches {@code Basic System} just before a {@code dracut-initqueue timeout}),
 * emergency and rescue mode (failures), and the shutdown targets. A generic target is
 * {@linkplain BootRule#tentative() tentative}: a console that joins mid-way cannot tell the
 * initramfs' {@code Reached target Basic System} from the real root's, so the stage is withdrawn when
 * a later line shows the initramfs at work (dracut, {@code initrd-} units, {@code /sysroot}, Ignition).
 *
 * <p>User space without any of these signs (a test runner as init that prints but never shows a
 * prompt) is recognised by {@link BootAnalyzer} from the lines themselves: output without the
 * kernel's timestamp after the kernel handed over to init.
 */
final class BootRules {

    private BootRules() {
    }

    static final List<BootRule> ALL = List.of(
            // ---- kernel start ----
            of("banner", BANNER, "Linux version ", "Linux version (?<release>\\S{1,128}) \\("),
            of("command-line", COMMAND_LINE, "Command line: ", "Command line: (?<cmdline>.{0,1800})"),
            of("kernel-command-line", COMMAND_LINE, "Kernel command line: ", "Kernel command line: (?<cmdline>.{0,1800})"),

            // ---- firmware and boot loader ----
            of("seabios", FIRMWARE, "SeaBIOS (version ", "SeaBIOS \\(version ").anchoredAtStart(),
            of("ipxe", FIRMWARE, "iPXE (", "iPXE \\(https?://ipxe\\.org\\)").anchoredAtStart(),
            of("booting-from", FIRMWARE, "Booting from ", "Booting from (?:Hard Disk|ROM|DVD/CD|Floppy)").anchoredAtStart(),
            of("grub-menu", FIRMWARE, "GNU GRUB", "\\s*GNU GRUB  version ").anchoredAtStart(),
            of("grub-loading", FIRMWARE, "Loading ", "Loading (?:Linux \\S+ \\.\\.\\.|initial ramdisk \\.\\.\\.)").anchoredAtStart(),
            of("grub-welcome", FIRMWARE, "Welcome to GRUB!", "Welcome to GRUB!").anchoredAtStart(),
            // GRUB's rescue mode proves the console shows a boot loader, even when nothing came before
            of("grub-rescue-mode", FIRMWARE, "grub rescue>", "grub rescue>"),
            of("grub-entering-rescue-mode", FIRMWARE, "Entering rescue mode", "Entering rescue mode\\.\\.\\.").anchoredAtStart(),
            of("efi-bds", FIRMWARE, "BdsDxe: ", "BdsDxe: (?:loading|starting) Boot").anchoredAtStart(),
            of("efi-stub", FIRMWARE, "EFI stub: ", "EFI stub: ").anchoredAtStart(),
            of("decompressor", FIRMWARE, "Decompressing Linux", "Decompressing Linux\\.\\.\\.").anchoredAtStart(),
            of("early-console", FIRMWARE, "early console in ", "early console in (?:setup|extract_kernel)").anchoredAtStart(),

            // ---- endings ----
            of("panic", PANIC, "Kernel panic - not syncing", "Kernel panic - not syncing"),
            of("crashdump", PANIC, "Starting crashdump kernel", "Starting crashdump kernel"),
            of("reboot", REBOOT, "reboot: ", "reboot: (?:Restarting system|machine restart)"),
            of("reboot-target", REBOOT, "Reached target ", "Reached target (?:reboot\\.target|System Reboot|Reboot)\\b"),
            of("kexec", REBOOT, "Starting new kernel", "Starting new kernel"),
            of("sysrq-reset", REBOOT, "sysrq: Resetting", "sysrq: Resetting"),
            of("sysrq-reset-old", REBOOT, "SysRq : Resetting", "SysRq : Resetting"),
            of("halt", HALT, "reboot: ", "reboot: (?:Power down|System halted)"),
            of("poweroff-target", HALT, "Reached target ", "Reached target (?:poweroff\\.target|System Power Off|Power-Off)\\b"),
            of("sysrq-poweroff", HALT, "sysrq: Power Off", "sysrq: Power Off"),
            of("sysrq-poweroff-old", HALT, "SysRq : Power Off", "SysRq : Power Off"),

            // ---- boot failures that are not oopses ----
            fatal("root-cannot-open", "VFS: Cannot open root device",
                    "VFS: Cannot open root device .{0,200}"),
            soft("root-no-filesystem", "No filesystem could mount root", "No filesystem could mount root, tried:.{0,200}"),
            fatal("root-unable-to-mount", "VFS: Unable to mount root fs", "VFS: Unable to mount root fs.{0,200}"),
            fatal("kill-init", "Attempted to kill init", "Attempted to kill init!.{0,100}"),
            fatal("no-init", "No working init found", "No working init found\\..{0,100}"),
            fatal("requested-init", "Requested init ", "Requested init \\S{1,200} failed.{0,40}"),
            soft("init-exec", "Failed to execute ", "Failed to execute /\\S{0,200} \\(error -?\\d+\\)"),
            // systemd emergency and rescue mode
            fatal("emergency-welcome", "Welcome to ", "Welcome to (?:emergency|rescue) mode.{0,100}").aConsequence(),
            fatal("emergency-you-are", "You are in ", "You are in (?:emergency|rescue) mode.{0,200}").aConsequence(),
            fatal("emergency-target", "Reached target ",
                    "Reached target (?:emergency\\.target|Emergency Mode|rescue\\.target|Rescue Mode).{0,100}").aConsequence(),
            fatal("emergency-dracut", "Entering emergency mode", "Entering emergency mode.{0,100}").aConsequence(),
            fatal("emergency-locked", "root account is locked", "Cannot open access to console, the root account is locked.{0,100}").aConsequence(),
            fatal("emergency-password", "Give root password for maintenance", "Give root password for maintenance.{0,100}").aConsequence(),
            // dracut, initramfs-tools
            soft("dracut-timeout", "dracut-initqueue", "dracut-initqueue:? timeout.{0,200}").aConsequence(),
            fatal("dracut-could-not-boot", "Could not boot", "Could not boot\\.").aConsequence(),
            soft("dracut-missing-root", "Warning: /", "Warning: /\\S{1,200} does not exist"),
            fatal("sysroot-mount", "Failed to mount ", "Failed to mount (?:sysroot\\.mount|/sysroot).{0,100}"),
            // systemd in the initramfs: a failed unit that the switch to the real root depends on
            fatal("initrd-dependency", "Dependency failed for ",
                    "Dependency failed for (?:/sysroot|sysroot\\.mount|Initrd Root File System|initrd-root-fs\\.target"
                            + "|Initrd Root Device|initrd-root-device\\.target|Initrd Default Target|initrd\\.target"
                            + "|Switch Root|initrd-switch-root\\.(?:service|target)|Initrd File Systems|initrd-fs\\.target)\\b.{0,100}").aConsequence(),
            fatal("switch-root-failed", "Failed to start ",
                    "Failed to start (?:initrd-switch-root\\.service - )?Switch Root\\b.{0,100}"),
            fatal("switch-root-failed-exec", "Failed to switch root", "Failed to switch root.{0,200}"),
            // dracut's 99emergency-timeout (Container Linux, Flatcar, Fedora CoreOS) after a failed initrd unit:
            // "Press Enter for emergency shell or wait 4 minutes 50 seconds for reboot.", a countdown, not a prompt
            fatal("emergency-countdown", "Press Enter for emergency shell",
                    "Press Enter for emergency shell or wait \\d+ (?:minutes?|seconds?)(?: \\d+ seconds?)? for reboot\\.").aConsequence(),
            fatal("initramfs-gave-up", "Gave up waiting for root", "Gave up waiting for root (?:file system )?device.{0,200}"),
            fatal("initramfs-alert", "ALERT!", "ALERT!\\s+\\S{1,200} does not exist\\.\\s+Dropping to a shell!"),
            fatal("initramfs-shell", "(initramfs)", "\\(initramfs\\)").anchoredAtStart().aConsequence(),
            // initramfs-tools mounted a root without an init: what it looked for, then that it gave up
            soft("initramfs-missing-init", "Target filesystem doesn't have requested ",
                    "Target filesystem doesn't have requested \\S{1,200}"),
            fatal("initramfs-no-init", "No init found.", "No init found\\.(?: Try passing init= bootarg\\.)?").aConsequence(),
            soft("device-timeout", "Timed out waiting for device", "Timed out waiting for device.{0,200}"),
            // fsck (systemd-fsck, initramfs-tools, sysvinit)
            soft("fsck-inconsistency", "UNEXPECTED INCONSISTENCY",
                    "(?:[\\w@.-]{1,64}\\[\\d+\\]: )?(?:\\S{1,100}: )?UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.{0,40}")
                    .anchoredAtStart(),
            soft("fsck-failed-unit", "Failed to start ", "Failed to start (?:\\S{1,200} - )?File System Check.{0,200}"),
            // initramfs-tools: log_failure_msg, then its panic() drops to the (initramfs) shell
            soft("fsck-root-failed", "File system check of the root filesystem failed",
                    "File system check of the root filesystem failed"),
            fatal("fsck-manual", "requires a manual fsck", "The root filesystem on \\S{1,200} requires a manual fsck"),
            soft("fsck-systemd-status", "fsck failed with exit status ", "fsck failed with exit status (?:[2-9]|\\d\\d+)"),
            soft("fsck-status", "fsck exited with status code ", "fsck exited with status code (?:[2-9]|\\d\\d+)"),
            soft("fsck-sysvinit", "An error occurred during the file system check",
                    "An error occurred during the file system check.{0,100}"),
            // GRUB
            // rescue mode says where the boot went; the "error: ..." before it says why
            fatal("grub-rescue", "grub rescue>", "grub rescue>").aConsequence(),
            fatal("grub-entering-rescue", "Entering rescue mode", "Entering rescue mode\\.\\.\\.").anchoredAtStart().aConsequence(),
            soft("grub-error", "error: ", "error: .{1,200}").anchoredAtStart().onlyInBootLoader(),
            soft("grub-prompt", "grub> ", "grub> ").anchoredAtStart().onlyInBootLoader(),

            // ---- waits for the root device: a failure if the log ends while the boot still waits ----
            // init/do_mounts.c with rootwait; initramfs-tools' local-top; systemd's start jobs
            of("wait-root-device", WAIT, "Waiting for root device", "Waiting for root device.{0,200}"),
            of("wait-root-fs", WAIT, "Waiting for root file system", "Waiting for root file system.{0,100}"),
            // which unit: decided by BootAnalyzer (the root device, /sysroot, or any device before the root is mounted)
            of("start-job", WAIT, "A start job is running for ",
                    "A start job is running for (?<unit>.{1,200}?)(?: \\(\\d|$)"),
            of("found-device", PROGRESS, "Found device ", "Found device "),

            // ---- the kernel hands over to init (kernels before 5.8 do not print "Run ... as init process") ----
            of("init-handoff", INIT_HANDOFF, "Freeing unused kernel", "Freeing unused kernel (?:image )?(?:\\(initmem\\) )?memory"),

            // ---- signs of an initramfs at work (not when the real root's systemd stops its units) ----
            sign("dracut", "dracut", "\\bdracut(?:-[a-z]|:|\\[)"),
            sign("initrd-unit", "initrd-", "\\binitrd-[\\w-]{1,40}\\.(?:service|target)"),
            sign("initrd-target", "Initrd ", "\\bInitrd [A-Z]"),
            sign("sysroot", "sysroot", "/sysroot\\b|\\bsysroot\\.mount"),
            sign("ignition", "ignition[", "\\bignition\\[\\d+\\]"),
            // klibc's run-init, with which initramfs-tools hands over to the real root's init
            sign("run-init", "run-init: ", "\\brun-init: "),

            // ---- stages ----
            stage("initramfs-unpack", INITRAMFS, "Trying to unpack rootfs image as initramfs",
                    "Trying to unpack rootfs image as initramfs"),
            stage("initramfs-unpack-old", INITRAMFS, "Unpacking initramfs", "Unpacking initramfs"),
            stage("initramfs-tools", INITRAMFS, "Loading, please wait", "Loading, please wait\\.\\.\\.").anchoredAtStart(),
            stage("systemd-initrd-welcome", INITRAMFS, "Welcome to ", "Welcome to .{0,160}\\(Initramfs\\)!"),
            stage("run-init", INITRAMFS, " as init process", "Run /init as init process"),
            stage("run-real-init", INIT, " as init process", "Run /\\S{1,200} as init process"),
            stage("mounted-root", ROOT_MOUNTED, "VFS: Mounted root (", "VFS: Mounted root \\("),
            stage("initrd-root-target", ROOT_MOUNTED, "Reached target ", "Reached target (?:initrd-root-fs\\.target|Initrd Root File System)"),
            stage("sysroot-mounted", ROOT_MOUNTED, "Mounted ", "Mounted (?:sysroot\\.mount|/sysroot)"),
            stage("switch-root", ROOT_MOUNTED, "Switching root", "Switching root\\."),
            stage("ext-mounted", ROOT_MOUNTED, "mounted filesystem", "EXT[234]-fs \\([^)]{1,64}\\): mounted filesystem"),
            stage("xfs-mounted", ROOT_MOUNTED, "Ending clean mount", "XFS \\([^)]{1,64}\\): Ending clean mount"),
            stage("sysvinit", INIT, "INIT: version ", "INIT: version \\d"),
            stage("login-target", LOGIN, "Reached target ",
                    "Reached target (?:multi-user\\.target|Multi-User System|graphical\\.target|Graphical Interface"
                            + "|getty\\.target|Login Prompts|cloud-init\\.target|Cloud-init target)"),
            stage("getty-started", LOGIN, "Getty on ", "Started (?:serial-getty@\\S{1,40} - )?(?:Serial )?Getty on "),
            stage("startup-finished", LOGIN, "Startup finished in ", "Startup finished in "),
            stage("cloud-init-finished", LOGIN, "Cloud-init v. ", "Cloud-init v\\. \\S{1,40} finished at"),
            // systemd's greeting in the real root, a motd, an /etc/issue
            stage("welcome", LOGIN, "Welcome to ", "Welcome to (?!GRUB!)"),
            // any other target of the real root's systemd (not the initramfs', not a shutdown's)
            stage("reached-target", LOGIN, "Reached target ", "Reached target (?!(?:initrd|Initrd|Switch Root|switch-root"
                    + "|emergency|Emergency|rescue|Rescue|reboot|Reboot|System Reboot|shutdown|Shutdown|poweroff|Power-Off"
                    + "|System Power Off|final|Final Step|umount|Unmount|halt|System Halt|kexec|Late Shutdown))")
                    .onlyOutsideInitramfs().tentativeUntilInitramfsShows(),
            stage("busybox-console", LOGIN, "Please press Enter to activate this console", "Please press Enter to activate this console"),
            stage("busybox-shell", LOGIN, "built-in shell (", "BusyBox v\\S{1,40} .{0,120}built-in shell \\("),
            stage("login-prompt", LOGIN, " login:", "[\\w.-]{1,64} login:").anchoredAtStart(),
            // shell prompts: root@host:~# , [root@host ~]# , / # , ~ $ , sh-5.2#
            prompt("shell-prompt", LOGIN,
                    "(?:[\\w.-]{1,64}@[\\w.-]{1,64}(?::[^\\s#$]{0,200})?\\s?[#$]|\\[[\\w.-]{1,64}@[\\w.-]{1,64} [^\\]]{1,200}\\][#$]"
                            + "|[/~][^\\s#$]{0,200} [#$]|(?:ba)?sh-\\d+\\.\\d+[#$])(?:\\s|$)")
    );

    /**
     * A sign of the initramfs, unless the line tells of a unit being stopped (after the switch to the
     * real root) or names dracut's shutdown unit, which the real root starts to restore the initramfs
     * at shutdown.
     */
    private static BootRule sign(String id, String needle, String regex) {
        return BootRule.of(id, INITRAMFS_SIGN, needle,
                "^(?!.{0,400}?\\b(?:Stopped|Stopping|Deactivated|Closed|dracut-shutdown)\\b).{0,400}?(?:" + regex + ")");
    }

    /** The stage a boot is at before any line told more: a boot joined mid-way was running a kernel. */
    static final BootStage JOINED_STAGE = BootStage.KERNEL;
}
