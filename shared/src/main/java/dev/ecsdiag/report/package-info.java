/**
 * The forensics report: turns a {@link dev.ecsdiag.collect.CollectionResult} into the files a
 * person and the tools around them read ({@code index.html}, {@code report.json},
 * {@code junit.xml}, {@code summary.md}, screenshot thumbnails). {@link dev.ecsdiag.report.ReportWriter}
 * is the entry point; docs/report.md describes the layout and every field.
 *
 * <p>Console text is attacker-controlled: every writer escapes it for its own format.
 */
package dev.ecsdiag.report;
