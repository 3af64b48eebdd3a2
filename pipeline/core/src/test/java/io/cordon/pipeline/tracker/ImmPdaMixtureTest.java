package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.filter.ConstantVelocityModel;
import io.cordon.pipeline.filter.CoordinatedTurnModel;
import io.cordon.pipeline.filter.EstimatedTurnModel;
import io.cordon.pipeline.filter.FlatImm;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImmPdaMixtureTest {
    // Predicted Gaussian block: mean (e, n, ve, vn), then p00 p01 p02 p03 p11 p12 p13 p22 p23 p33.
    private static final double[] PREDICTED = {
        100, 200, 5, -3, 400, 30, 20, 5, 300, 4, 15, 25, 1, 20
    };
    private static final double R00 = 900, R01 = 100, R11 = 1600;
    private static final double[][] Z = {{130, 180}, {60, 260}};
    private static final double[] BETA = {0.2, 0.5, 0.3};

    /** Linearisation record of a position measurement z: y = z - H x_lin, H = [I 0]. */
    private static double[] lin(double[] z, double e, double n) {
        return new double[] {z[0] - e, z[1] - n, 1, 0, 0, 1, R00, R01, R11, e, n};
    }

    @Test
    void oneModelIsTheClassicalPdaUpdateWithTheSpreadOfInnovations() {
        FlatImm imm = new FlatImm(List.of(new ConstantVelocityModel(0.05)), 30, 10);
        int length = imm.stateLength();
        double[] predicted = new double[length];
        imm.initialise(PREDICTED, 0, new double[] {1.0}, predicted, 0);
        double[] updated = new double[2 * length];
        for (int a = 0; a < 2; a++) {
            imm.update(predicted, 0, lin(Z[a], PREDICTED[0], PREDICTED[1]), 0, updated, a * length);
        }
        double[] out = new double[length];
        ImmPdaMixture.reduce(imm, predicted, 0, updated, 2, BETA, out, 0);

        // Bar-Shalom's PDA: x = x^ + K v, v = sum beta_i v_i; P = beta_0 P^ + (1 - beta_0) (P^ -
        // K S K') + K (sum beta_i v_i v_i' - v v') K'.
        double[][] p = full(PREDICTED);
        double[][] s = {{p[0][0] + R00, p[0][1] + R01}, {p[1][0] + R01, p[1][1] + R11}};
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        double[][] si = {{s[1][1] / det, -s[0][1] / det}, {-s[1][0] / det, s[0][0] / det}};
        double[][] k = new double[4][2];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 2; c++) {
                k[r][c] = p[r][0] * si[0][c] + p[r][1] * si[1][c];
            }
        }
        double[] v = new double[2];
        double[][] spread = new double[2][2];
        for (int a = 0; a < 2; a++) {
            double[] va = {Z[a][0] - PREDICTED[0], Z[a][1] - PREDICTED[1]};
            for (int i = 0; i < 2; i++) {
                v[i] += BETA[a + 1] * va[i];
                for (int j = 0; j < 2; j++) {
                    spread[i][j] += BETA[a + 1] * va[i] * va[j];
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                spread[i][j] -= v[i] * v[j];
            }
        }
        double b0 = BETA[0];
        for (int r = 0; r < 4; r++) {
            double x = PREDICTED[r] + k[r][0] * v[0] + k[r][1] * v[1];
            assertThat(out[imm.modeOffset(0) + r]).isCloseTo(x, within(1e-9));
            for (int c = 0; c < 4; c++) {
                double ksk = 0, kdk = 0;
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        ksk += k[r][i] * s[i][j] * k[c][j];
                        kdk += k[r][i] * spread[i][j] * k[c][j];
                    }
                }
                double expected = b0 * p[r][c] + (1 - b0) * (p[r][c] - ksk) + kdk;
                double actual = FlatImm.covariance(out, imm.modeOffset(0), r, c);
                assertThat(actual).isCloseTo(expected, within(1e-9 * Math.abs(p[r][c]) + 1e-9));
            }
        }
        assertThat(out[0]).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void modelProbabilitiesAreTheBetaWeightedPosteriorOnesAndSumToOne() {
        FlatImm imm =
                new FlatImm(
                        List.of(
                                new ConstantVelocityModel(0.05),
                                new CoordinatedTurnModel(Math.toRadians(3), 0.6)),
                        30,
                        10);
        int length = imm.stateLength();
        double[] predicted = new double[length];
        imm.initialise(PREDICTED, 0, new double[] {0.7, 0.3}, predicted, 0);
        // Make the turn model's prediction differ, so the models' likelihoods differ.
        predicted[imm.modeOffset(1)] += 40;
        double[] updated = new double[2 * length];
        for (int a = 0; a < 2; a++) {
            imm.update(predicted, 0, lin(Z[a], PREDICTED[0], PREDICTED[1]), 0, updated, a * length);
        }
        double[] out = new double[length];
        ImmPdaMixture.reduce(imm, predicted, 0, updated, 2, BETA, out, 0);
        for (int i = 0; i < 2; i++) {
            double mu =
                    BETA[0] * predicted[i] + BETA[1] * updated[i] + BETA[2] * updated[length + i];
            assertThat(out[i]).isCloseTo(mu, within(1e-12));
        }
        assertThat(out[0] + out[1]).isCloseTo(1.0, within(1e-12));
        // Each model's mean is its own mixture: c_ia = beta_a mu_i^a / mu_i.
        for (int i = 0; i < 2; i++) {
            int g = imm.modeOffset(i);
            double c0 = BETA[0] * predicted[i] / out[i];
            double c1 = BETA[1] * updated[i] / out[i];
            double c2 = BETA[2] * updated[length + i] / out[i];
            double e = c0 * predicted[g] + c1 * updated[g] + c2 * updated[length + g];
            assertThat(out[g]).isCloseTo(e, within(1e-9));
        }
    }

    @Test
    void certainAssociationIsTheKalmanUpdateAndCertainMissThePrediction() {
        FlatImm imm = new FlatImm(List.of(new ConstantVelocityModel(0.05)), 30, 10);
        int length = imm.stateLength();
        double[] predicted = new double[length];
        imm.initialise(PREDICTED, 0, new double[] {1.0}, predicted, 0);
        double[] updated = new double[length];
        imm.update(predicted, 0, lin(Z[0], PREDICTED[0], PREDICTED[1]), 0, updated, 0);
        double[] out = new double[length];
        ImmPdaMixture.reduce(imm, predicted, 0, updated, 1, new double[] {0, 1}, out, 0);
        for (int x = 0; x < length; x++) {
            assertThat(out[x]).isCloseTo(updated[x], within(1e-9));
        }
        ImmPdaMixture.reduce(imm, predicted, 0, updated, 1, new double[] {1, 0}, out, 0);
        for (int x = 0; x < length; x++) {
            assertThat(out[x]).isCloseTo(predicted[x], within(1e-9));
        }
    }

    @Test
    void anEstimatedTurnRateIsMomentMatchedWithTheState() {
        FlatImm imm =
                new FlatImm(
                        List.of(new ConstantVelocityModel(0.05)),
                        new EstimatedTurnModel(0.6, 1e-5, Math.toRadians(2), Math.toRadians(10)),
                        30,
                        10);
        int length = imm.stateLength();
        int x = imm.extensionOffset();
        double[] predicted = new double[length];
        imm.initialise(PREDICTED, 0, new double[] {0.5, 0.5}, predicted, 0);
        // A rate of 1 °/s correlated with the position and velocity, so that each update moves it
        // differently.
        predicted[x] = Math.toRadians(1);
        predicted[x + 2] = 0.2;
        predicted[x + 3] = -0.1;
        predicted[x + 4] = 0.01;
        predicted[x + 5] = -0.005;
        double[] updated = new double[2 * length];
        for (int a = 0; a < 2; a++) {
            imm.update(predicted, 0, lin(Z[a], PREDICTED[0], PREDICTED[1]), 0, updated, a * length);
        }
        double[] out = new double[length];
        ImmPdaMixture.reduce(imm, predicted, 0, updated, 1, new double[] {0, 1}, out, 0);
        for (int k = 0; k < length; k++) {
            assertThat(out[k]).isCloseTo(updated[k], within(1e-12));
        }
        ImmPdaMixture.reduce(imm, predicted, 0, updated, 2, BETA, out, 0);
        // The estimated model's (x, ω) mixture: weights c_a = β_a μ^a / μ over the hypotheses.
        int j = imm.estimatedTurnModel(), g = imm.modeOffset(j);
        double[] weight = new double[3];
        double mu = 0;
        for (int a = 0; a < 3; a++) {
            weight[a] = BETA[a] * (a == 0 ? predicted[j] : updated[(a - 1) * length + j]);
            mu += weight[a];
        }
        double rate = 0, east = 0;
        for (int a = 0; a < 3; a++) {
            int so = a == 0 ? 0 : (a - 1) * length;
            double[] s = a == 0 ? predicted : updated;
            rate += weight[a] / mu * s[so + x];
            east += weight[a] / mu * s[so + g];
        }
        double variance = 0, crossEast = 0;
        for (int a = 0; a < 3; a++) {
            int so = a == 0 ? 0 : (a - 1) * length;
            double[] s = a == 0 ? predicted : updated;
            double dw = s[so + x] - rate;
            variance += weight[a] / mu * (s[so + x + 1] + dw * dw);
            crossEast += weight[a] / mu * (s[so + x + 2] + dw * (s[so + g] - east));
        }
        assertThat(out[x]).isCloseTo(rate, within(1e-15));
        assertThat(updated[x]).isNotCloseTo(updated[length + x], within(1e-6));
        assertThat(out[x + 1]).isCloseTo(variance, within(1e-15));
        assertThat(out[x + 2]).isCloseTo(crossEast, within(1e-12));
    }

    private static double[][] full(double[] g) {
        double[][] p = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                p[r][c] = FlatImm.covariance(g, 0, r, c);
            }
        }
        return p;
    }
}
