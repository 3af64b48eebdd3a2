package io.cordon.pipeline.geo;

/**
 * A WGS84 geodetic position.
 *
 * @param latDeg geodetic latitude, degrees, [-90, 90]
 * @param lonDeg longitude, degrees, [-180, 180]
 * @param altM height above the WGS84 ellipsoid, metres
 */
public record GeoPoint(double latDeg, double lonDeg, double altM) {
    public GeoPoint {
        if (!(latDeg >= -90 && latDeg <= 90)) {
            throw new IllegalArgumentException("latDeg must be in [-90, 90], was " + latDeg);
        }
        if (!(lonDeg >= -180 && lonDeg <= 180)) {
            throw new IllegalArgumentException("lonDeg must be in [-180, 180], was " + lonDeg);
        }
        if (!Double.isFinite(altM)) {
            throw new IllegalArgumentException("altM must be finite, was " + altM);
        }
    }

    public static GeoPoint of(double latDeg, double lonDeg) {
        return new GeoPoint(latDeg, lonDeg, 0.0);
    }
}
