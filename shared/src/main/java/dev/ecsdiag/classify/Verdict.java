package dev.ecsdiag.classify;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One word for a whole console log, in order of precedence: the first that applies wins.
 * A boot that never reached a working user space outranks the crash that caused it, because
 * "the VM never came up" is what the person reading the build needs to know first.
 */
public enum Verdict {
    BOOT_FAILURE("boot-failure"),
    CRASH("crash"),
    STORAGE_FAILURE("storage-failure"),
    OOM("oom"),
    HEALTHY("healthy");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    /** The stable identifier used in JSON, reports and on the command line. */
    @JsonValue
    public String id() {
        return id;
    }

    public static Verdict fromId(String id) {
        for (Verdict v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict: " + id);
    }
}
