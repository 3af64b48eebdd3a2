package io.cordon.pipeline.filter;

/**
 * Track-to-track fusion of an IMM state (layout of {@link FlatImm}) with another tracker's position
 * estimate whose correlation with it is unknown (the same sensor track reported again, or two
 * trackers that saw the same detections): covariance intersection (Julier &amp; Uhlmann, "A
 * non-divergent estimation algorithm in the presence of unknown correlations", ACC 1997) on the
 * position, which the other estimate gives, and a velocity that follows the fused position through
 * the prior's velocity-given-position regression.
 *
 * <p>Position: {@code P_f⁻¹ = ω A⁻¹ + (1 − ω) R⁻¹}, {@code x_f = P_f (ω A⁻¹ a + (1 − ω) R⁻¹ z)}
 * with A, a the prior position block and mean, R, z the other estimate, and ω in [0, 1] chosen on
 * the moment-matched prior to minimise {@code det P_f} ({@link #omega}: det P_f⁻¹ is a quadratic in
 * ω, maximised in closed form). For any ω, P_f is consistent whatever the correlation of the two
 * estimates, and {@code det P_f} is never larger than the smaller of det A and det R (ω = 1 and ω =
 * 0 are candidates), so a sensor track reported again and again leaves the fused position exactly
 * as uncertain as the sensor says, never less.
 *
 * <p>Velocity, which the other estimate does not give: the prior's conditional distribution of
 * velocity given position is kept and the fused position substituted, {@code v_f = v + G (x_f −
 * a)}, {@code C_f = G P_f}, {@code D_f = D − G Cᵀ + G P_f Gᵀ} with {@code G = C A⁻¹} (C the
 * velocity-position block, D the velocity block). When P_f is the Kalman posterior this is the
 * Kalman update; with CI's P_f the velocity is learnt from the fused positions without counting any
 * of them twice. (Full-state CI, which inflates the whole prior by 1/ω, keeps the fused position at
 * about twice R in steady state for a single sensor track: consistent, but half the information
 * lost.)
 *
 * <p>In an IMM every model is fused with the same ω and its probability reweighed by its likelihood
 * {@code N(z; a_j, A_j + R)}, as in {@link FlatImm#update}. Not thread-safe (scratch arrays).
 */
public final class CovarianceIntersection {
    private static final double MIN_PROBABILITY = 1e-6;

    private final FlatImm imm;
    private final double[] likelihoods;

    public CovarianceIntersection(FlatImm imm) {
        this.imm = imm;
        this.likelihoods = new double[imm.modelCount()];
    }

    /**
     * The ω in [0, 1] that minimises the determinant of the intersection of the position block of
     * the Gaussian block at {@code go} with the position covariance (r00, r01, r11): the maximum of
     * {@code det(Y + ω (X − Y))}, X = A⁻¹, Y = R⁻¹, a quadratic in ω, over its end points and, when
     * concave, its vertex.
     */
    public static double omega(double[] g, int go, double r00, double r01, double r11) {
        double a00 = g[go + FlatImm.P00], a01 = g[go + FlatImm.P01], a11 = g[go + FlatImm.P11];
        double da = a00 * a11 - a01 * a01, dr = r00 * r11 - r01 * r01;
        double x00 = a11 / da, x01 = -a01 / da, x11 = a00 / da;
        double y00 = r11 / dr, y01 = -r01 / dr, y11 = r00 / dr;
        double n00 = x00 - y00, n01 = x01 - y01, n11 = x11 - y11;
        double det0 = y00 * y11 - y01 * y01; // ω = 0
        double linear = y00 * n11 + y11 * n00 - 2 * y01 * n01;
        double quadratic = n00 * n11 - n01 * n01;
        double det1 = det0 + linear + quadratic; // ω = 1
        double best = det0 >= det1 ? 0.0 : 1.0;
        double bestValue = Math.max(det0, det1);
        if (quadratic < 0) {
            double vertex = -linear / (2 * quadratic);
            if (vertex > 0 && vertex < 1) {
                double value = det0 + vertex * (linear + vertex * quadratic);
                if (value > bestValue) {
                    best = vertex;
                }
            }
        }
        return best;
    }

    /**
     * Squared Mahalanobis distance of the position (ze, zn) with covariance (r00, r01, r11) from
     * the position of the Gaussian block at {@code go}, on the sum of both covariances.
     */
    public static double distanceSquared(
            double[] g, int go, double ze, double zn, double r00, double r01, double r11) {
        double s00 = g[go + FlatImm.P00] + r00;
        double s01 = g[go + FlatImm.P01] + r01;
        double s11 = g[go + FlatImm.P11] + r11;
        double de = ze - g[go], dn = zn - g[go + 1];
        return (s11 * de * de - 2 * s01 * de * dn + s00 * dn * dn) / (s00 * s11 - s01 * s01);
    }

    /**
     * Fuses every model of the IMM state at {@code so} with the position (ze, zn), covariance (r00,
     * r01, r11), using {@code omega}; writes the result to {@code dst} at {@code d} (may be the
     * source) and returns the mixture likelihood {@code Σ μ_j N(z; a_j, A_j + R)}, or NaN when a
     * covariance is not positive definite (the destination is then unchanged).
     */
    public double fuse(
            double[] s,
            int so,
            double omega,
            double ze,
            double zn,
            double r00,
            double r01,
            double r11,
            double[] dst,
            int d) {
        if (!(omega >= 0 && omega <= 1)) {
            throw new IllegalArgumentException("omega must be in [0, 1], was " + omega);
        }
        int m = imm.modelCount();
        double dr = r00 * r11 - r01 * r01;
        if (!(r00 > 0) || !(dr > 0)) {
            return Double.NaN;
        }
        for (int j = 0; j < m; j++) {
            int g = so + imm.modeOffset(j);
            double a00 = s[g + FlatImm.P00], a01 = s[g + FlatImm.P01], a11 = s[g + FlatImm.P11];
            double s00 = a00 + r00, s01 = a01 + r01, s11 = a11 + r11;
            double ds = s00 * s11 - s01 * s01;
            double da = a00 * a11 - a01 * a01;
            if (!(a00 > 0) || !(da > 0) || !(ds > 0)) {
                return Double.NaN;
            }
            double de = ze - s[g], dn = zn - s[g + 1];
            double d2 = (s11 * de * de - 2 * s01 * de * dn + s00 * dn * dn) / ds;
            likelihoods[j] = Math.exp(-0.5 * d2) / (2 * Math.PI * Math.sqrt(ds));
        }
        double total = 0;
        for (int j = 0; j < m; j++) {
            total += s[so + j] * likelihoods[j];
        }
        for (int j = 0; j < m; j++) {
            int g = so + imm.modeOffset(j);
            int o = d + imm.modeOffset(j);
            fuseBlock(s, g, omega, ze, zn, r00, r01, r11, dst, o);
        }
        // The intersection fuses (e, n, ve, vn): an estimated turn rate is carried, uncorrelated.
        imm.carryTurnRate(s, so, dst, d);
        if (total > 0) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                double w = Math.max(s[so + j] * likelihoods[j] / total, MIN_PROBABILITY);
                likelihoods[j] = w;
                sum += w;
            }
            for (int j = 0; j < m; j++) {
                dst[d + j] = likelihoods[j] / sum;
            }
        } else if (dst != s || d != so) {
            System.arraycopy(s, so, dst, d, m);
        }
        return total;
    }

    /** One Gaussian block (positive definite position blocks checked by the caller). */
    private static void fuseBlock(
            double[] s,
            int g,
            double omega,
            double ze,
            double zn,
            double r00,
            double r01,
            double r11,
            double[] dst,
            int o) {
        double a00 = s[g + FlatImm.P00], a01 = s[g + FlatImm.P01], a11 = s[g + FlatImm.P11];
        double ae = s[g], an = s[g + 1];
        double f00, f01, f11, fe, fn;
        if (omega >= 1) {
            f00 = a00;
            f01 = a01;
            f11 = a11;
            fe = ae;
            fn = an;
        } else if (omega <= 0) {
            f00 = r00;
            f01 = r01;
            f11 = r11;
            fe = ze;
            fn = zn;
        } else {
            // The Kalman form of CI: prior A/ω, measurement R/(1 − ω).
            double wa = 1 / omega, wr = 1 / (1 - omega);
            double p00 = a00 * wa, p01 = a01 * wa, p11 = a11 * wa;
            double s00 = p00 + r00 * wr, s01 = p01 + r01 * wr, s11 = p11 + r11 * wr;
            double ds = s00 * s11 - s01 * s01;
            double i00 = s11 / ds, i01 = -s01 / ds, i11 = s00 / ds;
            double k00 = p00 * i00 + p01 * i01, k01 = p00 * i01 + p01 * i11;
            double k10 = p01 * i00 + p11 * i01, k11 = p01 * i01 + p11 * i11;
            double ye = ze - ae, yn = zn - an;
            fe = ae + k00 * ye + k01 * yn;
            fn = an + k10 * ye + k11 * yn;
            // (I − K) P, symmetrised.
            f00 = p00 - (k00 * p00 + k01 * p01);
            f11 = p11 - (k10 * p01 + k11 * p11);
            double f01a = p01 - (k00 * p01 + k01 * p11);
            double f10a = p01 - (k10 * p00 + k11 * p01);
            f01 = 0.5 * (f01a + f10a);
        }
        // G = C A⁻¹, C rows (ve, vn), columns (e, n).
        double da = a00 * a11 - a01 * a01;
        double ia00 = a11 / da, ia01 = -a01 / da, ia11 = a00 / da;
        double c00 = s[g + FlatImm.P02], c01 = s[g + FlatImm.P12];
        double c10 = s[g + FlatImm.P03], c11 = s[g + FlatImm.P13];
        double g00 = c00 * ia00 + c01 * ia01, g01 = c00 * ia01 + c01 * ia11;
        double g10 = c10 * ia00 + c11 * ia01, g11 = c10 * ia01 + c11 * ia11;
        double he = fe - ae, hn = fn - an;
        double ve = s[g + 2] + g00 * he + g01 * hn;
        double vn = s[g + 3] + g10 * he + g11 * hn;
        // G P_f (velocity rows, position columns).
        double gp00 = g00 * f00 + g01 * f01, gp01 = g00 * f01 + g01 * f11;
        double gp10 = g10 * f00 + g11 * f01, gp11 = g10 * f01 + g11 * f11;
        // D − G Cᵀ + G P_f Gᵀ.
        double d00 = s[g + FlatImm.P22] - (g00 * c00 + g01 * c01) + (gp00 * g00 + gp01 * g01);
        double d01 = s[g + FlatImm.P23] - (g00 * c10 + g01 * c11) + (gp00 * g10 + gp01 * g11);
        double d11 = s[g + FlatImm.P33] - (g10 * c10 + g11 * c11) + (gp10 * g10 + gp11 * g11);
        dst[o] = fe;
        dst[o + 1] = fn;
        dst[o + 2] = ve;
        dst[o + 3] = vn;
        dst[o + FlatImm.P00] = f00;
        dst[o + FlatImm.P01] = f01;
        dst[o + FlatImm.P11] = f11;
        dst[o + FlatImm.P02] = gp00;
        dst[o + FlatImm.P12] = gp01;
        dst[o + FlatImm.P03] = gp10;
        dst[o + FlatImm.P13] = gp11;
        dst[o + FlatImm.P22] = d00;
        dst[o + FlatImm.P23] = d01;
        dst[o + FlatImm.P33] = d11;
    }
}
