package io.cordon.pipeline.detect.lowslow;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ParameterSection;

/**
 * Parameters of {@link LowSlowFlyerDetector} ({@code detectors.lowSlowFlyer}).
 *
 * @param maxAltitudeM the track's height (WGS84 ellipsoidal, as tracks carry it) must be at most
 *     this, m. Default 2 500 m: the ground along the Sonora-Arizona border lies at 1 000-1 600 m,
 *     and the ultralights and light aircraft used for smuggling fly a few hundred metres above it
 *     to stay under radar cover; airliners and ADS-B traffic cruise far higher.
 * @param maxSpeedMps the estimated ground speed must be at most this, m/s. Default 60 m/s (about
 *     115 kn): ultralights cruise at 20-40 m/s and light single-engine aircraft at 50-60 m/s; jets,
 *     even on approach, are faster.
 * @param maxDistanceToBorderM only within this distance of a border line, m. Default 20 000 m: at
 *     60 m/s about five minutes from the line, the time a response needs.
 * @param minClosingFraction heading for the border: the distance to the border predicted {@code
 *     lookAheadS} ahead along the velocity must shrink by at least this fraction of the distance
 *     flown. Default 0.5: the course is within 60° of straight at the line.
 * @param lookAheadS the prediction horizon for the heading test, s. Default 60 s.
 * @param minDurationS all conditions must hold this long before the alert, s. Default 20 s: five
 *     scans of a 4 s radar, so one noisy velocity estimate does not alert.
 * @param severity severity of the alert (default HIGH: an unidentified aircraft heading for the
 *     line is what air interdiction responds to)
 * @param updateDistanceM while an alert is open, an {@code UPDATE} is sent each time the track is
 *     this far from where the previous message placed it, m; 0 sends no updates. Default 2 000 m:
 *     at most ten messages across the 20 km border area, about one a minute for an ultralight at 30
 *     m/s, so a map shows where the flyer is without a message per radar scan.
 */
public record LowSlowFlyerParameters(
        double maxAltitudeM,
        double maxSpeedMps,
        double maxDistanceToBorderM,
        double minClosingFraction,
        double lookAheadS,
        double minDurationS,
        Severity severity,
        double updateDistanceM) {
    public static final LowSlowFlyerParameters DEFAULTS =
            new LowSlowFlyerParameters(2_500, 60, 20_000, 0.5, 60, 20, Severity.HIGH, 2_000);

    /** Parameters with the default {@code updateDistanceM}. */
    public LowSlowFlyerParameters(
            double maxAltitudeM,
            double maxSpeedMps,
            double maxDistanceToBorderM,
            double minClosingFraction,
            double lookAheadS,
            double minDurationS,
            Severity severity) {
        this(
                maxAltitudeM,
                maxSpeedMps,
                maxDistanceToBorderM,
                minClosingFraction,
                lookAheadS,
                minDurationS,
                severity,
                2_000);
    }

    public LowSlowFlyerParameters {
        if (!Double.isFinite(maxAltitudeM)) {
            throw new ConfigException("maxAltitudeM", maxAltitudeM, "a finite number of metres");
        }
        positive("maxSpeedMps", maxSpeedMps);
        positive("maxDistanceToBorderM", maxDistanceToBorderM);
        positive("lookAheadS", lookAheadS);
        if (!(minClosingFraction >= 0 && minClosingFraction <= 1)) {
            throw new ConfigException(
                    "minClosingFraction", minClosingFraction, "a number in [0, 1]");
        }
        if (!(minDurationS >= 0) || !Double.isFinite(minDurationS)) {
            throw new ConfigException("minDurationS", minDurationS, "a finite number >= 0");
        }
        if (severity == null) {
            throw new ConfigException("severity", null, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
        if (!(updateDistanceM >= 0) || !Double.isFinite(updateDistanceM)) {
            throw new ConfigException(
                    "updateDistanceM", updateDistanceM, "metres >= 0 (0: no updates)");
        }
    }

    public static LowSlowFlyerParameters from(ParameterSection s) {
        s.allowOnly(
                "maxAltitudeM",
                "maxSpeedMps",
                "maxDistanceToBorderM",
                "minClosingFraction",
                "lookAheadS",
                "minDurationS",
                "severity",
                "updateDistanceM");
        LowSlowFlyerParameters d = DEFAULTS;
        return s.build(
                () ->
                        new LowSlowFlyerParameters(
                                s.number("maxAltitudeM", d.maxAltitudeM()),
                                s.number("maxSpeedMps", d.maxSpeedMps()),
                                s.number("maxDistanceToBorderM", d.maxDistanceToBorderM()),
                                s.number("minClosingFraction", d.minClosingFraction()),
                                s.number("lookAheadS", d.lookAheadS()),
                                s.number("minDurationS", d.minDurationS()),
                                s.enumValue("severity", Severity.class, d.severity()),
                                s.number("updateDistanceM", d.updateDistanceM())));
    }

    private static void positive(String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ConfigException(key, value, "a finite number > 0");
        }
    }
}
