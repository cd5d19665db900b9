package dev.ecsdiag.screen;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What only a screen shows: the firmware's and the boot loader's last words (they never reach a
 * serial console on most images), and Windows stop screens. Each rule turns a line into a title;
 * the console classifier's own rules run first and win where they already found something.
 */
final class ScreenRules {

    enum Kind { BOOT_FAILURE, WINDOWS_STOP }

    record Rule(String name, Kind kind, Pattern pattern, String title) {

        /** The title for a matching line; {@code $1} in the title is the first group. */
        String titleOf(Matcher m) {
            return m.groupCount() > 0 && m.group(1) != null ? title.replace("$1", m.group(1)) : title;
        }
    }

    static final List<Rule> ALL = List.of(
            // Windows 8 and later: ":(  Your device ran into a problem ...", then "Stop code: NAME"
            new Rule("windows-stop-code", Kind.WINDOWS_STOP,
                    Pattern.compile("Stop code:\\s*([A-Z][A-Z0-9_]{2,80})"), "Windows stop: $1"),
            // Windows 7 and earlier: "*** STOP: 0x0000007B (0xF78D2524, ...)"
            new Rule("windows-classic-stop", Kind.WINDOWS_STOP,
                    Pattern.compile("\\*\\*\\* STOP: (0x[0-9A-Fa-f]{8})"), "Windows stop: $1"),
            // SeaBIOS and most PC firmware when no disk boots
            new Rule("no-bootable-device", Kind.BOOT_FAILURE,
                    Pattern.compile("No bootable device"), "No bootable device"),
            new Rule("no-boot-disk", Kind.BOOT_FAILURE,
                    Pattern.compile("(?:Boot failed: not a bootable disk|No boot disk has been detected|"
                            + "Reboot and [Ss]elect proper [Bb]oot device|Operating System not found)"), "No bootable device"),
            // GRUB 2: "error: file `/boot/vmlinuz-6.1.0' not found." (quotes vary by version)
            new Rule("grub-file-not-found", Kind.BOOT_FAILURE,
                    Pattern.compile("^error: (file [`'‘]?\\S{1,200}?[’']? not found)"), "GRUB: $1"),
            new Rule("grub-error", Kind.BOOT_FAILURE,
                    Pattern.compile("^error: (no such (?:partition|device|disk)|unknown filesystem|you need to load the kernel first)"),
                    "GRUB: $1"),
            new Rule("grub-rescue", Kind.BOOT_FAILURE, Pattern.compile("^grub rescue>"), "GRUB rescue prompt"));

    /** Classic stop screens name the code in words a line or two after the hex: that name is the better title. */
    static final Pattern STOP_NAME = Pattern.compile("^\\s*([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\\s*$");
}
