package io.cordon.pipeline.observation;

import io.cordon.pipeline.geo.GeoPoint;

/**
 * A measured geodetic position with its horizontal covariance in the local east-north-up frame at
 * that position (drone, satellite, AIS, ADS-B, ground sensor), and whether its height is measured.
 *
 * <p>Height convention: {@link GeoPoint#altM()} is always finite, so a fix says that its height is
 * a measurement by a one-sigma height error {@code sigmaAltM > 0} (the wire format's {@code
 * GeodeticPosition.sigma_alt_m}, present exactly when the source reports an ellipsoidal height with
 * its error: CoT {@code hae} with its {@code le}, a MISB ST 0903 target location with its height
 * sigma, an ASTERIX cat021 (ADS-B) geometric height or cat062 calculated geometric altitude, a
 * SAPIENT ellipsoidal {@code z} with its {@code z_error}; docs/connectors.md, "Measured heights").
 * {@code sigmaAltM == 0} means no height was measured (AIS, surface positions, a barometric flight
 * level alone, a source without a height or its error): {@code altM} is then a placeholder (0, the
 * ground, or an altitude) and the tracker ignores it.
 *
 * @param position measured position (WGS84)
 * @param covEastEastM2 variance along east, m^2, > 0
 * @param covEastNorthM2 east-north covariance, m^2
 * @param covNorthNorthM2 variance along north, m^2, > 0
 * @param sigmaAltM one-sigma error of {@code position.altM()}, m: finite and > 0 when the height is
 *     measured, 0 when it is not
 */
public record PositionFix(
        GeoPoint position,
        double covEastEastM2,
        double covEastNorthM2,
        double covNorthNorthM2,
        double sigmaAltM)
        implements Measurement {
    /** A fix without a measured height. */
    public PositionFix(
            GeoPoint position,
            double covEastEastM2,
            double covEastNorthM2,
            double covNorthNorthM2) {
        this(position, covEastEastM2, covEastNorthM2, covNorthNorthM2, 0.0);
    }

    public PositionFix {
        if (!(sigmaAltM >= 0) || !Double.isFinite(sigmaAltM)) {
            throw new IllegalArgumentException(
                    "sigmaAltM must be finite and > 0 (height measured) or 0 (not measured), was "
                            + sigmaAltM);
        }
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

    /** A fix with an isotropic one-sigma error of {@code sigmaM} metres, without a height. */
    public static PositionFix isotropic(GeoPoint position, double sigmaM) {
        return new PositionFix(position, sigmaM * sigmaM, 0.0, sigmaM * sigmaM);
    }

    /**
     * A fix with an isotropic horizontal one-sigma error of {@code sigmaM} metres and a measured
     * height with one-sigma error {@code sigmaAltM} metres (> 0).
     */
    public static PositionFix withHeight(GeoPoint position, double sigmaM, double sigmaAltM) {
        if (!(sigmaAltM > 0)) {
            throw new IllegalArgumentException(
                    "a measured height needs sigmaAltM > 0, was " + sigmaAltM);
        }
        return new PositionFix(position, sigmaM * sigmaM, 0.0, sigmaM * sigmaM, sigmaAltM);
    }

    /** Whether {@code position.altM()} is a measured height ({@code sigmaAltM > 0}). */
    public boolean hasHeight() {
        return sigmaAltM > 0;
    }
}
