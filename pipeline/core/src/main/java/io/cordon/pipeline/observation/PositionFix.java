package io.cordon.pipeline.observation;

import io.cordon.pipeline.geo.GeoPoint;

/**
 * A measured geodetic position with its horizontal covariance in the local east-north-up frame at
 * that position (drone, satellite, AIS, ADS-B, ground sensor).
 *
 * @param position measured position (WGS84)
 * @param covEastEastM2 variance along east, m^2, > 0
 * @param covEastNorthM2 east-north covariance, m^2
 * @param covNorthNorthM2 variance along north, m^2, > 0
 */
public record PositionFix(
        GeoPoint position, double covEastEastM2, double covEastNorthM2, double covNorthNorthM2)
        implements Measurement {
    public PositionFix {
        if (position == null) {
            throw new IllegalArgumentException("position is required");
        }
        if (!(covEastEastM2 > 0) || !(covNorthNorthM2 > 0)) {
            throw new IllegalArgumentException(
                    "variances must be > 0, were ee=" + covEastEastM2 + " nn=" + covNorthNorthM2);
        }
        if (covEastNorthM2 * covEastNorthM2 >= covEastEastM2 * covNorthNorthM2) {
            throw new IllegalArgumentException(
                    "covariance must be positive definite, en="
                            + covEastNorthM2
                            + " with ee="
                            + covEastEastM2
                            + " nn="
                            + covNorthNorthM2);
        }
    }

    /** A fix with an isotropic one-sigma error of {@code sigmaM} metres. */
    public static PositionFix isotropic(GeoPoint position, double sigmaM) {
        return new PositionFix(position, sigmaM * sigmaM, 0.0, sigmaM * sigmaM);
    }
}
