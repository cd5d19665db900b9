/**
 * Kernel console classification: reads a console log once, line by line, and reports every crash,
 * every boot and every finding (OOM kills, storage failures, boot failures) it holds.
 *
 * <p>The values in this package (and {@link dev.ecsdiag.classify.crash.Crash} with its
 * {@link dev.ecsdiag.classify.crash.StackFrame}s) are the stage's output: immutable records that
 * serialise to the report's JSON as they are, so the report can be rebuilt from {@code report.json}.
 *
 * <p>Layers, each depending only on the ones below it (checked by {@code ClassifierArchitectureTest}):
 * this package (the analyzers and {@link dev.ecsdiag.classify.ConsoleClassifier}) on top;
 * {@code classify.crash} (reading one crash report: the oops table, titles, frames, facts) below it;
 * {@code classify.text} (normalised console lines) at the bottom.
 */
package dev.ecsdiag.classify;
