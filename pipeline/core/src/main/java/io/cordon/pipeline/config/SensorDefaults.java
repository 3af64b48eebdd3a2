package io.cordon.pipeline.config;

import io.cordon.pipeline.observation.SensorKind;

/**
 * Priors used for a sensor when {@code cordon.yaml} does not give them. A value of 0 for a noise
 * term means "not measured by this kind" (radars measure range and azimuth; everything else a
 * position).
 *
 * <table>
 *   <caption>Defaults per kind and where they come from</caption>
 *   <tr><th>kind</th><th>rangeM</th><th>periodS</th><th>noise</th><th>Pd</th><th>clutter/scan</th><th>source</th></tr>
 *   <tr><td>GROUND_RADAR</td><td>28 000</td><td>4</td><td>σr 15 m, σaz 0.25°</td><td>0.9</td><td>20</td>
 *       <td>the tracking benchmark's radars R1/R2 ({@code shared/bench/README.md})</td></tr>
 *   <tr><td>DRONE</td><td>6 000 (footprint radius)</td><td>2</td><td>σ 10 m</td><td>0.85</td><td>2</td>
 *       <td>the benchmark's drones D1/D2</td></tr>
 *   <tr><td>SATELLITE</td><td>40 000 (swath half-width)</td><td>180</td><td>σ 120 m</td><td>0.7</td><td>30</td>
 *       <td>the benchmark's satellite S1 (σe 150 m, σn 90 m, rounded to one isotropic σ)</td></tr>
 *   <tr><td>AIS</td><td>40 000</td><td>10</td><td>σ 10 m</td><td>0.95</td><td>0</td>
 *       <td>ITU-R M.1371: class A reports every 2-10 s under way; GNSS position; VHF range 20-40 km</td></tr>
 *   <tr><td>ADSB</td><td>250 000</td><td>1</td><td>σ 30 m</td><td>0.95</td><td>0</td>
 *       <td>RTCA DO-260B: position squitter twice a second; NACp 9 (EPU &lt; 30 m)</td></tr>
 *   <tr><td>GROUND_SENSOR</td><td>500</td><td>1</td><td>σ 25 m</td><td>0.8</td><td>0.1</td>
 *       <td>unattended ground sensor: short range, event-driven; conservative placeholder</td></tr>
 *   <tr><td>PARTNER_TRACKER, OTHER</td><td>50 000</td><td>5</td><td>σ 50 m</td><td>0.9</td><td>0</td>
 *       <td>placeholder; set from the partner's specification</td></tr>
 * </table>
 *
 * @param rangeM maximum range, metres
 * @param periodS revisit period, seconds
 * @param sigmaRangeM one-sigma range noise, metres (radar only, else 0)
 * @param sigmaAzimuthDeg one-sigma azimuth noise, degrees (radar only, else 0)
 * @param sigmaPositionM one-sigma horizontal position noise, metres (position sensors, else 0)
 * @param detectionProbability probability of detection per scan within range
 * @param clutterPerScan expected false detections per scan over the coverage
 */
public record SensorDefaults(
        double rangeM,
        double periodS,
        double sigmaRangeM,
        double sigmaAzimuthDeg,
        double sigmaPositionM,
        double detectionProbability,
        double clutterPerScan) {

    /** The defaults for one kind of sensor (see the table above). */
    public static SensorDefaults of(SensorKind kind) {
        return switch (kind) {
            case GROUND_RADAR -> new SensorDefaults(28_000, 4, 15, 0.25, 0, 0.9, 20);
            case DRONE -> new SensorDefaults(6_000, 2, 0, 0, 10, 0.85, 2);
            case SATELLITE -> new SensorDefaults(40_000, 180, 0, 0, 120, 0.7, 30);
            case AIS -> new SensorDefaults(40_000, 10, 0, 0, 10, 0.95, 0);
            case ADSB -> new SensorDefaults(250_000, 1, 0, 0, 30, 0.95, 0);
            case GROUND_SENSOR -> new SensorDefaults(500, 1, 0, 0, 25, 0.8, 0.1);
            case PARTNER_TRACKER, OTHER -> new SensorDefaults(50_000, 5, 0, 0, 50, 0.9, 0);
        };
    }

    /** True when sensors of this kind measure range and azimuth rather than a position. */
    public static boolean measuresRangeAzimuth(SensorKind kind) {
        return kind == SensorKind.GROUND_RADAR;
    }
}
