/** A local ECS-compatible endpoint for tests and offline rehearsals. */
package dev.ecsdiag.emulator;
