package dev.ecsdiag.classify;

import dev.ecsdiag.classify.text.ConsoleLine;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells a program's own console output from the kernel's and from the boot helpers' status lines,
 * so that a boot whose init prints but never shows a prompt (a test runner started as init) is seen
 * to have reached user space.
 */
final class ProgramOutput {

    /** What initramfs-tools and udev print on the console before the real root runs. */
    private static final List<String> INITRAMFS_CHATTER = List.of("Loading, please wait", "Begin: ", "done.",
            "Starting version ", "Starting systemd-udevd version ", "Success: ", "Scanning for Btrfs", "fsck from ",
            "Will now ");
    /**
     * systemd's status column: six characters in brackets ({@code [  OK  ]}, {@code [FAILED]},
     * {@code [ TIME ]}, the {@code [ ***  ]} of a running job); a test runner's {@code [ RUN      ]}
     * or {@code [==========]} is wider.
     */
    private static final Pattern SYSTEMD_STATUS = Pattern.compile("\\[[A-Z *]{6}\\]");
    /** fsck's summary of a clean filesystem: {@code /dev/vda1: clean, 34561/655360 files, 412345/2621440 blocks}. */
    private static final Pattern FSCK_CLEAN = Pattern.compile("^\\S{1,100}: clean, \\d+/\\d+ files");

    private ProgramOutput() {
    }

    /**
     * Output of a program rather than of the kernel (to be asked only of a boot whose kernel lines
     * carry printk timestamps): a line with no timestamp, level or caller id, not filed by a log
     * daemon, with some visible text, that is neither a systemd status line ({@code [  OK  ] ...},
     * {@code          Starting ...}) nor initramfs-tools' chatter.
     */
    static boolean is(ConsoleLine line, String raw) {
        if (raw == null || line.timestamp() != null || line.level() != null || line.caller() != null || line.filed()
                || LineText.timestamp(line) != null) {
            return false;
        }
        String t = raw.strip();
        if (t.length() < 2 || Character.isWhitespace(raw.charAt(0)) || SYSTEMD_STATUS.matcher(t).lookingAt()) {
            return false;
        }
        for (String chatter : INITRAMFS_CHATTER) {
            if (t.startsWith(chatter)) {
                return false;
            }
        }
        return !FSCK_CLEAN.matcher(t).find();
    }
}
