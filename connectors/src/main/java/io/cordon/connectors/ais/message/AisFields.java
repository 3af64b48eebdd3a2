package io.cordon.connectors.ais.message;

import io.cordon.pipeline.geo.GeoPoint;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Field encodings shared by several message types, with their "not available" values. */
final class AisFields {
    /** Longitude/latitude of type 1-4, 9, 18, 19, 21: 1/10 000 minute. */
    static final double HIGH_RES_UNITS_PER_DEG = 600_000.0;

    /** Longitude/latitude of type 27: 1/10 minute. */
    static final double LOW_RES_UNITS_PER_DEG = 600.0;

    private static final int SPEED_NOT_AVAILABLE = 1023;
    private static final int COURSE_NOT_AVAILABLE = 3600;
    private static final int HEADING_NOT_AVAILABLE = 511;

    private AisFields() {}

    /**
     * A position from signed longitude and latitude fields; absent when either is "not available"
     * (181°, 91°) or outside the globe.
     */
    static Optional<GeoPoint> position(
            AisBits bits, int lonStart, int lonBits, int latStart, int latBits, double perDeg) {
        double lonDeg = bits.signed(lonStart, lonBits) / perDeg;
        double latDeg = bits.signed(latStart, latBits) / perDeg;
        if (Math.abs(latDeg) > 90 || Math.abs(lonDeg) > 180) {
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(latDeg, lonDeg, 0.0));
    }

    /** Speed over ground of 10 bits in 0.1 kn; 1023 is not available. */
    static OptionalDouble speedTenthsKnots(int raw) {
        return raw == SPEED_NOT_AVAILABLE ? OptionalDouble.empty() : OptionalDouble.of(raw / 10.0);
    }

    /** Course over ground of 12 bits in 0.1°; 3600 is not available, above is invalid. */
    static OptionalDouble courseTenthsDeg(int raw) {
        return raw >= COURSE_NOT_AVAILABLE ? OptionalDouble.empty() : OptionalDouble.of(raw / 10.0);
    }

    /** True heading of 9 bits in degrees; 511 is not available, 360-510 invalid. */
    static OptionalInt heading(int raw) {
        return raw >= 360 || raw == HEADING_NOT_AVAILABLE
                ? OptionalInt.empty()
                : OptionalInt.of(raw);
    }

    /** Six-bit time stamp: the UTC second when 0-59. */
    static OptionalInt utcSecond(int timeStamp) {
        return timeStamp < 60 ? OptionalInt.of(timeStamp) : OptionalInt.empty();
    }

    static OptionalDouble knotsToMps(OptionalDouble knots) {
        return knots.isPresent()
                ? OptionalDouble.of(knots.getAsDouble() * AisMessage.MPS_PER_KNOT)
                : OptionalDouble.empty();
    }

    /** Dimensions at bits 30 long from {@code start}; absent when all are 0. */
    static Optional<ShipDimensions> dimensions(AisBits bits, int start) {
        int bow = bits.uint(start, 9);
        int stern = bits.uint(start + 9, 9);
        int port = bits.uint(start + 18, 6);
        int starboard = bits.uint(start + 24, 6);
        if (bow == 0 && stern == 0 && port == 0 && starboard == 0) {
            return Optional.empty();
        }
        return Optional.of(new ShipDimensions(bow, stern, port, starboard));
    }
}
