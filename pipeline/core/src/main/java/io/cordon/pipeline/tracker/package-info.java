/**
 * Multi-sensor multi-target tracking: the {@link io.cordon.pipeline.tracker.Tracker} contract the
 * fusion job calls, and {@link io.cordon.pipeline.tracker.MultiTargetTracker}, a short loop over
 * the parts in {@code filter} (prediction, update), {@code association} (gating, assignment) and
 * track management (initiation, confirmation, coasting, deletion), with deterministic track ids and
 * a versioned binary snapshot for checkpoints.
 */
package io.cordon.pipeline.tracker;
