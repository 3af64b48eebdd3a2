package io.cordon.pipeline.filter;

import java.util.List;

/**
 * The interacting multiple model filter (Blom & Bar-Shalom, IEEE TAC 33(8), 1988; Bar-Shalom et al.
 * 2001, §11.6.6): before each prediction the model-conditioned estimates are mixed with the Markov
 * switching probabilities, each model predicts its own estimate, and each is updated with the
 * measurement; the model probabilities follow the models' measurement likelihoods.
 *
 * <p>Switching depends on the elapsed time: a model is kept over dt with probability {@code
 * exp(-dt/τ)} (τ the mean sojourn time) and otherwise left for any other model equally, so the
 * filter behaves the same at any sensor cadence.
 */
public final class InteractingMultipleModel {
    private final MotionModel[] models;
    private final double sojournS;

    /**
     * @param models the motion models (for example near-constant velocity and coordinated turns
     *     either way)
     * @param meanSojournS τ, mean time spent in one model, s
     */
    public InteractingMultipleModel(List<MotionModel> models, double meanSojournS) {
        if (models.isEmpty() || !(meanSojournS > 0)) {
            throw new IllegalArgumentException("need models and a positive sojourn time");
        }
        this.models = models.toArray(new MotionModel[0]);
        this.sojournS = meanSojournS;
    }

    public int modelCount() {
        return models.length;
    }

    /** Mixing then per-model prediction over dt seconds (dt >= 0). */
    public ImmState predict(ImmState state, double dtS) {
        int n = models.length;
        if (n == 1) {
            return new ImmState(
                    new GaussianState[] {models[0].predict(state.mode(0), dtS)},
                    new double[] {1.0});
        }
        double stay = Math.exp(-Math.abs(dtS) / sojournS);
        double move = (1 - stay) / (n - 1);
        // With uniform off-diagonal switching the mixing weights are μ_i|j = (move μ_i + (stay -
        // move) δ_ij μ_j) / c_j, c_j = move + (stay - move) μ_j. So each mixed estimate blends the
        // overall moments with the mode's own: x̄_j = x̄ + b_j d_j and P̄_j = a_j M + b_j M_j -
        // b_j²
        // d_j d_jᵀ, where d_j = x_j - x̄, M_j = P_j + d_j d_jᵀ, M = Σ μ_i M_i, a_j = move / c_j and
        // b_j = (stay - move) μ_j / c_j: O(n) instead of O(n²), with moments centred on x̄ so
        // that nothing cancels.
        GaussianState overall = state.combined();
        double[] xbar = overall.x;
        double[] m = overall.p;
        double[] c = new double[n];
        GaussianState[] predicted = new GaussianState[n];
        for (int j = 0; j < n; j++) {
            double mu = state.probability(j);
            double cj = move + (stay - move) * mu;
            c[j] = cj;
            GaussianState own = state.mode(j);
            double a = move / cj;
            double b = (stay - move) * mu / cj;
            double[] d = new double[4];
            double[] x = new double[4];
            for (int i = 0; i < 4; i++) {
                d[i] = own.x[i] - xbar[i];
                x[i] = xbar[i] + b * d[i];
            }
            double[] p = new double[16];
            double bb = b - b * b;
            for (int r = 0; r < 4; r++) {
                for (int k = r; k < 4; k++) {
                    double v = a * m[r * 4 + k] + b * own.p[r * 4 + k] + bb * d[r] * d[k];
                    p[r * 4 + k] = v;
                    p[k * 4 + r] = v;
                }
            }
            predicted[j] = models[j].predict(new GaussianState(x, p), dtS);
        }
        return new ImmState(predicted, normalised(c));
    }

    /** The result of an update: the posterior and the measurement's mixture likelihood. */
    public record Update(ImmState posterior, double likelihood) {}

    /**
     * Updates every model with the measurement (EKF linearised at each model's prediction) and
     * reweighs the models by their likelihoods N(y_j; 0, S_j).
     */
    public Update update(ImmState predicted, MeasurementModel measurement) {
        int n = predicted.modeCount();
        GaussianState[] posterior = new GaussianState[n];
        double[] w = new double[n];
        double total = 0;
        double maxLog = Double.NEGATIVE_INFINITY;
        double[] logL = new double[n];
        for (int j = 0; j < n; j++) {
            Innovation innovation = measurement.innovation(predicted.mode(j));
            posterior[j] = KalmanUpdater.update(predicted.mode(j), innovation);
            logL[j] = innovation.logLikelihood();
            maxLog = Math.max(maxLog, logL[j]);
        }
        for (int j = 0; j < n; j++) {
            w[j] = predicted.probability(j) * Math.exp(logL[j] - maxLog);
            total += w[j];
        }
        double likelihood = total * Math.exp(maxLog);
        for (int j = 0; j < n; j++) {
            w[j] /= total;
        }
        return new Update(new ImmState(posterior, floor(w)), likelihood);
    }

    /** Keeps every model alive (μ >= 1e-6) so that a long-unused model can come back. */
    private static double[] floor(double[] w) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(w[i], 1e-6);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    private static double[] normalised(double[] c) {
        double sum = 0;
        for (double v : c) {
            sum += v;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }
}
