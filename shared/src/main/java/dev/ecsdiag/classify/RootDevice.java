package dev.ecsdiag.classify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The root device that a kernel command line names, as systemd's start jobs name it. */
final class RootDevice {

    private static final Pattern ROOT_PARAMETER = Pattern.compile("(?:^|\\s)root=(\\S{1,200})");

    private RootDevice() {
    }

    /**
     * {@code root=UUID=x} is {@code by-uuid/x} (of {@code /dev/disk/by-uuid/x}), {@code LABEL=},
     * {@code PARTUUID=} alike; {@code root=/dev/vda1} is itself; null when the command line names none
     * (or none that a device path shows).
     */
    static String asSystemdNamesIt(String commandLine) {
        if (commandLine == null) {
            return null;
        }
        Matcher m = ROOT_PARAMETER.matcher(commandLine);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1);
        int eq = value.indexOf('=');
        if (eq > 0 && !value.startsWith("/")) {
            return "by-" + value.substring(0, eq).toLowerCase(Locale.ROOT) + "/" + value.substring(eq + 1);
        }
        return value.startsWith("/dev/") ? value : null;
    }
}
