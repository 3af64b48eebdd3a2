package io.cordon.pipeline.filter;

import java.util.List;

/**
 * The interacting multiple model filter of {@link InteractingMultipleModel} (uniform Markov
 * switching with mean sojourn τ, models of near-constant velocity and coordinated turns) on flat
 * {@code double[]} arrays, without allocation: the tracker's hot path.
 *
 * <p>Layouts. A <i>Gaussian block</i> is 14 values: the mean (e, n, ve, vn), then the upper
 * triangle of the covariance row by row ({@code p00 p01 p02 p03 p11 p12 p13 p22 p23 p33}). An
 * <i>IMM state</i> is {@link #stateLength()} values: the M model probabilities, then one Gaussian
 * block per model. Every motion model here is {@code F = [I B; 0 R]} with 2×2 blocks (B = dt·I, R =
 * I for constant velocity; B = [s/ω -(1-c)/ω; (1-c)/ω s/ω], R = [c -s; s c] with s = sin ωdt, c =
 * cos ωdt for a coordinated turn) and the white-noise-acceleration Q, so {@code F P Fᵀ + Q} is
 * written out in blocks: A' = A + C Bᵀ + B Cᵀ + B D Bᵀ + q₃I, C' = (C + B D) Rᵀ + q₂I, D' = R D Rᵀ
 * + q₁I.
 *
 * <p>Updates linearise the measurement once, at the mixture's predicted position, and give each
 * model the residual {@code y - H (x_j - x̄)}: exact for position measurements, and for a radar
 * second order in the models' spread (millimetres at tens of kilometres).
 *
 * <p>With an {@link EstimatedTurnModel} (the last model), the IMM state ends with an
 * <i>extension</i> of {@link #EXTENSION} values: that model's turn rate ω, its variance, and its
 * covariances with (e, n, ve, vn). The other models' turn rates are known (0 for the straight
 * model, the fixed rates of the turns), so mixing into the estimated model moment-matches (x, ω)
 * over all models, and every other use of the state (the moment-matched Gaussian, gating) reads the
 * Gaussian blocks as before.
 *
 * <p>Not thread-safe (small caches of transition coefficients per time step).
 */
public final class FlatImm {
    /** Length of a Gaussian block. */
    public static final int GAUSSIAN = 14;

    /** Offsets of the packed covariance within a Gaussian block. */
    static final int P00 = 4, P01 = 5, P02 = 6, P03 = 7, P11 = 8, P12 = 9, P13 = 10;

    static final int P22 = 11, P23 = 12, P33 = 13;

    /** Length of a linearisation record: y0 y1 h00 h01 h10 h11 r00 r01 r11 e n. */
    public static final int LINEARISATION = 11;

    private static final double LN_2PI = Math.log(2 * Math.PI);
    private static final double MIN_PROBABILITY = 1e-6;
    // 32 slots, indexed by a multiplicative (Fibonacci) hash of the time step's bits: time steps
    // are few (36 distinct in the benchmark's 60 s at 1 000 targets) but round numbers, whose low
    // bits are all zero, so a hash of the low bits put most of them in the same slots.
    private static final int CACHE_BITS = 5;
    private static final int CACHE = 1 << CACHE_BITS;

    /** Length of the estimated turn model's extension: ω, P_ωω, P_ωe, P_ωn, P_ωve, P_ωvn. */
    public static final int EXTENSION = 6;

    private final int m;
    private final double[] turnRate;
    // Index of the estimated turn model (the last), or -1; its constants.
    private final int est;
    private final double turnRateNoise;
    private final double initialTurnRateVariance;
    private final double maxTurnRate;
    // Each model's white-noise acceleration density q per noise profile: profile 0 the models' own,
    // the others added by addNoiseProfile (the tracker's per-class process noise).
    private double[][] noise;
    private final double sojournS;
    private final double maxStepS;
    private final double[] scratch;
    private final double[] scratchCombined = new double[GAUSSIAN];
    private final double[] logL;
    private final double[] scale;
    // update's first pass: per model PHᵀ's first two rows, S (s00 s01 s11) and det S.
    private static final int INNOVATION = 8;
    private final double[] innovation;
    // Direct-mapped cache of sin/cos per model and time step.
    private final long[] cacheKey = new long[CACHE];
    private final double[] cacheStay = new double[CACHE];
    private final double[][] cacheSin;
    private final double[][] cacheCos;

    /**
     * @param models near-constant velocity and coordinated-turn models
     * @param meanSojournS τ, mean time spent in one model, s
     * @param maxStepS predictions longer than this are made in equal steps no longer than it, each
     *     with its own mixing, so that model switching over a long gap is approximated as over the
     *     sensors' cadence (infinite: one step)
     */
    public FlatImm(List<MotionModel> models, double meanSojournS, double maxStepS) {
        this(models, null, meanSojournS, maxStepS);
    }

    /**
     * @param models near-constant velocity and coordinated-turn models
     * @param estimated a coordinated turn at an estimated rate, added after {@code models}; null:
     *     none
     * @param meanSojournS τ, mean time spent in one model, s
     * @param maxStepS as {@link #FlatImm(List, double, double)}
     */
    public FlatImm(
            List<MotionModel> models,
            EstimatedTurnModel estimated,
            double meanSojournS,
            double maxStepS) {
        if (models.isEmpty() || !(meanSojournS > 0) || !(maxStepS > 0)) {
            throw new IllegalArgumentException(
                    "need models, a positive sojourn time and a positive step");
        }
        m = models.size() + (estimated == null ? 0 : 1);
        est = estimated == null ? -1 : m - 1;
        turnRateNoise = estimated == null ? 0 : estimated.turnRateNoiseRad2PerS3();
        initialTurnRateVariance =
                estimated == null
                        ? 0
                        : estimated.initialTurnRateSigmaRadPerS()
                                * estimated.initialTurnRateSigmaRadPerS();
        maxTurnRate = estimated == null ? 0 : estimated.maxTurnRateRadPerS();
        turnRate = new double[m];
        noise = new double[1][m];
        if (estimated != null) {
            noise[0][est] = estimated.noiseDensityM2PerS3();
        }
        for (int j = 0; j < models.size(); j++) {
            MotionModel model = models.get(j);
            if (model instanceof ConstantVelocityModel cv) {
                noise[0][j] = cv.noiseDensityM2PerS3();
            } else if (model instanceof CoordinatedTurnModel ct) {
                turnRate[j] = ct.turnRateRadPerS();
                noise[0][j] = ct.noiseDensityM2PerS3();
            } else {
                throw new IllegalArgumentException(
                        "only constant velocity and coordinated turn models, was " + model);
            }
        }
        this.sojournS = meanSojournS;
        this.maxStepS = maxStepS;
        this.scratch = new double[stateLength()];
        this.logL = new double[m];
        this.scale = new double[m];
        this.innovation = new double[m * INNOVATION];
        cacheSin = new double[CACHE][m];
        cacheCos = new double[CACHE][m];
        java.util.Arrays.fill(cacheKey, Long.MIN_VALUE);
    }

    public int modelCount() {
        return m;
    }

    /**
     * Adds a noise profile: the same models with other white-noise acceleration densities, one per
     * model in the models' order (m²/s³, finite and > 0). Profile 0 is the models' own.
     *
     * @return the new profile's index, for {@link #predict(double[], int, double[], int, double,
     *     int, double[], int)}
     */
    public int addNoiseProfile(double[] densitiesM2PerS3) {
        if (densitiesM2PerS3.length != m) {
            throw new IllegalArgumentException(
                    "need one noise density per model ("
                            + m
                            + "), were "
                            + densitiesM2PerS3.length);
        }
        for (double q : densitiesM2PerS3) {
            if (!(q > 0) || !Double.isFinite(q)) {
                throw new IllegalArgumentException(
                        "noise densities must be finite and > 0, was " + q);
            }
        }
        noise = java.util.Arrays.copyOf(noise, noise.length + 1);
        noise[noise.length - 1] = densitiesM2PerS3.clone();
        return noise.length - 1;
    }

    /** How many noise profiles there are (at least 1: the models' own). */
    public int noiseProfileCount() {
        return noise.length;
    }

    /** Model j's white-noise acceleration density in a noise profile, m²/s³. */
    public double noiseDensity(int profile, int j) {
        return noise[profile][j];
    }

    /** Length of an IMM state. */
    public int stateLength() {
        return m * (1 + GAUSSIAN) + extensionLength();
    }

    /** Length of the extension after the Gaussian blocks: {@link #EXTENSION} or 0. */
    public int extensionLength() {
        return est < 0 ? 0 : EXTENSION;
    }

    /** Index of the {@link EstimatedTurnModel} among the models, or -1 if there is none. */
    public int estimatedTurnModel() {
        return est;
    }

    /** Offset of the estimated turn model's extension within an IMM state (if there is one). */
    public int extensionOffset() {
        return m * (1 + GAUSSIAN);
    }

    /** The estimated turn model's turn rate in the IMM state at {@code so}, rad/s (0 if none). */
    public double turnRate(double[] s, int so) {
        return est < 0 ? 0 : s[so + extensionOffset()];
    }

    /**
     * Copies the turn rate and its variance of the state at {@code so} into the state at {@code d}
     * and clears their covariances with the rest: after an update of the Gaussian blocks by another
     * rule (covariance intersection, the unscented transform) that does not carry the turn rate.
     * Nothing without an estimated turn model.
     */
    public void carryTurnRate(double[] s, int so, double[] dst, int d) {
        if (est < 0) {
            return;
        }
        int x = extensionOffset();
        dst[d + x] = s[so + x];
        dst[d + x + 1] = s[so + x + 1];
        for (int k = 2; k < EXTENSION; k++) {
            dst[d + x + k] = 0;
        }
    }

    /** Offset of model j's Gaussian block within an IMM state. */
    public int modeOffset(int j) {
        return m + j * GAUSSIAN;
    }

    // ------------------------------------------------------------------ states

    /**
     * Writes an IMM state whose models all equal the Gaussian block {@code g} at {@code go}, with
     * the given model probabilities.
     */
    public void initialise(double[] g, int go, double[] probabilities, double[] dst, int d) {
        for (int j = 0; j < m; j++) {
            dst[d + j] = probabilities[j];
            System.arraycopy(g, go, dst, d + modeOffset(j), GAUSSIAN);
        }
        initialiseTurnRate(dst, d);
    }

    /**
     * Sets the estimated turn model's extension of the state at {@code d} to a new track's: turn
     * rate 0 with the model's initial variance, uncorrelated. Nothing without that model.
     */
    public void initialiseTurnRate(double[] dst, int d) {
        if (est < 0) {
            return;
        }
        int x = d + extensionOffset();
        dst[x] = 0;
        dst[x + 1] = initialTurnRateVariance;
        for (int k = 2; k < EXTENSION; k++) {
            dst[x + k] = 0;
        }
    }

    /** The moment-matched Gaussian of an IMM state, into a Gaussian block. */
    public void combine(double[] s, int so, double[] dst, int d) {
        if (m == 1) {
            System.arraycopy(s, so + modeOffset(0), dst, d, GAUSSIAN);
            return;
        }
        double x0 = 0, x1 = 0, x2 = 0, x3 = 0;
        for (int j = 0; j < m; j++) {
            double w = s[so + j];
            int g = so + modeOffset(j);
            x0 += w * s[g];
            x1 += w * s[g + 1];
            x2 += w * s[g + 2];
            x3 += w * s[g + 3];
        }
        double p00 = 0, p01 = 0, p02 = 0, p03 = 0, p11 = 0, p12 = 0, p13 = 0;
        double p22 = 0, p23 = 0, p33 = 0;
        for (int j = 0; j < m; j++) {
            double w = s[so + j];
            int g = so + modeOffset(j);
            double d0 = s[g] - x0, d1 = s[g + 1] - x1, d2 = s[g + 2] - x2, d3 = s[g + 3] - x3;
            p00 += w * (s[g + P00] + d0 * d0);
            p01 += w * (s[g + P01] + d0 * d1);
            p02 += w * (s[g + P02] + d0 * d2);
            p03 += w * (s[g + P03] + d0 * d3);
            p11 += w * (s[g + P11] + d1 * d1);
            p12 += w * (s[g + P12] + d1 * d2);
            p13 += w * (s[g + P13] + d1 * d3);
            p22 += w * (s[g + P22] + d2 * d2);
            p23 += w * (s[g + P23] + d2 * d3);
            p33 += w * (s[g + P33] + d3 * d3);
        }
        dst[d] = x0;
        dst[d + 1] = x1;
        dst[d + 2] = x2;
        dst[d + 3] = x3;
        dst[d + P00] = p00;
        dst[d + P01] = p01;
        dst[d + P02] = p02;
        dst[d + P03] = p03;
        dst[d + P11] = p11;
        dst[d + P12] = p12;
        dst[d + P13] = p13;
        dst[d + P22] = p22;
        dst[d + P23] = p23;
        dst[d + P33] = p33;
    }

    // ------------------------------------------------------------------ prediction

    /**
     * Mixing then per-model prediction over {@code dtS} >= 0 of the IMM state at {@code so}, whose
     * moment-matched Gaussian is at {@code co} of {@code combined}; the predicted state goes to
     * {@code dst} (which may not overlap the source). Gaps longer than the maximum step are
     * predicted in equal steps. With the models' own noise (profile 0).
     */
    public void predict(
            double[] s, int so, double[] combined, int co, double dtS, double[] dst, int d) {
        predict(s, so, combined, co, dtS, 0, dst, d);
    }

    /**
     * {@link #predict(double[], int, double[], int, double, double[], int)} with the process noise
     * of a profile ({@link #addNoiseProfile}).
     */
    public void predict(
            double[] s,
            int so,
            double[] combined,
            int co,
            double dtS,
            int profile,
            double[] dst,
            int d) {
        double[] q = noise[profile];
        int steps = dtS > maxStepS ? (int) Math.ceil(dtS / maxStepS) : 1;
        if (steps == 1) {
            predictOnce(s, so, combined, co, dtS, q, dst, d);
            return;
        }
        double step = dtS / steps;
        predictOnce(s, so, combined, co, step, q, scratch, 0);
        for (int k = 1; k < steps; k++) {
            combine(scratch, 0, scratchCombined, 0);
            predictOnce(scratch, 0, scratchCombined, 0, step, q, dst, d);
            if (k + 1 < steps) {
                System.arraycopy(dst, d, scratch, 0, stateLength());
            }
        }
    }

    private void predictOnce(
            double[] s, int so, double[] c, int co, double dt, double[] q, double[] dst, int d) {
        int slot = cacheSlot(dt);
        if (m == 1) { // never the estimated turn model: the straight model comes first
            dst[d] = 1.0;
            System.arraycopy(s, so + modeOffset(0), dst, d + modeOffset(0), GAUSSIAN);
            propagate(dst, d + modeOffset(0), 0, dt, slot, q[0]);
            return;
        }
        double stay = cacheStay[slot];
        double move = (1 - stay) / (m - 1);
        double x0 = c[co], x1 = c[co + 1], x2 = c[co + 2], x3 = c[co + 3];
        double total = 0;
        for (int j = 0; j < m; j++) {
            double mu = s[so + j];
            double cj = move + (stay - move) * mu;
            total += cj;
            dst[d + j] = cj;
            double a = move / cj;
            double b = (stay - move) * mu / cj;
            double bb = b - b * b;
            int g = so + modeOffset(j);
            int o = d + modeOffset(j);
            double d0 = s[g] - x0, d1 = s[g + 1] - x1, d2 = s[g + 2] - x2, d3 = s[g + 3] - x3;
            dst[o] = x0 + b * d0;
            dst[o + 1] = x1 + b * d1;
            dst[o + 2] = x2 + b * d2;
            dst[o + 3] = x3 + b * d3;
            dst[o + P00] = a * c[co + P00] + b * s[g + P00] + bb * d0 * d0;
            dst[o + P01] = a * c[co + P01] + b * s[g + P01] + bb * d0 * d1;
            dst[o + P02] = a * c[co + P02] + b * s[g + P02] + bb * d0 * d2;
            dst[o + P03] = a * c[co + P03] + b * s[g + P03] + bb * d0 * d3;
            dst[o + P11] = a * c[co + P11] + b * s[g + P11] + bb * d1 * d1;
            dst[o + P12] = a * c[co + P12] + b * s[g + P12] + bb * d1 * d2;
            dst[o + P13] = a * c[co + P13] + b * s[g + P13] + bb * d1 * d3;
            dst[o + P22] = a * c[co + P22] + b * s[g + P22] + bb * d2 * d2;
            dst[o + P23] = a * c[co + P23] + b * s[g + P23] + bb * d2 * d3;
            dst[o + P33] = a * c[co + P33] + b * s[g + P33] + bb * d3 * d3;
            if (j == est) {
                mixTurnRate(s, so, cj, stay, move, dst, o, d + extensionOffset());
                propagateEstimated(dst, o, d + extensionOffset(), dt, q[j]);
            } else {
                propagate(dst, o, j, dt, slot, q[j]);
            }
        }
        for (int j = 0; j < m; j++) {
            dst[d + j] /= total;
        }
    }

    private int cacheSlot(double dt) {
        long key = Double.doubleToRawLongBits(dt);
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - CACHE_BITS));
        if (cacheKey[slot] != key) {
            cacheKey[slot] = key;
            cacheStay[slot] = Math.exp(-dt / sojournS);
            for (int j = 0; j < m; j++) {
                double w = turnRate[j];
                if (w != 0) {
                    cacheSin[slot][j] = Math.sin(w * dt);
                    cacheCos[slot][j] = Math.cos(w * dt);
                }
            }
        }
        return slot;
    }

    /**
     * The estimated turn model's mixed extension, into {@code x}: the moment match of (x, ω) over
     * the models with the mixing weights μ_i|est = (move μ_i + (stay - move) δ μ_est) / c_est,
     * where the other models' ω are their known rates (no variance), and the estimated model's
     * mixed Gaussian block is already at {@code o}.
     */
    private void mixTurnRate(
            double[] s, int so, double cj, double stay, double move, double[] dst, int o, int x) {
        int sx = so + extensionOffset();
        double mean = 0;
        for (int i = 0; i < m; i++) {
            double w = mixingWeight(s[so + i], i == est, cj, stay, move);
            mean += w * (i == est ? s[sx] : turnRate[i]);
        }
        double var = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        double x0 = dst[o], x1 = dst[o + 1], x2 = dst[o + 2], x3 = dst[o + 3];
        for (int i = 0; i < m; i++) {
            double w = mixingWeight(s[so + i], i == est, cj, stay, move);
            int g = so + modeOffset(i);
            double dw = (i == est ? s[sx] : turnRate[i]) - mean;
            var += w * ((i == est ? s[sx + 1] : 0) + dw * dw);
            c0 += w * ((i == est ? s[sx + 2] : 0) + dw * (s[g] - x0));
            c1 += w * ((i == est ? s[sx + 3] : 0) + dw * (s[g + 1] - x1));
            c2 += w * ((i == est ? s[sx + 4] : 0) + dw * (s[g + 2] - x2));
            c3 += w * ((i == est ? s[sx + 5] : 0) + dw * (s[g + 3] - x3));
        }
        dst[x] = mean;
        dst[x + 1] = var;
        dst[x + 2] = c0;
        dst[x + 3] = c1;
        dst[x + 4] = c2;
        dst[x + 5] = c3;
    }

    /** μ_i|j of the uniform switching for model i of probability μ: its share of mixed model j. */
    private static double mixingWeight(
            double mu, boolean same, double cj, double stay, double move) {
        return (move * mu + (same ? (stay - move) * mu : 0)) / cj;
    }

    /**
     * The estimated turn model's extended Kalman prediction in place on the Gaussian block at o and
     * the extension at x: the turn at the current ω (clamped to the model's maximum), with G =
     * ∂x'/∂ω the fifth column of the Jacobian, P' = F A Fᵀ + F c Gᵀ + G cᵀ Fᵀ + p G Gᵀ + Q, c' = F
     * c + p G and p' = p + q_ω |dt| (A the 4×4 block, c its covariance with ω, p the variance of
     * ω).
     */
    private void propagateEstimated(double[] g, int o, int x, double dt, double q) {
        double w = Math.max(-maxTurnRate, Math.min(maxTurnRate, g[x]));
        double wt = w * dt;
        double sn = Math.sin(wt), cs = Math.cos(wt);
        double sw, cw1, dsw, dcw1; // sin(wT)/w, (1 - cos wT)/w and their derivatives in w
        if (Math.abs(wt) < 1e-4) {
            sw = dt * (1 - wt * wt / 6);
            cw1 = dt * wt / 2;
            dsw = -dt * dt * wt / 3;
            dcw1 = dt * dt / 2;
        } else {
            sw = sn / w;
            cw1 = (1 - cs) / w;
            dsw = (dt * cs * w - sn) / (w * w);
            dcw1 = (dt * sn * w - (1 - cs)) / (w * w);
        }
        double ve = g[o + 2], vn = g[o + 3];
        double g0 = dsw * ve - dcw1 * vn;
        double g1 = dcw1 * ve + dsw * vn;
        double g2 = -dt * (sn * ve + cs * vn);
        double g3 = dt * (cs * ve - sn * vn);
        double c0 = g[x + 2], c1 = g[x + 3], c2 = g[x + 4], c3 = g[x + 5], p = g[x + 1];
        double f0 = c0 + sw * c2 - cw1 * c3;
        double f1 = c1 + cw1 * c2 + sw * c3;
        double f2 = cs * c2 - sn * c3;
        double f3 = sn * c2 + cs * c3;
        propagateWith(g, o, dt, q, sw, -cw1, cw1, sw, cs, -sn, sn, cs);
        g[o + P00] += 2 * f0 * g0 + p * g0 * g0;
        g[o + P01] += f0 * g1 + g0 * f1 + p * g0 * g1;
        g[o + P02] += f0 * g2 + g0 * f2 + p * g0 * g2;
        g[o + P03] += f0 * g3 + g0 * f3 + p * g0 * g3;
        g[o + P11] += 2 * f1 * g1 + p * g1 * g1;
        g[o + P12] += f1 * g2 + g1 * f2 + p * g1 * g2;
        g[o + P13] += f1 * g3 + g1 * f3 + p * g1 * g3;
        g[o + P22] += 2 * f2 * g2 + p * g2 * g2;
        g[o + P23] += f2 * g3 + g2 * f3 + p * g2 * g3;
        g[o + P33] += 2 * f3 * g3 + p * g3 * g3;
        g[x] = w;
        g[x + 1] = p + turnRateNoise * Math.abs(dt);
        g[x + 2] = f0 + p * g0;
        g[x + 3] = f1 + p * g1;
        g[x + 4] = f2 + p * g2;
        g[x + 5] = f3 + p * g3;
    }

    /** {@code N(F x, F P Fᵀ + Q)} of model j in place on the Gaussian block at o. */
    private void propagate(double[] g, int o, int j, double dt, int slot, double q) {
        double b00, b01, b10, b11, r00, r01, r10, r11;
        double w = turnRate[j];
        if (w == 0) {
            b00 = dt;
            b01 = 0;
            b10 = 0;
            b11 = dt;
            r00 = 1;
            r01 = 0;
            r10 = 0;
            r11 = 1;
        } else {
            double s = cacheSin[slot][j], c = cacheCos[slot][j];
            b00 = s / w;
            b01 = -(1 - c) / w;
            b10 = (1 - c) / w;
            b11 = s / w;
            r00 = c;
            r01 = -s;
            r10 = s;
            r11 = c;
        }
        propagateWith(g, o, dt, q, b00, b01, b10, b11, r00, r01, r10, r11);
    }

    /** {@code N(F x, F P Fᵀ + Q)} with F = [I B; 0 R] in place on the Gaussian block at o. */
    private static void propagateWith(
            double[] g,
            int o,
            double dt,
            double q,
            double b00,
            double b01,
            double b10,
            double b11,
            double r00,
            double r01,
            double r10,
            double r11) {
        double adt = Math.abs(dt);
        double q3 = q * adt * adt * adt / 3.0, q2 = q * adt * adt / 2.0, q1 = q * adt;
        double e = g[o], n = g[o + 1], ve = g[o + 2], vn = g[o + 3];
        double a00 = g[o + P00], a01 = g[o + P01], a11 = g[o + P11];
        double c00 = g[o + P02], c01 = g[o + P03], c10 = g[o + P12], c11 = g[o + P13];
        double d00 = g[o + P22], d01 = g[o + P23], d11 = g[o + P33];
        double bd00 = b00 * d00 + b01 * d01, bd01 = b00 * d01 + b01 * d11;
        double bd10 = b10 * d00 + b11 * d01, bd11 = b10 * d01 + b11 * d11;
        double x00 = c00 * b00 + c01 * b01, x01 = c00 * b10 + c01 * b11;
        double x10 = c10 * b00 + c11 * b01, x11 = c10 * b10 + c11 * b11;
        double e00 = bd00 * b00 + bd01 * b01;
        double e01 = bd00 * b10 + bd01 * b11;
        double e11 = bd10 * b10 + bd11 * b11;
        double m00 = c00 + bd00, m01 = c01 + bd01, m10 = c10 + bd10, m11 = c11 + bd11;
        double rd00 = r00 * d00 + r01 * d01, rd01 = r00 * d01 + r01 * d11;
        double rd10 = r10 * d00 + r11 * d01, rd11 = r10 * d01 + r11 * d11;
        g[o] = e + b00 * ve + b01 * vn;
        g[o + 1] = n + b10 * ve + b11 * vn;
        g[o + 2] = r00 * ve + r01 * vn;
        g[o + 3] = r10 * ve + r11 * vn;
        g[o + P00] = a00 + 2 * x00 + e00 + q3;
        g[o + P01] = a01 + x01 + x10 + e01;
        g[o + P11] = a11 + 2 * x11 + e11 + q3;
        g[o + P02] = m00 * r00 + m01 * r01 + q2;
        g[o + P03] = m00 * r10 + m01 * r11;
        g[o + P12] = m10 * r00 + m11 * r01;
        g[o + P13] = m10 * r10 + m11 * r11 + q2;
        g[o + P22] = rd00 * r00 + rd01 * r01 + q1;
        g[o + P23] = rd00 * r10 + rd01 * r11;
        g[o + P33] = rd10 * r10 + rd11 * r11 + q1;
    }

    // ------------------------------------------------------------------ gating and update

    /**
     * {@code yᵀ S⁻¹ y} of a linearised measurement against the Gaussian block at {@code go}, with
     * {@code S = H A Hᵀ + R} (A the position block).
     */
    public static double mahalanobisSquared(double[] g, int go, double[] lin, int lo) {
        double h00 = lin[lo + 2], h01 = lin[lo + 3], h10 = lin[lo + 4], h11 = lin[lo + 5];
        double a00 = g[go + P00], a01 = g[go + P01], a11 = g[go + P11];
        double t00 = h00 * a00 + h01 * a01, t01 = h00 * a01 + h01 * a11;
        double t10 = h10 * a00 + h11 * a01, t11 = h10 * a01 + h11 * a11;
        double s00 = t00 * h00 + t01 * h01 + lin[lo + 6];
        double s01 = t00 * h10 + t01 * h11 + lin[lo + 7];
        double s11 = t10 * h10 + t11 * h11 + lin[lo + 8];
        double det = s00 * s11 - s01 * s01;
        double y0 = lin[lo], y1 = lin[lo + 1];
        return (s11 * y0 * y0 - 2 * s01 * y0 * y1 + s00 * y1 * y1) / det;
    }

    private double lastDeterminant;

    /**
     * {@code yᵀ S⁻¹ y} as {@link #mahalanobisSquared}, remembering {@code det S} for {@link
     * #lastLogLikelihood}, so a gate and a likelihood cost one matrix inversion.
     */
    public double gate(double[] g, int go, double[] lin, int lo) {
        double h00 = lin[lo + 2], h01 = lin[lo + 3], h10 = lin[lo + 4], h11 = lin[lo + 5];
        double a00 = g[go + P00], a01 = g[go + P01], a11 = g[go + P11];
        double t00 = h00 * a00 + h01 * a01, t01 = h00 * a01 + h01 * a11;
        double t10 = h10 * a00 + h11 * a01, t11 = h10 * a01 + h11 * a11;
        double s00 = t00 * h00 + t01 * h01 + lin[lo + 6];
        double s01 = t00 * h10 + t01 * h11 + lin[lo + 7];
        double s11 = t10 * h10 + t11 * h11 + lin[lo + 8];
        double det = s00 * s11 - s01 * s01;
        double y0 = lin[lo], y1 = lin[lo + 1];
        lastDeterminant = det;
        return (s11 * y0 * y0 - 2 * s01 * y0 * y1 + s00 * y1 * y1) / det;
    }

    /** {@code ln N(y; 0, S)} for the {@code d2} the last {@link #gate} returned. */
    public double lastLogLikelihood(double d2) {
        return -0.5 * (d2 + Math.log(lastDeterminant)) - LN_2PI;
    }

    /**
     * The Kalman update of every model of the predicted IMM state at {@code so} with a measurement
     * linearised at plane position (lin[9], lin[10]), the model probabilities reweighed by the
     * models' likelihoods (floored at 1e-6 so a model can come back). Writes the posterior to
     * {@code dst} (may be the source) and returns the measurement's mixture likelihood {@code Σ μ_j
     * N(y_j; 0, S_j)}; NaN when an innovation covariance is not positive definite (the destination
     * is then unchanged).
     */
    public double update(double[] s, int so, double[] lin, int lo, double[] dst, int d) {
        double h00 = lin[lo + 2], h01 = lin[lo + 3], h10 = lin[lo + 4], h11 = lin[lo + 5];
        double r00 = lin[lo + 6], r01 = lin[lo + 7], r11 = lin[lo + 8];
        // First every model's PHᵀ (columns k = 0, 1 of rows 0, 1) and innovation covariance S, so
        // that a model whose S is not positive definite is found before anything is written.
        double[] ph = innovation;
        for (int j = 0; j < m; j++) {
            int g = so + modeOffset(j);
            double p00 = s[g + P00], p01 = s[g + P01], p11 = s[g + P11];
            double ph00 = p00 * h00 + p01 * h01, ph01 = p00 * h10 + p01 * h11;
            double ph10 = p01 * h00 + p11 * h01, ph11 = p01 * h10 + p11 * h11;
            double s00 = h00 * ph00 + h01 * ph10 + r00;
            double s01 = h00 * ph01 + h01 * ph11 + r01;
            double s11 = h10 * ph01 + h11 * ph11 + r11;
            double det = s00 * s11 - s01 * s01;
            if (!(s00 > 0) || !(det > 0)) {
                return Double.NaN;
            }
            int k = j * INNOVATION;
            ph[k] = ph00;
            ph[k + 1] = ph01;
            ph[k + 2] = ph10;
            ph[k + 3] = ph11;
            ph[k + 4] = s00;
            ph[k + 5] = s01;
            ph[k + 6] = s11;
            ph[k + 7] = det;
        }
        double y0c = lin[lo], y1c = lin[lo + 1];
        double le = lin[lo + 9], ln = lin[lo + 10];
        double maxLog = Double.NEGATIVE_INFINITY;
        int base = d == so && dst == s ? -1 : 0;
        double[] out = base < 0 ? scratch : dst;
        int od = base < 0 ? 0 : d;
        for (int j = 0; j < m; j++) {
            int g = so + modeOffset(j);
            int o = od + modeOffset(j);
            int k = j * INNOVATION;
            double de = s[g] - le, dn = s[g + 1] - ln;
            double y0 = y0c - (h00 * de + h01 * dn);
            double y1 = y1c - (h10 * de + h11 * dn);
            double p00 = s[g + P00], p01 = s[g + P01], p02 = s[g + P02], p03 = s[g + P03];
            double p11 = s[g + P11], p12 = s[g + P12], p13 = s[g + P13];
            // PHᵀ, rows i = 0..3, columns k = 0, 1.
            double ph00 = ph[k], ph01 = ph[k + 1];
            double ph10 = ph[k + 2], ph11 = ph[k + 3];
            double ph20 = p02 * h00 + p12 * h01, ph21 = p02 * h10 + p12 * h11;
            double ph30 = p03 * h00 + p13 * h01, ph31 = p03 * h10 + p13 * h11;
            double s00 = ph[k + 4], s01 = ph[k + 5], s11 = ph[k + 6], det = ph[k + 7];
            double i00 = s11 / det, i01 = -s01 / det, i11 = s00 / det;
            double k00 = ph00 * i00 + ph01 * i01, k01 = ph00 * i01 + ph01 * i11;
            double k10 = ph10 * i00 + ph11 * i01, k11 = ph10 * i01 + ph11 * i11;
            double k20 = ph20 * i00 + ph21 * i01, k21 = ph20 * i01 + ph21 * i11;
            double k30 = ph30 * i00 + ph31 * i01, k31 = ph30 * i01 + ph31 * i11;
            out[o] = s[g] + k00 * y0 + k01 * y1;
            out[o + 1] = s[g + 1] + k10 * y0 + k11 * y1;
            out[o + 2] = s[g + 2] + k20 * y0 + k21 * y1;
            out[o + 3] = s[g + 3] + k30 * y0 + k31 * y1;
            out[o + P00] = p00 - (k00 * ph00 + k01 * ph01);
            out[o + P01] = p01 - (k00 * ph10 + k01 * ph11);
            out[o + P02] = p02 - (k00 * ph20 + k01 * ph21);
            out[o + P03] = p03 - (k00 * ph30 + k01 * ph31);
            out[o + P11] = p11 - (k10 * ph10 + k11 * ph11);
            out[o + P12] = p12 - (k10 * ph20 + k11 * ph21);
            out[o + P13] = p13 - (k10 * ph30 + k11 * ph31);
            out[o + P22] = s[g + P22] - (k20 * ph20 + k21 * ph21);
            out[o + P23] = s[g + P23] - (k20 * ph30 + k21 * ph31);
            out[o + P33] = s[g + P33] - (k30 * ph30 + k31 * ph31);
            if (j == est) {
                int sx = so + extensionOffset(), ox = od + extensionOffset();
                double w0 = s[sx + 2], w1 = s[sx + 3];
                double pw0 = w0 * h00 + w1 * h01, pw1 = w0 * h10 + w1 * h11;
                double kw0 = pw0 * i00 + pw1 * i01, kw1 = pw0 * i01 + pw1 * i11;
                out[ox] = s[sx] + kw0 * y0 + kw1 * y1;
                out[ox + 1] = s[sx + 1] - (kw0 * pw0 + kw1 * pw1);
                out[ox + 2] = w0 - (kw0 * ph00 + kw1 * ph01);
                out[ox + 3] = w1 - (kw0 * ph10 + kw1 * ph11);
                out[ox + 4] = s[sx + 4] - (kw0 * ph20 + kw1 * ph21);
                out[ox + 5] = s[sx + 5] - (kw0 * ph30 + kw1 * ph31);
            }
            // ln N(y; 0, S) = -d²/2 - ln det S / 2 - ln 2π; kept as -d²/2 and 1/√det (no log).
            double d2 = (s11 * y0 * y0 - 2 * s01 * y0 * y1 + s00 * y1 * y1) / det;
            logL[j] = -0.5 * d2;
            scale[j] = 1.0 / Math.sqrt(det);
            if (logL[j] > maxLog) {
                maxLog = logL[j];
            }
        }
        return reweigh(s, so, out, od, maxLog, base < 0, dst, d);
    }

    /**
     * As {@link #update}, with each model's Gaussian updated by the unscented transform ({@link
     * UnscentedKalmanUpdater}) instead of one linearisation at the mixture's position, and its
     * likelihood {@code N(ȳ_j; 0, S_j)} from the transform's innovation.
     */
    public double updateUnscented(
            double[] s,
            int so,
            MeasurementModel z,
            UnscentedKalmanUpdater ukf,
            double[] dst,
            int d) {
        double maxLog = Double.NEGATIVE_INFINITY;
        // Always through the scratch: a model's transform can fail after others were written.
        double[] out = scratch;
        int od = 0;
        for (int j = 0; j < m; j++) {
            double d2 = ukf.update(s, so + modeOffset(j), z, out, od + modeOffset(j));
            if (Double.isNaN(d2)) {
                return Double.NaN;
            }
            logL[j] = -0.5 * d2;
            scale[j] = 1.0 / Math.sqrt(ukf.lastInnovationDeterminant());
            if (logL[j] > maxLog) {
                maxLog = logL[j];
            }
        }
        // The transform updates (e, n, ve, vn) only: the turn rate is carried, uncorrelated.
        carryTurnRate(s, so, out, od);
        return reweigh(s, so, out, od, maxLog, true, dst, d);
    }

    /**
     * The model probabilities of the prior at {@code so} reweighed by the models' likelihoods
     * (logL, scale), into {@code out} at {@code od} (whose Gaussians are the updated ones), then
     * copied to the destination when {@code out} is the scratch; the mixture likelihood.
     */
    private double reweigh(
            double[] s,
            int so,
            double[] out,
            int od,
            double maxLog,
            boolean fromScratch,
            double[] dst,
            int d) {
        double total = 0;
        for (int j = 0; j < m; j++) {
            double w = s[so + j] * Math.exp(logL[j] - maxLog) * scale[j];
            out[od + j] = w;
            total += w;
        }
        double likelihood = total * Math.exp(maxLog) / (2 * Math.PI);
        double sum = 0;
        for (int j = 0; j < m; j++) {
            double w = Math.max(out[od + j] / total, MIN_PROBABILITY);
            out[od + j] = w;
            sum += w;
        }
        for (int j = 0; j < m; j++) {
            out[od + j] /= sum;
        }
        if (fromScratch) {
            System.arraycopy(scratch, 0, dst, d, stateLength());
        }
        return likelihood;
    }

    // ------------------------------------------------------------------ conversions

    /** Writes a {@link GaussianState} into a Gaussian block. */
    public static void pack(GaussianState state, double[] dst, int d) {
        double[] x = state.x, p = state.p;
        dst[d] = x[0];
        dst[d + 1] = x[1];
        dst[d + 2] = x[2];
        dst[d + 3] = x[3];
        dst[d + P00] = p[0];
        dst[d + P01] = p[1];
        dst[d + P02] = p[2];
        dst[d + P03] = p[3];
        dst[d + P11] = p[5];
        dst[d + P12] = p[6];
        dst[d + P13] = p[7];
        dst[d + P22] = p[10];
        dst[d + P23] = p[11];
        dst[d + P33] = p[15];
    }

    /** The Gaussian block at {@code go} as a {@link GaussianState}. */
    public static GaussianState unpack(double[] g, int go) {
        double[] x = {g[go], g[go + 1], g[go + 2], g[go + 3]};
        double[] p = new double[16];
        int[] idx = {P00, P01, P02, P03, P11, P12, P13, P22, P23, P33};
        int k = 0;
        for (int r = 0; r < 4; r++) {
            for (int c = r; c < 4; c++) {
                p[r * 4 + c] = g[go + idx[k]];
                p[c * 4 + r] = g[go + idx[k]];
                k++;
            }
        }
        return new GaussianState(x, p);
    }

    /** Covariance element (row, col) of the Gaussian block at {@code go}. */
    public static double covariance(double[] g, int go, int row, int col) {
        int r = Math.min(row, col), c = Math.max(row, col);
        int k = r == 0 ? c : r == 1 ? 3 + c : r == 2 ? 5 + c : 9;
        return g[go + 4 + k];
    }

    /** Largest eigenvalue of the position block of the Gaussian block at {@code go}, m². */
    public static double maxPositionVarianceM2(double[] g, int go) {
        return GaussianState.maxEigenvalue(g[go + P00], g[go + P01], g[go + P11]);
    }
}
