package dev.ecsdiag.classify.robustness;

import dev.ecsdiag.classify.Boot;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.classify.Finding;
import dev.ecsdiag.classify.FindingKind;
import dev.ecsdiag.classify.crash.StackFrame;
import dev.ecsdiag.classify.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What must hold for the classifier's answer on any input, however broken: line numbers inside
 * the log, ranges the right way round, things in log order, required fields present, and a
 * verdict that agrees with what was found. {@link #violations} lists every broken rule, so a
 * failing case says all that is wrong with it at once.
 */
final class ClassificationInvariants {

    /** The kinds that make a storage-failure verdict, as the README states them (restated, not taken from Verdicts). */
    static final Set<FindingKind> STORAGE = EnumSet.of(FindingKind.STORAGE_IO_ERROR, FindingKind.FILESYSTEM_ERROR,
            FindingKind.FILESYSTEM_SHUTDOWN, FindingKind.FILESYSTEM_READ_ONLY);

    private ClassificationInvariants() {
    }

    static List<String> violations(byte[] input, Classification c) {
        List<String> v = new ArrayList<>();
        if (c == null) {
            v.add("classification is null");
            return v;
        }
        if (c.verdict() == null) {
            v.add("verdict is null");
        }
        if (c.bytes() != input.length) {
            v.add("bytes() = " + c.bytes() + " but the input has " + input.length + " bytes");
        }
        long lines = c.lines();
        if ((input.length > 0) != (lines > 0)) {
            v.add("lines() = " + lines + " for an input of " + input.length + " bytes");
        }
        if (lines > input.length) {
            v.add("lines() = " + lines + " exceeds the " + input.length + " bytes of input");
        }
        int bootCount = c.boots().size();
        checkCrashes(c.crashes(), lines, bootCount, v);
        checkBoots(c.boots(), lines, v);
        checkFindings(c.findings(), lines, bootCount, v);
        checkVerdict(c, v);
        return v;
    }

    private static void checkCrashes(List<Crash> crashes, long lines, int boots, List<String> v) {
        int previousStart = 0;
        for (int i = 0; i < crashes.size(); i++) {
            Crash k = crashes.get(i);
            String at = "crash #" + i + " (" + k.title() + ", lines " + k.startLine() + ".." + k.endLine() + "): ";
            if (k.title() == null || k.title().isBlank()) {
                v.add(at + "no title");
            }
            if (k.altTitles().stream().anyMatch(t -> t == null || t.isBlank())) {
                v.add(at + "blank alternative title");
            }
            if (k.signature() == null || k.signature().isBlank()) {
                v.add(at + "no signature");
            }
            if (k.startLine() < 1 || k.startLine() > k.endLine() || k.endLine() > lines) {
                v.add(at + "line range outside 1.." + lines + " or reversed");
            }
            if (k.startLine() < previousStart) {
                v.add(at + "not in log order (previous report starts at line " + previousStart + ")");
            }
            previousStart = k.startLine();
            if (k.corrupted() != (k.corruptedReason() != null)) {
                v.add(at + "corrupted=" + k.corrupted() + " but corruptedReason=" + k.corruptedReason());
            }
            if (k.guiltyFrame() != null && k.guiltyFrame().isBlank()) {
                v.add(at + "blank guilty frame");
            }
            if (k.boot() < 0 || (boots > 0 && k.boot() >= boots)) {
                v.add(at + "boot " + k.boot() + " but there are " + boots + " boots");
            }
            for (StackFrame f : k.callTrace()) {
                if (f.function() == null || f.function().isBlank()) {
                    v.add(at + "frame without a function at line " + f.line());
                }
                if (f.line() < k.startLine() || f.line() > k.endLine()) {
                    v.add(at + "frame " + f.function() + " at line " + f.line() + " lies outside the report");
                }
            }
        }
    }

    private static void checkBoots(List<Boot> boots, long lines, List<String> v) {
        int previousEnd = 0;
        for (int i = 0; i < boots.size(); i++) {
            Boot b = boots.get(i);
            String at = "boot #" + i + " (lines " + b.startLine() + ".." + b.endLine() + "): ";
            if (b.index() != i) {
                v.add(at + "index() = " + b.index());
            }
            if (b.startLine() < 1 || b.startLine() > b.endLine() || b.endLine() > lines) {
                v.add(at + "line range outside 1.." + lines + " or reversed");
            }
            // A lone CR splits a physical line into pieces that share its number (the reader counts
            // LFs, as grep -n does), so a boot may start on the line where the previous one ended.
            if (b.startLine() < previousEnd) {
                v.add(at + "overlaps the previous boot, which ends at line " + previousEnd);
            }
            previousEnd = b.endLine();
            if (b.reached() == null) {
                v.add(at + "reached stage is null");
            }
            if ((b.failure() == null) != (b.failureLine() == 0)) {
                v.add(at + "failure " + b.failure() + " at line " + b.failureLine());
            }
            if (b.failure() != null && (b.failureLine() < b.startLine() || b.failureLine() > b.endLine())) {
                v.add(at + "failure line " + b.failureLine() + " outside the boot");
            }
            int previousMilestone = 0;
            for (Boot.Milestone m : b.milestones()) {
                if (m.line() < b.startLine() || m.line() > b.endLine() || m.line() < previousMilestone) {
                    v.add(at + "milestone " + m.stage() + " at line " + m.line() + " outside the boot or out of order");
                }
                previousMilestone = m.line();
            }
        }
    }

    private static void checkFindings(List<Finding> findings, long lines, int boots, List<String> v) {
        int previous = 0;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            String at = "finding #" + i + " (" + f.kind() + " " + f.title() + " at line " + f.line() + "): ";
            if (f.kind() == null || f.title() == null || f.title().isBlank()) {
                v.add(at + "kind or title missing");
            }
            if (f.line() < 1 || f.line() > lines) {
                v.add(at + "line outside 1.." + lines);
            }
            if (f.line() < previous) {
                v.add(at + "not in log order (previous at line " + previous + ")");
            }
            previous = f.line();
            if (f.boot() < 0 || (boots > 0 && f.boot() >= boots)) {
                v.add(at + "boot " + f.boot() + " but there are " + boots + " boots");
            }
        }
    }

    /** The verdict must follow from what was found, by the documented precedence. */
    private static void checkVerdict(Classification c, List<String> v) {
        Verdict verdict = c.verdict();
        if (verdict == null) {
            return;
        }
        boolean crashes = !c.crashes().isEmpty();
        boolean storage = c.findings().stream().anyMatch(f -> STORAGE.contains(f.kind()));
        boolean oom = c.findings().stream().anyMatch(f -> f.kind() == FindingKind.OOM_KILL);
        String found = " (crashes=" + c.crashes().size() + ", storage findings=" + storage + ", oom=" + oom + ")";
        switch (verdict) {
            case BOOT_FAILURE -> {
                if (c.boots().isEmpty()) {
                    v.add("verdict boot-failure without any boot" + found);
                } else {
                    Boot last = c.boots().get(c.boots().size() - 1);
                    boolean bootFailureFinding = c.findings().stream().anyMatch(f -> f.kind() == FindingKind.BOOT_FAILURE);
                    if (last.failure() == null && last.reached() == dev.ecsdiag.classify.BootStage.LOGIN && !bootFailureFinding) {
                        v.add("verdict boot-failure but the last boot reached a login prompt without a failure" + found);
                    }
                }
            }
            case CRASH -> {
                if (!crashes) {
                    v.add("verdict crash without a crash" + found);
                }
            }
            case STORAGE_FAILURE -> {
                if (crashes || !storage) {
                    v.add("verdict storage-failure" + found);
                }
            }
            case OOM -> {
                if (crashes || storage || !oom) {
                    v.add("verdict oom" + found);
                }
            }
            case HEALTHY -> {
                if (crashes || storage || oom) {
                    v.add("verdict healthy" + found);
                }
            }
        }
    }
}
