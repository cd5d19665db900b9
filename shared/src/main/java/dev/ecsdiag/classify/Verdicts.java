package dev.ecsdiag.classify;

import dev.ecsdiag.classify.crash.Crash;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides the one-word verdict from what the analyzers found. The first rule that applies wins:
 * <ol>
 *   <li>{@code boot-failure}: the last boot failed ({@link Boot#failure()} is set: a fatal boot
 *       failure, a panic before user space, an unrecovered fsck or dracut failure), or its start was
 *       seen and it never reached a working user space ({@link BootStage#LOGIN});</li>
 *   <li>{@code crash}: any kernel crash report;</li>
 *   <li>{@code storage-failure}: any I/O error or filesystem error, shutdown or read-only remount;</li>
 *   <li>{@code oom}: any OOM kill;</li>
 *   <li>{@code healthy}: none of these (also for an empty log: nothing shows a failure).</li>
 * </ol>
 * Only the last boot decides {@code boot-failure}: a VM that failed to boot and then booted fine
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
        if (last != null && bootFailed(last)) {
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

    /** The boot failed, or was seen starting and never reached a login or shell. */
    public static boolean bootFailed(Boot boot) {
        return boot.failure() != null || boot.startSeen() && boot.reached() != BootStage.LOGIN;
    }
}
