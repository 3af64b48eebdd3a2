package io.cordon.pipeline.detect.rendezvous;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ParameterSection;

/**
 * Parameters of {@link RendezvousDetector} ({@code detectors.rendezvous}). Defaults are the land
 * variant; for vessels use GFW's 500 m, 7200 s, 1.03 m/s.
 *
 * @param maxDistanceM the tracks are together while at most this far apart, m. Default 50 m: a
 *     meeting of people or vehicles (the benchmark's pairs stand about 15 m apart), plus the fused
 *     position noise of both tracks (10-20 m each).
 * @param minDurationS they must stay together at least this long, s. Default 30 s: long enough to
 *     hand something over, while two targets passing each other at walking pace (1.4 m/s each) stay
 *     within 50 m for under 40 s only when their paths nearly touch, and vehicles pass in a few
 *     seconds.
 * @param maxMedianSpeedMps the median of both tracks' estimated speeds while together must not
 *     exceed this, m/s. Default 1.5 m/s: above the speed a tracker estimates for a standing target
 *     (velocity noise), about a walking pace; two people walking side by side may match, vehicles
 *     driving together do not (that is a convoy). GFW uses 2 knots (1.03 m/s) at sea.
 * @param separationM a pair has separated once farther apart than this, m (>= maxDistanceM).
 *     Default 1.5 × maxDistanceM (75 m): hysteresis so that noise around 50 m does not end and
 *     restart the meeting.
 * @param maxTrackAgeS another track's last update must be at most this old to be compared (its
 *     position is predicted to the update's time), s. Default 10 s: 2.5 radar scans.
 * @param forgetAfterS a track not updated for this long leaves the tile's state, s. Default 60 s.
 * @param severity severity of the alert (default MEDIUM)
 */
public record RendezvousParameters(
        double maxDistanceM,
        double minDurationS,
        double maxMedianSpeedMps,
        double separationM,
        double maxTrackAgeS,
        double forgetAfterS,
        Severity severity) {
    public static final RendezvousParameters DEFAULTS =
            new RendezvousParameters(50, 30, 1.5, 75, 10, 60, Severity.MEDIUM);

    public RendezvousParameters {
        positive("maxDistanceM", maxDistanceM);
        positive("minDurationS", minDurationS);
        positive("maxMedianSpeedMps", maxMedianSpeedMps);
        positive("maxTrackAgeS", maxTrackAgeS);
        positive("forgetAfterS", forgetAfterS);
        if (!(separationM >= maxDistanceM) || !Double.isFinite(separationM)) {
            throw new ConfigException(
                    "separationM", separationM, "metres >= maxDistanceM (" + maxDistanceM + ")");
        }
        if (severity == null) {
            throw new ConfigException("severity", null, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
    }

    public static RendezvousParameters from(ParameterSection s) {
        s.allowOnly(
                "maxDistanceM",
                "minDurationS",
                "maxMedianSpeedMps",
                "separationM",
                "maxTrackAgeS",
                "forgetAfterS",
                "severity");
        RendezvousParameters d = DEFAULTS;
        double maxDistance = s.number("maxDistanceM", d.maxDistanceM());
        return s.build(
                () ->
                        new RendezvousParameters(
                                maxDistance,
                                s.number("minDurationS", d.minDurationS()),
                                s.number("maxMedianSpeedMps", d.maxMedianSpeedMps()),
                                s.number("separationM", 1.5 * maxDistance),
                                s.number("maxTrackAgeS", d.maxTrackAgeS()),
                                s.number("forgetAfterS", d.forgetAfterS()),
                                s.enumValue("severity", Severity.class, d.severity())));
    }

    private static void positive(String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ConfigException(key, value, "a finite number > 0");
        }
    }
}
