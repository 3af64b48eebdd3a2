package io.cordon.pipeline.filter;

/**
 * A measured position in the plane with its covariance: {@code h(x) = (e, n)}, {@code H = [I 0]}.
 *
 * @param eastM measured east, m
 * @param northM measured north, m
 * @param covEastEastM2 R(0,0), m²
 * @param covEastNorthM2 R(0,1), m²
 * @param covNorthNorthM2 R(1,1), m²
 */
public record PositionMeasurement(
        double eastM,
        double northM,
        double covEastEastM2,
        double covEastNorthM2,
        double covNorthNorthM2)
        implements MeasurementModel {
    public PositionMeasurement {
        if (!(covEastEastM2 > 0)
                || !(covNorthNorthM2 > 0)
                || covEastNorthM2 * covEastNorthM2 >= covEastEastM2 * covNorthNorthM2) {
            throw new IllegalArgumentException(
                    "covariance must be positive definite, was ee="
                            + covEastEastM2
                            + " en="
                            + covEastNorthM2
                            + " nn="
                            + covNorthNorthM2);
        }
    }

    @Override
    public Innovation innovation(GaussianState predicted) {
        return Innovation.of(
                predicted,
                eastM - predicted.x[0],
                northM - predicted.x[1],
                1,
                0,
                0,
                1,
                covEastEastM2,
                covEastNorthM2,
                covNorthNorthM2);
    }

    @Override
    public void linearise(double e, double n, double[] out, int o) {
        out[o] = eastM - e;
        out[o + 1] = northM - n;
        out[o + 2] = 1;
        out[o + 3] = 0;
        out[o + 4] = 0;
        out[o + 5] = 1;
        out[o + 6] = covEastEastM2;
        out[o + 7] = covEastNorthM2;
        out[o + 8] = covNorthNorthM2;
        out[o + 9] = e;
        out[o + 10] = n;
    }

    @Override
    public double maxPositionVarianceM2() {
        return GaussianState.maxEigenvalue(covEastEastM2, covEastNorthM2, covNorthNorthM2);
    }

    @Override
    public double[] positionCovarianceM2() {
        return new double[] {covEastEastM2, covEastNorthM2, covNorthNorthM2};
    }

    @Override
    public double areaToMeasurementDensity() {
        return 1.0;
    }
}
