package io.cordon.pipeline.filter;

/**
 * The unscented Kalman update of one Gaussian block ({@link FlatImm}'s 14-value layout) with a
 * two-dimensional measurement of position, {@code z = h(e, n) + v}: the scaled unscented transform
 * (Julier 2002, "The scaled unscented transformation"; Wan and van der Merwe 2000, "The unscented
 * Kalman filter for nonlinear estimation") on the position alone, since h does not depend on
 * velocity.
 *
 * <p>Sigma points, with n = 2, λ = α²(n + κ) - n and L the Cholesky factor of the position
 * covariance A: {@code χ₀ = p̄}, {@code χ = p̄ ± √(n + λ) L_k} (k = 1, 2); mean weights {@code W₀ =
 * λ/(n + λ)}, {@code Wᵢ = 1/(2(n + λ))}, covariance weights the same but {@code W₀ + 1 - α² + β}
 * for χ₀. Each point's residual {@code yᵢ = z ⊖ h(χᵢ)} is the model's own {@link
 * MeasurementModel#linearise} residual, so a radar's azimuth residual is wrapped to (-π, π] about
 * the measured azimuth and the points average on the circle. Then {@code ȳ = Σ Wᵢ yᵢ}, {@code S = Σ
 * Wᵢᶜ (yᵢ - ȳ)(yᵢ - ȳ)ᵀ + R}, the position-measurement cross-covariance {@code C = -Σ Wᵢᶜ (χᵢ -
 * p̄)(yᵢ - ȳ)ᵀ}, extended to the whole state as {@code P[:, pos] A⁻¹ C} (velocity enters h only
 * through its correlation with position, the regression a four-dimensional transform would
 * approximate), {@code K = Pxz S⁻¹}, {@code x' = x + K ȳ}, {@code P' = P - K S Kᵀ}. For a linear h
 * this is the Kalman update (the points reproduce A exactly).
 *
 * <p>The defaults α = 1, β = 2, κ = 1 give n + κ = 3, Julier's choice that matches the fourth
 * moment of a Gaussian along each axis, and all weights positive (Wᶜ₀ = 1/3 + 2).
 *
 * <p>Not thread-safe (a scratch linearisation record).
 */
public final class UnscentedKalmanUpdater {
    private static final int N = 2;

    private final double spread;
    private final double wm0;
    private final double wc0;
    private final double wi;
    private final double[] lin = new double[FlatImm.LINEARISATION];
    private final double[] y = new double[2 * (2 * N + 1)];
    private double lastDeterminant = Double.NaN;

    /**
     * @param alpha α in (0, 1]: spread of the sigma points
     * @param beta β >= 0: prior knowledge of the distribution (2 for a Gaussian)
     * @param kappa κ >= 0: secondary scaling
     */
    public UnscentedKalmanUpdater(double alpha, double beta, double kappa) {
        if (!(alpha > 0 && alpha <= 1) || !(beta >= 0) || !(kappa >= 0)) {
            throw new IllegalArgumentException(
                    "need 0 < alpha <= 1, beta >= 0 and kappa >= 0, were "
                            + alpha
                            + ", "
                            + beta
                            + ", "
                            + kappa);
        }
        double nPlusLambda = alpha * alpha * (N + kappa);
        double lambda = nPlusLambda - N;
        this.spread = Math.sqrt(nPlusLambda);
        this.wm0 = lambda / nPlusLambda;
        this.wc0 = wm0 + 1 - alpha * alpha + beta;
        this.wi = 1 / (2 * nPlusLambda);
    }

    /** α = 1, β = 2, κ = 1 (n + κ = 3). */
    public static UnscentedKalmanUpdater standard() {
        return new UnscentedKalmanUpdater(1.0, 2.0, 1.0);
    }

    /**
     * The posterior of the Gaussian block at {@code go} of {@code g} given {@code z}, into {@code
     * dst} at {@code d} (may be the source). Returns {@code ȳᵀ S⁻¹ ȳ}, or NaN when the position
     * covariance or S is not positive definite (the destination is then unchanged).
     */
    public double update(double[] g, int go, MeasurementModel z, double[] dst, int d) {
        double e = g[go], n = g[go + 1];
        double a00 = g[go + FlatImm.P00], a01 = g[go + FlatImm.P01], a11 = g[go + FlatImm.P11];
        if (!(a00 > 0)) {
            return Double.NaN;
        }
        double l00 = Math.sqrt(a00);
        double l10 = a01 / l00;
        double rest = a11 - l10 * l10;
        if (!(rest > 0)) {
            return Double.NaN;
        }
        double l11 = Math.sqrt(rest);
        // Columns of √(n + λ) L: (u0, u1) and (0, v1).
        double u0 = spread * l00, u1 = spread * l10, v1 = spread * l11;
        z.linearise(e, n, lin, 0);
        double r00 = lin[6], r01 = lin[7], r11 = lin[8];
        y[0] = lin[0];
        y[1] = lin[1];
        residual(z, e + u0, n + u1, 2);
        residual(z, e - u0, n - u1, 4);
        residual(z, e, n + v1, 6);
        residual(z, e, n - v1, 8);
        double m0 = wm0 * y[0], m1 = wm0 * y[1];
        for (int i = 2; i < y.length; i += 2) {
            m0 += wi * y[i];
            m1 += wi * y[i + 1];
        }
        double d0 = y[0] - m0, d1 = y[1] - m1;
        double s00 = wc0 * d0 * d0 + r00, s01 = wc0 * d0 * d1 + r01, s11 = wc0 * d1 * d1 + r11;
        for (int i = 2; i < y.length; i += 2) {
            double f0 = y[i] - m0, f1 = y[i + 1] - m1;
            s00 += wi * f0 * f0;
            s01 += wi * f0 * f1;
            s11 += wi * f1 * f1;
        }
        double det = s00 * s11 - s01 * s01;
        if (!(s00 > 0) || !(det > 0)) {
            return Double.NaN;
        }
        // Position-measurement cross-covariance; the ± pairs share their offsets, so C = -Wᵢ Σ_k
        // (offset_k)(y_k+ - y_k-)ᵀ and χ₀ contributes nothing.
        double g0 = y[2] - y[4], g1 = y[3] - y[5];
        double h0 = y[6] - y[8], h1 = y[7] - y[9];
        double c00 = -wi * (u0 * g0), c01 = -wi * (u0 * g1);
        double c10 = -wi * (u1 * g0 + v1 * h0), c11 = -wi * (u1 * g1 + v1 * h1);
        // Rows 2, 3 of Pxz: P[v, pos] A⁻¹ C.
        double detA = a00 * a11 - a01 * a01;
        double ia00 = a11 / detA, ia01 = -a01 / detA, ia11 = a00 / detA;
        double p02 = g[go + FlatImm.P02], p12 = g[go + FlatImm.P12];
        double p03 = g[go + FlatImm.P03], p13 = g[go + FlatImm.P13];
        double b20 = p02 * ia00 + p12 * ia01, b21 = p02 * ia01 + p12 * ia11;
        double b30 = p03 * ia00 + p13 * ia01, b31 = p03 * ia01 + p13 * ia11;
        double c20 = b20 * c00 + b21 * c10, c21 = b20 * c01 + b21 * c11;
        double c30 = b30 * c00 + b31 * c10, c31 = b30 * c01 + b31 * c11;
        double i00 = s11 / det, i01 = -s01 / det, i11 = s00 / det;
        double k00 = c00 * i00 + c01 * i01, k01 = c00 * i01 + c01 * i11;
        double k10 = c10 * i00 + c11 * i01, k11 = c10 * i01 + c11 * i11;
        double k20 = c20 * i00 + c21 * i01, k21 = c20 * i01 + c21 * i11;
        double k30 = c30 * i00 + c31 * i01, k31 = c30 * i01 + c31 * i11;
        double p22 = g[go + FlatImm.P22], p23 = g[go + FlatImm.P23], p33 = g[go + FlatImm.P33];
        double ve = g[go + 2], vn = g[go + 3];
        // P - K S Kᵀ = P - K Pxzᵀ.
        dst[d] = e + k00 * m0 + k01 * m1;
        dst[d + 1] = n + k10 * m0 + k11 * m1;
        dst[d + 2] = ve + k20 * m0 + k21 * m1;
        dst[d + 3] = vn + k30 * m0 + k31 * m1;
        dst[d + FlatImm.P00] = a00 - (k00 * c00 + k01 * c01);
        dst[d + FlatImm.P01] = a01 - (k00 * c10 + k01 * c11);
        dst[d + FlatImm.P02] = p02 - (k00 * c20 + k01 * c21);
        dst[d + FlatImm.P03] = p03 - (k00 * c30 + k01 * c31);
        dst[d + FlatImm.P11] = a11 - (k10 * c10 + k11 * c11);
        dst[d + FlatImm.P12] = p12 - (k10 * c20 + k11 * c21);
        dst[d + FlatImm.P13] = p13 - (k10 * c30 + k11 * c31);
        dst[d + FlatImm.P22] = p22 - (k20 * c20 + k21 * c21);
        dst[d + FlatImm.P23] = p23 - (k20 * c30 + k21 * c31);
        dst[d + FlatImm.P33] = p33 - (k30 * c30 + k31 * c31);
        lastDeterminant = det;
        return (s11 * m0 * m0 - 2 * s01 * m0 * m1 + s00 * m1 * m1) / det;
    }

    /** {@code det S} of the last {@link #update}. */
    double lastInnovationDeterminant() {
        return lastDeterminant;
    }

    /** {@code ln N(ȳ; 0, S)} for the {@code d2} the last {@link #update} returned. */
    public double lastLogLikelihood(double d2) {
        return -0.5 * (d2 + Math.log(lastDeterminant)) - Math.log(2 * Math.PI);
    }

    private void residual(MeasurementModel z, double e, double n, int i) {
        z.linearise(e, n, lin, 0);
        y[i] = lin[0];
        y[i + 1] = lin[1];
    }
}
