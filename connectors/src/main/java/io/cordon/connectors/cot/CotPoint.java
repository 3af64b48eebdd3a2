package io.cordon.connectors.cot;

import java.util.OptionalDouble;

/**
 * The {@code <point>} of a CoT event. CoT writes 9 999 999 for unknown height and errors; such
 * values (anything from 999 999 up, which some producers use) are absent here.
 *
 * @param latDeg WGS84 latitude, degrees
 * @param lonDeg WGS84 longitude, degrees
 * @param haeM height above the WGS84 ellipsoid, metres
 * @param ceM circular error, metres: per the Base-Event schema the one-sigma value of a zero-mean
 *     normal distribution when the event describes a measured position
 * @param leM linear (vertical) error, metres, one sigma
 */
public record CotPoint(
        double latDeg, double lonDeg, OptionalDouble haeM, OptionalDouble ceM, OptionalDouble leM) {
    /** Values at or above this mean "unknown". */
    public static final double UNKNOWN_THRESHOLD = 999_999.0;
}
