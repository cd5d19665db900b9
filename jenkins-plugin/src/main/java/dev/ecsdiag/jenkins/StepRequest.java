package dev.ecsdiag.jenkins;

import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.job.FailurePolicy;
import dev.ecsdiag.job.JobRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The step's fields, the global defaults and the build's variables turned into the core's request.
 * Paths stay relative here: the output folder and the fleet file are resolved where the job runs
 * (the agent's workspace, or a temporary folder on the controller), see {@link CollectOnAgent}.
 */
final class StepRequest {

    /** The output folder, relative to the workspace, and the artifacts' folder. */
    static final String FOLDER = "ecsdiag";

    private StepRequest() {
    }

    /**
     * @param expand      the build's variables, for values such as {@code ${BUILD_TAG}} in a freestyle form
     * @param credentials the values the calls need, already looked up
     * @param buildLabel  names this build in the report
     * @throws dev.ecsdiag.config.InvalidRequestException naming the setting to change
     */
    static JobRequest of(EcsDiagnosticsRecorder step, Defaults defaults, UnaryOperator<String> expand,
                         Credentials credentials, String buildLabel) {
        Map<String, String> tags = new LinkedHashMap<>();
        step.getTags().forEach((k, v) -> tags.put(expand.apply(k), expand.apply(v)));
        String fleetFile = blankToNull(expand.apply(nullToEmpty(step.getFleetFile())));
        return JobRequest.builder()
                .region(firstNonBlank(expand.apply(nullToEmpty(step.getRegion())), defaults.region()))
                .endpoint(firstNonBlank(expand.apply(nullToEmpty(step.getEndpoint())), defaults.endpoint()))
                .instanceIds(words(expand.apply(nullToEmpty(step.getInstanceIds()))))
                .tags(tags)
                .fleetFile(fleetFile == null ? null : Path.of(fleetFile))
                .credentials(credentials)
                .callTimeout(Duration.ofSeconds(step.getTimeout()))
                .deadline(Duration.ofSeconds(step.getDeadline()))
                .outputDirectory(Path.of(FOLDER))
                .buildLabel(buildLabel)
                .policy(FailurePolicy.of(FailurePolicy.parseVerdicts(step.getFailOn()), false))
                .build();
    }

    /** The credentials ID the step uses: its own, else the global default; null for the SDK's default chain. */
    static String credentialsId(EcsDiagnosticsRecorder step, Defaults defaults) {
        return firstNonBlank(step.getCredentialsId(), defaults.credentialsId());
    }

    /** Instance IDs as typed: separated by commas, spaces or new lines. */
    static List<String> words(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }

    static String firstNonBlank(String a, String b) {
        return blankToNull(a) != null ? a.strip() : blankToNull(b);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** What the global configuration supplies when a step leaves a field empty. */
    record Defaults(String region, String endpoint, String credentialsId) {
        static final Defaults NONE = new Defaults(null, null, null);
    }
}
