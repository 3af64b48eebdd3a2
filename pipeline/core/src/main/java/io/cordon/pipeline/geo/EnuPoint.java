package io.cordon.pipeline.geo;

/**
 * A point in a local east-north-up tangent plane (see {@link LocalTangentPlane}).
 *
 * @param eastM metres towards east
 * @param northM metres towards north
 * @param upM metres along the ellipsoid normal at the plane's origin
 */
public record EnuPoint(double eastM, double northM, double upM) {
    /** Horizontal distance from the plane's origin, metres. */
    public double horizontalRangeM() {
        return Math.hypot(eastM, northM);
    }
}
