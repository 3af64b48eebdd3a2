package io.cordon.pipeline.filter;

/** Small fixed-size matrix products for the 4-dimensional state (row-major arrays). */
final class LinearAlgebra4 {
    private LinearAlgebra4() {}

    /** {@code N(F x, F P Fᵀ + Q)}, symmetrised. */
    static GaussianState propagate(GaussianState s, double[] f, double[] q) {
        double[] x = s.x;
        double[] p = s.p;
        double[] nx = new double[4];
        for (int i = 0; i < 4; i++) {
            nx[i] =
                    f[i * 4] * x[0]
                            + f[i * 4 + 1] * x[1]
                            + f[i * 4 + 2] * x[2]
                            + f[i * 4 + 3] * x[3];
        }
        double[] fp = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                fp[i * 4 + j] =
                        f[i * 4] * p[j]
                                + f[i * 4 + 1] * p[4 + j]
                                + f[i * 4 + 2] * p[8 + j]
                                + f[i * 4 + 3] * p[12 + j];
            }
        }
        double[] np = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = i; j < 4; j++) {
                double v =
                        fp[i * 4] * f[j * 4]
                                + fp[i * 4 + 1] * f[j * 4 + 1]
                                + fp[i * 4 + 2] * f[j * 4 + 2]
                                + fp[i * 4 + 3] * f[j * 4 + 3]
                                + 0.5 * (q[i * 4 + j] + q[j * 4 + i]);
                np[i * 4 + j] = v;
                np[j * 4 + i] = v;
            }
        }
        return new GaussianState(nx, np);
    }
}
