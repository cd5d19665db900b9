package dev.ecsdiag.report;

import dev.ecsdiag.classify.Boot;
import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.collect.CallFailure;
import dev.ecsdiag.collect.ConsoleCapture;
import dev.ecsdiag.collect.ScreenshotCapture;
import dev.ecsdiag.ecs.SystemEvent;
import java.util.List;
import java.util.Map;

/**
 * One instance as the report shows it.
 *
 * @param instanceId        ECS instance id
 * @param name              instance name; null when not described
 * @param status            instance status; null when not described
 * @param tags              instance tags
 * @param verdict           the report's word for the instance
 * @param reason            one line saying why (the crash title, the boot failure, the failed call...)
 * @param platformFault     a platform event (host failure, maintenance) touched the instance
 * @param platformNote      one line about that event for people; null when there was none
 * @param events            every platform event collected for the instance
 * @param failures          API calls that failed for the instance
 * @param console           console files written by the collector; null when none
 * @param screenshot        screenshot written by the collector; null when none
 * @param thumbnail         path of the screenshot thumbnail relative to the output folder; null when none
 * @param classifierVerdict the classifier's verdict; null when there was no console output
 * @param consoleLines      lines in the console text; null when there was none
 * @param crashes           every crash, with its excerpt and hints
 * @param findings          OOM kills, storage failures, boot failures, with excerpts and hints
 * @param bootFailures      boots that failed, with excerpts and hints
 * @param boots             every boot, with the milestones of its timeline
 */
public record InstanceReport(
        String instanceId,
        String name,
        String status,
        Map<String, String> tags,
        Verdict verdict,
        String reason,
        boolean platformFault,
        String platformNote,
        List<SystemEvent> events,
        List<CallFailure> failures,
        ConsoleCapture console,
        ScreenshotCapture screenshot,
        String thumbnail,
        Verdict classifierVerdict,
        Long consoleLines,
        List<CrashEntry> crashes,
        List<FindingEntry> findings,
        List<BootFailureEntry> bootFailures,
        List<Boot> boots) {

    public InstanceReport {
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        events = List.copyOf(events);
        failures = List.copyOf(failures);
        crashes = List.copyOf(crashes);
        findings = List.copyOf(findings);
        bootFailures = List.copyOf(bootFailures);
        boots = List.copyOf(boots);
    }

    /** Instance id and, when there is one, its name: how people recognise the instance. */
    public String displayName() {
        return name == null || name.isBlank() ? instanceId : instanceId + " (" + name + ")";
    }
}
