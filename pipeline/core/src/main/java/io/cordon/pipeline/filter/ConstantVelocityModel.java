package io.cordon.pipeline.filter;

/**
 * Near-constant velocity: continuous white-noise acceleration of power spectral density q (m²/s³)
 * on each horizontal axis (Bar-Shalom et al. 2001, §6.2.2): per axis {@code F = [1 dt; 0 1]},
 * {@code Q = q [dt³/3 dt²/2; dt²/2 dt]}. Stone Soup's {@code ConstantVelocity(q)} is the same
 * model.
 *
 * @param noiseDensityM2PerS3 q, m²/s³, >= 0
 */
public record ConstantVelocityModel(double noiseDensityM2PerS3) implements MotionModel {
    public ConstantVelocityModel {
        if (!(noiseDensityM2PerS3 >= 0) || !Double.isFinite(noiseDensityM2PerS3)) {
            throw new IllegalArgumentException(
                    "noiseDensityM2PerS3 must be finite and >= 0, was " + noiseDensityM2PerS3);
        }
    }

    @Override
    public void transition(double dtS, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        out[0] = out[5] = out[10] = out[15] = 1.0;
        out[2] = out[7] = dtS;
    }

    @Override
    public void noise(double dtS, double[] out) {
        whiteAccelerationNoise(noiseDensityM2PerS3, dtS, out);
    }

    static void whiteAccelerationNoise(double q, double dt, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        double q3 = q * dt * dt * dt / 3.0;
        double q2 = q * dt * dt / 2.0;
        double q1 = q * dt;
        out[0] = out[5] = q3;
        out[2] = out[8] = q2;
        out[7] = out[13] = q2;
        out[10] = out[15] = q1;
    }

    /** Specialised prediction that exploits the structure of F (same result as the default). */
    @Override
    public GaussianState predict(GaussianState state, double dtS) {
        double[] x = state.x;
        double[] p = state.p;
        double dt = dtS;
        double adt = Math.abs(dtS);
        double q = noiseDensityM2PerS3;
        double q3 = q * adt * adt * adt / 3.0, q2 = q * adt * adt / 2.0, q1 = q * adt;
        double[] nx = {x[0] + dt * x[2], x[1] + dt * x[3], x[2], x[3]};
        // P = [A B; Bᵀ D] with 2x2 blocks; F P Fᵀ = [A + dt(B + Bᵀ) + dt² D, B + dt D; ., D].
        double a00 = p[0], a01 = p[1], a11 = p[5];
        double b00 = p[2], b01 = p[3], b10 = p[6], b11 = p[7];
        double d00 = p[10], d01 = p[11], d11 = p[15];
        double[] np = new double[16];
        double n00 = a00 + 2 * dt * b00 + dt * dt * d00 + q3;
        double n01 = a01 + dt * (b01 + b10) + dt * dt * d01;
        double n11 = a11 + 2 * dt * b11 + dt * dt * d11 + q3;
        double m00 = b00 + dt * d00 + q2, m01 = b01 + dt * d01;
        double m10 = b10 + dt * d01, m11 = b11 + dt * d11 + q2;
        np[0] = n00;
        np[1] = np[4] = n01;
        np[5] = n11;
        np[2] = np[8] = m00;
        np[3] = np[12] = m01;
        np[6] = np[9] = m10;
        np[7] = np[13] = m11;
        np[10] = d00 + q1;
        np[11] = np[14] = d01;
        np[15] = d11 + q1;
        return new GaussianState(nx, np);
    }
}
