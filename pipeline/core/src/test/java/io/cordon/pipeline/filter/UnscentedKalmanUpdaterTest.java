package io.cordon.pipeline.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The unscented update against algebra (a linear measurement), against the EKF where a radar plot
 * is nearly linear over the prior (far away), and against ground truth by Monte Carlo where the two
 * differ (near the radar, wide prior). Monte-Carlo thresholds come from runs of 2 000 draws with
 * seeds 1 to 5 (docs/benchmarks.md, "Unscented update for radar plots"), with a margin; each test
 * uses one fixed seed.
 */
class UnscentedKalmanUpdaterTest {
    private static final double SIGMA_RANGE_M = 15.0;
    private static final double SIGMA_AZIMUTH_RAD = Math.toRadians(0.25);
    private static final RadarGeometry RADAR_AT_ORIGIN = RadarGeometry.translatedTo(0, 0);
    private static final int DRAWS = 4000;
    private static final long SEED = 11;

    private static final double[] MEAN = {1200.0, -350.0, 12.5, -3.25};
    private static final double[] COV = {
        400, 30, 12, -4,
        30, 250, 3, 9,
        12, 3, 20, 1.5,
        -4, 9, 1.5, 16
    };

    @ParameterizedTest(name = "alpha {0}, beta {1}, kappa {2}")
    @CsvSource({"1, 2, 1", "0.5, 2, 0", "0.3, 0, 3"})
    void linearPositionMeasurementGivesTheKalmanUpdate(double alpha, double beta, double kappa) {
        GaussianState prior = GaussianState.of(MEAN, COV);
        PositionMeasurement z = new PositionMeasurement(1210.0, -340.0, 100, 20, 64);
        Innovation innovation = z.innovation(prior);
        GaussianState kalman = KalmanUpdater.update(prior, innovation);
        double[] block = new double[FlatImm.GAUSSIAN];
        FlatImm.pack(prior, block, 0);
        double[] out = new double[FlatImm.GAUSSIAN];

        double d2 = new UnscentedKalmanUpdater(alpha, beta, kappa).update(block, 0, z, out, 0);

        GaussianState unscented = FlatImm.unpack(out, 0);
        for (int i = 0; i < 4; i++) {
            assertThat(unscented.mean(i)).isCloseTo(kalman.mean(i), within(1e-9));
            for (int k = 0; k < 4; k++) {
                assertThat(unscented.covariance(i, k))
                        .isCloseTo(kalman.covariance(i, k), within(1e-9));
            }
        }
        double y0 = innovation.residual(0), y1 = innovation.residual(1);
        double s00 = innovation.covariance(0, 0), s01 = innovation.covariance(0, 1);
        double s11 = innovation.covariance(1, 1);
        double expected =
                (s11 * y0 * y0 - 2 * s01 * y0 * y1 + s00 * y1 * y1) / (s00 * s11 - s01 * s01);
        assertThat(d2).isCloseTo(expected, within(1e-9));
    }

    /**
     * A confirmed track's prior (position σ 45-200 m) against a plot 5-28 km out: the posterior
     * means differ by {@code maxMeanMahalanobis} at most (measured: 0.0032 at 20 km and σ 45 m,
     * 0.0165 at σ 100 m, 0.0118 at 28 km and σ 100 m, 0.066 at 20 km and σ 200 m), the covariances
     * by {@code maxCovariance} of the posterior sigmas (measured 5.3e-6, 6.6e-5, 1.8e-5, 1.3e-3).
     */
    @ParameterizedTest(name = "range {0} m, prior sigma {1} m")
    @CsvSource({
        "20000, 45, 0.01, 2e-5",
        "20000, 100, 0.04, 2e-4",
        "28000, 100, 0.03, 5e-5",
        "20000, 200, 0.15, 3e-3"
    })
    void farRadarPlotAgreesWithTheEkf(
            double rangeM, double sigmaM, double maxMeanMahalanobis, double maxCovariance) {
        double[] mean = {rangeM * 0.6, rangeM * 0.8, 3, -2};
        double v = sigmaM * sigmaM;
        double[] p = {v, 0, 100, 0, 0, v, 0, 100, 100, 0, 50, 0, 0, 100, 0, 50};
        RangeAzimuthMeasurement z =
                new RangeAzimuthMeasurement(
                        rangeM + 10,
                        Math.atan2(0.6, 0.8) + 0.002,
                        SIGMA_RANGE_M,
                        SIGMA_AZIMUTH_RAD,
                        RADAR_AT_ORIGIN);
        GaussianState prior = GaussianState.of(mean, p);
        GaussianState ekf = KalmanUpdater.update(prior, z.innovation(prior));

        GaussianState ukf = unscented(prior, z);

        double[] difference = new double[4];
        for (int i = 0; i < 4; i++) {
            difference[i] = ukf.mean(i) - ekf.mean(i);
        }
        assertThat(Math.sqrt(quadratic(ekf.covarianceArray(), difference, 4)))
                .isLessThan(maxMeanMahalanobis);
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 4; k++) {
                double scale = Math.sqrt(ekf.covariance(i, i) * ekf.covariance(k, k));
                assertThat(Math.abs(ukf.covariance(i, k) - ekf.covariance(i, k)) / scale)
                        .isLessThan(maxCovariance);
            }
        }
    }

    /**
     * Near the radar with a wide prior, against ground truth. Measured over seeds 1-5 (2 000
     * draws): position NEES of the EKF 1 136-2 227, 717-1 358 and 288-401 for the three cases, of
     * the UKF 1.90-2.71, 1.81-2.59, 1.61-2.16 (2 for a consistent filter); position RMSE of the UKF
     * 0.74-0.83, 0.77-0.86 and 0.86-0.90 of the EKF's.
     */
    @ParameterizedTest(name = "range {0} m, prior sigma {1} m")
    @CsvSource({"300, 100, 0.88", "1000, 300, 0.90", "2000, 500, 0.94"})
    void nearTheRadarTheUnscentedUpdateIsConsistentAndTheEkfIsNot(
            double rangeM, double sigmaM, double maxRmseRatio) {
        Stats ekf = monteCarlo(rangeM, sigmaM, false, DRAWS, SEED);
        Stats ukf = monteCarlo(rangeM, sigmaM, true, DRAWS, SEED);

        assertThat(ukf.failed()).isZero();
        assertThat(ukf.nees2()).isBetween(1.4, 3.2);
        assertThat(ukf.nees4()).isBetween(3.4, 5.2);
        assertThat(ekf.nees2()).isGreaterThan(100.0);
        assertThat(ukf.rmse()).isLessThan(maxRmseRatio * ekf.rmse());
    }

    /**
     * A new track's second radar plot 600 m from the radar (position σ 45 m: the plot's own σ and 4
     * s of a 10 m/s velocity prior): the EKF is over-confident by a factor of about 1.8 (NEES
     * 3.49-3.90 over seeds 1-5), the UKF slightly cautious (1.70-1.83), RMSE within 1 %.
     */
    @Test
    void newTrackNearTheRadar() {
        Stats ekf = monteCarlo(600, 45, false, DRAWS, SEED);
        Stats ukf = monteCarlo(600, 45, true, DRAWS, SEED);

        assertThat(ekf.nees2()).isGreaterThan(3.2);
        assertThat(ukf.nees2()).isBetween(1.55, 2.1);
        assertThat(ukf.rmse()).isLessThan(1.02 * ekf.rmse());
    }

    /**
     * Far away both are consistent and equally accurate (measured over seeds 1-5: NEES on position
     * 1.92-2.06 for both, RMSE equal to 0.05 %).
     */
    @ParameterizedTest(name = "range {0} m, prior sigma {1} m")
    @CsvSource({"20000, 100", "20000, 300"})
    void farFromTheRadarBothAreConsistent(double rangeM, double sigmaM) {
        Stats ekf = monteCarlo(rangeM, sigmaM, false, DRAWS, SEED);
        Stats ukf = monteCarlo(rangeM, sigmaM, true, DRAWS, SEED);

        assertThat(ekf.nees2()).isBetween(1.85, 2.15);
        assertThat(ukf.nees2()).isBetween(1.85, 2.15);
        assertThat(ukf.rmse()).isCloseTo(ekf.rmse(), within(0.002 * ekf.rmse()));
    }

    /**
     * Sigma points on both sides of north: each point's azimuth residual is wrapped about the
     * measured azimuth, so the update is the same as the one turned by 90° (where nothing wraps),
     * turned back.
     */
    @Test
    void azimuthResidualsWrapAcrossNorth() {
        double turn = Math.toRadians(90);
        double az = Math.toRadians(-0.5);
        double[] mean = {500 * Math.sin(az), 500 * Math.cos(az), 2, 1};
        double[] p = {1e4, 0, 400, 0, 0, 1e4, 0, 400, 400, 0, 100, 0, 0, 400, 0, 100};
        GaussianState prior = GaussianState.of(mean, p);
        GaussianState turned = turn(prior, turn);
        double measured = Math.toRadians(0.2);
        RangeAzimuthMeasurement z =
                new RangeAzimuthMeasurement(
                        505, measured, SIGMA_RANGE_M, SIGMA_AZIMUTH_RAD, RADAR_AT_ORIGIN);
        RangeAzimuthMeasurement zTurned =
                new RangeAzimuthMeasurement(
                        505, measured + turn, SIGMA_RANGE_M, SIGMA_AZIMUTH_RAD, RADAR_AT_ORIGIN);

        GaussianState post = unscented(prior, z);
        GaussianState back = turn(unscented(turned, zTurned), -turn);

        for (int i = 0; i < 4; i++) {
            assertThat(post.mean(i)).isCloseTo(back.mean(i), within(1e-6));
            for (int k = 0; k < 4; k++) {
                assertThat(post.covariance(i, k)).isCloseTo(back.covariance(i, k), within(1e-6));
            }
        }
        // And the plot moved the estimate: its azimuth is 0.7° east of the prior's.
        assertThat(Math.toDegrees(Math.atan2(post.mean(0), post.mean(1)))).isGreaterThan(0.0);
    }

    @Test
    void positionCovarianceNotPositiveDefiniteLeavesTheDestination() {
        double[] block = new double[FlatImm.GAUSSIAN];
        FlatImm.pack(GaussianState.of(MEAN, COV), block, 0);
        block[FlatImm.P01] = 400; // a01² > a00 a11
        double[] out = new double[FlatImm.GAUSSIAN];
        java.util.Arrays.fill(out, 7.0);
        RangeAzimuthMeasurement z =
                new RangeAzimuthMeasurement(
                        1300, 1.9, SIGMA_RANGE_M, SIGMA_AZIMUTH_RAD, RADAR_AT_ORIGIN);

        assertThat(UnscentedKalmanUpdater.standard().update(block, 0, z, out, 0)).isNaN();
        assertThat(out).containsOnly(7.0);
    }

    @Test
    void nonlinearityIsTheSecondOrderTermOverTheNoise() {
        RangeAzimuthMeasurement z =
                new RangeAzimuthMeasurement(
                        1000, 0.3, SIGMA_RANGE_M, SIGMA_AZIMUTH_RAD, RADAR_AT_ORIGIN);
        // 600 m east, 800 m north: r = 1 000 m; v = 100² m².
        double azimuthTerm = 1e4 / (1e6 * SIGMA_AZIMUTH_RAD);
        double rangeTerm = 1e4 / (2 * 1000 * SIGMA_RANGE_M);
        assertThat(z.nonlinearity(600, 800, 1e4))
                .isCloseTo(Math.max(azimuthTerm, rangeTerm), within(1e-12));
        assertThat(azimuthTerm).isGreaterThan(rangeTerm);
        assertThat(z.nonlinearity(6000, 8000, 1e4)).isCloseTo(1e4 / (2e4 * 15), within(1e-12));
        assertThat(new PositionMeasurement(0, 0, 100, 0, 100).nonlinearity(600, 800, 1e4)).isZero();
    }

    @Test
    void parametersAreValidated() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new UnscentedKalmanUpdater(0, 2, 1))
                .withMessageContaining("alpha");
    }

    private static GaussianState unscented(GaussianState prior, MeasurementModel z) {
        double[] block = new double[FlatImm.GAUSSIAN];
        FlatImm.pack(prior, block, 0);
        double[] out = new double[FlatImm.GAUSSIAN];
        assertThat(UnscentedKalmanUpdater.standard().update(block, 0, z, out, 0)).isNotNaN();
        return FlatImm.unpack(out, 0);
    }

    /** The state turned clockwise by {@code angleRad} about the origin (azimuth + angle). */
    private static GaussianState turn(GaussianState s, double angleRad) {
        double c = Math.cos(angleRad), sn = Math.sin(angleRad);
        double[][] t = Mat.of(4, 4, c, sn, 0, 0, -sn, c, 0, 0, 0, 0, c, sn, 0, 0, -sn, c);
        double[][] x = Mat.mul(t, Mat.col(s.meanArray()));
        double[][] p = Mat.mul(Mat.mul(t, Mat.of(4, 4, s.covarianceArray())), Mat.t(t));
        return GaussianState.of(Mat.flat(x), Mat.flat(p));
    }

    record Stats(double nees4, double nees2, double rmse, int failed) {}

    /**
     * Draws {@code draws} truths from a prior centred {@code rangeM} north-east of a radar at the
     * origin with position σ {@code sigmaM} (a track predicted 4 s from a position σ and 10 m/s per
     * axis, so position and velocity are correlated), measures each, updates, and scores the
     * posterior against the truth.
     */
    static Stats monteCarlo(double rangeM, double sigmaM, boolean unscented, int draws, long seed) {
        Random random = new Random(seed);
        double dt = 4, sv = 10;
        // Position covariance 4 s earlier: s0² with correlation 0.3, then predicted.
        double s0 = sigmaM * sigmaM - dt * dt * sv * sv;
        double a = sigmaM * sigmaM, b = 0.3 * s0, c = dt * sv * sv, dd = sv * sv;
        double[] mean = {rangeM * Math.sqrt(0.5), rangeM * Math.sqrt(0.5), 3, -2};
        double[] p = {a, b, c, 0, b, a, 0, c, c, 0, dd, 0, 0, c, 0, dd};
        double[] l = cholesky(p, 4);
        UnscentedKalmanUpdater ukf = UnscentedKalmanUpdater.standard();
        double[] block = new double[FlatImm.GAUSSIAN];
        FlatImm.pack(GaussianState.of(mean, p), block, 0);
        double nees4 = 0, nees2 = 0, se = 0;
        int ok = 0, failed = 0;
        for (int k = 0; k < draws; k++) {
            double[] w = {
                random.nextGaussian(),
                random.nextGaussian(),
                random.nextGaussian(),
                random.nextGaussian()
            };
            double[] truth = new double[4];
            for (int i = 0; i < 4; i++) {
                truth[i] = mean[i];
                for (int j = 0; j <= i; j++) {
                    truth[i] += l[i * 4 + j] * w[j];
                }
            }
            double range = Math.hypot(truth[0], truth[1]) + SIGMA_RANGE_M * random.nextGaussian();
            double az = Math.atan2(truth[0], truth[1]) + SIGMA_AZIMUTH_RAD * random.nextGaussian();
            az = az < 0 ? az + 2 * Math.PI : az;
            RangeAzimuthMeasurement z =
                    new RangeAzimuthMeasurement(
                            Math.abs(range), az, SIGMA_RANGE_M, SIGMA_AZIMUTH_RAD, RADAR_AT_ORIGIN);
            GaussianState post;
            if (unscented) {
                double[] out = new double[FlatImm.GAUSSIAN];
                if (Double.isNaN(ukf.update(block, 0, z, out, 0))) {
                    failed++;
                    continue;
                }
                post = FlatImm.unpack(out, 0);
            } else {
                GaussianState prior = GaussianState.of(mean, p);
                Innovation in = z.innovation(prior);
                if (!in.isPositiveDefinite()) {
                    failed++;
                    continue;
                }
                post = KalmanUpdater.update(prior, in);
            }
            double[] err = new double[4];
            for (int i = 0; i < 4; i++) {
                err[i] = truth[i] - post.mean(i);
            }
            double[] pp = post.covarianceArray();
            double n4 = quadratic(pp, err, 4);
            double[] p2 = {pp[0], pp[1], pp[4], pp[5]};
            double n2 = quadratic(p2, new double[] {err[0], err[1]}, 2);
            if (!Double.isFinite(n4) || !Double.isFinite(n2)) {
                failed++;
                continue;
            }
            nees4 += n4;
            nees2 += n2;
            se += err[0] * err[0] + err[1] * err[1];
            ok++;
        }
        return new Stats(nees4 / ok, nees2 / ok, Math.sqrt(se / ok), failed);
    }

    /** xᵀ P⁻¹ x by Cholesky of the dim×dim row-major P; NaN when P is not positive definite. */
    private static double quadratic(double[] p, double[] x, int dim) {
        double[] l = cholesky(p, dim);
        if (l == null) {
            return Double.NaN;
        }
        double[] f = new double[dim];
        double sum = 0;
        for (int i = 0; i < dim; i++) {
            double v = x[i];
            for (int j = 0; j < i; j++) {
                v -= l[i * dim + j] * f[j];
            }
            f[i] = v / l[i * dim + i];
            sum += f[i] * f[i];
        }
        return sum;
    }

    private static double[] cholesky(double[] p, int dim) {
        double[] l = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j <= i; j++) {
                double v = p[i * dim + j];
                for (int k = 0; k < j; k++) {
                    v -= l[i * dim + k] * l[j * dim + k];
                }
                if (i == j) {
                    if (!(v > 0)) {
                        return null;
                    }
                    l[i * dim + i] = Math.sqrt(v);
                } else {
                    l[i * dim + j] = v / l[j * dim + j];
                }
            }
        }
        return l;
    }
}
