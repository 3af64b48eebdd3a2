package io.cordon.pipeline.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CovarianceIntersectionTest {
    private static final FlatImm ONE_MODEL =
            new FlatImm(List.of(new ConstantVelocityModel(0.05)), 30.0, 10.0);

    /** A Gaussian block: mean (e, n, ve, vn), covariance given row-major 4×4. */
    private static double[] block(double[] x, double[] p) {
        double[] g = new double[FlatImm.GAUSSIAN];
        FlatImm.pack(GaussianState.of(x, p), g, 0);
        return g;
    }

    private static final double[] PRIOR =
            block(
                    new double[] {100, -50, 6, -2},
                    new double[] {
                        900, 300, 40, 10, //
                        300, 400, 15, 30, //
                        40, 15, 9, 1, //
                        10, 30, 1, 6
                    });

    /** det of the CI of the prior's position block with R at ω, by the information form. */
    private static double fusedDeterminant(double[] g, double[][] r, double omega) {
        double[][] a = Mat.of(2, 2, g[4], g[5], g[5], g[8]);
        double[][] info = Mat.add(scale(Mat.inv2(a), omega), scale(Mat.inv2(r), 1 - omega), 1);
        double[][] p = Mat.inv2(info);
        return p[0][0] * p[1][1] - p[0][1] * p[1][0];
    }

    private static double[][] scale(double[][] m, double s) {
        double[][] out = new double[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                out[i][j] = s * m[i][j];
            }
        }
        return out;
    }

    @Test
    void omegaMinimisesTheFusedDeterminant() {
        double[][][] others = {
            {{2500, -200}, {-200, 100}}, // crossed with the prior: an interior optimum
            {{100, 0}, {0, 100}}, // inside the prior: take it alone (ω = 0)
            {{90000, 0}, {0, 90000}}, // far worse: keep the prior (ω = 1)
            {{900, 300}, {300, 400}} // equal
        };
        for (double[][] r : others) {
            double omega = CovarianceIntersection.omega(PRIOR, 0, r[0][0], r[0][1], r[1][1]);
            assertThat(omega).isBetween(0.0, 1.0);
            double best = Double.POSITIVE_INFINITY;
            for (int k = 1; k < 10000; k++) {
                best = Math.min(best, fusedDeterminant(PRIOR, r, k / 10000.0));
            }
            double atOmega =
                    omega <= 0
                            ? r[0][0] * r[1][1] - r[0][1] * r[0][1]
                            : fusedDeterminant(PRIOR, r, omega);
            assertThat(atOmega).isLessThanOrEqualTo(best * (1 + 1e-6));
            assertThat(atOmega).isLessThanOrEqualTo(PRIOR[4] * PRIOR[8] - PRIOR[5] * PRIOR[5]);
            assertThat(atOmega).isLessThanOrEqualTo((r[0][0] * r[1][1] - r[0][1] * r[0][1]));
        }
    }

    @Test
    void fusedBlockIsTheIntersectionAndTheVelocityFollowsThePriorRegression() {
        double[][] r = {{2500, -200}, {-200, 100}};
        double ze = 130, zn = -40;
        double omega = CovarianceIntersection.omega(PRIOR, 0, r[0][0], r[0][1], r[1][1]);
        assertThat(omega).isStrictlyBetween(0.0, 1.0);
        double[] state = new double[ONE_MODEL.stateLength()];
        ONE_MODEL.initialise(PRIOR, 0, new double[] {1.0}, state, 0);
        double[] out = new double[state.length];
        double likelihood =
                new CovarianceIntersection(ONE_MODEL)
                        .fuse(state, 0, omega, ze, zn, r[0][0], r[0][1], r[1][1], out, 0);
        assertThat(likelihood).isPositive();
        GaussianState fused = FlatImm.unpack(out, ONE_MODEL.modeOffset(0));

        // Position: P_f⁻¹ = ω A⁻¹ + (1 − ω) R⁻¹, x_f = P_f (ω A⁻¹ a + (1 − ω) R⁻¹ z).
        double[][] a = Mat.of(2, 2, 900, 300, 300, 400);
        double[][] ai = Mat.inv2(a);
        double[][] ri = Mat.inv2(r);
        double[][] pf = Mat.inv2(Mat.add(scale(ai, omega), scale(ri, 1 - omega), 1));
        double[][] xf =
                Mat.mul(
                        pf,
                        Mat.add(
                                scale(Mat.mul(ai, Mat.col(100, -50)), omega),
                                scale(Mat.mul(ri, Mat.col(ze, zn)), 1 - omega),
                                1));
        assertThat(fused.x[0]).isCloseTo(xf[0][0], within(1e-9));
        assertThat(fused.x[1]).isCloseTo(xf[1][0], within(1e-9));
        assertThat(fused.p[0]).isCloseTo(pf[0][0], within(1e-9));
        assertThat(fused.p[1]).isCloseTo(pf[0][1], within(1e-9));
        assertThat(fused.p[5]).isCloseTo(pf[1][1], within(1e-9));

        // Velocity: G = C A⁻¹, v + G (x_f − a), C_f = G P_f, D_f = D − G Cᵀ + G P_f Gᵀ.
        double[][] c = Mat.of(2, 2, 40, 15, 10, 30);
        double[][] d = Mat.of(2, 2, 9, 1, 1, 6);
        double[][] g = Mat.mul(c, ai);
        double[][] v = Mat.add(Mat.col(6, -2), Mat.mul(g, Mat.add(xf, Mat.col(100, -50), -1)), 1);
        double[][] cf = Mat.mul(g, pf);
        double[][] df =
                Mat.add(Mat.add(d, Mat.mul(g, Mat.t(c)), -1), Mat.mul(Mat.mul(g, pf), Mat.t(g)), 1);
        assertThat(fused.x[2]).isCloseTo(v[0][0], within(1e-9));
        assertThat(fused.x[3]).isCloseTo(v[1][0], within(1e-9));
        // Row-major 4×4: (ve, e) at [8], (ve, n) at [9], (vn, e) at [12], (vn, n) at [13].
        assertThat(fused.p[8]).isCloseTo(cf[0][0], within(1e-9));
        assertThat(fused.p[9]).isCloseTo(cf[0][1], within(1e-9));
        assertThat(fused.p[12]).isCloseTo(cf[1][0], within(1e-9));
        assertThat(fused.p[13]).isCloseTo(cf[1][1], within(1e-9));
        assertThat(fused.p[10]).isCloseTo(df[0][0], within(1e-9));
        assertThat(fused.p[11]).isCloseTo(df[0][1], within(1e-9));
        assertThat(fused.p[15]).isCloseTo(df[1][1], within(1e-9));
    }

    @Test
    void aCopyOfThePriorLeavesItUnchanged() {
        // With R = A (an exact copy, fully correlated), ω is free; CI returns A and the state is
        // the prior: nothing learnt from a duplicate.
        double omega = CovarianceIntersection.omega(PRIOR, 0, 900, 300, 400);
        double[] state = new double[ONE_MODEL.stateLength()];
        ONE_MODEL.initialise(PRIOR, 0, new double[] {1.0}, state, 0);
        double[] out = new double[state.length];
        new CovarianceIntersection(ONE_MODEL)
                .fuse(state, 0, omega, 100, -50, 900, 300, 400, out, 0);
        GaussianState prior = FlatImm.unpack(PRIOR, 0);
        GaussianState fused = FlatImm.unpack(out, ONE_MODEL.modeOffset(0));
        for (int i = 0; i < 4; i++) {
            assertThat(fused.x[i]).isCloseTo(prior.x[i], within(1e-9));
        }
        for (int i = 0; i < 16; i++) {
            assertThat(fused.p[i]).isCloseTo(prior.p[i], within(1e-7));
        }
    }

    @Test
    void anEstimatedTurnRateIsCarriedUncorrelated() {
        FlatImm imm =
                new FlatImm(
                        List.of(new ConstantVelocityModel(0.05)),
                        new EstimatedTurnModel(0.6, 1e-5, Math.toRadians(2), Math.toRadians(10)),
                        30,
                        10);
        double[] state = new double[imm.stateLength()];
        imm.initialise(PRIOR, 0, new double[] {0.5, 0.5}, state, 0);
        int x = imm.extensionOffset();
        double[] extension = {0.03, 4e-4, 0.2, -0.1, 0.01, 0.005};
        System.arraycopy(extension, 0, state, x, extension.length);
        double[] out = new double[state.length];
        double likelihood =
                new CovarianceIntersection(imm)
                        .fuse(state, 0, 0.5, 130, -40, 2500, -200, 100, out, 0);
        assertThat(likelihood).isPositive();
        // The intersection fuses (e, n, ve, vn) only: ω and its variance are kept, and their
        // covariances with a state they did not take part in are dropped.
        assertThat(out[x]).isEqualTo(0.03);
        assertThat(out[x + 1]).isEqualTo(4e-4);
        for (int k = 2; k < FlatImm.EXTENSION; k++) {
            assertThat(out[x + k]).isZero();
        }
    }
}
