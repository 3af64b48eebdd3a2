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
    void linearisesAndJudgesNonlinearityExactlyAsEachModelDoes() {
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
            double variance = 1e4 * random.nextDouble();
            double nonlinearity = columns.nonlinearity(j, e, n, variance);
            assertThat(nonlinearity)
                    .as("measurement %d nonlinearity", j)
                    .isEqualTo(models[j].nonlinearity(e, n, variance));
            if (j % 3 == 0) {
                assertThat(nonlinearity).isPositive();
            } else {
                assertThat(nonlinearity).isZero();
            }
            for (int v = 0; v < FlatImm.LINEARISATION; v++) {
                // Bit for bit: the tracker's results must not depend on which path linearised.
                assertThat(Double.doubleToRawLongBits(actual[3 + v]))
                        .as("measurement %d value %d", j, v)
                        .isEqualTo(Double.doubleToRawLongBits(expected[v]));
            }
        }
    }

    @Test
    void radarPreGateRejectsOnlyPairsTheFullGateRejects() {
        Random random = new Random(11);
        double gamma = 9.21; // chi-square 2 dof, 99 %
        MeasurementColumns columns = new MeasurementColumns();
        int plots = 200;
        RangeAzimuthMeasurement[] models = new RangeAzimuthMeasurement[plots];
        columns.reset(plots);
        for (int j = 0; j < plots; j++) {
            models[j] =
                    new RangeAzimuthMeasurement(
                            500 + 45000 * random.nextDouble(),
                            (random.nextDouble() - 0.5) * 2 * Math.PI,
                            5 + 50 * random.nextDouble(),
                            Math.toRadians(0.05 + 0.5 * random.nextDouble()),
                            RADAR);
            columns.set(j, models[j]);
        }
        double[] block = new double[FlatImm.GAUSSIAN];
        double[] lin = new double[FlatImm.LINEARISATION];
        FlatImm imm = new FlatImm(java.util.List.of(new ConstantVelocityModel(1.0)), 10.0, 5.0);
        int rejected = 0, accepted = 0, beyond = 0;
        for (int k = 0; k < 200_000; k++) {
            int j = random.nextInt(plots);
            // Predictions around the plot, near and far, with covariances from tight to wide and
            // correlated, so both residual tests and the conditioning guard are exercised.
            double spread = Math.pow(10, 1 + 2.5 * random.nextDouble());
            block[0] = models[j].eastM() + random.nextGaussian() * spread;
            block[1] = models[j].northM() + random.nextGaussian() * spread;
            double sx = Math.pow(10, 0.5 + 2.5 * random.nextDouble());
            double sy = Math.pow(10, 0.5 + 2.5 * random.nextDouble());
            double rho = (random.nextDouble() * 2 - 1) * (k % 7 == 0 ? 0.999999 : 0.9);
            block[4] = sx * sx;
            block[5] = rho * sx * sy;
            block[8] = sy * sy;
            boolean outside = columns.radarOutsideGate(j, block, 0, gamma);
            columns.linearise(j, block[0], block[1], lin, 0);
            double d2 = imm.gate(block, 0, lin, 0);
            if (d2 > gamma) {
                beyond++;
            }
            if (outside) {
                rejected++;
                assertThat(d2)
                        .as("pair %d rejected without the arc tangent", k)
                        .isGreaterThan(gamma);
            } else if (d2 <= gamma) {
                accepted++;
            }
        }
        // It must also be worth its cost: most pairs outside the gate are caught (84 % here).
        assertThat(rejected).isGreaterThan(beyond * 7 / 10);
        assertThat(accepted).isGreaterThan(1_000);
    }

    @Test
    void radarPreGateHasNoOpinionOnOtherMeasurements() {
        MeasurementColumns columns = new MeasurementColumns();
        columns.reset(1);
        columns.set(0, new PositionMeasurement(1e6, 1e6, 1, 0, 1));
        double[] block = new double[FlatImm.GAUSSIAN];
        block[4] = 1;
        block[8] = 1;
        assertThat(columns.radarOutsideGate(0, block, 0, 9.21)).isFalse();
    }
}
