package io.cordon.pipeline.detect.convoy;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ParameterSection;

/**
 * Parameters of {@link ConvoyDetector} ({@code detectors.convoy}). Defaults are for vehicles on
 * land; for vessels raise the distances (e.g. linkDistanceM 1000, haloM 10000).
 *
 * @param minTracks tracks that must move together, at least 3 (two tracks are a pair, which the
 *     rendezvous detector and an escort pattern cover). Default 3: the "several tracks".
 * @param linkDistanceM two tracks are linked (the group is a chain of links) while their predicted
 *     positions are at most this far apart, m. Default 300 m: vehicles in a column keep a few
 *     seconds' headway (at 15 m/s, 20 s is 300 m) and the fused positions of both tracks carry
 *     10-20 m of noise each.
 * @param separationM members of a group stay linked up to this distance, m (>= linkDistanceM).
 *     Default 1.5 × linkDistanceM: hysteresis, as in the rendezvous detector, so that a gap
 *     breathing around 300 m does not split and rejoin the group.
 * @param maxHeadingDiffDeg linked tracks' courses differ by at most this, degrees. Default 20°:
 *     vehicles on one road differ by a few degrees (plus the tracker's course noise at speed),
 *     while two roads or a crossing path differ by more.
 * @param maxSpeedDiffMps linked tracks' speeds differ by at most this, or by {@code
 *     maxSpeedDiffFraction} of the faster one if that is more, m/s. Default 2 m/s: the tracker's
 *     speed noise at a few m/s.
 * @param maxSpeedDiffFraction relative speed tolerance (see maxSpeedDiffMps). Default 0.2: vehicles
 *     closing a gap drive up to a fifth faster for a while.
 * @param minSpeedMps both tracks must move at least this fast, m/s. Default 2 m/s: above walking
 *     pace (1.4 m/s) and the speed a tracker estimates for standing targets, so a gathering is not
 *     a convoy (gatherings are the rendezvous detector's).
 * @param minDurationS the group must hold together this long before it alerts, s. Default 120 s:
 *     vehicles that share a road for a moment (overtaking, queueing at a junction) separate within
 *     a minute or two.
 * @param maxTrackAgeS another track's last update must be at most this old to be compared (its
 *     position is predicted to the update's time), s. Default 10 s: 2.5 radar scans.
 * @param forgetAfterS a track not updated for this long leaves the tile's state (and its group), s.
 *     Default 60 s.
 * @param haloM every update reaches all tiles within this distance, so every tile that owns part of
 *     a group sees all its members, m. Default 3000 m: a column of ten vehicles at 300 m is 2.7 km
 *     long; longer groups may be cut differently in neighbouring tiles.
 * @param tileSizeDeg edge of the spatial tiles, degrees. Default 0.25° (about 28 km north-south): a
 *     convoy crossing a tile boundary hands over (the old tile closes its alert, the new one opens
 *     another, which {@link ConvoyAlertReconciler} makes one alert), so tiles are larger than the
 *     rendezvous detector's.
 * @param handoverMarginM ownership of a group moves to the tile holding its centroid only when the
 *     centroid is more than this far from the owning tile, m. Default 500 m: a convoy driving along
 *     a tile edge does not flap between tiles.
 * @param severity severity of the alert (default MEDIUM)
 * @param velocitySigmas the speed and course differences are tested less this many standard
 *     deviations of the difference, from the two tracks' velocity covariances (the course's as the
 *     velocity σ over the speed), not below 0. Default 1, as the rendezvous detector's speed test:
 *     the tracker's velocity σ is 1.3-2 m/s per component on generated scenarios, so two tracks of
 *     vehicles driving alike differ by 2-5 m/s and 15-30° often enough that point estimates broke
 *     the group before its 120 s (2 of 6 convoys found); 0 compares the point estimates.
 * @param rejoinS an alerted group that falls below minTracks keeps its alert open this long, s: if
 *     a group holding enough of its tracks (rejoinShare) forms again within it, the alert goes on
 *     ({@code UPDATE}, same id, {@code reason=rejoined}) instead of a new one; otherwise it is
 *     {@code CLOSED} then, or as soon as too few of its tracks are left in the tile to re-form it.
 *     Default 120 s, minDurationS: a new group needs that long to alert, so a group re-forming
 *     sooner from the same vehicles is the same convoy (on generated scenarios a column re-formed 4
 *     s and 40 s after breaking at a bend, a member's track lagging the turn); the price is a
 *     CLOSED up to this much later. 0: a group that breaks closes at once.
 * @param rejoinShare the re-formed group must hold at least this fraction of the broken group's
 *     last members, and at least two of them ({@link ConvoyAlertReconciler} asks the same of
 *     another tile's alert continuing a convoy, and gives a hand-over rejoinS). Default 0.5: 2 of
 *     3, 2 of 4, 3 of 5 (a track lost and re-acquired under a new id, or a member still lagging,
 *     does not make another convoy), while one vehicle joining another column does not carry its
 *     old alert along.
 */
public record ConvoyParameters(
        int minTracks,
        double linkDistanceM,
        double separationM,
        double maxHeadingDiffDeg,
        double maxSpeedDiffMps,
        double maxSpeedDiffFraction,
        double minSpeedMps,
        double minDurationS,
        double maxTrackAgeS,
        double forgetAfterS,
        double haloM,
        double tileSizeDeg,
        double handoverMarginM,
        Severity severity,
        double velocitySigmas,
        double rejoinS,
        double rejoinShare) {
    public static final ConvoyParameters DEFAULTS =
            new ConvoyParameters(
                    3,
                    300,
                    450,
                    20,
                    2,
                    0.2,
                    2,
                    120,
                    10,
                    60,
                    3000,
                    0.25,
                    500,
                    Severity.MEDIUM,
                    1,
                    120,
                    0.5);

    public ConvoyParameters {
        if (minTracks < 3 || minTracks > 1000) {
            throw new ConfigException("minTracks", minTracks, "an integer from 3 to 1000");
        }
        positive("linkDistanceM", linkDistanceM);
        positive("maxSpeedDiffMps", maxSpeedDiffMps);
        positive("minSpeedMps", minSpeedMps);
        positive("minDurationS", minDurationS);
        positive("maxTrackAgeS", maxTrackAgeS);
        positive("forgetAfterS", forgetAfterS);
        positive("handoverMarginM", handoverMarginM);
        if (!(separationM >= linkDistanceM) || !Double.isFinite(separationM)) {
            throw new ConfigException(
                    "separationM", separationM, "metres >= linkDistanceM (" + linkDistanceM + ")");
        }
        if (!(maxHeadingDiffDeg > 0 && maxHeadingDiffDeg <= 180)) {
            throw new ConfigException(
                    "maxHeadingDiffDeg", maxHeadingDiffDeg, "degrees in (0, 180]");
        }
        if (!(maxSpeedDiffFraction >= 0 && maxSpeedDiffFraction < 1)) {
            throw new ConfigException(
                    "maxSpeedDiffFraction", maxSpeedDiffFraction, "a fraction in [0, 1)");
        }
        if (!(haloM >= separationM) || !Double.isFinite(haloM)) {
            throw new ConfigException(
                    "haloM", haloM, "metres >= separationM (" + separationM + ")");
        }
        if (!(tileSizeDeg > 0 && tileSizeDeg <= 10)) {
            throw new ConfigException("tileSizeDeg", tileSizeDeg, "degrees in (0, 10]");
        }
        if (severity == null) {
            throw new ConfigException("severity", null, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
        if (!(velocitySigmas >= 0 && velocitySigmas <= 10)) {
            throw new ConfigException("velocitySigmas", velocitySigmas, "a number in [0, 10]");
        }
        if (!(rejoinS >= 0 && rejoinS <= 86_400)) {
            throw new ConfigException("rejoinS", rejoinS, "seconds in [0, 86400] (0: none)");
        }
        if (!(rejoinShare > 0 && rejoinShare <= 1)) {
            throw new ConfigException("rejoinShare", rejoinShare, "a fraction in (0, 1]");
        }
    }

    public static ConvoyParameters from(ParameterSection s) {
        s.allowOnly(
                "minTracks",
                "linkDistanceM",
                "separationM",
                "maxHeadingDiffDeg",
                "maxSpeedDiffMps",
                "maxSpeedDiffFraction",
                "minSpeedMps",
                "minDurationS",
                "maxTrackAgeS",
                "forgetAfterS",
                "haloM",
                "tileSizeDeg",
                "handoverMarginM",
                "severity",
                "velocitySigmas",
                "rejoinS",
                "rejoinShare");
        ConvoyParameters d = DEFAULTS;
        double link = s.number("linkDistanceM", d.linkDistanceM());
        long minTracks = s.integer("minTracks", d.minTracks());
        return s.build(
                () ->
                        new ConvoyParameters(
                                (int)
                                        Math.max(
                                                Integer.MIN_VALUE,
                                                Math.min(Integer.MAX_VALUE, minTracks)),
                                link,
                                s.number("separationM", 1.5 * link),
                                s.number("maxHeadingDiffDeg", d.maxHeadingDiffDeg()),
                                s.number("maxSpeedDiffMps", d.maxSpeedDiffMps()),
                                s.number("maxSpeedDiffFraction", d.maxSpeedDiffFraction()),
                                s.number("minSpeedMps", d.minSpeedMps()),
                                s.number("minDurationS", d.minDurationS()),
                                s.number("maxTrackAgeS", d.maxTrackAgeS()),
                                s.number("forgetAfterS", d.forgetAfterS()),
                                s.number("haloM", d.haloM()),
                                s.number("tileSizeDeg", d.tileSizeDeg()),
                                s.number("handoverMarginM", d.handoverMarginM()),
                                s.enumValue("severity", Severity.class, d.severity()),
                                s.number("velocitySigmas", d.velocitySigmas()),
                                s.number("rejoinS", d.rejoinS()),
                                s.number("rejoinShare", d.rejoinShare())));
    }

    private static void positive(String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ConfigException(key, value, "a finite number > 0");
        }
    }
}
