package io.cordon.pipeline.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The estimated turn model in {@link FlatImm} against a dense five-state reference written here
 * from the textbook: O(M²) mixing of (x, ω) over the models, an extended Kalman prediction whose
 * Jacobian is taken by central differences of the turn, and the Kalman update with H = [I 0].
 */
class FlatImmEstimatedTurnTest {
    private static final double TAU = 30.0;
    private static final double Q_STRAIGHT = 0.05, Q_TURN = 0.6, Q_RATE = 2e-5;
    private static final double FIXED_RATE = Math.toRadians(3.0);
    private static final EstimatedTurnModel ESTIMATED =
            new EstimatedTurnModel(Q_TURN, Q_RATE, Math.toRadians(2), Math.toRadians(10));

    private static FlatImm imm() {
        return new FlatImm(
                List.of(
                        new ConstantVelocityModel(Q_STRAIGHT),
                        new CoordinatedTurnModel(FIXED_RATE, Q_TURN)),
                ESTIMATED,
                TAU,
                Double.POSITIVE_INFINITY);
    }

    /** Dense state: per model μ, x (5) and P (5×5); the known-rate models' ω has variance 0. */
    private static final class Dense {
        double[] mu = new double[3];
        double[][] x = new double[3][5];
        double[][] p = new double[3][25];
    }

    private static Dense randomState(Random r) {
        Dense d = new Dense();
        d.mu = new double[] {0.5, 0.2, 0.3};
        for (int j = 0; j < 3; j++) {
            d.x[j] =
                    new double[] {
                        1000 + 50 * r.nextGaussian(),
                        -400 + 50 * r.nextGaussian(),
                        12 + r.nextGaussian(),
                        -5 + r.nextGaussian(),
                        j == 0 ? 0 : j == 1 ? FIXED_RATE : Math.toRadians(1.5)
                    };
            // A random positive definite P from L Lᵀ, with ω decoupled for the known-rate models.
            double[] l = new double[25];
            double[] scale = {20, 20, 1.5, 1.5, 0.01};
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b <= a; b++) {
                    l[a * 5 + b] =
                            scale[a]
                                    * (a == b
                                            ? 1 + Math.abs(r.nextGaussian())
                                            : 0.3 * r.nextGaussian());
                }
            }
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    double v = 0;
                    for (int k = 0; k < 5; k++) {
                        v += l[a * 5 + k] * l[b * 5 + k];
                    }
                    boolean rate = a == 4 || b == 4;
                    d.p[j][a * 5 + b] = rate && j < 2 ? 0 : v;
                }
            }
        }
        return d;
    }

    private static double[] flat(FlatImm imm, Dense d) {
        double[] s = new double[imm.stateLength()];
        for (int j = 0; j < 3; j++) {
            s[j] = d.mu[j];
            double[] p4 = new double[16];
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    p4[a * 4 + b] = d.p[j][a * 5 + b];
                }
            }
            FlatImm.pack(
                    GaussianState.of(java.util.Arrays.copyOf(d.x[j], 4), p4), s, imm.modeOffset(j));
        }
        int x = imm.extensionOffset();
        s[x] = d.x[2][4];
        s[x + 1] = d.p[2][24];
        for (int k = 0; k < 4; k++) {
            s[x + 2 + k] = d.p[2][4 * 5 + k];
        }
        return s;
    }

    private static double[] turn(double[] x, double rate, double dt) {
        double e = x[0], n = x[1], ve = x[2], vn = x[3];
        if (Math.abs(rate) < 1e-12) {
            return new double[] {e + ve * dt, n + vn * dt, ve, vn, x[4]};
        }
        double s = Math.sin(rate * dt), c = Math.cos(rate * dt);
        return new double[] {
            e + s / rate * ve - (1 - c) / rate * vn,
            n + (1 - c) / rate * ve + s / rate * vn,
            c * ve - s * vn,
            s * ve + c * vn,
            x[4]
        };
    }

    private static void predictDense(Dense d, double dt) {
        double stay = Math.exp(-dt / TAU), move = (1 - stay) / 2;
        Dense mixed = new Dense();
        for (int j = 0; j < 3; j++) {
            double c = 0;
            for (int i = 0; i < 3; i++) {
                c += (i == j ? stay : move) * d.mu[i];
            }
            mixed.mu[j] = c;
            for (int i = 0; i < 3; i++) {
                double w = (i == j ? stay : move) * d.mu[i] / c;
                for (int a = 0; a < 5; a++) {
                    mixed.x[j][a] += w * d.x[i][a];
                }
            }
            for (int i = 0; i < 3; i++) {
                double w = (i == j ? stay : move) * d.mu[i] / c;
                for (int a = 0; a < 5; a++) {
                    for (int b = 0; b < 5; b++) {
                        double da = d.x[i][a] - mixed.x[j][a], db = d.x[i][b] - mixed.x[j][b];
                        mixed.p[j][a * 5 + b] += w * (d.p[i][a * 5 + b] + da * db);
                    }
                }
            }
        }
        for (int j = 0; j < 3; j++) {
            double[] x = mixed.x[j];
            double[] f = new double[25];
            for (int col = 0; col < 5; col++) {
                double h = col < 2 ? 1e-3 : col < 4 ? 1e-5 : 1e-8;
                double[] up = x.clone(), down = x.clone();
                up[col] += h;
                down[col] -= h;
                double[] fu = next(j, up, dt), fd = next(j, down, dt);
                for (int row = 0; row < 5; row++) {
                    f[row * 5 + col] = (fu[row] - fd[row]) / (2 * h);
                }
            }
            double[] p = new double[25];
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    double v = 0;
                    for (int k = 0; k < 5; k++) {
                        for (int l = 0; l < 5; l++) {
                            v += f[a * 5 + k] * mixed.p[j][k * 5 + l] * f[b * 5 + l];
                        }
                    }
                    p[a * 5 + b] = v;
                }
            }
            double q = j == 0 ? Q_STRAIGHT : Q_TURN;
            for (int axis = 0; axis < 2; axis++) {
                p[axis * 5 + axis] += q * dt * dt * dt / 3;
                p[axis * 5 + axis + 2] += q * dt * dt / 2;
                p[(axis + 2) * 5 + axis] += q * dt * dt / 2;
                p[(axis + 2) * 5 + axis + 2] += q * dt;
            }
            if (j == 2) {
                p[24] += Q_RATE * dt;
            }
            d.x[j] = next(j, x, dt);
            d.p[j] = p;
        }
        double total = mixed.mu[0] + mixed.mu[1] + mixed.mu[2];
        for (int j = 0; j < 3; j++) {
            d.mu[j] = mixed.mu[j] / total;
        }
    }

    /** Model j's motion: the known-rate models keep their ω; the estimated one turns at its own. */
    private static double[] next(int j, double[] x, double dt) {
        double rate = j == 0 ? 0 : j == 1 ? FIXED_RATE : x[4];
        double[] y = turn(x, rate, dt);
        if (j < 2) {
            y[4] = x[4];
        }
        return y;
    }

    private static void updateDense(
            Dense d, double ze, double zn, double r00, double r01, double r11) {
        double[] like = new double[3];
        for (int j = 0; j < 3; j++) {
            double[] x = d.x[j], p = d.p[j];
            double s00 = p[0] + r00, s01 = p[1] + r01, s11 = p[6] + r11;
            double det = s00 * s11 - s01 * s01;
            double i00 = s11 / det, i01 = -s01 / det, i11 = s00 / det;
            double y0 = ze - x[0], y1 = zn - x[1];
            double[] k0 = new double[5], k1 = new double[5];
            for (int a = 0; a < 5; a++) {
                k0[a] = p[a * 5] * i00 + p[a * 5 + 1] * i01;
                k1[a] = p[a * 5] * i01 + p[a * 5 + 1] * i11;
            }
            double[] np = new double[25];
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    np[a * 5 + b] = p[a * 5 + b] - (k0[a] * p[b] + k1[a] * p[5 + b]);
                }
            }
            for (int a = 0; a < 5; a++) {
                x[a] += k0[a] * y0 + k1[a] * y1;
            }
            d.p[j] = np;
            double d2 = y0 * (i00 * y0 + i01 * y1) + y1 * (i01 * y0 + i11 * y1);
            like[j] = Math.exp(-0.5 * d2) / (2 * Math.PI * Math.sqrt(det));
        }
        double total = 0;
        for (int j = 0; j < 3; j++) {
            total += d.mu[j] * like[j];
        }
        for (int j = 0; j < 3; j++) {
            d.mu[j] = d.mu[j] * like[j] / total;
        }
    }

    private static void assertSame(FlatImm imm, double[] s, Dense d, double tol) {
        for (int j = 0; j < 3; j++) {
            assertThat(s[j]).as("μ %d", j).isCloseTo(d.mu[j], within(1e-9));
            int g = imm.modeOffset(j);
            for (int a = 0; a < 4; a++) {
                assertThat(s[g + a]).as("x %d %d", j, a).isCloseTo(d.x[j][a], within(tol));
                for (int b = 0; b < 4; b++) {
                    assertThat(FlatImm.covariance(s, g, a, b))
                            .as("P %d %d %d", j, a, b)
                            .isCloseTo(
                                    d.p[j][a * 5 + b],
                                    within(tol * (1 + Math.abs(d.p[j][a * 5 + b]))));
                }
            }
        }
        int x = imm.extensionOffset();
        assertThat(s[x]).as("ω").isCloseTo(d.x[2][4], within(1e-12));
        assertThat(s[x + 1]).as("P_ωω").isCloseTo(d.p[2][24], within(1e-12));
        for (int k = 0; k < 4; k++) {
            assertThat(s[x + 2 + k])
                    .as("P_ω%d", k)
                    .isCloseTo(d.p[2][20 + k], within(tol * (1 + Math.abs(d.p[2][20 + k]))));
        }
    }

    @Test
    void predictionIsTheMixedExtendedKalmanPredictionOfTheFiveStateModel() {
        FlatImm imm = imm();
        Random r = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            Dense d = randomState(r);
            double[] s = flat(imm, d);
            double[] combined = new double[FlatImm.GAUSSIAN];
            imm.combine(s, 0, combined, 0);
            double dt = 0.5 + 9 * r.nextDouble();
            double[] out = new double[imm.stateLength()];
            imm.predict(s, 0, combined, 0, dt, out, 0);
            predictDense(d, dt);
            assertSame(imm, out, d, 1e-6);
        }
    }

    @Test
    void updateIsTheKalmanUpdateOfTheFiveStateModel() {
        FlatImm imm = imm();
        Random r = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            Dense d = randomState(r);
            double[] s = flat(imm, d);
            double[] combined = new double[FlatImm.GAUSSIAN];
            imm.combine(s, 0, combined, 0);
            double ze = combined[0] + 30 * r.nextGaussian(),
                    zn = combined[1] + 30 * r.nextGaussian();
            double[] lin = new double[FlatImm.LINEARISATION];
            PositionMeasurement z = new PositionMeasurement(ze, zn, 100, 10, 150);
            z.linearise(combined[0], combined[1], lin, 0);
            double[] out = new double[imm.stateLength()];
            imm.update(s, 0, lin, 0, out, 0);
            // the in-place form writes the same
            imm.update(s, 0, lin, 0, s, 0);
            assertThat(s).containsExactly(out);
            updateDense(d, ze, zn, 100, 10, 150);
            assertSame(imm, out, d, 1e-9);
        }
    }

    @Test
    void aStraightTargetIsPredictedStraightAcrossALongGap() {
        // Fixed ±1.75 and ±3.25 °/s: over a 60 s gap the turns' spread drags the mixture's
        // velocity down and sideways; the estimated rate, seen near 0, holds it (240 m against
        // 70 m when written).
        assertThat(coast(0.0, false)[0]).isGreaterThan(2 * coast(0.0, true)[0]);
    }

    @Test
    void aTurningTargetsRateIsEstimated() {
        // 2.5 °/s, between the fixed rates: the estimated model finds it (RMS over the seeds 0.40
        // °/s when written) and takes most of the probability (0.75). Across a 60 s gap the mixture
        // with the straight model
        // then cuts the turn (560 m against the fixed rates' 430 m when written): the price of
        // predicting straight targets straight.
        double[] estimated = coast(Math.toRadians(2.5), true);
        assertThat(Math.toDegrees(estimated[1])).isLessThan(0.6);
        assertThat(estimated[2]).isGreaterThan(0.65);
    }

    /**
     * A 12 m/s target turning at {@code rate}, seen every 4 s for 120 s (position σ 10 m), then
     * predicted across a 60 s gap, over 40 seeds: RMS of the position error after the gap, RMS of
     * the estimated model's turn-rate error before it (rad/s), mean of that model's probability
     * before it.
     */
    private static double[] coast(double rate, boolean estimated) {
        List<MotionModel> fixed =
                List.of(
                        new ConstantVelocityModel(0.01),
                        new CoordinatedTurnModel(Math.toRadians(1.75), Q_TURN),
                        new CoordinatedTurnModel(Math.toRadians(-1.75), Q_TURN),
                        new CoordinatedTurnModel(Math.toRadians(3.25), Q_TURN),
                        new CoordinatedTurnModel(Math.toRadians(-3.25), Q_TURN));
        FlatImm imm =
                estimated
                        ? new FlatImm(List.of(new ConstantVelocityModel(0.01)), ESTIMATED, TAU, 10)
                        : new FlatImm(fixed, TAU, 10);
        int m = imm.modelCount();
        double sum = 0, rateSum = 0, probabilitySum = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random r = new Random(seed);
            double heading = r.nextDouble() * 2 * Math.PI;
            double[] truth = {0, 0, 12 * Math.cos(heading), 12 * Math.sin(heading), rate};
            double[] g = new double[FlatImm.GAUSSIAN];
            FlatImm.pack(GaussianState.ofPosition(0, 0, 100, 0, 100, 0, 0, 10), g, 0);
            double[] probabilities = new double[m];
            java.util.Arrays.fill(probabilities, 0.5 / (m - 1));
            probabilities[0] = 0.5;
            double[] s = new double[imm.stateLength()];
            imm.initialise(g, 0, probabilities, s, 0);
            double[] combined = new double[FlatImm.GAUSSIAN];
            double[] next = new double[imm.stateLength()];
            double[] lin = new double[FlatImm.LINEARISATION];
            for (int k = 1; k <= 30; k++) {
                truth = turn(truth, rate, 4);
                imm.combine(s, 0, combined, 0);
                imm.predict(s, 0, combined, 0, 4, next, 0);
                imm.combine(next, 0, combined, 0);
                new PositionMeasurement(
                                truth[0] + 10 * r.nextGaussian(),
                                truth[1] + 10 * r.nextGaussian(),
                                100,
                                0,
                                100)
                        .linearise(combined[0], combined[1], lin, 0);
                imm.update(next, 0, lin, 0, s, 0);
            }
            if (estimated) {
                double dw = imm.turnRate(s, 0) - rate;
                rateSum += dw * dw;
                probabilitySum += s[imm.estimatedTurnModel()];
            }
            truth = turn(truth, rate, 60);
            imm.combine(s, 0, combined, 0);
            imm.predict(s, 0, combined, 0, 60, next, 0);
            imm.combine(next, 0, combined, 0);
            double de = combined[0] - truth[0], dn = combined[1] - truth[1];
            sum += de * de + dn * dn;
        }
        return new double[] {Math.sqrt(sum / 40), Math.sqrt(rateSum / 40), probabilitySum / 40};
    }
}
