package io.cordon.connectors.sensor;

import io.cordon.pipeline.observation.Marking;

/**
 * Defaults for the observations of one sensor, from the sensor registry.
 *
 * @param partnerId the partner that owns the sensor
 * @param sensorId the sensor, unique across partners
 * @param marking releasability of its observations
 * @param horizontalSigmaM one-sigma horizontal position error, metres, per axis (east and north),
 *     used when a report states no accuracy of its own
 */
public record SensorDefaults(
        String partnerId, String sensorId, Marking marking, double horizontalSigmaM) {
    public SensorDefaults {
        if (partnerId == null || partnerId.isBlank()) {
            throw new IllegalArgumentException("partnerId is required");
        }
        if (sensorId == null || sensorId.isBlank()) {
            throw new IllegalArgumentException("sensorId is required");
        }
        if (!(horizontalSigmaM > 0) || !Double.isFinite(horizontalSigmaM)) {
            throw new IllegalArgumentException(
                    "horizontalSigmaM must be finite and > 0 metres, was " + horizontalSigmaM);
        }
        marking = marking == null ? Marking.UNRESTRICTED : marking;
    }
}
