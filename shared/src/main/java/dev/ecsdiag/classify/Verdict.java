package dev.ecsdiag.classify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The one verdict vocabulary of ecsdiag, worst first: the classifier's verdict of a console log, the
 * report's verdict of an instance (page, {@code report.json}, {@code junit.xml}, {@code summary.md})
 * and every front end's summary lines all use these values, and sort by this order.
 *
 * <p>The classifier gives one of {@link #BOOT_FAILURE}, {@link #CRASH}, {@link #STORAGE_FAILURE},
 * {@link #OOM} and {@link #HEALTHY} (see {@link Verdicts}). A collection adds the states of an
 * instance that are not a classification of its console: {@link #PLATFORM_FAULT} (the host failed,
 * and the console shows nothing worse), {@link #NOT_COLLECTED} (no console output could be fetched)
 * and {@link #EMPTY_CONSOLE} (fetched, but empty: nothing to judge by). The list and the rules that
 * pick a value are documented once, in docs/verdicts.md.
 */
public enum Verdict {
    BOOT_FAILURE("boot-failure", "boot failed", "boot-failed"),
    CRASH("crash", "crashed", "crashed"),
    STORAGE_FAILURE("storage-failure", "storage failure", null),
    OOM("oom", "OOM", null),
    PLATFORM_FAULT("platform-fault", "platform fault", null),
    NOT_COLLECTED("not-collected", "not collected", null),
    EMPTY_CONSOLE("empty-console", "empty console", null),
    HEALTHY("healthy", "healthy", null);

    private final String id;
    private final String label;
    private final String legacyId;

    Verdict(String id, String label, String legacyId) {
        this.id = id;
        this.label = label;
        this.legacyId = legacyId;
    }

    /** The stable identifier used in JSON, reports, CSS classes and on the command line. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Words for people, e.g. "boot failed". */
    public String label() {
        return label;
    }

    /** Something in the instance or under it failed: the verdicts worse than {@link #PLATFORM_FAULT}, and it. */
    public boolean failure() {
        return ordinal() <= PLATFORM_FAULT.ordinal();
    }

    /** Nothing could be judged: no console, or an empty one. */
    public boolean unknown() {
        return this == NOT_COLLECTED || this == EMPTY_CONSOLE;
    }

    /** The worse of two verdicts. */
    public Verdict worse(Verdict other) {
        return other == null || ordinal() <= other.ordinal() ? this : other;
    }

    /**
     * The verdict of an identifier, case-insensitive, also the enum's name ({@code BOOT_FAILURE}) and
     * the report's words of schema 1 before the vocabulary was unified ({@code boot-failed},
     * {@code crashed}), so that {@code report.json} files of earlier builds stay readable.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    @JsonCreator
    public static Verdict fromId(String id) {
        if (id != null) {
            String s = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Verdict v : values()) {
                if (v.id.equals(s) || s.equals(v.legacyId)) {
                    return v;
                }
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + id + "'; the verdicts are " + ids());
    }

    /** Every identifier, worst first, comma-separated: for messages and help texts. */
    public static String ids() {
        StringBuilder sb = new StringBuilder();
        for (Verdict v : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(v.id);
        }
        return sb.toString();
    }
}
