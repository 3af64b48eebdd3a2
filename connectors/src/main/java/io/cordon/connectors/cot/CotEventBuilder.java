package io.cordon.connectors.cot;

import io.cordon.connectors.decode.DecodeResult;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Collects the fields of a CoT event from XML or protobuf and checks them the same way for both:
 * uid, type, time and stale, lat and lon are required; {@code start} defaults to {@code time};
 * latitude in [-90, 90], longitude in [-180, 180]; errors and height finite, errors >= 0, values of
 * 999 999 and above taken as unknown; track course in [0, 360] (360 read as 0), speed >= 0, slope
 * in [-90, 90].
 */
public final class CotEventBuilder {
    private String uid;
    private String type;
    private String how = "";
    private Instant time;
    private Instant start;
    private Instant stale;
    private Double lat;
    private Double lon;
    private double hae = Double.NaN;
    private double ce = Double.NaN;
    private double le = Double.NaN;
    private Double course;
    private Double speed;
    private double slope = Double.NaN;
    private String callsign = "";

    public CotEventBuilder uid(String value) {
        uid = value;
        return this;
    }

    public CotEventBuilder type(String value) {
        type = value;
        return this;
    }

    public CotEventBuilder how(String value) {
        how = value == null ? "" : value;
        return this;
    }

    public CotEventBuilder time(Instant value) {
        time = value;
        return this;
    }

    public CotEventBuilder start(Instant value) {
        start = value;
        return this;
    }

    public CotEventBuilder stale(Instant value) {
        stale = value;
        return this;
    }

    public CotEventBuilder point(double latDeg, double lonDeg) {
        lat = latDeg;
        lon = lonDeg;
        return this;
    }

    /** Height and errors; NaN for "not given". */
    public CotEventBuilder accuracy(double haeM, double ceM, double leM) {
        hae = haeM;
        ce = ceM;
        le = leM;
        return this;
    }

    /** Track; {@code slopeDeg} NaN when not given. */
    public CotEventBuilder track(double courseDeg, double speedMps, double slopeDeg) {
        course = courseDeg;
        speed = speedMps;
        slope = slopeDeg;
        return this;
    }

    public CotEventBuilder callsign(String value) {
        callsign = value == null ? "" : value;
        return this;
    }

    /** The event, or an error naming the first rule it breaks (offset 0, no raw bytes). */
    public DecodeResult<CotEvent> build() {
        String missing =
                blank(uid)
                        ? "uid"
                        : blank(type)
                                ? "type"
                                : time == null
                                        ? "time"
                                        : stale == null
                                                ? "stale"
                                                : lat == null ? "point lat/lon" : null;
        if (missing != null) {
            return fail("event has no " + missing);
        }
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            return fail("point lat " + lat + ", lon " + lon + " is outside the globe");
        }
        if (!Double.isNaN(hae) && !Double.isFinite(hae)) {
            return fail("point hae " + hae + " is not finite");
        }
        if (ce < 0 || le < 0 || Double.isInfinite(ce) || Double.isInfinite(le)) {
            return fail("point ce " + ce + " / le " + le + " must be finite and >= 0");
        }
        Optional<CotTrack> cotTrack = Optional.empty();
        if (course != null) {
            if (!(course >= 0 && course <= 360)) {
                return fail("track course " + course + " is not in [0, 360]");
            }
            if (!(speed >= 0) || Double.isInfinite(speed)) {
                return fail("track speed " + speed + " must be finite and >= 0");
            }
            if (!Double.isNaN(slope) && !(slope >= -90 && slope <= 90)) {
                return fail("track slope " + slope + " is not in [-90, 90]");
            }
            cotTrack =
                    Optional.of(new CotTrack(course == 360 ? 0 : course, speed, optional(slope)));
        }
        CotPoint point = new CotPoint(lat, lon, optional(hae), optional(ce), optional(le));
        return DecodeResult.of(
                new CotEvent(
                        uid,
                        CotType.parse(type),
                        how,
                        time,
                        start == null ? time : start,
                        stale,
                        point,
                        cotTrack,
                        callsign));
    }

    private static OptionalDouble optional(double value) {
        return Double.isNaN(value) || value >= CotPoint.UNKNOWN_THRESHOLD
                ? OptionalDouble.empty()
                : OptionalDouble.of(value);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static DecodeResult<CotEvent> fail(String reason) {
        return DecodeResult.error(reason, 0, null);
    }
}
