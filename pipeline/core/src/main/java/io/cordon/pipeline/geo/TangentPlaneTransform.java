package io.cordon.pipeline.geo;

/**
 * A rigid transform between two ENU tangent planes, {@code q = M p + t}, as made by {@link
 * LocalTangentPlane#transformTo(LocalTangentPlane)}. M is a rotation (orthonormal).
 */
public final class TangentPlaneTransform {
    private final double[] rotation;
    private final double tEast;
    private final double tNorth;
    private final double tUp;

    TangentPlaneTransform(double[] rotationRowMajor, double tEast, double tNorth, double tUp) {
        this.rotation = rotationRowMajor.clone();
        this.tEast = tEast;
        this.tNorth = tNorth;
        this.tUp = tUp;
    }

    public EnuPoint apply(EnuPoint p) {
        double e = p.eastM(), n = p.northM(), u = p.upM();
        return new EnuPoint(
                rotation[0] * e + rotation[1] * n + rotation[2] * u + tEast,
                rotation[3] * e + rotation[4] * n + rotation[5] * u + tNorth,
                rotation[6] * e + rotation[7] * n + rotation[8] * u + tUp);
    }

    /** Element (row, col) of the rotation, rows and columns ordered east, north, up. */
    public double rotation(int row, int col) {
        return rotation[row * 3 + col];
    }

    /** Where the source plane's origin lies in the target plane. */
    public EnuPoint translation() {
        return new EnuPoint(tEast, tNorth, tUp);
    }
}
