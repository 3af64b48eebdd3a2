package io.cordon.pipeline.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The flat, allocation-free IMM against the object implementation it replaces on the hot path. */
class FlatImmTest {
    private static final List<MotionModel> MODELS =
            List.of(
                    new ConstantVelocityModel(0.05),
                    new CoordinatedTurnModel(Math.toRadians(1.75), 0.05),
                    new CoordinatedTurnModel(Math.toRadians(-1.75), 0.05),
                    new CoordinatedTurnModel(Math.toRadians(3.25), 0.05),
                    new CoordinatedTurnModel(Math.toRadians(-3.25), 0.05));
    private static final double TAU = 30.0;

    private static ImmState fiveModes() {
        GaussianState[] modes = new GaussianState[5];
        for (int j = 0; j < 5; j++) {
            double k = j + 1;
            modes[j] =
                    GaussianState.of(
                            new double[] {20000 + 3 * k, -5000 - 2 * k, 10 - 0.3 * k, 3 + 0.2 * k},
                            new double[] {
                                400 + 10 * k,
                                30,
                                12,
                                -4,
                                30,
                                250 + 5 * k,
                                3,
                                9,
                                12,
                                3,
                                20 + k,
                                1.5,
                                -4,
                                9,
                                1.5,
                                16 + k
                            });
        }
        return ImmState.of(modes, new double[] {0.5, 0.2, 0.1, 0.15, 0.05});
    }

    private static double[] flat(FlatImm imm, ImmState s) {
        double[] out = new double[imm.stateLength()];
        for (int j = 0; j < s.modeCount(); j++) {
            out[j] = s.probability(j);
            FlatImm.pack(s.mode(j), out, imm.modeOffset(j));
        }
        return out;
    }

    private static void assertSame(FlatImm imm, double[] flat, ImmState expected, double tol) {
        for (int j = 0; j < expected.modeCount(); j++) {
            assertThat(flat[j]).isCloseTo(expected.probability(j), within(Math.min(tol, 1e-5)));
            int g = imm.modeOffset(j);
            for (int r = 0; r < 4; r++) {
                assertThat(flat[g + r]).isCloseTo(expected.mode(j).mean(r), within(10 * tol));
                for (int c = 0; c < 4; c++) {
                    GaussianState m = expected.mode(j);
                    double scale = Math.sqrt(m.covariance(r, r) * m.covariance(c, c));
                    assertThat(FlatImm.covariance(flat, g, r, c))
                            .isCloseTo(m.covariance(r, c), within(tol * Math.max(1, scale)));
                }
            }
        }
    }

    @Test
    void predictionEqualsMixingThenEachModelsPrediction() {
        ImmState s = fiveModes();
        FlatImm imm = new FlatImm(MODELS, TAU, Double.POSITIVE_INFINITY);
        double[] in = flat(imm, s);
        double[] combined = new double[FlatImm.GAUSSIAN];
        imm.combine(in, 0, combined, 0);
        GaussianState c = s.combined();
        for (int r = 0; r < 4; r++) {
            assertThat(combined[r]).isCloseTo(c.mean(r), within(1e-9));
            for (int k = 0; k < 4; k++) {
                assertThat(FlatImm.covariance(combined, 0, r, k))
                        .isCloseTo(c.covariance(r, k), within(1e-9));
            }
        }
        for (double dt : new double[] {0.0, 2.0, 4.0, 37.5}) {
            double[] out = new double[imm.stateLength()];
            imm.predict(in, 0, combined, 0, dt, out, 0);
            assertSame(imm, out, new InteractingMultipleModel(MODELS, TAU).predict(s, dt), 1e-7);
        }
    }

    @Test
    void cachedTimeStepsPredictAsAFreshFilterDoes() {
        // One filter predicting over 200 time steps, each seen several times and interleaved (far
        // more than its cache holds, so slots are shared and overwritten), against a new filter per
        // prediction (an empty cache): the same bits, so a cached coefficient is never stale.
        ImmState s = fiveModes();
        FlatImm shared = new FlatImm(MODELS, TAU, Double.POSITIVE_INFINITY);
        double[] in = flat(shared, s);
        double[] combined = new double[FlatImm.GAUSSIAN];
        shared.combine(in, 0, combined, 0);
        java.util.Random random = new java.util.Random(7);
        double[] steps = new double[200];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i % 2 == 0 ? (i / 2) * 0.25 : random.nextDouble() * 12;
        }
        for (int k = 0; k < 2_000; k++) {
            double dt = steps[random.nextInt(steps.length)];
            double[] cached = new double[shared.stateLength()];
            shared.predict(in, 0, combined, 0, dt, cached, 0);
            double[] fresh = new double[shared.stateLength()];
            new FlatImm(MODELS, TAU, Double.POSITIVE_INFINITY)
                    .predict(in, 0, combined, 0, dt, fresh, 0);
            assertThat(cached).as("dt %s", dt).isEqualTo(fresh);
        }
    }

    @Test
    void longPredictionsAreMadeInSteps() {
        ImmState s = fiveModes();
        FlatImm stepped = new FlatImm(MODELS, TAU, 5.0);
        double[] in = flat(stepped, s);
        double[] combined = new double[FlatImm.GAUSSIAN];
        stepped.combine(in, 0, combined, 0);
        double[] out = new double[stepped.stateLength()];
        stepped.predict(in, 0, combined, 0, 12.0, out, 0);
        InteractingMultipleModel reference = new InteractingMultipleModel(MODELS, TAU);
        ImmState expected = reference.predict(reference.predict(reference.predict(s, 4), 4), 4);
        assertSame(stepped, out, expected, 1e-7);
    }

    @Test
    void positionUpdateEqualsTheKalmanUpdateOfEachModel() {
        ImmState s = fiveModes();
        FlatImm imm = new FlatImm(MODELS, TAU, Double.POSITIVE_INFINITY);
        PositionMeasurement z = new PositionMeasurement(20012, -5011, 100, 20, 80);
        double[] in = flat(imm, s);
        double[] combined = new double[FlatImm.GAUSSIAN];
        imm.combine(in, 0, combined, 0);
        double[] lin = new double[FlatImm.LINEARISATION];
        z.linearise(combined[0], combined[1], lin, 0);
        double[] out = new double[imm.stateLength()];
        double likelihood = imm.update(in, 0, lin, 0, out, 0);
        InteractingMultipleModel.Update expected =
                new InteractingMultipleModel(MODELS, TAU).update(s, z);
        assertSame(imm, out, expected.posterior(), 1e-9);
        assertThat(likelihood).isCloseTo(expected.likelihood(), within(1e-12));
        // In place gives the same.
        imm.update(in, 0, lin, 0, in, 0);
        assertThat(in).containsExactly(out, within(0.0));
    }

    @Test
    void radarUpdateLinearisedAtTheMixtureAgreesWithPerModelLinearisation() {
        ImmState s = fiveModes();
        FlatImm imm = new FlatImm(MODELS, TAU, Double.POSITIVE_INFINITY);
        RadarGeometry radar = RadarGeometry.translatedTo(-20000, 6000);
        double qe = 20005 + 20000, qn = -5009 - 6000;
        RangeAzimuthMeasurement z =
                new RangeAzimuthMeasurement(
                        Math.hypot(qe, qn), Math.atan2(qe, qn), 15, Math.toRadians(0.25), radar);
        double[] in = flat(imm, s);
        double[] combined = new double[FlatImm.GAUSSIAN];
        imm.combine(in, 0, combined, 0);
        double[] lin = new double[FlatImm.LINEARISATION];
        z.linearise(combined[0], combined[1], lin, 0);
        double[] out = new double[imm.stateLength()];
        double likelihood = imm.update(in, 0, lin, 0, out, 0);
        InteractingMultipleModel.Update expected =
                new InteractingMultipleModel(MODELS, TAU).update(s, z);
        // The Jacobian differs by the models' spread over the range (metres in 40 km): means
        // within millimetres, covariances within 1e-4 relative.
        assertSame(imm, out, expected.posterior(), 1e-4);
        assertThat(likelihood)
                .isCloseTo(expected.likelihood(), within(1e-3 * expected.likelihood()));
    }

    @Test
    void unscentedPositionUpdateEqualsTheKalmanUpdateOfEachModel() {
        ImmState s = fiveModes();
        FlatImm imm = new FlatImm(MODELS, TAU, Double.POSITIVE_INFINITY);
        PositionMeasurement z = new PositionMeasurement(20012, -5011, 100, 20, 80);
        double[] in = flat(imm, s);
        double[] out = new double[imm.stateLength()];

        double likelihood =
                imm.updateUnscented(in, 0, z, UnscentedKalmanUpdater.standard(), out, 0);

        InteractingMultipleModel.Update expected =
                new InteractingMultipleModel(MODELS, TAU).update(s, z);
        assertSame(imm, out, expected.posterior(), 1e-9);
        assertThat(likelihood).isCloseTo(expected.likelihood(), within(1e-12));
        imm.updateUnscented(in, 0, z, UnscentedKalmanUpdater.standard(), in, 0);
        assertThat(in).containsExactly(out, within(0.0));
    }

    /**
     * 40 km from the radar, with position sigmas of 15-20 m, the transform and the linearisation
     * agree but for the transform's second-order term (range bias σ²/2r, millimetres). Measured:
     * means within 2.4 mm, covariances within 1.4e-7 of their scale, model probabilities within
     * 1e-5, likelihood within 1.8e-6 relative.
     */
    @Test
    void unscentedRadarUpdateFarAwayAgreesWithTheLinearisedOne() {
        ImmState s = fiveModes();
        FlatImm imm = new FlatImm(MODELS, TAU, Double.POSITIVE_INFINITY);
        RadarGeometry radar = RadarGeometry.translatedTo(-20000, 6000);
        double qe = 20005 + 20000, qn = -5009 - 6000;
        RangeAzimuthMeasurement z =
                new RangeAzimuthMeasurement(
                        Math.hypot(qe, qn), Math.atan2(qe, qn), 15, Math.toRadians(0.25), radar);
        double[] in = flat(imm, s);
        double[] out = new double[imm.stateLength()];

        double likelihood =
                imm.updateUnscented(in, 0, z, UnscentedKalmanUpdater.standard(), out, 0);

        InteractingMultipleModel.Update expected =
                new InteractingMultipleModel(MODELS, TAU).update(s, z);
        for (int j = 0; j < 5; j++) {
            GaussianState m = expected.posterior().mode(j);
            int g = imm.modeOffset(j);
            assertThat(out[j]).isCloseTo(expected.posterior().probability(j), within(5e-5));
            for (int r = 0; r < 4; r++) {
                assertThat(out[g + r]).isCloseTo(m.mean(r), within(0.005));
                for (int c = 0; c < 4; c++) {
                    double scale = Math.sqrt(m.covariance(r, r) * m.covariance(c, c));
                    assertThat(FlatImm.covariance(out, g, r, c))
                            .isCloseTo(m.covariance(r, c), within(1e-6 * scale));
                }
            }
        }
        assertThat(likelihood)
                .isCloseTo(expected.likelihood(), within(1e-5 * expected.likelihood()));
    }

    @Test
    void gateAndLikelihoodMatchTheInnovation() {
        GaussianState g = fiveModes().combined();
        double[] block = new double[FlatImm.GAUSSIAN];
        FlatImm.pack(g, block, 0);
        PositionMeasurement z = new PositionMeasurement(20030, -4990, 100, 20, 80);
        double[] lin = new double[FlatImm.LINEARISATION];
        z.linearise(g.eastM(), g.northM(), lin, 0);
        Innovation innovation = z.innovation(g);
        FlatImm imm = new FlatImm(MODELS, TAU, Double.POSITIVE_INFINITY);
        double d2 = imm.gate(block, 0, lin, 0);
        assertThat(d2).isCloseTo(innovation.mahalanobisSquared(), within(1e-12));
        assertThat(imm.lastLogLikelihood(d2)).isCloseTo(innovation.logLikelihood(), within(1e-12));
        assertThat(FlatImm.mahalanobisSquared(block, 0, lin, 0)).isCloseTo(d2, within(1e-12));
        assertThat(FlatImm.unpack(block, 0)).isEqualTo(g);
    }

    /**
     * A noise profile predicts exactly as an IMM whose models have that noise, over one step and
     * over a gap of several steps; profile 0 stays the models' own.
     */
    @Test
    void aNoiseProfilePredictsAsModelsWithThatNoise() {
        double[] q = {0.5, 3.0, 3.0, 2.0, 2.0};
        FlatImm profiled = new FlatImm(MODELS, TAU, 10.0);
        FlatImm own =
                new FlatImm(
                        List.of(
                                new ConstantVelocityModel(q[0]),
                                new CoordinatedTurnModel(Math.toRadians(1.75), q[1]),
                                new CoordinatedTurnModel(Math.toRadians(-1.75), q[2]),
                                new CoordinatedTurnModel(Math.toRadians(3.25), q[3]),
                                new CoordinatedTurnModel(Math.toRadians(-3.25), q[4])),
                        TAU,
                        10.0);
        FlatImm plain = new FlatImm(MODELS, TAU, 10.0);
        int profile = profiled.addNoiseProfile(q);
        assertThat(profile).isEqualTo(1);
        assertThat(profiled.noiseProfileCount()).isEqualTo(2);
        assertThat(profiled.noiseDensity(1, 3)).isEqualTo(2.0);
        assertThat(profiled.noiseDensity(0, 3)).isEqualTo(0.05);
        double[] state = flat(profiled, fiveModes());
        double[] combined = new double[FlatImm.GAUSSIAN];
        profiled.combine(state, 0, combined, 0);
        for (double dt : new double[] {0.0, 2.0, 4.0, 35.0}) {
            double[] a = new double[profiled.stateLength()];
            double[] b = new double[own.stateLength()];
            double[] c = new double[profiled.stateLength()];
            double[] d = new double[plain.stateLength()];
            profiled.predict(state, 0, combined, 0, dt, profile, a, 0);
            own.predict(state, 0, combined, 0, dt, b, 0);
            profiled.predict(state, 0, combined, 0, dt, c, 0);
            plain.predict(state, 0, combined, 0, dt, d, 0);
            assertThat(a).as("profile 1 over %s s", dt).containsExactly(b);
            assertThat(c).as("profile 0 over %s s", dt).containsExactly(d);
            if (dt > 0) {
                assertThat(a).isNotEqualTo(c);
            }
        }
    }

    @Test
    void aNoiseProfileNeedsOnePositiveDensityPerModel() {
        FlatImm imm = new FlatImm(MODELS, TAU, 10.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> imm.addNoiseProfile(new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one noise density per model (5)");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> imm.addNoiseProfile(new double[] {1, 1, 0, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("> 0");
        assertThat(imm.noiseProfileCount()).isEqualTo(1);
    }

    /**
     * An update that fails (one model's innovation covariance not positive definite) leaves a
     * separate destination as it was, with the EKF and the unscented transform alike; before, the
     * models before the failing one had already been written there.
     */
    @Test
    void aFailedUpdateLeavesTheDestinationUnchanged() {
        FlatImm imm = new FlatImm(MODELS, TAU, 10.0);
        double[] in = flat(imm, fiveModes());
        int bad = imm.modeOffset(3);
        in[bad + 4] = -1e9; // model 3's P00: S = H P Hᵀ + R not positive definite
        in[bad + 8] = -1e9;
        double[] combined = new double[FlatImm.GAUSSIAN];
        imm.combine(flat(imm, fiveModes()), 0, combined, 0);
        PositionMeasurement z = new PositionMeasurement(20012, -5011, 100, 20, 80);
        double[] lin = new double[FlatImm.LINEARISATION];
        z.linearise(combined[0], combined[1], lin, 0);
        double[] out = new double[imm.stateLength()];
        java.util.Arrays.fill(out, 7.25);
        double[] before = out.clone();

        assertThat(imm.update(in, 0, lin, 0, out, 0)).isNaN();
        assertThat(out).containsExactly(before);
        assertThat(imm.updateUnscented(in, 0, z, UnscentedKalmanUpdater.standard(), out, 0))
                .isNaN();
        assertThat(out).containsExactly(before);
        // and a sound state still updates into it
        assertThat(imm.update(flat(imm, fiveModes()), 0, lin, 0, out, 0)).isPositive();
    }
}
