package dev.ecsdiag.classify;

import dev.ecsdiag.classify.crash.Crash;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides the one-word verdict from what the analyzers found. The first rule that applies wins:
 * <ol>
 *   <li>{@code boot-failure}: the last boot failed ({@link Boot#failure()} is set: a failure line
 *       such as {@code VFS: Unable to mount root fs}, emergency mode or a failed switch to the real
 *       root; the boot's end, by a panic, reboot or halt, before user space; a log that ends while
 *       the boot waits for its root device), and no kernel crash report ended it;</li>
 *   <li>{@code crash}: any kernel crash report (also a boot that a crash report ended, at whatever
 *       stage);</li>
 *   <li>{@code storage-failure}: any I/O error or filesystem error, shutdown or read-only remount;</li>
 *   <li>{@code oom}: any OOM kill;</li>
 *   <li>{@code healthy}: none of these (also for an empty log: nothing shows a failure).</li>
 * </ol>
 * A boot is never a failure for want of a prompt: one that reached user space (init running and
 * printing, with or without a login) and is still running at the end of the log is up, and so is a
 * log that shows no boot start at all, such as kern.log.
 *
 * <p>A crash report ended the boot when the boot ended in a panic that is not itself the boot
 * failure's message ({@code VFS: Unable to mount root fs}, {@code Attempted to kill init},
 * {@code No working init found} are boot failures), or when its reboot, halt or wait came right
 * after a crash report. A panic that names a boot failure but follows an oops by a few lines (init
 * killed by an oops) is the oops's consequence: a crash.
 *
 * <p>Only the last boot decides {@code boot-failure}: a VM that failed to boot and then booted fine
 * (a retry) is up, and the earlier failure stays listed among the boots and findings. A kdump capture
 * kernel (its command line carries {@code elfcorehdr=}) is not that last boot: it runs only to save
 * the crashed kernel's memory, and a log that ends inside it ends with the crash, not a boot failure.
 */
public final class Verdicts {

    /** Finding kinds that make a {@code storage-failure}. */
    public static final Set<FindingKind> STORAGE_KINDS = EnumSet.of(FindingKind.STORAGE_IO_ERROR,
            FindingKind.FILESYSTEM_SHUTDOWN, FindingKind.FILESYSTEM_READ_ONLY, FindingKind.FILESYSTEM_ERROR);

    private Verdicts() {
    }

    public static Verdict decide(List<Boot> boots, List<Crash> crashes, List<Finding> findings) {
        Boot last = lastSystemBoot(boots);
        if (last != null && bootFailed(last) && !endedByCrashReport(last, crashes, findings)) {
            return Verdict.BOOT_FAILURE;
        }
        if (!crashes.isEmpty()) {
            return Verdict.CRASH;
        }
        if (findings.stream().anyMatch(f -> STORAGE_KINDS.contains(f.kind()))) {
            return Verdict.STORAGE_FAILURE;
        }
        if (findings.stream().anyMatch(f -> f.kind() == FindingKind.OOM_KILL)) {
            return Verdict.OOM;
        }
        return Verdict.HEALTHY;
    }

    /** The last boot that is not a kdump capture kernel; the last boot if all are; null for none. */
    static Boot lastSystemBoot(List<Boot> boots) {
        for (int i = boots.size() - 1; i >= 0; i--) {
            if (!isCaptureKernel(boots.get(i))) {
                return boots.get(i);
            }
        }
        return boots.isEmpty() ? null : boots.get(boots.size() - 1);
    }

    /** kexec-tools and the kdump services pass {@code elfcorehdr=} to every capture kernel. */
    public static boolean isCaptureKernel(Boot boot) {
        return boot.commandLine() != null && boot.commandLine().contains("elfcorehdr=");
    }

    /** The boot failed: see {@link Boot#failure()}. */
    public static boolean bootFailed(Boot boot) {
        return boot.failure() != null;
    }

    /**
     * Whether a kernel crash report, rather than booting, ended this failed boot (see the class
     * comment): then the verdict is {@code crash}, and the boot keeps its own facts.
     */
    static boolean endedByCrashReport(Boot boot, List<Crash> crashes, List<Finding> findings) {
        boolean failureLine = findings.stream().anyMatch(f -> f.kind() == FindingKind.BOOT_FAILURE
                && f.boot() == boot.index() && f.line() == boot.failureLine());
        for (Crash c : crashes) {
            if (c.boot() != boot.index() || UnexpectedRebootCrashes.isUnexpectedReboot(c)) {
                continue;
            }
            if (failureLine) {
                // a panic naming a boot failure, a few lines after an oops that it belongs to
                if ("panic".equals(boot.endedBy()) && c.panicked() && c.startLine() < boot.failureLine()
                        && boot.failureLine() - c.endLine() <= CrashAnalyzer.PANIC_DISTANCE) {
                    return true;
                }
            } else if ("panic".equals(boot.endedBy())
                    || boot.endLine() - c.endLine() <= CrashAnalyzer.PANIC_DISTANCE) {
                return true;
            }
        }
        return false;
    }
}
