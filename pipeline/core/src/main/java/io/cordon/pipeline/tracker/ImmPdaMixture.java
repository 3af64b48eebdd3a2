package io.cordon.pipeline.tracker;

import io.cordon.pipeline.filter.FlatImm;

/**
 * The probabilistic data association update of an IMM state (Bar-Shalom, Willett &amp; Tian,
 * <i>Tracking and Data Fusion</i>, 2011, §3.4 and §6.3): the posterior is the mixture over the
 * association hypotheses a (a = 0: none of the gated measurements is the target's; a ≥ 1: the a-th
 * is) with weights β_a, each hypothesis an IMM state (the prediction for a = 0, its Kalman update
 * with measurement a otherwise). It is reduced per model i, not on the moment-matched Gaussian, so
 * the models keep their own estimates:
 *
 * <ul>
 *   <li>μ_i = Σ_a β_a μ_i^a (the posterior model probability: hypothesis a's model probabilities
 *       already carry model i's likelihood of measurement a);
 *   <li>x_i = Σ_a c_ia x_i^a and P_i = Σ_a c_ia (P_i^a + (x_i^a − x_i)(x_i^a − x_i)ᵀ) with c_ia =
 *       β_a μ_i^a / μ_i, the moment match of model i's mixture; the outer products are the spread
 *       of the innovations term of the PDA covariance.
 * </ul>
 *
 * With β_0 = 0 and one hypothesis it is that hypothesis' update; with every β but β_0 zero it is
 * the prediction. An estimated turn model's (x, ω) is moment-matched the same way, with its
 * extension ({@link FlatImm#EXTENSION}).
 */
final class ImmPdaMixture {
    private ImmPdaMixture() {}

    /**
     * Writes the PDA posterior to {@code dst} at {@code d}.
     *
     * @param imm the IMM whose states these are
     * @param predicted the predicted IMM state (hypothesis 0) at {@code po}
     * @param updated the updated IMM states of hypotheses 1..count, each {@code stateLength} long,
     *     from offset 0
     * @param beta β_0..β_count (normalised here; a hypothesis of weight 0 is skipped)
     */
    static void reduce(
            FlatImm imm,
            double[] predicted,
            int po,
            double[] updated,
            int count,
            double[] beta,
            double[] dst,
            int d) {
        int models = imm.modelCount();
        int stateLength = imm.stateLength();
        double total = 0;
        for (int a = 0; a <= count; a++) {
            total += beta[a];
        }
        double[] mean = new double[4];
        double[] cov = new double[10];
        for (int i = 0; i < models; i++) {
            double mu = 0;
            for (int a = 0; a <= count; a++) {
                mu += beta[a] / total * probability(predicted, po, updated, stateLength, a, i);
            }
            java.util.Arrays.fill(mean, 0.0);
            java.util.Arrays.fill(cov, 0.0);
            int block = models + i * FlatImm.GAUSSIAN;
            for (int a = 0; a <= count; a++) {
                if (beta[a] == 0) {
                    continue;
                }
                double c =
                        beta[a]
                                / total
                                * probability(predicted, po, updated, stateLength, a, i)
                                / mu;
                double[] s = a == 0 ? predicted : updated;
                int g = (a == 0 ? po : (a - 1) * stateLength) + block;
                for (int r = 0; r < 4; r++) {
                    mean[r] += c * s[g + r];
                }
            }
            for (int a = 0; a <= count; a++) {
                if (beta[a] == 0) {
                    continue;
                }
                double c =
                        beta[a]
                                / total
                                * probability(predicted, po, updated, stateLength, a, i)
                                / mu;
                double[] s = a == 0 ? predicted : updated;
                int g = (a == 0 ? po : (a - 1) * stateLength) + block;
                int k = 0;
                for (int r = 0; r < 4; r++) {
                    double dr = s[g + r] - mean[r];
                    for (int col = r; col < 4; col++) {
                        double dc = s[g + col] - mean[col];
                        cov[k] += c * (s[g + 4 + k] + dr * dc);
                        k++;
                    }
                }
            }
            dst[d + i] = mu;
            System.arraycopy(mean, 0, dst, d + block, 4);
            System.arraycopy(cov, 0, dst, d + block + 4, 10);
            if (i == imm.estimatedTurnModel()) {
                reduceTurnRate(
                        imm,
                        predicted,
                        po,
                        updated,
                        stateLength,
                        count,
                        beta,
                        total,
                        mu,
                        mean,
                        dst,
                        d);
            }
        }
    }

    /** The estimated turn model's extension: its ω moment-matched over the hypotheses with x. */
    private static void reduceTurnRate(
            FlatImm imm,
            double[] predicted,
            int po,
            double[] updated,
            int stateLength,
            int count,
            double[] beta,
            double total,
            double mu,
            double[] mean,
            double[] dst,
            int d) {
        int i = imm.estimatedTurnModel();
        int block = imm.modeOffset(i);
        int x = imm.extensionOffset();
        // c_a = β_a μ^a / μ over the hypotheses, and where each hypothesis' state starts.
        double[] c = new double[count + 1];
        int[] at = new int[count + 1];
        double w = 0;
        for (int a = 0; a <= count; a++) {
            c[a] = beta[a] / total * probability(predicted, po, updated, stateLength, a, i) / mu;
            at[a] = a == 0 ? po : (a - 1) * stateLength;
            if (beta[a] != 0) {
                w += c[a] * (a == 0 ? predicted : updated)[at[a] + x];
            }
        }
        double var = 0;
        double[] cross = new double[4];
        for (int a = 0; a <= count; a++) {
            if (beta[a] == 0) {
                continue;
            }
            double[] s = a == 0 ? predicted : updated;
            double dw = s[at[a] + x] - w;
            var += c[a] * (s[at[a] + x + 1] + dw * dw);
            for (int k = 0; k < 4; k++) {
                cross[k] += c[a] * (s[at[a] + x + 2 + k] + dw * (s[at[a] + block + k] - mean[k]));
            }
        }
        dst[d + x] = w;
        dst[d + x + 1] = var;
        System.arraycopy(cross, 0, dst, d + x + 2, 4);
    }

    private static double probability(
            double[] predicted, int po, double[] updated, int stateLength, int a, int i) {
        return a == 0 ? predicted[po + i] : updated[(a - 1) * stateLength + i];
    }
}
