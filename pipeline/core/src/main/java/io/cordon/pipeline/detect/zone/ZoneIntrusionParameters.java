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
 */
public record ZoneIntrusionParameters(double hysteresisM) {
    public static final ZoneIntrusionParameters DEFAULTS = new ZoneIntrusionParameters(25);

    public ZoneIntrusionParameters {
        if (!(hysteresisM >= 0 && hysteresisM <= 10_000)) {
            throw new ConfigException("hysteresisM", hysteresisM, "metres in [0, 10000]");
        }
    }

    public static ZoneIntrusionParameters from(ParameterSection s) {
        s.allowOnly("hysteresisM");
        return s.build(
                () -> new ZoneIntrusionParameters(s.number("hysteresisM", DEFAULTS.hysteresisM())));
    }
}
