/**
 * Detectors: plain Java over a keyed stream of track updates, each with explicit state, event time
 * taken from the tracks (never a clock) and documented parameters. A Flink operator keeps the state
 * (as the detector's state record or its bytes), calls the detector and emits the alerts; nothing
 * here knows Flink.
 *
 * <p>The contract shared by the per-track detectors is {@link
 * io.cordon.pipeline.detect.TrackDetector}; each detector lives in its own sub-package with its
 * parameters and state records. Alert evidence keys common to all detectors are in {@link
 * io.cordon.pipeline.detect.Evidence}.
 */
package io.cordon.pipeline.detect;
