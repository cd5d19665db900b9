/**
 * Retrieval: turns a {@link dev.ecsdiag.collect.CollectionRequest} into the instances' console
 * output, screenshots and system events on disk, classifies every console and decides each
 * instance's verdict ({@link dev.ecsdiag.collect.InstanceVerdicts}). Internal to the core: front
 * ends run it through {@code dev.ecsdiag.job.DiagnosticsJob}. No global state: two collections may
 * run side by side in one JVM, as they do on a Jenkins controller.
 */
package dev.ecsdiag.collect;
