package dev.ecsdiag.classify;

import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.crash.CrashSignature;
import dev.ecsdiag.classify.crash.CrashTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the reboots nothing asked for into crash reports titled {@code unexpected kernel reboot},
 * as syzkaller reports a VM whose kernel restarted without a word: a triple fault, a watchdog
 * reset, a hypervisor's reset after a hang all look like this. The boot's {@code unexpected-reboot}
 * finding stays beside it.
 *
 * <p>A crash report among the boot's last lines explains the reboot (an oops or a double fault that
 * took the machine down): then that report is the crash, and no second one is made.
 */
final class UnexpectedRebootCrashes {

    static final String TITLE = "unexpected kernel reboot";

    private UnexpectedRebootCrashes() {
    }

    /** The crashes to add for {@code reboots}, given the crash reports already found. */
    static List<Crash> of(List<BootAnalyzer.UnexpectedReboot> reboots, List<Crash> crashes) {
        List<Crash> out = new ArrayList<>();
        String type = CrashTypes.of(TITLE);
        CrashSignature signature = new CrashSignature();
        for (BootAnalyzer.UnexpectedReboot r : reboots) {
            boolean explained = crashes.stream().anyMatch(c -> c.boot() == r.boot()
                    && r.lastLine() - c.endLine() <= CrashAnalyzer.PANIC_DISTANCE);
            if (!explained) {
                out.add(new Crash(TITLE, List.of(), type, false, null, null, r.lastLine(), r.lastLine(), List.of(), null,
                        null, null, null, null, null, null, null, false, r.boot(), r.lastText(), r.lastText(),
                        signature.of(type, TITLE)));
            }
        }
        return out;
    }

    static boolean isUnexpectedReboot(Crash crash) {
        return TITLE.equals(crash.title()) && crash.callTrace().isEmpty();
    }
}
