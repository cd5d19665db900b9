package dev.ecsdiag.classify;

import java.util.regex.Pattern;

/**
 * One row of the boot table ({@link BootRules}): a literal that the line must contain (the cheap
 * prefilter; null for prompt rows, which are tried only on short lines that look like a prompt),
 * the pattern, and what a match means.
 *
 * @param id       stable name of the row
 * @param effect   what a match does to the boot being followed
 * @param needle   literal contained in every matching line; null for prompt rows
 * @param pattern  the pattern; {@code anchored} rows must match at the start of the message
 * @param anchored match at the start of the message (boot loader and prompt output has no prefix)
 * @param stage    the stage a {@link Effect#STAGE} row marks
 * @param fatal    for {@link Effect#FAILURE} rows: the boot cannot recover from it (a panic, emergency
 *                 mode); a non-fatal failure counts only if the boot never reaches a login afterwards
 * @param inBootLoader the row applies only while the boot loader runs (before the kernel's banner)
 * @param outsideInitramfs the row does not apply while the boot is in its initramfs (systemd inside a
 *                 dracut initramfs reaches targets too, before the real root is even found)
 * @param tentative for {@link Effect#STAGE} rows: the stage holds only until the boot shows it is still
 *                 in its initramfs (a console that joins mid-way sees the initramfs' systemd reach
 *                 {@code Basic System} before any line says where it runs)
 * @param consequence for {@link Effect#FAILURE} rows that say where a boot went, not why
 *                 ({@code Dependency failed for /sysroot}, emergency mode, the initramfs shell, dracut's
 *                 initqueue timeout): the non-fatal failure just before a fatal consequence, or one
 *                 a few lines after it, is the boot's failure (its cause)
 */
record BootRule(String id, Effect effect, String needle, Pattern pattern, boolean anchored, BootStage stage,
                boolean fatal, boolean inBootLoader, boolean outsideInitramfs, boolean tentative, boolean consequence) {

    enum Effect {
        /** {@code Linux version ...}: the kernel starts (a new boot if this boot already had one). */
        BANNER,
        /** The kernel command line. */
        COMMAND_LINE,
        /** Firmware or boot loader output: a new boot if the current one already ran a kernel. */
        FIRMWARE,
        /** The boot reached a stage. */
        STAGE,
        /** A boot failure that is not an oops. */
        FAILURE,
        /**
         * The boot waits for its root device ({@code Waiting for root device}, a start job for it):
         * a failure when the log ends while it still waits, forgotten when the boot moves on.
         */
        WAIT,
        /** The boot moved on from a wait without reaching a new stage ({@code Found device}). */
        PROGRESS,
        /** The kernel frees its init memory: the next thing it does is start init. */
        INIT_HANDOFF,
        /**
         * A line only an initramfs's boot helper prints (dracut, systemd's initrd units, Ignition,
         * {@code /sysroot}): the boot is in its initramfs, whatever a target line said before.
         */
        INITRAMFS_SIGN,
        /** {@code Kernel panic - not syncing}: the boot ends here. */
        PANIC,
        /** A clean reboot (shutdown, reboot(2), kexec, sysrq-b). */
        REBOOT,
        /** A clean power-off or halt. */
        HALT
    }

    static BootRule stage(String id, BootStage stage, String needle, String regex) {
        return new BootRule(id, Effect.STAGE, needle, Pattern.compile(regex), false, stage, false, false, false, false, false);
    }

    static BootRule prompt(String id, BootStage stage, String regex) {
        return new BootRule(id, Effect.STAGE, null, Pattern.compile(regex), true, stage, false, false, false, false, false);
    }

    static BootRule fatal(String id, String needle, String regex) {
        return new BootRule(id, Effect.FAILURE, needle, Pattern.compile(regex), false, null, true, false, false, false, false);
    }

    static BootRule soft(String id, String needle, String regex) {
        return new BootRule(id, Effect.FAILURE, needle, Pattern.compile(regex), false, null, false, false, false, false, false);
    }

    static BootRule of(String id, Effect effect, String needle, String regex) {
        return new BootRule(id, effect, needle, Pattern.compile(regex), false, null, false, false, false, false, false);
    }

    BootRule anchoredAtStart() {
        return new BootRule(id, effect, needle, pattern, true, stage, fatal, inBootLoader, outsideInitramfs, tentative, consequence);
    }

    BootRule onlyInBootLoader() {
        return new BootRule(id, effect, needle, pattern, anchored, stage, fatal, true, outsideInitramfs, tentative, consequence);
    }

    BootRule onlyOutsideInitramfs() {
        return new BootRule(id, effect, needle, pattern, anchored, stage, fatal, inBootLoader, true, tentative, consequence);
    }

    BootRule tentativeUntilInitramfsShows() {
        return new BootRule(id, effect, needle, pattern, anchored, stage, fatal, inBootLoader, outsideInitramfs, true, consequence);
    }

    BootRule aConsequence() {
        return new BootRule(id, effect, needle, pattern, anchored, stage, fatal, inBootLoader, outsideInitramfs, tentative, true);
    }
}
