package io.cordon.pipeline.filter;

import io.cordon.pipeline.track.StateCovariance;
import java.util.Arrays;

/**
 * An immutable Gaussian estimate of (east m, north m, velocity east m/s, velocity north m/s) in the
 * tracker's ENU reference plane, with its 4×4 covariance.
 */
public final class GaussianState {
    /** Dimension of the state vector. */
    public static final int DIM = 4;

    final double[] x;
    final double[] p;

    /** Takes ownership of the arrays (no copy): for this package's maths only. */
    GaussianState(double[] mean, double[] covarianceRowMajor) {
        this.x = mean;
        this.p = covarianceRowMajor;
    }

    /** A state from its mean (e, n, ve, vn) and a symmetric 4×4 row-major covariance (copied). */
    public static GaussianState of(double[] mean, double[] covarianceRowMajor) {
        if (mean.length != DIM || covarianceRowMajor.length != DIM * DIM) {
            throw new IllegalArgumentException(
                    "expected 4 and 16 values, got "
                            + mean.length
                            + " and "
                            + covarianceRowMajor.length);
        }
        return new GaussianState(mean.clone(), covarianceRowMajor.clone());
    }

    /**
     * A state at a position with position covariance (ee, en, nn), velocity (ve, vn) and an
     * isotropic velocity standard deviation, uncorrelated with position.
     */
    public static GaussianState ofPosition(
            double eastM,
            double northM,
            double covEastEastM2,
            double covEastNorthM2,
            double covNorthNorthM2,
            double velocityEastMps,
            double velocityNorthMps,
            double sigmaVelocityMps) {
        double[] p = new double[DIM * DIM];
        p[0] = covEastEastM2;
        p[1] = p[4] = covEastNorthM2;
        p[5] = covNorthNorthM2;
        p[10] = p[15] = sigmaVelocityMps * sigmaVelocityMps;
        return new GaussianState(
                new double[] {eastM, northM, velocityEastMps, velocityNorthMps}, p);
    }

    public double mean(int i) {
        return x[i];
    }

    public double covariance(int row, int col) {
        return p[row * DIM + col];
    }

    public double eastM() {
        return x[0];
    }

    public double northM() {
        return x[1];
    }

    public double velocityEastMps() {
        return x[2];
    }

    public double velocityNorthMps() {
        return x[3];
    }

    /** A copy of the mean (e, n, ve, vn). */
    public double[] meanArray() {
        return x.clone();
    }

    /** A copy of the row-major covariance. */
    public double[] covarianceArray() {
        return p.clone();
    }

    /** The covariance in the shared track type (plane axes). */
    public StateCovariance stateCovariance() {
        return StateCovariance.ofRowMajor(p);
    }

    /** Largest eigenvalue of the 2×2 position block, m²: the gate's widest axis. */
    public double maxPositionVarianceM2() {
        return maxEigenvalue(p[0], p[1], p[5]);
    }

    static double maxEigenvalue(double a, double b, double d) {
        double half = 0.5 * (a + d);
        double diff = 0.5 * (a - d);
        return half + Math.sqrt(diff * diff + b * b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianState s && Arrays.equals(x, s.x) && Arrays.equals(p, s.p);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(p);
    }

    @Override
    public String toString() {
        return "GaussianState" + Arrays.toString(x);
    }
}
