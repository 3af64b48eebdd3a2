package io.cordon.connectors.geojson;

/**
 * A horizontal position covariance in the local east-north frame, m^2.
 *
 * @param eastEastM2 variance along east, > 0
 * @param eastNorthM2 east-north covariance
 * @param northNorthM2 variance along north, > 0
 */
public record HorizontalCovariance(double eastEastM2, double eastNorthM2, double northNorthM2) {
    /**
     * The covariance of a one-sigma ellipse with semi-axes {@code sigmaMajorM} along {@code
     * orientationDeg} (clockwise from north) and {@code sigmaMinorM} across it: with u = (sin t,
     * cos t) and v = (cos t, -sin t) in (east, north), C = a^2 u u' + b^2 v v'.
     */
    public static HorizontalCovariance fromEllipse(
            double sigmaMajorM, double sigmaMinorM, double orientationDeg) {
        double t = Math.toRadians(orientationDeg);
        double s = Math.sin(t);
        double c = Math.cos(t);
        double a2 = sigmaMajorM * sigmaMajorM;
        double b2 = sigmaMinorM * sigmaMinorM;
        return new HorizontalCovariance(
                a2 * s * s + b2 * c * c, (a2 - b2) * s * c, a2 * c * c + b2 * s * s);
    }

    /** True when both variances are positive and the matrix is positive definite. */
    public boolean isPositiveDefinite() {
        return eastEastM2 > 0
                && northNorthM2 > 0
                && eastNorthM2 * eastNorthM2 < eastEastM2 * northNorthM2
                && Double.isFinite(eastEastM2 + eastNorthM2 + northNorthM2);
    }
}
