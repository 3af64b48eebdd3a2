package io.cordon.pipeline.sharing.redaction;

import java.util.Locale;

/**
 * What an alert evidence key reveals, read from its name. Detectors name evidence keys by a
 * convention (see {@code io.cordon.pipeline.detect.Evidence}): positions end in {@code LatDeg},
 * {@code LonDeg} or {@code AltM} with a common prefix ({@code crossingLatDeg}, {@code
 * crossingLonDeg}); anything naming sensors contains {@code sensor}; cooperative identities are
 * {@code identity} or contain {@code mmsi}, {@code icao}, {@code callsign} or {@code cotUid}. A new
 * detector that follows the convention is redacted correctly without a change here.
 */
public enum EvidenceField {
    SENSOR,
    LATITUDE,
    LONGITUDE,
    HEIGHT,
    IDENTITY,
    OTHER;

    public static EvidenceField of(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.contains("sensor")) {
            return SENSOR;
        }
        if (k.endsWith("latdeg")) {
            return LATITUDE;
        }
        if (k.endsWith("londeg")) {
            return LONGITUDE;
        }
        if (k.endsWith("altm") && !k.startsWith("param.")) {
            return HEIGHT;
        }
        if (k.equals("identity")
                || k.contains("mmsi")
                || k.contains("icao")
                || k.contains("callsign")
                || k.contains("cotuid")) {
            return IDENTITY;
        }
        return OTHER;
    }

    /** The prefix shared by a position's latitude, longitude and height keys. */
    static String positionPrefix(String key) {
        return key.substring(0, key.length() - 6);
    }
}
