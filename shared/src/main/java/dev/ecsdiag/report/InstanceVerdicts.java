package dev.ecsdiag.report;

import dev.ecsdiag.classify.Boot;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.Finding;
import dev.ecsdiag.classify.FindingKind;
import dev.ecsdiag.collect.CallFailure;
import dev.ecsdiag.collect.InstanceOutcome;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The report's verdict for one instance and the one line that says why. */
final class InstanceVerdicts {

    private static final Set<FindingKind> STORAGE = EnumSet.of(FindingKind.STORAGE_IO_ERROR,
            FindingKind.FILESYSTEM_SHUTDOWN, FindingKind.FILESYSTEM_READ_ONLY, FindingKind.FILESYSTEM_ERROR);

    record Decision(InstanceVerdict verdict, String reason) {
    }

    private InstanceVerdicts() {
    }

    static Decision decide(InstanceOutcome outcome) {
        Classification c = outcome.classification();
        if (c == null) {
            return new Decision(InstanceVerdict.NOT_COLLECTED, notCollectedReason(outcome));
        }
        InstanceVerdict verdict = InstanceVerdict.of(c.verdict());
        String reason = switch (verdict) {
            case BOOT_FAILED -> bootFailureReason(c);
            case CRASHED -> crashReason(c.crashes());
            case STORAGE_FAILURE -> firstFinding(c.findings(), STORAGE, "storage failure");
            case OOM -> firstFinding(c.findings(), EnumSet.of(FindingKind.OOM_KILL), "out of memory");
            default -> healthyReason(c);
        };
        return new Decision(verdict, reason);
    }

    private static String notCollectedReason(InstanceOutcome outcome) {
        CallFailure console = outcome.failures().stream()
                .filter(f -> "GetInstanceConsoleOutput".equals(f.call())).findFirst()
                .orElse(outcome.failures().isEmpty() ? null : outcome.failures().get(0));
        if (console != null) {
            String s = console.call() + " failed: " + console.code()
                    + (console.message() == null ? "" : ": " + console.message());
            return console.hint() == null ? s : s + " (" + console.hint() + ")";
        }
        if (outcome.console() != null) {
            return "console output was collected but not classified";
        }
        if (outcome.status() != null && !"Running".equalsIgnoreCase(outcome.status())) {
            return "no console output: instance is " + outcome.status();
        }
        return "no console output was collected";
    }

    private static String bootFailureReason(Classification c) {
        for (int i = c.boots().size() - 1; i >= 0; i--) {
            Boot b = c.boots().get(i);
            if (b.failure() != null) {
                return b.failure();
            }
        }
        for (Finding f : c.findings()) {
            if (f.kind() == FindingKind.BOOT_FAILURE) {
                return f.title();
            }
        }
        if (!c.crashes().isEmpty()) {
            return crashReason(c.crashes());
        }
        if (!c.boots().isEmpty()) {
            Boot last = c.boots().get(c.boots().size() - 1);
            return "the boot never reached user space (last stage: " + last.reached().id() + ")";
        }
        return "the boot never reached user space";
    }

    static String crashReason(List<Crash> crashes) {
        if (crashes.isEmpty()) {
            return "crash";
        }
        Crash first = crashes.stream().filter(x -> !x.corrupted()).findFirst().orElse(crashes.get(0));
        int more = crashes.size() - 1;
        return first.title() + (more > 0 ? " (and " + more + " more " + (more == 1 ? "crash" : "crashes") + ")" : "");
    }

    private static String firstFinding(List<Finding> findings, Set<FindingKind> kinds, String fallback) {
        return findings.stream().filter(f -> kinds.contains(f.kind())).map(Finding::title).findFirst().orElse(fallback);
    }

    private static String healthyReason(Classification c) {
        if (c.boots().isEmpty()) {
            return "no crash, boot failure, storage failure or OOM kill in " + c.lines() + " console lines";
        }
        Boot last = c.boots().get(c.boots().size() - 1);
        return "booted to " + last.reached().id()
                + (last.kernelRelease() == null ? "" : " (" + last.kernelRelease() + ")") + "; no crash found";
    }

    static boolean isStorage(FindingKind kind) {
        return STORAGE.contains(kind);
    }
}
