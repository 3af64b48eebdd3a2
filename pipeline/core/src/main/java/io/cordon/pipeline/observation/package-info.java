/**
 * What a sensor reports: an {@link io.cordon.pipeline.observation.Observation} with its provenance,
 * event time, releasability marking and its own measurement model.
 */
package io.cordon.pipeline.observation;
