package io.cordon.pipeline.tracker;

import io.cordon.pipeline.observation.SensorKind;

/**
 * What the tracker may assume about one sensor.
 *
 * @param sensorId the sensor, as in {@code Observation.sensorId}
 * @param detectionProbability P_D of a target inside the coverage, in (0, 1)
 * @param clutterDensityPerM2 false alarms per scan per m² inside the coverage, > 0
 * @param coverage where the sensor can see
 * @param kind what kind of sensor it is, or null when not known; a cooperative kind (AIS, ADS-B)
 *     makes an empty scan of it a miss only for tracks that transmit to it, as its batches are
 */
public record SensorPrior(
        String sensorId,
        double detectionProbability,
        double clutterDensityPerM2,
        SensorCoverage coverage,
        SensorKind kind) {
    /** A prior without the sensor's kind. */
    public SensorPrior(
            String sensorId,
            double detectionProbability,
            double clutterDensityPerM2,
            SensorCoverage coverage) {
        this(sensorId, detectionProbability, clutterDensityPerM2, coverage, null);
    }

    public SensorPrior {
        if (sensorId == null || sensorId.isBlank() || coverage == null) {
            throw new IllegalArgumentException("sensorId and coverage are required");
        }
        if (!(detectionProbability > 0 && detectionProbability < 1)) {
            throw new IllegalArgumentException(
                    "detectionProbability must be in (0, 1), was " + detectionProbability);
        }
        if (!(clutterDensityPerM2 > 0) || !Double.isFinite(clutterDensityPerM2)) {
            throw new IllegalArgumentException(
                    "clutterDensityPerM2 must be finite and > 0, was " + clutterDensityPerM2);
        }
    }
}
