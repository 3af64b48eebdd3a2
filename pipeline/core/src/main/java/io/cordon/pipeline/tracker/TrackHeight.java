package io.cordon.pipeline.tracker;

import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorTrackUpdate;

/**
 * A track's height: a one-dimensional Kalman filter on (height, vertical rate) beside the tracker's
 * horizontal IMM, fed only by measurements that carry a height ({@link PositionFix#hasHeight()}),
 * or an elevation ({@link RadarPlot#hasElevation()}: a 3-D radar, {@link RadarPlot#pointHeightM}).
 * Heights are WGS84 ellipsoidal, m; the rate is m/s, positive up.
 *
 * <p>Motion model: nearly constant vertical rate, the discretised continuous white-noise
 * acceleration model (Bar-Shalom, Li & Kirubarajan, <i>Estimation with Applications to Tracking and
 * Navigation</i>, 2001, §6.2.2): over dt, F = [[1, dt], [0, 1]] and Q = q [[dt³/3, dt²/2], [dt²/2,
 * dt]] with the spectral density {@value #PROCESS_NOISE_M2_PER_S3} m²/s³, so that in 10 s the rate
 * may change by about √(q·10) ≈ 1.4 m/s (one sigma): a light aircraft or a drone levelling off
 * from, or starting, a climb or descent of a few m/s within some ten seconds. With a height every 2
 * s of σ 15 m (a drone's fix) the steady state is σ 8.7 m in height and 1.3 m/s in rate (the
 * Riccati recursion); a larger q follows manoeuvres sooner with a noisier rate (q = 1: 10 m, 2.4
 * m/s). A new height starts at the measurement with the rate 0 ± {@value #INITIAL_RATE_SIGMA_MPS}
 * m/s (climb rates of ultralights and small drones).
 *
 * <p>Weighting by association (JPDA): the update is the mixture, moment-matched, of one Kalman
 * update per detection that carries a height, each weighted by its association probability, and the
 * prediction, weighted by the rest (missed detection and detections without height) — the same
 * mixture reduction as the horizontal PDA ({@link ImmPdaMixture}). There is no height gate: the
 * horizontal association decides which detections are the track's.
 *
 * <p>Mutable; a track without any height measurement has none ({@code null} in {@link
 * TrackRecord#height}) and is published at the tracker's reference height.
 */
final class TrackHeight {
    /** Spectral density of the white vertical acceleration, m²/s³. */
    static final double PROCESS_NOISE_M2_PER_S3 = 0.2;

    /** A published height follows the vertical rate this long after the last measured one, s. */
    static final double MAX_EXTRAPOLATION_S = 30.0;

    /**
     * A measured height this far from the prediction, in normalised innovation squared (chi-square,
     * one degree of freedom, 99.9 %: 3.3 σ of the innovation), restarts the estimate ({@link
     * #update}).
     */
    static final double RESTART_GATE = 10.83;

    /** One-sigma vertical rate of a new height estimate, m/s. */
    static final double INITIAL_RATE_SIGMA_MPS = 5.0;

    double heightM;
    double rateMps;
    double varHeightM2;
    double covHeightRateM2PerS;
    double varRateM2PerS2;

    /** Time of the estimate, ns since the epoch. */
    long nanos;

    TrackHeight(
            double heightM,
            double rateMps,
            double varHeightM2,
            double covHeightRateM2PerS,
            double varRateM2PerS2,
            long nanos) {
        this.heightM = heightM;
        this.rateMps = rateMps;
        this.varHeightM2 = varHeightM2;
        this.covHeightRateM2PerS = covHeightRateM2PerS;
        this.varRateM2PerS2 = varRateM2PerS2;
        this.nanos = nanos;
    }

    /** A new estimate from one measured height. */
    static TrackHeight start(double heightM, double sigmaM, long nanos) {
        return new TrackHeight(
                heightM,
                0.0,
                sigmaM * sigmaM,
                0.0,
                INITIAL_RATE_SIGMA_MPS * INITIAL_RATE_SIGMA_MPS,
                nanos);
    }

    TrackHeight copy() {
        return new TrackHeight(
                heightM, rateMps, varHeightM2, covHeightRateM2PerS, varRateM2PerS2, nanos);
    }

    /**
     * The height to publish at {@code atNanos}, m: the estimate predicted along its vertical rate
     * for at most {@value #MAX_EXTRAPOLATION_S} s after the last measured height, then held (the
     * estimate itself is not changed). A rate carried on for minutes without a height diverges (1
     * m/s over 5 min is 300 m), and aircraft level off: a track that left every sensor reporting
     * height keeps about its last height.
     */
    double heightAt(long atNanos) {
        double dt = Math.min((atNanos - nanos) * 1e-9, MAX_EXTRAPOLATION_S);
        return heightM + rateMps * dt;
    }

    /**
     * The vertical rate to publish at {@code atNanos}, m/s: the estimate's within {@value
     * #MAX_EXTRAPOLATION_S} s of the last measured height, 0 after (the height is held).
     */
    double rateAt(long atNanos) {
        return (atNanos - nanos) * 1e-9 <= MAX_EXTRAPOLATION_S ? rateMps : 0.0;
    }

    /**
     * One-sigma error of the height published at {@code atNanos} ({@link #heightAt}), m: the
     * estimate's height variance predicted over the whole time since it (not held like the height:
     * a held height drifts from the target's as it climbs or descends).
     */
    double sigmaAt(long atNanos) {
        double dt = Math.max(0.0, (atNanos - nanos) * 1e-9);
        double q = PROCESS_NOISE_M2_PER_S3;
        return Math.sqrt(
                varHeightM2
                        + 2 * dt * covHeightRateM2PerS
                        + dt * dt * varRateM2PerS2
                        + q * dt * dt * dt / 3);
    }

    /**
     * Span of heights over which a detection that is not this track's (clutter, another target, a
     * new one) is taken to be spread evenly, m: from the surface to the few kilometres of the low
     * airspace a border watch covers.
     */
    static final double OTHER_HEIGHT_SPAN_M = 3000.0;

    /**
     * Association evidence of a detection's measured height {@code z} (variance {@code r}, m²) at
     * {@code atNanos}: the log of its likelihood under this track, N(z; {@link #heightAt}, {@link
     * #sigmaAt}² + r), over its likelihood as a detection of anything else, 1 / {@link
     * #OTHER_HEIGHT_SPAN_M}. Added to the horizontal log-likelihood ratio of the pair, so that of
     * two tracks close together the one at the detection's height takes it (two drones 100 m apart
     * and 250 m apart in height, seen by a 3-D radar whose azimuth error is as large as their
     * distance).
     */
    double associationLogRatio(long atNanos, double z, double r) {
        double sigma = sigmaAt(atNanos);
        double s = sigma * sigma + r;
        double d = z - heightAt(atNanos);
        return -0.5 * (d * d / s + Math.log(2 * Math.PI * s)) + Math.log(OTHER_HEIGHT_SPAN_M);
    }

    /** Predicts the estimate to {@code toNanos}; earlier times leave it as it is. */
    void predictTo(long toNanos) {
        if (toNanos <= nanos) {
            return;
        }
        double dt = (toNanos - nanos) * 1e-9;
        double q = PROCESS_NOISE_M2_PER_S3;
        double p00 = varHeightM2, p01 = covHeightRateM2PerS, p11 = varRateM2PerS2;
        varHeightM2 = p00 + 2 * dt * p01 + dt * dt * p11 + q * dt * dt * dt / 3;
        covHeightRateM2PerS = p01 + dt * p11 + q * dt * dt / 2;
        varRateM2PerS2 = p11 + q * dt;
        heightM += rateMps * dt;
        nanos = toNanos;
    }

    /**
     * Whether an observation carries a height, without computing it (a 3-D plot's takes a
     * conversion to WGS84).
     */
    static boolean carriesHeight(Observation o) {
        if (o.measurement() instanceof RadarPlot plot) {
            return plot.hasElevation();
        }
        PositionFix fix = fixOf(o);
        return fix != null && fix.hasHeight();
    }

    /** The measured height of an observation, or NaN when it carries none. */
    static double measuredHeightM(Observation o) {
        if (o.measurement() instanceof RadarPlot plot) {
            return plot.hasElevation() ? plot.pointHeightM() : Double.NaN;
        }
        PositionFix fix = fixOf(o);
        return fix != null && fix.hasHeight() ? fix.position().altM() : Double.NaN;
    }

    /** The one-sigma error of an observation's measured height, m, or NaN when it carries none. */
    static double measuredSigmaM(Observation o) {
        if (o.measurement() instanceof RadarPlot plot) {
            return plot.hasElevation() ? plotSigmaM(plot) : Double.NaN;
        }
        PositionFix fix = fixOf(o);
        return fix != null && fix.hasHeight() ? fix.sigmaAltM() : Double.NaN;
    }

    /**
     * One-sigma error of {@link RadarPlot#pointHeightM}, to first order in the range and elevation
     * errors: {@code √((r σ_el / cos² el)² + (tan el · σ_r)²)}.
     */
    static double plotSigmaM(RadarPlot plot) {
        double el = Math.toRadians(plot.elevationDeg());
        double cos = Math.cos(el);
        double byElevation = plot.rangeM() * Math.toRadians(plot.sigmaElevationDeg()) / (cos * cos);
        double byRange = Math.tan(el) * plot.sigmaRangeM();
        return Math.sqrt(byElevation * byElevation + byRange * byRange);
    }

    private static PositionFix fixOf(Observation o) {
        var m = o.measurement();
        if (m instanceof PositionFix fix) {
            return fix;
        }
        if (m instanceof SensorTrackUpdate s) {
            return s.fix();
        }
        return null; // a radar plot: RadarPlot.pointHeightM
    }

    /**
     * The height of a track after an observation assigned to it at {@code nanos} (weight 1): {@code
     * h} updated, or started, with the observation's height; {@code h} unchanged (possibly null)
     * when the observation carries none.
     */
    static TrackHeight updated(TrackHeight h, Observation o, long nanos) {
        double z = measuredHeightM(o);
        return Double.isNaN(z) ? h : updated(h, z, measuredSigmaM(o), nanos);
    }

    /**
     * As {@link #updated(TrackHeight, Observation, long)} with the observation's height {@code z}
     * and its one-sigma error already known.
     */
    static TrackHeight updated(TrackHeight h, double z, double sigma, long nanos) {
        if (h == null) {
            return start(z, sigma, nanos);
        }
        h.predictTo(nanos);
        h.update(z, sigma * sigma);
        return h;
    }

    /**
     * The Kalman update with one measured height z of variance r; a height whose normalised
     * innovation squared exceeds {@link #RESTART_GATE} restarts the estimate at z instead.
     */
    void update(double z, double r) {
        double s = varHeightM2 + r;
        double nu = z - heightM;
        if (nu * nu > RESTART_GATE * s) {
            // Another target's height (the horizontal association gave the track a detection of a
            // flight at another height) or a climb far outside the model: start again from it
            // rather than read the jump as a vertical rate, which the published height would
            // carry on for MAX_EXTRAPOLATION_S (1 700 m in 2 s is 850 m/s).
            heightM = z;
            rateMps = 0.0;
            varHeightM2 = r;
            covHeightRateM2PerS = 0.0;
            varRateM2PerS2 = INITIAL_RATE_SIGMA_MPS * INITIAL_RATE_SIGMA_MPS;
            return;
        }
        double k0 = varHeightM2 / s, k1 = covHeightRateM2PerS / s;
        heightM += k0 * nu;
        rateMps += k1 * nu;
        double p00 = varHeightM2, p01 = covHeightRateM2PerS, p11 = varRateM2PerS2;
        varHeightM2 = (1 - k0) * p00;
        covHeightRateM2PerS = (1 - k0) * p01;
        varRateM2PerS2 = p11 - k1 * p01;
    }

    /**
     * The height of a track after a JPDA update at {@code nanos}: the detections {@code
     * measurements[from..to)} (indices into {@code observations}) with association probabilities
     * {@code beta[from..to)} (class comment). A track without a height starts one from the
     * detections with a height when their probabilities add up to at least one half (the rule by
     * which the track takes a detection's identity), at their weighted mean height and the weighted
     * mean variance; else it stays without.
     */
    static TrackHeight pda(
            TrackHeight h,
            Observation[] observations,
            int[] measurements,
            double[] beta,
            int from,
            int to,
            long nanos) {
        double withHeight = 0;
        for (int p = from; p < to; p++) {
            if (!Double.isNaN(beta[p]) && carriesHeight(observations[measurements[p]])) {
                withHeight += beta[p];
            }
        }
        if (!(withHeight > 0)) {
            return h;
        }
        if (h == null) {
            if (withHeight < 0.5) {
                return null;
            }
            double mean = 0, var = 0;
            for (int p = from; p < to; p++) {
                Observation o = observations[measurements[p]];
                double z = measuredHeightM(o);
                if (!Double.isNaN(beta[p]) && !Double.isNaN(z)) {
                    double w = beta[p] / withHeight;
                    double sigma = measuredSigmaM(o);
                    mean += w * z;
                    var += w * sigma * sigma;
                }
            }
            return start(mean, Math.sqrt(var), nanos);
        }
        h.predictTo(nanos);
        double w0 = Math.max(0, 1 - withHeight);
        double x0 = h.heightM, x1 = h.rateMps;
        double p00 = h.varHeightM2, p01 = h.covHeightRateM2PerS, p11 = h.varRateM2PerS2;
        // Σ w x, Σ w (P + x xᵀ), over the prediction and each update
        double m0 = w0 * x0, m1 = w0 * x1;
        double s00 = w0 * (p00 + x0 * x0), s01 = w0 * (p01 + x0 * x1), s11 = w0 * (p11 + x1 * x1);
        TrackHeight u = h.copy();
        for (int p = from; p < to; p++) {
            Observation o = observations[measurements[p]];
            double z = measuredHeightM(o);
            if (Double.isNaN(beta[p]) || Double.isNaN(z)) {
                continue;
            }
            double w = beta[p];
            double sigma = measuredSigmaM(o);
            u.heightM = x0;
            u.rateMps = x1;
            u.varHeightM2 = p00;
            u.covHeightRateM2PerS = p01;
            u.varRateM2PerS2 = p11;
            u.update(z, sigma * sigma);
            m0 += w * u.heightM;
            m1 += w * u.rateMps;
            s00 += w * (u.varHeightM2 + u.heightM * u.heightM);
            s01 += w * (u.covHeightRateM2PerS + u.heightM * u.rateMps);
            s11 += w * (u.varRateM2PerS2 + u.rateMps * u.rateMps);
        }
        double total = w0 + withHeight;
        m0 /= total;
        m1 /= total;
        h.heightM = m0;
        h.rateMps = m1;
        h.varHeightM2 = Math.max(s00 / total - m0 * m0, 0);
        h.covHeightRateM2PerS = s01 / total - m0 * m1;
        h.varRateM2PerS2 = Math.max(s11 / total - m1 * m1, 0);
        return h;
    }

    /**
     * The height of a track that takes over another of the same target ({@code fresh}, found again
     * or re-identified): the older estimate updated with the fresher one as a measurement (its
     * height and height variance), or whichever of the two exists.
     */
    static TrackHeight merged(TrackHeight old, TrackHeight fresh) {
        if (fresh == null) {
            return old;
        }
        if (old == null) {
            return fresh.copy();
        }
        TrackHeight f = fresh.copy();
        if (old.nanos > f.nanos) {
            f.predictTo(old.nanos);
        } else {
            old.predictTo(f.nanos);
        }
        old.update(f.heightM, f.varHeightM2);
        return old;
    }
}
