package io.cordon.pipeline.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MeasurementColumnsTest {
    private static final RadarGeometry RADAR =
            new RadarGeometry(0.9999, 0.0012, -0.0012, 0.9999, 0.004, -0.003, 12000, -8000, 7.8e-8);

    /** A model class the columns do not know: it must be called through its object. */
    private record Offset(double eastM, double northM) implements MeasurementModel {
        @Override
        public Innovation innovation(GaussianState predicted) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double[] positionCovarianceM2() {
            return new double[] {4, 0, 4};
        }

        @Override
        public double areaToMeasurementDensity() {
            return 1;
        }

        @Override
        public void linearise(double e, double n, double[] out, int o) {
            for (int k = 0; k < FlatImm.LINEARISATION; k++) {
                out[o + k] = e * k - n + eastM;
            }
        }

        @Override
        public double maxPositionVarianceM2() {
            return 4;
        }
    }

    @Test
    void linearisesEveryMeasurementExactlyAsItsModelDoes() {
        Random random = new Random(3);
        MeasurementModel[] models = new MeasurementModel[60];
        for (int j = 0; j < models.length; j++) {
            models[j] =
                    switch (j % 3) {
                        case 0 ->
                                new RangeAzimuthMeasurement(
                                        1000 + 40000 * random.nextDouble(),
                                        (random.nextDouble() - 0.5) * 2 * Math.PI,
                                        25,
                                        Math.toRadians(0.25),
                                        RADAR);
                        case 1 ->
                                new PositionMeasurement(
                                        random.nextGaussian() * 1e4,
                                        random.nextGaussian() * 1e4,
                                        90,
                                        -12,
                                        60);
                        default -> new Offset(random.nextDouble(), random.nextDouble());
                    };
        }
        MeasurementColumns columns = new MeasurementColumns();
        columns.reset(2); // grows on the next reset
        columns.reset(models.length);
        for (int j = 0; j < models.length; j++) {
            columns.set(j, models[j]);
        }
        double[] expected = new double[FlatImm.LINEARISATION];
        double[] actual = new double[FlatImm.LINEARISATION + 3];
        for (int k = 0; k < 500; k++) {
            int j = random.nextInt(models.length);
            double e = random.nextGaussian() * 3e4, n = random.nextGaussian() * 3e4;
            models[j].linearise(e, n, expected, 0);
            columns.linearise(j, e, n, actual, 3);
            for (int v = 0; v < FlatImm.LINEARISATION; v++) {
                // Bit for bit: the tracker's results must not depend on which path linearised.
                assertThat(Double.doubleToRawLongBits(actual[3 + v]))
                        .as("measurement %d value %d", j, v)
                        .isEqualTo(Double.doubleToRawLongBits(expected[v]));
            }
        }
    }
}
