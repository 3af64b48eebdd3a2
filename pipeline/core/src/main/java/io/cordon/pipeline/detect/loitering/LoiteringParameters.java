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
 * @param updateFactor while an alert is open, an {@code UPDATE} is sent each time the episode's
 *     duration reaches another power of this factor times minDurationS (2×, 4×, 8× ... with the
 *     default 2), so an operator sees that the target is still there without a message per radar
 *     scan; 0 sends no updates. Default 2: at most log2(hours) messages, the first after 10 min.
 * @param speedSigmas each speed sample in the mean is the track's estimated speed minus this many
 *     standard deviations of it (along the velocity, from the track's velocity covariance), not
 *     below 0: is the track consistent with a slow target. Default 1, as the rendezvous detector's:
 *     the estimated speed of a target standing or pacing at 0.1-0.35 m/s under a radar 10-25 km
 *     away averages 0.9-1.4 m/s (noise on a velocity near zero only adds to its magnitude), so the
 *     plain mean found 2 of 12 generated loiterers; a vehicle at 4 m/s or more, or a walker at 1.5
 *     m/s with a σ under 0.5 m/s, still counts as moving. 0: the plain estimated speed.
 */
public record LoiteringParameters(
        double maxMeanSpeedMps,
        double radiusM,
        double minDurationS,
        double maxDistanceToBorderM,
        Severity severity,
        double updateFactor,
        double speedSigmas) {
    public static final LoiteringParameters DEFAULTS =
            new LoiteringParameters(1.03, 200, 300, 2_000, Severity.MEDIUM, 2, 1);

    public LoiteringParameters {
        positive("maxMeanSpeedMps", maxMeanSpeedMps);
        positive("radiusM", radiusM);
        positive("minDurationS", minDurationS);
        positive("maxDistanceToBorderM", maxDistanceToBorderM);
        if (severity == null) {
            throw new ConfigException("severity", null, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
        if (!(updateFactor == 0 || (updateFactor > 1 && updateFactor <= 1000))) {
            throw new ConfigException(
                    "updateFactor", updateFactor, "0 (no updates) or in (1, 1000]");
        }
        if (!(speedSigmas >= 0 && speedSigmas <= 10)) {
            throw new ConfigException("speedSigmas", speedSigmas, "a number in [0, 10]");
        }
    }

    /** The episode duration at which the alert's next {@code UPDATE} is due (infinite: none). */
    public double nextUpdateAtS(int updatesSent) {
        return updateFactor == 0
                ? Double.POSITIVE_INFINITY
                : minDurationS * Math.pow(updateFactor, updatesSent + 1);
    }

    public static LoiteringParameters from(ParameterSection s) {
        s.allowOnly(
                "maxMeanSpeedMps",
                "radiusM",
                "minDurationS",
                "maxDistanceToBorderM",
                "severity",
                "updateFactor",
                "speedSigmas");
        LoiteringParameters d = DEFAULTS;
        return s.build(
                () ->
                        new LoiteringParameters(
                                s.number("maxMeanSpeedMps", d.maxMeanSpeedMps()),
                                s.number("radiusM", d.radiusM()),
                                s.number("minDurationS", d.minDurationS()),
                                s.number("maxDistanceToBorderM", d.maxDistanceToBorderM()),
                                s.enumValue("severity", Severity.class, d.severity()),
                                s.number("updateFactor", d.updateFactor()),
                                s.number("speedSigmas", d.speedSigmas())));
    }

    private static void positive(String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ConfigException(key, value, "a finite number > 0");
        }
    }
}
