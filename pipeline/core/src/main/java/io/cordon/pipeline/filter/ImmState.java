package io.cordon.pipeline.filter;

import java.util.Arrays;

/**
 * The state of an interacting multiple model estimator: one Gaussian per motion model and the model
 * probabilities μ (summing to 1), with the moment-matched combination {@code x = Σ μ_j x_j}, {@code
 * P = Σ μ_j (P_j + (x_j - x)(x_j - x)ᵀ)} computed once when first asked for. Immutable to its users
 * (the lazily cached combination is not shared across threads safely; the tracker is
 * single-threaded).
 */
public final class ImmState {
    private final GaussianState[] modes;
    private final double[] probabilities;
    private GaussianState combined;

    ImmState(GaussianState[] modes, double[] probabilities) {
        this.modes = modes;
        this.probabilities = probabilities;
    }

    /** A state from per-model Gaussians and probabilities (copied; probabilities normalised). */
    public static ImmState of(GaussianState[] modes, double[] probabilities) {
        if (modes.length != probabilities.length || modes.length == 0) {
            throw new IllegalArgumentException("one probability per mode, at least one mode");
        }
        double sum = 0;
        for (double p : probabilities) {
            if (!(p >= 0)) {
                throw new IllegalArgumentException("probabilities must be >= 0");
            }
            sum += p;
        }
        double[] mu = new double[probabilities.length];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = probabilities[i] / sum;
        }
        return new ImmState(modes.clone(), mu);
    }

    /**
     * A state exactly as given (for restoring a snapshot bit for bit): probabilities must already
     * sum to 1 within 1e-9.
     */
    public static ImmState exactly(GaussianState[] modes, double[] probabilities) {
        double sum = 0;
        for (double p : probabilities) {
            sum += p;
        }
        if (modes.length != probabilities.length || modes.length == 0 || Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("one probability per mode, summing to 1");
        }
        return new ImmState(modes.clone(), probabilities.clone());
    }

    /** Every mode starts from the same Gaussian with the given probabilities. */
    public static ImmState uniform(GaussianState initial, double[] probabilities) {
        GaussianState[] modes = new GaussianState[probabilities.length];
        Arrays.fill(modes, initial);
        return of(modes, probabilities);
    }

    public int modeCount() {
        return modes.length;
    }

    public GaussianState mode(int j) {
        return modes[j];
    }

    public double probability(int j) {
        return probabilities[j];
    }

    /** The moment-matched single Gaussian (computed once, on first use). */
    public GaussianState combined() {
        GaussianState c = combined;
        if (c == null) {
            c = combine(modes, probabilities);
            combined = c;
        }
        return c;
    }

    static GaussianState combine(GaussianState[] modes, double[] mu) {
        if (modes.length == 1) {
            return modes[0];
        }
        double[] x = new double[4];
        for (int j = 0; j < modes.length; j++) {
            for (int i = 0; i < 4; i++) {
                x[i] += mu[j] * modes[j].x[i];
            }
        }
        double[] p = new double[16];
        for (int j = 0; j < modes.length; j++) {
            double[] xj = modes[j].x;
            double[] pj = modes[j].p;
            double w = mu[j];
            for (int r = 0; r < 4; r++) {
                double dr = xj[r] - x[r];
                for (int c = r; c < 4; c++) {
                    p[r * 4 + c] += w * (pj[r * 4 + c] + dr * (xj[c] - x[c]));
                }
            }
        }
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < r; c++) {
                p[r * 4 + c] = p[c * 4 + r];
            }
        }
        return new GaussianState(x, p);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImmState s
                && Arrays.equals(modes, s.modes)
                && Arrays.equals(probabilities, s.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(modes) + Arrays.hashCode(probabilities);
    }
}
