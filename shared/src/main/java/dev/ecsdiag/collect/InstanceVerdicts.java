package dev.ecsdiag.collect;

import dev.ecsdiag.classify.Boot;
import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.Finding;
import dev.ecsdiag.classify.FindingKind;
import dev.ecsdiag.classify.crash.PrintedTitle;
import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.classify.Verdicts;
import dev.ecsdiag.classify.crash.Crash;
import dev.ecsdiag.ecs.SystemEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides the verdict of one instance from everything collected for it: the classification of its
 * console, and what a classification cannot say (no console, an empty one, a platform failure).
 *
 * <ol>
 *   <li>The console's verdict when it shows a failure ({@code boot-failure}, {@code crash},
 *       {@code storage-failure}, {@code oom}): an OS-level failure keeps its verdict even when a
 *       platform event hit the instance too (the event stays beside it);</li>
 *   <li>the screen's verdict when the screenshot, read as text (docs/screen.md), shows a failure and
 *       the console shows nothing worse (empty, healthy-looking, not fetched); otherwise the screen
 *       stays beside the console's verdict in the report. {@link InstanceVerdict#source()} says which
 *       gave the verdict;</li>
 *   <li>{@code platform-fault} when a {@code SystemFailure.*} event hit the instance and the console
 *       shows nothing worse (healthy, empty, or not fetched: a stopped host often leaves none);</li>
 *   <li>{@code not-collected}: no console output could be fetched;</li>
 *   <li>{@code empty-console}: fetched, but empty;</li>
 *   <li>{@code healthy}.</li>
 * </ol>
 */
public final class InstanceVerdicts {

    private static final Set<FindingKind> STORAGE = Verdicts.STORAGE_KINDS;

    private InstanceVerdicts() {
    }

    public static InstanceVerdict decide(InstanceOutcome outcome) {
        String platform = PlatformEvents.firstFailure(outcome.events()).map(SystemEvent::type).orElse(null);
        Classification c = outcome.classification();
        if (c != null && c.verdict().failure()) {
            return switch (c.verdict()) {
                case BOOT_FAILURE -> decided(Verdict.BOOT_FAILURE, bootFailureTitle(c), platform);
                case CRASH -> new InstanceVerdict(Verdict.CRASH, crashReason(c.crashes()),
                        PrintedTitle.of(worstCrash(c.crashes())), platform, InstanceVerdict.CONSOLE);
                case STORAGE_FAILURE -> decided(Verdict.STORAGE_FAILURE, firstFinding(c.findings(), STORAGE, "storage failure"), platform);
                default -> decided(Verdict.OOM, firstFinding(c.findings(), EnumSet.of(FindingKind.OOM_KILL), "out of memory"), platform);
            };
        }
        Classification screen = screenClassification(outcome);
        if (screen != null && screen.verdict().failure()) {
            // The console shows nothing worse (empty, healthy-looking, not fetched): the screen decides.
            InstanceVerdict fromScreen = switch (screen.verdict()) {
                case BOOT_FAILURE -> decided(Verdict.BOOT_FAILURE, bootFailureTitle(screen), platform);
                case CRASH -> new InstanceVerdict(Verdict.CRASH, crashReason(screen.crashes()),
                        PrintedTitle.of(worstCrash(screen.crashes())), platform, InstanceVerdict.CONSOLE);
                case STORAGE_FAILURE -> decided(Verdict.STORAGE_FAILURE, firstFinding(screen.findings(), STORAGE, "storage failure"), platform);
                default -> decided(Verdict.OOM, firstFinding(screen.findings(), EnumSet.of(FindingKind.OOM_KILL), "out of memory"), platform);
            };
            return new InstanceVerdict(fromScreen.verdict(), fromScreen.reason() + " (read from the screen)", fromScreen.title(),
                    platform, InstanceVerdict.SCREEN);
        }
        if (platform != null) {
            String console = c == null ? notCollectedReason(outcome)
                    : outcome.console() != null && outcome.console().bytes() == 0 ? "the console is empty" : healthyReason(c);
            return new InstanceVerdict(Verdict.PLATFORM_FAULT, platform + ": the host failed and the platform acted on the"
                    + " instance; not the build's fault (" + console + ")", platform, platform, "events");
        }
        if (c == null) {
            return new InstanceVerdict(Verdict.NOT_COLLECTED, notCollectedReason(outcome) + screenNote(outcome), null, null, "none");
        }
        if (outcome.console() != null && outcome.console().bytes() == 0) {
            return new InstanceVerdict(Verdict.EMPTY_CONSOLE, "the console output is empty: nothing to judge by"
                    + (outcome.screenshot() != null ? " (see the screenshot" + screenNote(outcome) + ")" : ""), null, null, "none");
        }
        return new InstanceVerdict(Verdict.HEALTHY, healthyReason(c), null, null, InstanceVerdict.CONSOLE);
    }

    private static InstanceVerdict decided(Verdict verdict, String title, String platform) {
        return new InstanceVerdict(verdict, title, title, platform, InstanceVerdict.CONSOLE);
    }

    /** What the screen says, when it was read; null when there is no screenshot or it could not be read. */
    private static Classification screenClassification(InstanceOutcome outcome) {
        ScreenshotCapture shot = outcome.screenshot();
        return shot == null || shot.screen() == null || !shot.screen().read() ? null
                : shot.screen().classification().classification();
    }

    /** Why the screen could not help, for an instance nothing else could judge: "; the screen: not read: ..." */
    private static String screenNote(InstanceOutcome outcome) {
        ScreenshotCapture shot = outcome.screenshot();
        if (shot == null || shot.screen() == null) {
            return "";
        }
        return shot.screen().read() ? "; the screen shows no failure" : "; the screen was " + shot.screen().problem();
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

    private static String bootFailureTitle(Classification c) {
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

    /** The crash a person should read first: the first one that is not corrupted. */
    public static Crash worstCrash(List<Crash> crashes) {
        return crashes.stream().filter(x -> !x.corrupted()).findFirst().orElse(crashes.get(0));
    }

    /** The first crash's title as printed ({@link PrintedTitle}), and how many more there are. */
    public static String crashReason(List<Crash> crashes) {
        if (crashes.isEmpty()) {
            return "crash";
        }
        int more = crashes.size() - 1;
        return PrintedTitle.of(worstCrash(crashes)) + (more > 0 ? " (and " + more + " more " + (more == 1 ? "crash" : "crashes") + ")" : "");
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
}
