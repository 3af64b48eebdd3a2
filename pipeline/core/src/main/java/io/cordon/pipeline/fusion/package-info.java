/**
 * Fusion as a deterministic step: observations that share an event time are grouped by sensor and
 * fed to the tracker in a fixed order, so a streaming job and an offline replay produce the same
 * tracks and the same ids.
 */
package io.cordon.pipeline.fusion;
