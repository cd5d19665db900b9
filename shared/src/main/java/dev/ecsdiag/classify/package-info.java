/**
 * Kernel console classification: reads a console log once, line by line, and reports every crash,
 * every boot and every finding (OOM kills, storage failures, boot failures) it holds.
 *
 * <p>The values in this package are the stage's output: immutable records that serialise to the
 * report's JSON as they are, so the report can be rebuilt from {@code report.json}.
 */
package dev.ecsdiag.classify;
