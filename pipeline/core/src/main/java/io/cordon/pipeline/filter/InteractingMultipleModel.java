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
        // Predicted mode probabilities c_j = Σ_i π_ij μ_i and mixing weights μ_i|j = π_ij μ_i /
        // c_j.
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = state.probability(i);
        }
        double[] c = new double[n];
        GaussianState[] predicted = new GaussianState[n];
        GaussianState[] sources = new GaussianState[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            sources[i] = state.mode(i);
        }
        for (int j = 0; j < n; j++) {
            double cj = 0;
            for (int i = 0; i < n; i++) {
                weights[i] = (i == j ? stay : move) * mu[i];
                cj += weights[i];
            }
            c[j] = cj;
            GaussianState mixed;
            if (cj <= 0) {
                mixed = state.combined();
            } else {
                for (int i = 0; i < n; i++) {
                    weights[i] /= cj;
                }
                mixed = ImmState.combine(sources, weights);
            }
            predicted[j] = models[j].predict(mixed, dtS);
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
