package io.cordon.pipeline.filter;

/**
 * A two-dimensional measurement of the state's position, {@code z = h(e, n) + v}, {@code v ~ N(0,
 * R)}, that linearises itself at a predicted state (EKF: {@code H = ∂h/∂x} at the prediction).
 * Every observation carries its own model, so one tracker fuses radars and position fixes alike.
 */
public interface MeasurementModel {
    /**
     * Innovation {@code y = z - h(x̂)}, Jacobian and {@code S = H P Hᵀ + R} at {@code predicted}.
     */
    Innovation innovation(GaussianState predicted);

    /** The measured position in the plane, east metres (for spatial indexing and initiation). */
    double eastM();

    /** The measured position in the plane, north metres. */
    double northM();

    /**
     * The measurement's covariance expressed as a position covariance in the plane at its own
     * position: (ee, en, nn) m². Used for initiation and gate sizing.
     */
    double[] positionCovarianceM2();

    /**
     * Area density (per m², in the plane) to likelihood density (per unit of this measurement's
     * space) factor: 1 for positions, range for range-azimuth. Multiplies a clutter area density to
     * express it in measurement space.
     */
    double areaToMeasurementDensity();

    /**
     * The measurement linearised at plane position (eastM, northM), into {@code out} from {@code
     * offset} ({@link FlatImm#LINEARISATION} values): residual {@code y = z - h(e, n)} (2),
     * Jacobian H (2×2, row-major), noise R (r00, r01, r11), and (e, n) itself.
     */
    void linearise(double eastM, double northM, double[] out, int offset);

    /** Largest eigenvalue of {@link #positionCovarianceM2()}, m². */
    double maxPositionVarianceM2();

    /**
     * How far linearising at (eastM, northM) is from the truth for a prior whose position variance
     * is at most {@code positionVarianceM2}: the size of h's second-order term over the prior
     * (curvature times variance) in units of the measurement noise's standard deviation, largest
     * over the measurement's components. 0 for a linear model (the default).
     */
    default double nonlinearity(double eastM, double northM, double positionVarianceM2) {
        return 0.0;
    }
}
