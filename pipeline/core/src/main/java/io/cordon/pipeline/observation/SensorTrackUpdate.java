package io.cordon.pipeline.observation;

/**
 * An update of a track held by the sensor's own tracker (ASTERIX CAT062, partner CoT or SAPIENT
 * tracks, drone tracker output), fused track-to-track.
 *
 * @param localTrackId the sensor's own track number or uid, stable for that sensor
 * @param fix the sensor track's estimated position and covariance
 */
public record SensorTrackUpdate(String localTrackId, PositionFix fix) implements Measurement {
    public SensorTrackUpdate {
        if (localTrackId == null || localTrackId.isBlank()) {
            throw new IllegalArgumentException("localTrackId is required");
        }
        if (fix == null) {
            throw new IllegalArgumentException("fix is required");
        }
    }
}
