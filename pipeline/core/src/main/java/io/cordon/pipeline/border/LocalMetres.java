package io.cordon.pipeline.border;

/**
 * Metres per degree of latitude and longitude at one latitude on the WGS84 ellipsoid: the local
 * tangent approximation used for short distances (meridional radius M and prime-vertical radius N,
 * e.g. Torge &amp; Müller, <i>Geodesy</i>, 4th ed., 2012, §6.2.1).
 */
final class LocalMetres {
    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);

    final double perDegLat;
    final double perDegLon;

    LocalMetres(double latDeg) {
        double s = Math.sin(Math.toRadians(latDeg));
        double w = Math.sqrt(1 - E2 * s * s);
        double n = A / w;
        double m = A * (1 - E2) / (w * w * w);
        this.perDegLat = m * Math.PI / 180;
        this.perDegLon = Math.max(n * Math.cos(Math.toRadians(latDeg)) * Math.PI / 180, 1e-6);
    }
}
