package io.cordon.pipeline.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KalmanUpdaterTest {
    private static final double[] MEAN = {1200.0, -350.0, 12.5, -3.25};
    private static final double[] COV = {
        400, 30, 12, -4,
        30, 250, 3, 9,
        12, 3, 20, 1.5,
        -4, 9, 1.5, 16
    };

    @Test
    void positionUpdateIsTheTextbookKalmanUpdate() {
        GaussianState prior = GaussianState.of(MEAN, COV);
        PositionMeasurement z = new PositionMeasurement(1210.0, -340.0, 100, 20, 64);
        double[][] h = Mat.of(2, 4, 1, 0, 0, 0, 0, 1, 0, 0);
        double[][] r = Mat.of(2, 2, 100, 20, 20, 64);
        double[][] y = Mat.col(1210.0 - MEAN[0], -340.0 - MEAN[1]);
        assertUpdate(prior, z.innovation(prior), h, r, y);
    }

    @Test
    void radarUpdateIsTheEkfUpdateWithTheNumericalJacobian() {
        RadarGeometry radar = RadarGeometry.translatedTo(-20000, 6000);
        GaussianState prior = GaussianState.of(new double[] {-5000, 1000, 10, 5}, COV);
        double range = 15830.0, az = Math.toRadians(108.7);
        RangeAzimuthMeasurement z =
                new RangeAzimuthMeasurement(range, az, 15, Math.toRadians(0.25), radar);
        // h(x) and its Jacobian by central differences.
        double[] h0 = polar(-5000 + 20000, 1000 - 6000);
        double eps = 1e-3;
        double[] he = polar(-5000 + eps + 20000, 1000 - 6000);
        double[] hn = polar(-5000 + 20000, 1000 + eps - 6000);
        double[] hem = polar(-5000 - eps + 20000, 1000 - 6000);
        double[] hnm = polar(-5000 + 20000, 1000 - eps - 6000);
        double[][] h =
                Mat.of(
                        2,
                        4,
                        (he[0] - hem[0]) / (2 * eps),
                        (hn[0] - hnm[0]) / (2 * eps),
                        0,
                        0,
                        (he[1] - hem[1]) / (2 * eps),
                        (hn[1] - hnm[1]) / (2 * eps),
                        0,
                        0);
        double sa = Math.toRadians(0.25);
        double[][] r = Mat.of(2, 2, 225, 0, 0, sa * sa);
        double[][] y = Mat.col(range - h0[0], az - h0[1]);
        Innovation innovation = z.innovation(prior);
        assertThat(innovation.residual(0)).isCloseTo(y[0][0], within(1e-9));
        assertThat(innovation.residual(1)).isCloseTo(y[1][0], within(1e-12));
        assertUpdate(prior, innovation, h, r, y);
    }

    @Test
    void azimuthResidualWrapsAcrossNorth() {
        RadarGeometry radar = RadarGeometry.translatedTo(0, 0);
        // Target just west of north (az 359.9°), measured just east of north (0.1°).
        double azTrue = Math.toRadians(-0.1);
        GaussianState prior =
                GaussianState.ofPosition(
                        10000 * Math.sin(azTrue), 10000 * Math.cos(azTrue), 100, 0, 100, 0, 0, 1);
        RangeAzimuthMeasurement z =
                new RangeAzimuthMeasurement(10000, Math.toRadians(0.1), 15, 0.004, radar);
        assertThat(z.innovation(prior).residual(1)).isCloseTo(Math.toRadians(0.2), within(1e-9));
    }

    private static double[] polar(double qe, double qn) {
        return new double[] {Math.hypot(qe, qn), Math.atan2(qe, qn)};
    }

    private static void assertUpdate(
            GaussianState prior, Innovation innovation, double[][] h, double[][] r, double[][] y) {
        double[][] p = Mat.of(4, 4, COV);
        double[][] s = Mat.add(Mat.mul(Mat.mul(h, p), Mat.t(h)), r, 1);
        double[][] k = Mat.mul(Mat.mul(p, Mat.t(h)), Mat.inv2(s));
        double[][] x = Mat.add(Mat.col(prior.meanArray()), Mat.mul(k, y), 1);
        double[][] pPost = Mat.add(p, Mat.mul(Mat.mul(k, s), Mat.t(k)), -1);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(innovation.covariance(i, j))
                        .isCloseTo(s[i][j], within(1e-6 * Math.abs(s[i][j]) + 1e-15));
            }
        }
        GaussianState post = KalmanUpdater.update(prior, innovation);
        for (int i = 0; i < 4; i++) {
            assertThat(post.mean(i)).isCloseTo(x[i][0], within(1e-6));
            for (int j = 0; j < 4; j++) {
                assertThat(post.covariance(i, j)).isCloseTo(pPost[i][j], within(1e-6));
            }
        }
    }
}
