package io.cordon.pipeline.filter;

/**
 * The linearised comparison of one measurement with one predicted state: innovation y (2), Jacobian
 * H restricted to the position columns (2×2, velocity columns are zero for every model here), and
 * innovation covariance {@code S = H P Hᵀ + R} (2×2, symmetric).
 */
public final class Innovation {
    final double y0, y1;
    final double h00, h01, h10, h11;
    final double s00, s01, s11;
    private final double det;

    Innovation(
            double y0,
            double y1,
            double h00,
            double h01,
            double h10,
            double h11,
            double s00,
            double s01,
            double s11) {
        this.y0 = y0;
        this.y1 = y1;
        this.h00 = h00;
        this.h01 = h01;
        this.h10 = h10;
        this.h11 = h11;
        this.s00 = s00;
        this.s01 = s01;
        this.s11 = s11;
        this.det = s00 * s11 - s01 * s01;
    }

    /** Builds the innovation of a position-only measurement against a predicted state. */
    static Innovation of(
            GaussianState predicted,
            double y0,
            double y1,
            double h00,
            double h01,
            double h10,
            double h11,
            double r00,
            double r01,
            double r11) {
        double[] p = predicted.p;
        // H P_pp Hᵀ with P_pp = [p0 p1; p1 p5].
        double a00 = h00 * p[0] + h01 * p[4];
        double a01 = h00 * p[1] + h01 * p[5];
        double a10 = h10 * p[0] + h11 * p[4];
        double a11 = h10 * p[1] + h11 * p[5];
        double s00 = a00 * h00 + a01 * h01 + r00;
        double s01 = a00 * h10 + a01 * h11 + r01;
        double s11 = a10 * h10 + a11 * h11 + r11;
        return new Innovation(y0, y1, h00, h01, h10, h11, s00, s01, s11);
    }

    /** {@code yᵀ S⁻¹ y}, chi-square distributed with 2 degrees of freedom under the model. */
    public double mahalanobisSquared() {
        return (s11 * y0 * y0 - 2 * s01 * y0 * y1 + s00 * y1 * y1) / det;
    }

    /** {@code ln det S}. */
    public double logDeterminant() {
        return Math.log(det);
    }

    /** {@code ln N(y; 0, S)}. */
    public double logLikelihood() {
        return -0.5 * (mahalanobisSquared() + Math.log(det)) - Math.log(2 * Math.PI);
    }

    /** Innovation component (0 or 1) in measurement units. */
    public double residual(int i) {
        return i == 0 ? y0 : y1;
    }

    /** Innovation covariance element. */
    public double covariance(int row, int col) {
        return row == 0 && col == 0 ? s00 : row == 1 && col == 1 ? s11 : s01;
    }

    boolean isPositiveDefinite() {
        return s00 > 0 && det > 0;
    }
}
