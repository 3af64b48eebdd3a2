package io.cordon.pipeline.observation;

/**
 * The measurement an observation carries, each with its own measurement model: a radar plot in
 * polar coordinates, a geodetic position fix with covariance, or an update of a sensor's own track.
 */
public sealed interface Measurement permits RadarPlot, PositionFix, SensorTrackUpdate {}
