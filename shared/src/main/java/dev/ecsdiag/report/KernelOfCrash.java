package dev.ecsdiag.report;

import dev.ecsdiag.classify.Boot;
import dev.ecsdiag.classify.crash.Crash;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kernel release and taint of a crash for the page: the crash's own, else what the log shows. A
 * hung-task report prints them on a line of their own ({@code       Not tainted 6.1.0-56-amd64 #1})
 * rather than on a {@code CPU: ... PID: ...} line; the boot's banner names the release too.
 */
final class KernelOfCrash {

    /** "Not tainted 6.1.0-56-amd64 #1" or "Tainted: G      D W  6.1.0-56-amd64 #1". */
    private static final Pattern TAINT_LINE = Pattern.compile("(?:Not tainted|Tainted: ([A-Z ]{1,40}?)) +(\\d+\\.\\d+\\S*) #");

    record Facts(String kernelRelease, String taint) {
    }

    private KernelOfCrash() {
    }

    static Facts of(Crash crash, Collection<String> reportLines, List<Boot> boots) {
        String release = crash.kernelRelease();
        String taint = crash.taint();
        if (release == null || taint == null) {
            for (String line : reportLines) {
                Matcher m = line == null ? null : TAINT_LINE.matcher(line);
                if (m != null && m.find()) {
                    release = release == null ? m.group(2) : release;
                    taint = taint == null ? (m.group(1) == null ? "" : m.group(1).trim()) : taint;
                    break;
                }
            }
        }
        if (release == null) {
            release = boots.stream().filter(b -> b.index() == crash.boot()).map(Boot::kernelRelease).filter(r -> r != null)
                    .findFirst().orElse(null);
        }
        return new Facts(release, taint);
    }
}
