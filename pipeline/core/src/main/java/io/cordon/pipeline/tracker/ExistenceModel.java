package io.cordon.pipeline.tracker;

/**
 * Track existence with visibility, a three-state Markov chain per track: the target exists and can
 * be detected (V), exists but cannot be detected for a while (I: hidden, dark, masked), or does not
 * exist (N: the track was started by clutter). It is the integrated probabilistic data association
 * idea of Mušicki, Evans & Stanković (IEEE TAC 39(6), 1994) with the visible/invisible target of
 * Mušicki & Evans' IPDA with perceivability, used here with a global nearest neighbour assignment:
 *
 * <ul>
 *   <li>between looks the chain runs in continuous time: V → I with rate h = 1/τ_hide, I → V with
 *       rate r = 1/τ_reappear, and V or I → N with rate l = 1/τ_lose (the target stops, leaves, or
 *       its detections go to another track). Its solution over dt is exact, {@code S = V + I}
 *       decays by {@code e^(-l dt)} and V relaxes towards {@code S r/(h + r)} by {@code e^(-(h + r)
 *       dt)}, so predicting in several steps equals predicting once and a track may be brought
 *       forward lazily, only when a look concerns it;
 *   <li>a look that detects the track with likelihood ratio L = g/λ (g the measurement's likelihood
 *       under the track, λ the density of clutter and new targets): V × (P_D L + 1 − P_D), I × 1, N
 *       × 1;
 *   <li>a look that misses it while it is in the sensor's view: V × (1 − P_D), I × 1, N × 1;
 * </ul>
 *
 * then normalisation. Existence is V + I. A clutter track dies after a few misses; a real target
 * that goes dark keeps its existence (it moves to I), so the tracker can coast through the gap.
 */
final class ExistenceModel {
    private static final double FLOOR = 1e-12;
    private final double hideRatePerS;
    private final double reappearRatePerS;
    private final double loseRatePerS;
    private final double visibleShare;
    // Factors of recent time steps (most tracks share one of a few steps since their last look),
    // in 32 slots indexed by a multiplicative hash of the step's bits, as FlatImm's: the steps are
    // round numbers whose low bits are zero, and a hash of the low bits put most in the same slot.
    private static final int CACHE_BITS = 5;
    private static final int CACHE = 1 << CACHE_BITS;
    private final double[] cacheDt = new double[CACHE];
    private final double[] cacheKeep = new double[CACHE];
    private final double[] cacheRelax = new double[CACHE];

    ExistenceModel(double meanVisibleS, double meanHiddenS, double meanLifeS) {
        this.hideRatePerS = 1.0 / meanVisibleS;
        this.reappearRatePerS = 1.0 / meanHiddenS;
        this.loseRatePerS = 1.0 / meanLifeS;
        this.visibleShare = reappearRatePerS / (hideRatePerS + reappearRatePerS);
        java.util.Arrays.fill(cacheDt, Double.NaN);
    }

    /** Brings (V, I, N) forward to {@code nanos} (no change when that is not later). */
    void predictTo(TrackRecord t, long nanos) {
        long d = nanos - t.existenceNanos;
        if (d <= 0) {
            return;
        }
        predict(t, d * 1e-9);
        t.existenceNanos = nanos;
    }

    /** Moves (V, I, N) over dt seconds. */
    void predict(TrackRecord t, double dtS) {
        if (dtS <= 0) {
            return;
        }
        long bits = Double.doubleToRawLongBits(dtS);
        int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - CACHE_BITS));
        if (cacheDt[slot] != dtS) {
            cacheDt[slot] = dtS;
            cacheKeep[slot] = Math.exp(-dtS * loseRatePerS);
            cacheRelax[slot] = Math.exp(-dtS * (hideRatePerS + reappearRatePerS));
        }
        double keep = cacheKeep[slot], relax = cacheRelax[slot];
        double s = t.pVisible + t.pHidden;
        double equilibrium = visibleShare * s;
        double v = keep * (equilibrium + (t.pVisible - equilibrium) * relax);
        double i = keep * s - v;
        t.pNone = 1 - v - i;
        t.pVisible = v;
        t.pHidden = i;
    }

    /** Existence V + I of {@code t} brought forward to {@code nanos}, without changing it. */
    double existenceAt(TrackRecord t, long nanos) {
        long d = nanos - t.existenceNanos;
        double s = t.pVisible + t.pHidden;
        return d <= 0 ? s : s * Math.exp(-d * 1e-9 * loseRatePerS);
    }

    void detected(TrackRecord t, double pd, double likelihoodRatio) {
        t.pVisible *= pd * likelihoodRatio + (1 - pd);
        normalise(t);
    }

    void missed(TrackRecord t, double pd) {
        t.pVisible *= 1 - pd;
        normalise(t);
    }

    private static void normalise(TrackRecord t) {
        double v = Math.max(t.pVisible, FLOOR);
        double i = Math.max(t.pHidden, FLOOR);
        double n = Math.max(t.pNone, FLOOR);
        double s = v + i + n;
        t.pVisible = v / s;
        t.pHidden = i / s;
        t.pNone = n / s;
    }
}
