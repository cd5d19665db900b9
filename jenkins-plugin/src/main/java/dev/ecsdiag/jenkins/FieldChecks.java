package dev.ecsdiag.jenkins;

import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.job.FailurePolicy;
import dev.ecsdiag.job.JobRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What the form says about one field, decided by the core's own checks: the field's value is put
 * into an otherwise valid request and the core's builder judges it. Null means fine.
 */
final class FieldChecks {

    private FieldChecks() {
    }

    static String region(String value, boolean hasDefault) {
        if (StepRequest.blankToNull(value) == null) {
            return hasDefault ? null : "A region is required (here or in the global configuration), e.g. cn-hangzhou";
        }
        return judge(b -> b.region(value.strip()));
    }

    static String endpoint(String value) {
        return StepRequest.blankToNull(value) == null ? null : judge(b -> b.endpoint(value.strip()));
    }

    static String instanceIds(String value) {
        return judge(b -> b.instanceIds(StepRequest.words(value == null ? "" : value)));
    }

    static String tagLines(String value) {
        for (String line : (value == null ? "" : value).split("\\R")) {
            if (!line.isBlank() && line.indexOf('=') < 1) {
                return "Each line is KEY=VALUE; this one is not: " + line.strip();
            }
        }
        return judge(b -> b.tags(EcsDiagnosticsRecorder.parseTagLines(value)));
    }

    static String failOn(String value) {
        try {
            FailurePolicy.parseVerdicts(value);
            return null;
        } catch (InvalidRequestException e) {
            return e.getMessage();
        }
    }

    static String timeout(String value) {
        return seconds(value, s -> b -> b.callTimeout(Duration.ofSeconds(s)));
    }

    static String deadline(String value) {
        return seconds(value, s -> b -> b.deadline(Duration.ofSeconds(s)));
    }

    private static String seconds(String value, java.util.function.IntFunction<Consumer<JobRequest.Builder>> field) {
        int s;
        try {
            s = Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            return "A whole number of seconds, e.g. 600";
        }
        return judge(field.apply(s));
    }

    /** The core's verdict on a request that is valid but for the field under test. */
    private static String judge(Consumer<JobRequest.Builder> field) {
        JobRequest.Builder b = JobRequest.builder().region("cn-hangzhou").tag("ecsdiag", "form-check")
                .outputDirectory(Path.of(StepRequest.FOLDER));
        field.accept(b);
        try {
            b.build();
            return null;
        } catch (InvalidRequestException e) {
            return e.getMessage();
        }
    }
}
