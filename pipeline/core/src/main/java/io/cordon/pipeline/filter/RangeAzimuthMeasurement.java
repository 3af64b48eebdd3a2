package io.cordon.pipeline.filter;

/**
 * A surface radar plot, {@code h(x) = (√(qe² + qn²), atan2(qe, qn))} where (qe, qn) is the target
 * in the radar's own horizontal frame ({@link RadarGeometry}), azimuth clockwise from north.
 * Linearised at the prediction (EKF); the azimuth residual is wrapped to (-π, π].
 */
public final class RangeAzimuthMeasurement implements MeasurementModel {
    private final double rangeM;
    private final double azimuthRad;
    private final double varRange;
    private final double varAzimuth;
    private final RadarGeometry radar;
    private final double eastM;
    private final double northM;

    public RangeAzimuthMeasurement(
            double rangeM,
            double azimuthRad,
            double sigmaRangeM,
            double sigmaAzimuthRad,
            RadarGeometry radar) {
        if (!(rangeM >= 0) || !(sigmaRangeM > 0) || !(sigmaAzimuthRad > 0) || radar == null) {
            throw new IllegalArgumentException(
                    "range >= 0, sigmas > 0 and geometry required, were "
                            + rangeM
                            + ", "
                            + sigmaRangeM
                            + ", "
                            + sigmaAzimuthRad);
        }
        this.rangeM = rangeM;
        this.azimuthRad = azimuthRad;
        this.varRange = sigmaRangeM * sigmaRangeM;
        this.varAzimuth = sigmaAzimuthRad * sigmaAzimuthRad;
        this.radar = radar;
        double[] p = radar.toPlane(rangeM * Math.sin(azimuthRad), rangeM * Math.cos(azimuthRad));
        this.eastM = p[0];
        this.northM = p[1];
    }

    public double rangeM() {
        return rangeM;
    }

    public double azimuthRad() {
        return azimuthRad;
    }

    @Override
    public double eastM() {
        return eastM;
    }

    @Override
    public double northM() {
        return northM;
    }

    @Override
    public Innovation innovation(GaussianState predicted) {
        double e = predicted.x[0], n = predicted.x[1];
        double qe = radar.radarEastM(e, n);
        double qn = radar.radarNorthM(e, n);
        double r2 = Math.max(qe * qe + qn * qn, 1e-6);
        double r = Math.sqrt(r2);
        double dAz = azimuthRad - Math.atan2(qe, qn);
        if (dAz > Math.PI) {
            dAz -= 2 * Math.PI;
        } else if (dAz <= -Math.PI) {
            dAz += 2 * Math.PI;
        }
        // ∂q/∂(e, n) including the curvature term u = -(e² + n²) κ.
        double k2 = -2 * radar.curvaturePerM();
        double m00 = radar.a00() + radar.c0() * k2 * e;
        double m01 = radar.a01() + radar.c0() * k2 * n;
        double m10 = radar.a10() + radar.c1() * k2 * e;
        double m11 = radar.a11() + radar.c1() * k2 * n;
        double dr0 = qe / r, dr1 = qn / r;
        double da0 = qn / r2, da1 = -qe / r2;
        return Innovation.of(
                predicted,
                rangeM - r,
                dAz,
                dr0 * m00 + dr1 * m10,
                dr0 * m01 + dr1 * m11,
                da0 * m00 + da1 * m10,
                da0 * m01 + da1 * m11,
                varRange,
                0,
                varAzimuth);
    }

    @Override
    public double[] positionCovarianceM2() {
        double s = Math.sin(azimuthRad), c = Math.cos(azimuthRad);
        // Radar frame: J = [[s, r c], [c, -r s]], C = J diag(σr², σa²) Jᵀ.
        double r = rangeM;
        double qee = s * s * varRange + r * r * c * c * varAzimuth;
        double qen = s * c * varRange - r * r * s * c * varAzimuth;
        double qnn = c * c * varRange + r * r * s * s * varAzimuth;
        // To the plane: A⁻¹ C A⁻ᵀ.
        double det = radar.a00() * radar.a11() - radar.a01() * radar.a10();
        double i00 = radar.a11() / det, i01 = -radar.a01() / det;
        double i10 = -radar.a10() / det, i11 = radar.a00() / det;
        double t00 = i00 * qee + i01 * qen, t01 = i00 * qen + i01 * qnn;
        double t10 = i10 * qee + i11 * qen, t11 = i10 * qen + i11 * qnn;
        return new double[] {t00 * i00 + t01 * i01, t00 * i10 + t01 * i11, t10 * i10 + t11 * i11};
    }

    @Override
    public double areaToMeasurementDensity() {
        return Math.max(rangeM, 1.0);
    }
}
