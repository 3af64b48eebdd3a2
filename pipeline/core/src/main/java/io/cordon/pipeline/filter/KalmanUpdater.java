package io.cordon.pipeline.filter;

/**
 * The (extended) Kalman update for a two-dimensional measurement of position: {@code K = P Hᵀ S⁻¹},
 * {@code x' = x + K y}, {@code P' = P - K S Kᵀ} (symmetrised). With H linearised at the prediction
 * this is the EKF update (Bar-Shalom et al. 2001, §5.2 and §10.3).
 */
public final class KalmanUpdater {
    private KalmanUpdater() {}

    /**
     * The posterior of {@code predicted} given the measurement summarised by {@code innovation}.
     */
    public static GaussianState update(GaussianState predicted, Innovation innovation) {
        if (!innovation.isPositiveDefinite()) {
            throw new ArithmeticException("innovation covariance is not positive definite");
        }
        double[] p = predicted.p;
        double[] x = predicted.x;
        Innovation in = innovation;
        // PHᵀ (4x2): column k of P's first two columns combined by row k of H.
        double[] ph = new double[8];
        for (int i = 0; i < 4; i++) {
            double pi0 = p[i * 4], pi1 = p[i * 4 + 1];
            ph[i * 2] = pi0 * in.h00 + pi1 * in.h01;
            ph[i * 2 + 1] = pi0 * in.h10 + pi1 * in.h11;
        }
        double det = in.s00 * in.s11 - in.s01 * in.s01;
        double i00 = in.s11 / det, i01 = -in.s01 / det, i11 = in.s00 / det;
        double[] k = new double[8];
        for (int i = 0; i < 4; i++) {
            k[i * 2] = ph[i * 2] * i00 + ph[i * 2 + 1] * i01;
            k[i * 2 + 1] = ph[i * 2] * i01 + ph[i * 2 + 1] * i11;
        }
        double[] nx = new double[4];
        for (int i = 0; i < 4; i++) {
            nx[i] = x[i] + k[i * 2] * in.y0 + k[i * 2 + 1] * in.y1;
        }
        // P - K S Kᵀ = P - K (PHᵀ)ᵀ.
        double[] np = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = i; j < 4; j++) {
                double v = p[i * 4 + j] - (k[i * 2] * ph[j * 2] + k[i * 2 + 1] * ph[j * 2 + 1]);
                np[i * 4 + j] = v;
                np[j * 4 + i] = v;
            }
        }
        return new GaussianState(nx, np);
    }
}
