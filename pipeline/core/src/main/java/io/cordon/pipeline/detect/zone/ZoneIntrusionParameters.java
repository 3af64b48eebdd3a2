package io.cordon.pipeline.detect.zone;

import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ParameterSection;

/**
 * Parameters of {@link ZoneIntrusionDetector} ({@code detectors.zoneIntrusion}); the severity is
 * each zone's own ({@code zones[].severity}).
 *
 * @param hysteresisM a track has entered when it is at least this far inside the zone and has left
 *     when at least this far outside, m, >= 0. Default 25 m: above the fused position noise of the
 *     demo's radars (σ 15 m) so that a track moving along the edge does not flicker in and out,
 *     small against zones hundreds of metres across.
 * @param updateDistanceM while the track is inside, its alert is re-sent as {@code UPDATE} each
 *     time the track is this far from where the previous message placed it, m; 0 sends no updates.
 *     Default 500 m: a track crossing a zone 1-2 km across gives one to three updates, enough for a
 *     map to follow it without a message per radar scan.
 */
public record ZoneIntrusionParameters(double hysteresisM, double updateDistanceM) {
    public static final ZoneIntrusionParameters DEFAULTS = new ZoneIntrusionParameters(25, 500);

    public ZoneIntrusionParameters {
        if (!(hysteresisM >= 0 && hysteresisM <= 10_000)) {
            throw new ConfigException("hysteresisM", hysteresisM, "metres in [0, 10000]");
        }
        if (!(updateDistanceM >= 0) || !Double.isFinite(updateDistanceM)) {
            throw new ConfigException(
                    "updateDistanceM", updateDistanceM, "metres >= 0 (0: no updates)");
        }
    }

    /** Parameters with the default {@code updateDistanceM}. */
    public ZoneIntrusionParameters(double hysteresisM) {
        this(hysteresisM, 500);
    }

    public static ZoneIntrusionParameters from(ParameterSection s) {
        s.allowOnly("hysteresisM", "updateDistanceM");
        return s.build(
                () ->
                        new ZoneIntrusionParameters(
                                s.number("hysteresisM", DEFAULTS.hysteresisM()),
                                s.number("updateDistanceM", DEFAULTS.updateDistanceM())));
    }
}
