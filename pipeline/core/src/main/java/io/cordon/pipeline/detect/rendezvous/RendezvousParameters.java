package io.cordon.pipeline.detect.rendezvous;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ParameterSection;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of one variant of {@link RendezvousDetector} (see {@link RendezvousVariants}). The
 * defaults documented here are the land variant ({@code detectors.rendezvous} flat keys; the
 * issue's "people or vehicles meeting briefly": within 50 m for at least 30 s); the sea variant
 * (Global Fishing Watch's encounter) and the air variant have their own, in {@link
 * RendezvousVariants}.
 *
 * @param maxDistanceM the targets are together while they may be at most this far apart, m. Default
 *     50 m: a meeting of people or vehicles (the benchmark's pairs stand about 15 m apart).
 * @param minDurationS they must stay together at least this long, s. Default 30 s: long enough to
 *     hand something over, while two targets passing each other at walking pace (1.4 m/s each) stay
 *     within 50 m for under 40 s only when their paths nearly touch, and vehicles pass in a few
 *     seconds.
 * @param maxMedianSpeedMps the median of the tracks' speeds while together must not exceed this,
 *     m/s. Default 1.5 m/s: about a walking pace; two people walking side by side may match,
 *     vehicles driving together do not (that is a convoy). GFW uses 2 knots (1.03 m/s) at sea.
 * @param separationM a pair has separated once the tracks are farther apart than this even allowing
 *     for their uncertainty, m (>= maxDistanceM). Default 1.5 × maxDistanceM (75 m): hysteresis so
 *     that noise around 50 m does not end and restart the meeting.
 * @param separationS a pair ends only once its tracks have not been together since an update at
 *     which they were beyond {@code separationM} (with the allowance) this long ago, s; 0 ends it
 *     at the first such update. Default {@code minDurationS} (30 s): a track whose velocity lags a
 *     stop overshoots the meeting place by 50-100 m for a few scans and comes back, and two
 *     gatherings of the same two tracks less than a meeting's minimum duration apart are one
 *     meeting, not two. On the generated scenarios a 43 s meeting was split into two shorter than
 *     30 s by one such overshoot (missed), and a 90 s one into two alerts (one false) by a 24 s
 *     one; targets that part for good stay apart, and no near miss alerts.
 * @param distanceSigmas how many standard deviations of the two tracks' position difference (along
 *     the line between them, from both tracks' covariances) the measured distance may exceed {@code
 *     maxDistanceM} and still count as together: the test is {@code d - k·σ <= maxDistanceM}.
 *     Default 1: the fused positions of two targets standing 15 m apart are often 50-100 m apart
 *     (each track 25-45 m 1σ under a radar 10-25 km away), so a point-estimate test misses most
 *     meetings; at k = 1 two well-localised tracks (15 m 1σ each, σ of the difference 21 m) still
 *     count only up to 71 m, inside the 75 m separation.
 * @param speedSigmas how many standard deviations of the estimated speed (along the velocity, from
 *     the track's velocity covariance) a speed sample may exceed {@code maxMedianSpeedMps} and
 *     still count as slow. Default 1: a track's velocity lags a stop by 10-30 s (1.5-4 m/s
 *     estimated for a target drifting under 1 m/s, with 2-3 m/s 1σ); walkers at 4 m/s or vehicles
 *     at 10 m/s with such a σ stay fast.
 * @param maxSigmaM a sample counts as together only when the σ of the position difference is at
 *     most this, m. Default 2 × maxDistanceM (100 m): beyond it a meeting cannot be told from two
 *     targets passing several times the distance apart (a satellite-only track is 150-250 m 1σ).
 * @param maxTrackAgeS another track's last update must be at most this old to be compared (its
 *     position is predicted to the update's time, its covariance grown with it), s. Default 10 s:
 *     2.5 radar scans.
 * @param forgetAfterS a track not updated for this long leaves the tile's state and its pairs end;
 *     also the time after the last update when a tile that hears nothing more expires ({@link
 *     RendezvousDetector#expire}), s. Default 60 s.
 * @param updateEveryS an alerted pair sends {@code UPDATE} each time its duration passes another
 *     multiple of this, s. Default 60 s: an operator hears every minute that a meeting goes on (use
 *     1800 at sea).
 * @param updateMoveM an alerted pair also sends {@code UPDATE} when its midpoint is farther than
 *     this from where it was last reported, m. Default 2 × maxDistanceM (100 m): the meeting moved
 *     by more than its own size.
 * @param severity severity of the alert (default MEDIUM)
 */
public record RendezvousParameters(
        double maxDistanceM,
        double minDurationS,
        double maxMedianSpeedMps,
        double separationM,
        double separationS,
        double distanceSigmas,
        double speedSigmas,
        double maxSigmaM,
        double maxTrackAgeS,
        double forgetAfterS,
        double updateEveryS,
        double updateMoveM,
        Severity severity) {
    public static final RendezvousParameters DEFAULTS =
            new RendezvousParameters(
                    50, 30, 1.5, 75, 30, 1, 1, 100, 10, 60, 60, 100, Severity.MEDIUM);

    public RendezvousParameters {
        positive("maxDistanceM", maxDistanceM);
        positive("minDurationS", minDurationS);
        positive("maxMedianSpeedMps", maxMedianSpeedMps);
        nonNegative("separationS", separationS);
        nonNegative("distanceSigmas", distanceSigmas);
        nonNegative("speedSigmas", speedSigmas);
        positive("maxSigmaM", maxSigmaM);
        positive("maxTrackAgeS", maxTrackAgeS);
        positive("forgetAfterS", forgetAfterS);
        positive("updateEveryS", updateEveryS);
        positive("updateMoveM", updateMoveM);
        if (!(separationM >= maxDistanceM) || !Double.isFinite(separationM)) {
            throw new ConfigException(
                    "separationM", separationM, "metres >= maxDistanceM (" + maxDistanceM + ")");
        }
        if (severity == null) {
            throw new ConfigException("severity", null, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
    }

    /**
     * How far apart two tracks can be and still be compared, m: a pair may count as together up to
     * {@code maxDistanceM + distanceSigmas × maxSigmaM} and ends beyond {@code separationM} plus
     * the same allowance.
     */
    public double reachM() {
        return separationM + distanceSigmas * maxSigmaM;
    }

    /**
     * The land variant from the flat keys of {@code detectors.rendezvous} (the nested {@code sea}
     * and {@code air} sections are read by {@link RendezvousVariants#from}).
     */
    public static RendezvousParameters from(ParameterSection s) {
        return from(s, DEFAULTS, "sea.*", "air.*");
    }

    /**
     * A variant's parameters from its section with its own defaults {@code d}. The defaults that
     * follow another parameter ({@code separationM}, {@code maxSigmaM}, {@code updateMoveM} from
     * {@code maxDistanceM}; {@code separationS} from {@code minDurationS}) keep their ratio in
     * {@code d} when only that parameter is given (land: 1.5, 2, 2 and 1).
     *
     * @param otherKeys further keys the section may hold, read by the caller
     */
    static RendezvousParameters from(
            ParameterSection s, RendezvousParameters d, String... otherKeys) {
        List<String> keys =
                new ArrayList<>(
                        List.of(
                                "maxDistanceM",
                                "minDurationS",
                                "maxMedianSpeedMps",
                                "separationM",
                                "separationS",
                                "distanceSigmas",
                                "speedSigmas",
                                "maxSigmaM",
                                "maxTrackAgeS",
                                "forgetAfterS",
                                "updateEveryS",
                                "updateMoveM",
                                "severity"));
        keys.addAll(List.of(otherKeys));
        s.allowOnly(keys.toArray(String[]::new));
        double maxDistance = s.number("maxDistanceM", d.maxDistanceM());
        double minDuration = s.number("minDurationS", d.minDurationS());
        double perDistance = maxDistance / d.maxDistanceM();
        return s.build(
                () ->
                        new RendezvousParameters(
                                maxDistance,
                                minDuration,
                                s.number("maxMedianSpeedMps", d.maxMedianSpeedMps()),
                                s.number("separationM", d.separationM() * perDistance),
                                s.number(
                                        "separationS",
                                        d.separationS() * minDuration / d.minDurationS()),
                                s.number("distanceSigmas", d.distanceSigmas()),
                                s.number("speedSigmas", d.speedSigmas()),
                                s.number("maxSigmaM", d.maxSigmaM() * perDistance),
                                s.number("maxTrackAgeS", d.maxTrackAgeS()),
                                s.number("forgetAfterS", d.forgetAfterS()),
                                s.number("updateEveryS", d.updateEveryS()),
                                s.number("updateMoveM", d.updateMoveM() * perDistance),
                                s.enumValue("severity", Severity.class, d.severity())));
    }

    private static void positive(String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ConfigException(key, value, "a finite number > 0");
        }
    }

    private static void nonNegative(String key, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new ConfigException(key, value, "a finite number >= 0");
        }
    }
}
