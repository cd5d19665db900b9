/**
 * Talking to ECS through the Alibaba Cloud Java SDK: one SDK client per collection over its own
 * HTTP transport (no JVM-wide client, no {@code DefaultProfile.addEndpoint}), our own retry with
 * backoff and jitter, error codes turned into sentences a person can act on, and streaming
 * decoders for the Base64 payloads (console output, screenshots).
 */
package dev.ecsdiag.ecs;
