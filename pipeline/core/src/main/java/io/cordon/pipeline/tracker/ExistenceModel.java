package io.cordon.pipeline.tracker;

/**
 * Track existence with visibility, a three-state Markov chain per track: the target exists and can
 * be detected (V), exists but cannot be detected for a while (I: hidden, dark, masked), or does not
 * exist (N: the track was started by clutter). It is the integrated probabilistic data association
 * idea of Mušicki, Evans & Stanković (IEEE TAC 39(6), 1994) with the visible/invisible target of
 * Mušicki & Evans' IPDA with perceivability, used here with a global nearest neighbour assignment:
 *
 * <ul>
 *   <li>between looks, V → I with rate 1/τ_hide, I → V with rate 1/τ_reappear, and V or I → N with
 *       rate 1/τ_lose (the target stops, leaves, or its detections go to another track);
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
    // Transition factors of the last dt (most tracks share the time since the previous batch).
    private double lastDtS = Double.NaN;
    private double hide;
    private double reappear;
    private double keep;

    ExistenceModel(double meanVisibleS, double meanHiddenS, double meanLifeS) {
        this.hideRatePerS = 1.0 / meanVisibleS;
        this.reappearRatePerS = 1.0 / meanHiddenS;
        this.loseRatePerS = 1.0 / meanLifeS;
    }

    /** Moves (V, I, N) over dt seconds. */
    void predict(TrackRecord t, double dtS) {
        if (dtS <= 0) {
            return;
        }
        if (dtS != lastDtS) {
            lastDtS = dtS;
            hide = 1 - Math.exp(-dtS * hideRatePerS);
            reappear = 1 - Math.exp(-dtS * reappearRatePerS);
            keep = Math.exp(-dtS * loseRatePerS);
        }
        double v = keep * (t.pVisible * (1 - hide) + t.pHidden * reappear);
        double i = keep * (t.pHidden * (1 - reappear) + t.pVisible * hide);
        t.pNone = 1 - v - i;
        t.pVisible = v;
        t.pHidden = i;
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
