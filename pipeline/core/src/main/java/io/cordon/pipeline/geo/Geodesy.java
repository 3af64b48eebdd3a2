package io.cordon.pipeline.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/**
 * Geodesics on the WGS84 ellipsoid with GeographicLib (Karney, "Algorithms for geodesics", J.
 * Geodesy 87, 2013): accurate to about 15 nm anywhere, including near-antipodal points.
 */
public final class Geodesy {
    private Geodesy() {}

    /** Length of the shortest geodesic between a and b on the ellipsoid (heights ignored), m. */
    public static double distanceM(GeoPoint a, GeoPoint b) {
        return inverse(a, b, GeodesicMask.DISTANCE).s12;
    }

    /**
     * Azimuth of the geodesic from a towards b at a, degrees clockwise from true north, in [0,
     * 360). Undefined (returns GeographicLib's convention) when a equals b.
     */
    public static double initialAzimuthDeg(GeoPoint a, GeoPoint b) {
        double azi = inverse(a, b, GeodesicMask.AZIMUTH).azi1;
        double deg = azi < 0 ? azi + 360.0 : azi;
        return deg >= 360.0 ? 0.0 : deg;
    }

    private static GeodesicData inverse(GeoPoint a, GeoPoint b, int mask) {
        return Geodesic.WGS84.Inverse(a.latDeg(), a.lonDeg(), b.latDeg(), b.lonDeg(), mask);
    }
}
