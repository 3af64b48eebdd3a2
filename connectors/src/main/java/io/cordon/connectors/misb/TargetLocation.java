package io.cordon.connectors.misb;

import java.util.OptionalDouble;

/**
 * The ST 0903 LocationPack (VTarget tag 17): latitude IMAPB(-90, 90, 4 bytes), longitude
 * IMAPB(-180, 180, 4), height above ellipsoid IMAPB(-900, 19000, 2); optionally the standard
 * deviations IMAPB(0, 650, 2) and then the correlation coefficients IMAPB(-1, 1, 2).
 *
 * @param latDeg WGS84 latitude
 * @param lonDeg WGS84 longitude
 * @param haeM height above the WGS84 ellipsoid, metres
 * @param sigmaLatM one-sigma error along latitude (north), metres
 * @param sigmaLonM one-sigma error along longitude (east), metres
 * @param sigmaHaeM one-sigma error of the height, metres
 * @param rhoLatLon correlation of the latitude and longitude errors, [-1, 1]
 */
public record TargetLocation(
        double latDeg,
        double lonDeg,
        double haeM,
        OptionalDouble sigmaLatM,
        OptionalDouble sigmaLonM,
        OptionalDouble sigmaHaeM,
        OptionalDouble rhoLatLon) {}
