package dev.ecsdiag.report;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.ecsdiag.classify.Verdict;

/**
 * The report's word for one instance, worst first: the classifier's verdict, plus
 * {@link #NOT_COLLECTED} when there was no console output to classify.
 */
public enum InstanceVerdict {
    BOOT_FAILED("boot-failed", "boot failed"),
    CRASHED("crashed", "crashed"),
    STORAGE_FAILURE("storage-failure", "storage failure"),
    OOM("oom", "OOM"),
    NOT_COLLECTED("not-collected", "not collected"),
    HEALTHY("healthy", "healthy");

    private final String id;
    private final String label;

    InstanceVerdict(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Words for people. */
    public String label() {
        return label;
    }

    public boolean failed() {
        return this != HEALTHY;
    }

    public static InstanceVerdict of(Verdict verdict) {
        return switch (verdict) {
            case BOOT_FAILURE -> BOOT_FAILED;
            case CRASH -> CRASHED;
            case STORAGE_FAILURE -> STORAGE_FAILURE;
            case OOM -> OOM;
            case HEALTHY -> HEALTHY;
        };
    }
}
