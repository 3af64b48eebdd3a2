package io.cordon.pipeline.detect.loitering;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ParameterSection;

/**
 * Parameters of {@link LoiteringDetector} ({@code detectors.loitering} in {@code cordon.yaml}).
 * Defaults are for people and vehicles on a land border.
 *
 * @param maxMeanSpeedMps the time-weighted mean of the track's estimated speed over the episode
 *     must not exceed this, m/s. Default 1.03 m/s = 2 knots, Global Fishing Watch's loitering
 *     speed; it is below a walking pace (about 1.4 m/s), so people passing by do not loiter.
 * @param radiusM the track must stay within this distance of where the episode started, m. Default
 *     200 m: several times the fused position noise of the demo's sensors (10-20 m), small against
 *     distances walked in the minimum time.
 * @param minDurationS the episode must last at least this long, s. Default 300 s (5 min): GFW uses
 *     1 h at sea; at a land border, waiting minutes close to the line before crossing or a
 *     hand-over is what patrols look for, and a short stop (a rendezvous of 30-90 s) is a different
 *     alert.
 * @param maxDistanceToBorderM only within this distance of a border line, m. Default 2 000 m:
 *     within the range the demo's ground radars and drones watch on either side of the line.
 * @param severity severity of the alert (default MEDIUM)
 */
public record LoiteringParameters(
        double maxMeanSpeedMps,
        double radiusM,
        double minDurationS,
        double maxDistanceToBorderM,
        Severity severity) {
    public static final LoiteringParameters DEFAULTS =
            new LoiteringParameters(1.03, 200, 300, 2_000, Severity.MEDIUM);

    public LoiteringParameters {
        positive("maxMeanSpeedMps", maxMeanSpeedMps);
        positive("radiusM", radiusM);
        positive("minDurationS", minDurationS);
        positive("maxDistanceToBorderM", maxDistanceToBorderM);
        if (severity == null) {
            throw new ConfigException("severity", null, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
    }

    public static LoiteringParameters from(ParameterSection s) {
        s.allowOnly(
                "maxMeanSpeedMps", "radiusM", "minDurationS", "maxDistanceToBorderM", "severity");
        LoiteringParameters d = DEFAULTS;
        return s.build(
                () ->
                        new LoiteringParameters(
                                s.number("maxMeanSpeedMps", d.maxMeanSpeedMps()),
                                s.number("radiusM", d.radiusM()),
                                s.number("minDurationS", d.minDurationS()),
                                s.number("maxDistanceToBorderM", d.maxDistanceToBorderM()),
                                s.enumValue("severity", Severity.class, d.severity())));
    }

    private static void positive(String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ConfigException(key, value, "a finite number > 0");
        }
    }
}
