package io.cordon.pipeline.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MotionModelTest {
    private static final double[] MEAN = {1200.0, -350.0, 12.5, -3.25};
    // A full, symmetric, positive-definite covariance with cross terms everywhere.
    private static final double[] COV = {
        400, 30, 12, -4,
        30, 250, 3, 9,
        12, 3, 20, 1.5,
        -4, 9, 1.5, 16
    };

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(new ConstantVelocityModel(0.5), 4.0),
                Arguments.of(new ConstantVelocityModel(2.0), 0.25),
                Arguments.of(new ConstantVelocityModel(0.05), 180.0),
                Arguments.of(new CoordinatedTurnModel(Math.toRadians(3.25), 0.5), 4.0),
                Arguments.of(new CoordinatedTurnModel(Math.toRadians(-1.75), 0.1), 60.0));
    }

    @ParameterizedTest
    @MethodSource("models")
    void predictIsFxAndFPFtPlusQ(MotionModel model, double dt) {
        double[][] f = handTransition(model, dt);
        double[][] q = handNoise(model, dt);
        double[][] p = Mat.of(4, 4, COV);
        double[][] expectedP = Mat.add(Mat.mul(Mat.mul(f, p), Mat.t(f)), q, 1);
        double[][] expectedX = Mat.mul(f, Mat.col(MEAN));

        GaussianState out = model.predict(GaussianState.of(MEAN, COV), dt);

        for (int i = 0; i < 4; i++) {
            assertThat(out.mean(i)).isCloseTo(expectedX[i][0], within(1e-9));
            for (int j = 0; j < 4; j++) {
                assertThat(out.covariance(i, j))
                        .as("P(%d,%d)", i, j)
                        .isCloseTo(
                                expectedP[i][j],
                                within(1e-9 * Math.max(1, Math.abs(expectedP[i][j]))));
            }
        }
    }

    /** F written out from the textbook, independently of the model's own code. */
    private static double[][] handTransition(MotionModel model, double t) {
        if (model instanceof ConstantVelocityModel) {
            return Mat.of(4, 4, 1, 0, t, 0, 0, 1, 0, t, 0, 0, 1, 0, 0, 0, 0, 1);
        }
        double w = ((CoordinatedTurnModel) model).turnRateRadPerS();
        double s = Math.sin(w * t), c = Math.cos(w * t);
        return Mat.of(
                4, 4, 1, 0, s / w, -(1 - c) / w, 0, 1, (1 - c) / w, s / w, 0, 0, c, -s, 0, 0, s, c);
    }

    private static double[][] handNoise(MotionModel model, double t) {
        double q =
                model instanceof ConstantVelocityModel cv
                        ? cv.noiseDensityM2PerS3()
                        : ((CoordinatedTurnModel) model).noiseDensityM2PerS3();
        double a = q * t * t * t / 3, b = q * t * t / 2, c = q * t;
        return Mat.of(4, 4, a, 0, b, 0, 0, a, 0, b, b, 0, c, 0, 0, b, 0, c);
    }

    @ParameterizedTest
    @MethodSource("models")
    void aTurnKeepsTheSpeed(MotionModel model, double dt) {
        GaussianState out = model.predict(GaussianState.of(MEAN, COV), dt);
        assertThat(Math.hypot(out.velocityEastMps(), out.velocityNorthMps()))
                .isCloseTo(Math.hypot(MEAN[2], MEAN[3]), within(1e-9));
    }
}
