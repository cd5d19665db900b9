package dev.ecsdiag.classify;

import java.util.Map;

/**
 * A finding that is not a crash report: an OOM kill, a storage failure, a boot failure.
 *
 * @param kind       what it is
 * @param title      one line for people, e.g. {@code Out of memory: Killed process 812 (stress)}
 * @param line       1-based line in the console log
 * @param boot       0-based index of the boot it belongs to
 * @param details    facts extracted from the lines, by name (e.g. {@code device}, {@code filesystem},
 *                   {@code process}, {@code pid}, {@code anon-rss-kb}, {@code constraint}), in printed order
 */
public record Finding(FindingKind kind, String title, int line, int boot, Map<String, String> details) implements java.io.Serializable {

    public Finding {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
