package io.cordon.pipeline.filter;

/**
 * A linear-Gaussian motion model: {@code x(t+dt) = F(dt) x(t) + w}, {@code w ~ N(0, Q(dt))}.
 * Prediction is {@code x' = F x}, {@code P' = F P Fᵀ + Q}.
 */
public interface MotionModel {
    /** F(dt), 4×4 row-major, into {@code out}. */
    void transition(double dtS, double[] out);

    /** Q(dt), 4×4 row-major, into {@code out}. */
    void noise(double dtS, double[] out);

    /** The state predicted {@code dtS} seconds ahead (dt may be 0; negative retrodicts). */
    default GaussianState predict(GaussianState state, double dtS) {
        double[] f = new double[16];
        double[] q = new double[16];
        transition(dtS, f);
        noise(Math.abs(dtS), q);
        return LinearAlgebra4.propagate(state, f, q);
    }
}
