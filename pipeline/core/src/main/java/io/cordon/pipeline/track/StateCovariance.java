package io.cordon.pipeline.track;

import java.util.Arrays;

/**
 * Covariance of a horizontal kinematic state (east, north, velocity east, velocity north) in the
 * local ENU frame at the track's position. Units m^2, m^2/s and m^2/s^2.
 */
public final class StateCovariance {
    public static final int DIM = 4;
    private final double[] rowMajor;

    private StateCovariance(double[] rowMajor) {
        this.rowMajor = rowMajor;
    }

    /** From a 4x4 row-major array (copied). */
    public static StateCovariance ofRowMajor(double[] values) {
        if (values.length != DIM * DIM) {
            throw new IllegalArgumentException("expected 16 values, got " + values.length);
        }
        return new StateCovariance(values.clone());
    }

    /** A diagonal covariance with the given position and velocity sigmas. */
    public static StateCovariance diagonal(double sigmaPositionM, double sigmaVelocityMps) {
        double[] v = new double[DIM * DIM];
        v[0] = v[5] = sigmaPositionM * sigmaPositionM;
        v[10] = v[15] = sigmaVelocityMps * sigmaVelocityMps;
        return new StateCovariance(v);
    }

    public double get(int row, int col) {
        return rowMajor[row * DIM + col];
    }

    public double[] toRowMajor() {
        return rowMajor.clone();
    }

    public double positionEastEastM2() {
        return rowMajor[0];
    }

    public double positionEastNorthM2() {
        return rowMajor[1];
    }

    public double positionNorthNorthM2() {
        return rowMajor[5];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateCovariance other && Arrays.equals(rowMajor, other.rowMajor);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rowMajor);
    }

    @Override
    public String toString() {
        return "StateCovariance" + Arrays.toString(rowMajor);
    }
}
