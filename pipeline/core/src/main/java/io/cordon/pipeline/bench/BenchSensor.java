package io.cordon.pipeline.bench;

/**
 * One sensor as scenario.json describes it, for priors (the tracker needs only the detections).
 *
 * @param id sensor id as in detections.csv
 * @param type radar, drone or satellite
 * @param periodS scan or revisit period, s
 * @param detectionProbability P_D
 * @param clutterPerScan mean false alarms per scan over the coverage
 * @param coverageAreaM2 area of the coverage (disc of the radar range or drone radius, or the
 *     satellite's rectangle), m²
 * @param eastM coverage centre east in the scenario frame, m (0 for the satellite)
 * @param northM coverage centre north, m
 * @param radiusM coverage radius for radar and drone, m (NaN for the satellite)
 * @param halfEastM half-width of the satellite's rectangle, m (NaN for the others)
 * @param halfNorthM half-height of the satellite's rectangle, m (NaN for the others)
 */
public record BenchSensor(
        String id,
        String type,
        double periodS,
        double detectionProbability,
        double clutterPerScan,
        double coverageAreaM2,
        double eastM,
        double northM,
        double radiusM,
        double halfEastM,
        double halfNorthM) {
    /** Clutter spatial density, false alarms per scan per m². */
    public double clutterDensityPerM2() {
        return clutterPerScan / coverageAreaM2;
    }
}
