package io.cordon.pipeline.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class InteractingMultipleModelTest {
    private static final List<MotionModel> MODELS =
            List.of(
                    new ConstantVelocityModel(0.05),
                    new CoordinatedTurnModel(Math.toRadians(2), 0.05),
                    new CoordinatedTurnModel(Math.toRadians(-2), 0.05));
    private static final double TAU = 30.0;

    private static ImmState threeModes() {
        GaussianState a =
                GaussianState.of(
                        new double[] {20000, -5000, 10, 3},
                        new double[] {
                            400, 30, 12, -4, 30, 250, 3, 9, 12, 3, 20, 1.5, -4, 9, 1.5, 16
                        });
        GaussianState b =
                GaussianState.of(
                        new double[] {20010, -4990, 9, 4},
                        new double[] {300, 10, 8, 0, 10, 200, 0, 6, 8, 0, 10, 0.5, 0, 6, 0.5, 12});
        GaussianState c =
                GaussianState.of(
                        new double[] {19995, -5008, 11, 2},
                        new double[] {
                            500, -20, 15, 2, -20, 350, 1, 11, 15, 1, 25, -1, 2, 11, -1, 22
                        });
        return ImmState.of(new GaussianState[] {a, b, c}, new double[] {0.6, 0.3, 0.1});
    }

    @Test
    void predictionMixesWithTheMarkovWeightsThenPredictsEachModel() {
        ImmState s = threeModes();
        double dt = 4.0;
        ImmState out = new InteractingMultipleModel(MODELS, TAU).predict(s, dt);
        double stay = Math.exp(-dt / TAU), move = (1 - stay) / 2;
        for (int j = 0; j < 3; j++) {
            // Textbook mixing: c_j = Σ π_ij μ_i, w_i = π_ij μ_i / c_j, moment match, then predict.
            double cj = 0;
            double[] w = new double[3];
            for (int i = 0; i < 3; i++) {
                w[i] = (i == j ? stay : move) * s.probability(i);
                cj += w[i];
            }
            double[] x = new double[4];
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 4; k++) {
                    x[k] += w[i] / cj * s.mode(i).mean(k);
                }
            }
            double[] p = new double[16];
            for (int i = 0; i < 3; i++) {
                for (int r = 0; r < 4; r++) {
                    for (int k = 0; k < 4; k++) {
                        double dr = s.mode(i).mean(r) - x[r], dk = s.mode(i).mean(k) - x[k];
                        p[r * 4 + k] += w[i] / cj * (s.mode(i).covariance(r, k) + dr * dk);
                    }
                }
            }
            GaussianState expected = MODELS.get(j).predict(GaussianState.of(x, p), dt);
            assertThat(out.probability(j)).isCloseTo(cj, within(1e-12));
            for (int r = 0; r < 4; r++) {
                assertThat(out.mode(j).mean(r)).isCloseTo(expected.mean(r), within(1e-6));
                for (int k = 0; k < 4; k++) {
                    assertThat(out.mode(j).covariance(r, k))
                            .isCloseTo(expected.covariance(r, k), within(1e-6));
                }
            }
        }
    }

    @Test
    void updateFavoursTheModelThatPredictedTheMeasurement() {
        GaussianState start = GaussianState.ofPosition(0, 0, 25, 0, 25, 0, 15, 0.5);
        InteractingMultipleModel imm = new InteractingMultipleModel(MODELS, TAU);
        ImmState s = ImmState.uniform(start, new double[] {1, 1, 1});
        // A target turning left at 2 deg/s, measured every 2 s with 5 m noise-free fixes.
        double w = Math.toRadians(2), speed = 15;
        for (int k = 1; k <= 15; k++) {
            double t = 2.0 * k;
            double e = -speed / w * (1 - Math.cos(w * t));
            double n = speed / w * Math.sin(w * t);
            s =
                    imm.update(imm.predict(s, 2.0), new PositionMeasurement(e, n, 25, 0, 25))
                            .posterior();
        }
        assertThat(s.probability(1)).isGreaterThan(0.8);
    }
}
