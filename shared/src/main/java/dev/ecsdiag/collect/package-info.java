/**
 * The one entry point every front end calls: a plain {@link dev.ecsdiag.collect.CollectionRequest}
 * in, human-readable progress lines out through a {@link dev.ecsdiag.collect.ProgressSink}, a
 * {@link dev.ecsdiag.collect.CollectionResult} back. No global state: two collections may run side
 * by side in one JVM, as they do on a Jenkins controller.
 */
package dev.ecsdiag.collect;
