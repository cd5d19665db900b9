package dev.ecsdiag.classify;

import java.util.List;

/**
 * One boot of the kernel within a console log (a log may hold several).
 *
 * @param index          0-based boot index in the log
 * @param startLine      1-based first line of this boot
 * @param endLine        1-based last line of this boot
 * @param kernelRelease  release from the {@code Linux version} banner; null if never printed
 * @param commandLine    kernel command line; null if never printed
 * @param reached        the furthest stage reached
 * @param failure        why the boot failed (e.g. {@code VFS: Unable to mount root fs}); null if it did not
 * @param failureLine    1-based line of the failure; 0 when there is none
 * @param endedBy        how the boot ended: {@code running} (still running at the end of the log),
 *                       {@code reboot} (a clean or unexpected reboot), {@code panic}, {@code halt}
 * @param milestones     the lines that mark each stage reached, in order
 */
public record Boot(
        int index,
        int startLine,
        int endLine,
        String kernelRelease,
        String commandLine,
        BootStage reached,
        String failure,
        int failureLine,
        String endedBy,
        List<Milestone> milestones) implements java.io.Serializable {

    public Boot {
        milestones = List.copyOf(milestones);
    }

    /**
     * Whether the log shows this boot from its start (firmware output or the kernel banner). A log
     * that begins mid-way (a console buffer keeps only its tail) starts with a boot whose start was
     * not seen: how far it got before the log begins is unknown.
     */
    public boolean startSeen() {
        return kernelRelease != null || !milestones.isEmpty() && milestones.get(0).stage() == BootStage.BOOTLOADER;
    }

    /** A line that showed the boot reaching a stage, with its printk timestamp when there was one. */
    public record Milestone(BootStage stage, int line, Double timestamp, String text) implements java.io.Serializable {
    }
}
