package dev.ecsdiag.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.collect.CollectionJson;
import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.InvalidRequestException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a {@link JobRequest} and a {@link JobResult}, for tools, logs and agents that
 * speak JSON. A request's JSON names its credentials (the AccessKey ID, whether a token is set) but
 * never holds a secret: reading it back takes the credentials from the caller.
 */
public final class JobJson {

    // collection.json's mapper: it knows the collection's times
    private static final ObjectMapper JSON = CollectionJson.mapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .disable(SerializationFeature.INDENT_OUTPUT);

    private JobJson() {
    }

    /** The request's settings without their secrets. */
    record RequestJson(String region, String endpoint, List<String> instanceIds, Map<String, String> tags, String fleetFile,
                       String credentials, String accessKeyId, int concurrency, String callTimeout, String deadline,
                       String eventWindow, String sameInstanceSpacing, String outputDirectory, String buildLabel,
                       List<String> previousReports, List<String> rulesFiles, Set<Verdict> failOn, boolean failOnError) {
    }

    public static String toJson(JobRequest r) {
        boolean key = r.credentials() instanceof Credentials.AccessKey;
        RequestJson j = new RequestJson(r.region(), r.endpoint(), r.instanceIds(), r.tags(),
                r.fleetFile() == null ? null : r.fleetFile().toString(),
                key ? (((Credentials.AccessKey) r.credentials()).securityToken() == null ? "access-key" : "sts") : "default-chain",
                key ? ((Credentials.AccessKey) r.credentials()).accessKeyId() : null,
                r.concurrency(), r.callTimeout().toString(), r.deadline().toString(), r.eventWindow().toString(),
                r.sameInstanceSpacing().toString(), r.outputDirectory().toString(), r.buildLabel(),
                r.previousReports().stream().map(Path::toString).toList(), r.rulesFiles().stream().map(Path::toString).toList(),
                r.policy().failOn(), r.policy().failOnError());
        return write(j);
    }

    /**
     * A request from its JSON, with the credentials given here (JSON carries no secret).
     *
     * @throws InvalidRequestException (USAGE) when the text is not a request, or as {@link JobRequest.Builder#build()}
     */
    public static JobRequest requestFromJson(String json, Credentials credentials) {
        RequestJson j;
        try {
            j = JSON.readValue(json, RequestJson.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(InvalidRequestException.Kind.USAGE, "not a job request: " + e.getOriginalMessage());
        }
        JobRequest.Builder b = JobRequest.builder()
                .region(j.region()).endpoint(j.endpoint()).instanceIds(j.instanceIds()).tags(j.tags())
                .fleetFile(j.fleetFile() == null ? null : Path.of(j.fleetFile()))
                .credentials(credentials).concurrency(j.concurrency())
                .callTimeout(Duration.parse(j.callTimeout())).deadline(Duration.parse(j.deadline()))
                .eventWindow(Duration.parse(j.eventWindow())).sameInstanceSpacing(Duration.parse(j.sameInstanceSpacing()))
                .outputDirectory(Path.of(j.outputDirectory())).buildLabel(j.buildLabel())
                .previousReports(j.previousReports() == null ? List.of() : j.previousReports().stream().map(Path::of).toList())
                .rulesFiles(j.rulesFiles() == null ? List.of() : j.rulesFiles().stream().map(Path::of).toList())
                .failOn(j.failOn(), j.failOnError());
        return b.build();
    }

    public static String toJson(JobResult result) {
        return write(result);
    }

    public static JobResult resultFromJson(String json) {
        try {
            return JSON.readValue(json, JobResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a job result: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
