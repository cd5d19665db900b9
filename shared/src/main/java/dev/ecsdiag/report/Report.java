package dev.ecsdiag.report;

import java.util.List;
import java.util.Map;

/**
 * Everything the report shows, as written to {@code report.json}. docs/report.md describes each field
 * and docs/report.schema.json is its JSON Schema.
 *
 * @param schemaVersion      version of this layout; bumped on any incompatible change
 * @param generator          {@code ecsdiag}
 * @param build              the build's identifier from the options; null when none was given
 * @param generatedAt        when the report was written, ISO 8601 UTC
 * @param region             region the instances were collected from
 * @param collectionStarted  ISO 8601 UTC; null when unknown
 * @param collectionFinished ISO 8601 UTC; null when unknown
 * @param totals             number of instances, in all and per verdict id
 * @param instances          one entry per instance, worst verdict first
 * @param crashGroups        crashes grouped by signature, most instances first
 * @param notFound           instance ids asked for but not found
 * @param collectionWarnings problems of the collection as a whole
 * @param reportWarnings     problems met while writing the report (unreadable previous report, bad rules file)
 */
public record Report(
        int schemaVersion,
        String generator,
        String build,
        String generatedAt,
        String region,
        String collectionStarted,
        String collectionFinished,
        Map<String, Integer> totals,
        List<InstanceReport> instances,
        List<CrashGroup> crashGroups,
        List<String> notFound,
        List<String> collectionWarnings,
        List<String> reportWarnings) {

    /** The version written by this code. */
    public static final int SCHEMA_VERSION = 2;

    public Report {
        totals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(totals));
        instances = List.copyOf(instances);
        crashGroups = List.copyOf(crashGroups);
        notFound = List.copyOf(notFound);
        collectionWarnings = List.copyOf(collectionWarnings);
        reportWarnings = List.copyOf(reportWarnings);
    }
}
