package io.cordon.connectors.sensor;

import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.observation.Marking;

/**
 * What an observation mapper needs to know about the sensor that its format does not say: owner,
 * releasability and a horizontal accuracy. Connectors take it from the sensor registry ({@link
 * #of(SensorConfig)}), so the registry entry in {@code cordon.yaml} is the one place these values
 * are set; the kind priors ({@link io.cordon.pipeline.config.SensorDefaults}) fill what the entry
 * omits.
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

    /**
     * The mapper defaults of a registered sensor: its partner, id and releasability, and as
     * horizontal sigma its {@code sigmaPositionM}; for a radar (which has none) its {@code
     * sigmaRangeM}, the best single figure for the position error of what it reports as positions
     * (CAT062 tracks, CAT021 without NACp).
     */
    public static SensorDefaults of(SensorConfig sensor) {
        if (sensor == null) {
            throw new IllegalArgumentException("sensor is required");
        }
        double sigma = sensor.sigmaPositionM() > 0 ? sensor.sigmaPositionM() : sensor.sigmaRangeM();
        return new SensorDefaults(sensor.partnerId(), sensor.id(), sensor.releasability(), sigma);
    }
}
