package io.cordon.connectors.sapient;

/**
 * A geodetic position from a SAPIENT {@code Location} in one of the latitude/longitude coordinate
 * systems, converted to degrees. Errors are as the node states them, converted to degrees and
 * metres; {@code NaN} when absent.
 *
 * @param latDeg latitude (Location.y), degrees
 * @param lonDeg longitude (Location.x), degrees
 * @param altM altitude (Location.z), metres; {@code NaN} when absent
 * @param latErrorDeg latitude error (Location.y_error), degrees
 * @param lonErrorDeg longitude error (Location.x_error), degrees
 * @param altErrorM altitude error (Location.z_error), metres
 * @param altitudeAboveGeoid true for datum WGS84_G (height above the geoid), false for WGS84_E
 *     (ellipsoidal height) or unspecified
 */
public record SapientLocation(
        double latDeg,
        double lonDeg,
        double altM,
        double latErrorDeg,
        double lonErrorDeg,
        double altErrorM,
        boolean altitudeAboveGeoid) {}
