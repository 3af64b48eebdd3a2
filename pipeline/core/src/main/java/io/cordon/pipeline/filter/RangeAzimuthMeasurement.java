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
    private final double sinAzimuth;
    private final double cosAzimuth;
    private double[] positionCovariance;

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
        // The inverse of RadarGeometry's map, as RadarGeometry.toPlane, without allocation.
        this.sinAzimuth = Math.sin(azimuthRad);
        this.cosAzimuth = Math.cos(azimuthRad);
        double qe = rangeM * sinAzimuth, qn = rangeM * cosAzimuth;
        RadarGeometry g = radar;
        double det = g.a00() * g.a11() - g.a01() * g.a10();
        double e = 0, n = 0, u = 0;
        for (int i = 0; i < 3; i++) {
            double re = qe - g.b0() - g.c0() * u;
            double rn = qn - g.b1() - g.c1() * u;
            e = (g.a11() * re - g.a01() * rn) / det;
            n = (-g.a10() * re + g.a00() * rn) / det;
            u = -(e * e + n * n) * g.curvaturePerM();
        }
        this.eastM = e;
        this.northM = n;
    }

    public double rangeM() {
        return rangeM;
    }

    public double azimuthRad() {
        return azimuthRad;
    }

    /** {@code Math.sin(azimuthRad())}. */
    public double sinAzimuth() {
        return sinAzimuth;
    }

    /** {@code Math.cos(azimuthRad())}. */
    public double cosAzimuth() {
        return cosAzimuth;
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
        double[] lin = new double[FlatImm.LINEARISATION];
        linearise(predicted.x[0], predicted.x[1], lin, 0);
        return Innovation.of(
                predicted, lin[0], lin[1], lin[2], lin[3], lin[4], lin[5], varRange, 0, varAzimuth);
    }

    @Override
    public void linearise(double e, double n, double[] out, int o) {
        linearise(radar, rangeM, azimuthRad, varRange, varAzimuth, e, n, out, o);
    }

    /** The radar's frame in the plane. */
    public RadarGeometry radar() {
        return radar;
    }

    /** σr², m². */
    public double varianceRangeM2() {
        return varRange;
    }

    /** σa², rad². */
    public double varianceAzimuthRad2() {
        return varAzimuth;
    }

    /**
     * {@link #linearise(double, double, double[], int)} of a plot given by its values (range,
     * azimuth, their variances, the radar's geometry), for callers that keep a batch's plots in
     * primitive arrays; the same arithmetic, so the same result to the bit.
     */
    public static void linearise(
            RadarGeometry g,
            double rangeM,
            double azimuthRad,
            double varRange,
            double varAzimuth,
            double e,
            double n,
            double[] out,
            int o) {
        double k2 = -2 * g.curvaturePerM();
        double u = -(e * e + n * n) * g.curvaturePerM();
        double qe = g.a00() * e + g.a01() * n + g.c0() * u + g.b0();
        double qn = g.a10() * e + g.a11() * n + g.c1() * u + g.b1();
        double r2 = Math.max(qe * qe + qn * qn, 1e-6);
        double r = Math.sqrt(r2);
        double dAz = azimuthRad - Math.atan2(qe, qn);
        if (dAz > Math.PI) {
            dAz -= 2 * Math.PI;
        } else if (dAz <= -Math.PI) {
            dAz += 2 * Math.PI;
        }
        // ∂q/∂(e, n) including the curvature term u = -(e² + n²) κ.
        double m00 = g.a00() + g.c0() * k2 * e;
        double m01 = g.a01() + g.c0() * k2 * n;
        double m10 = g.a10() + g.c1() * k2 * e;
        double m11 = g.a11() + g.c1() * k2 * n;
        double dr0 = qe / r, dr1 = qn / r;
        double da0 = qn / r2, da1 = -qe / r2;
        out[o] = rangeM - r;
        out[o + 1] = dAz;
        out[o + 2] = dr0 * m00 + dr1 * m10;
        out[o + 3] = dr0 * m01 + dr1 * m11;
        out[o + 4] = da0 * m00 + da1 * m10;
        out[o + 5] = da0 * m01 + da1 * m11;
        out[o + 6] = varRange;
        out[o + 7] = 0;
        out[o + 8] = varAzimuth;
        out[o + 9] = e;
        out[o + 10] = n;
    }

    /**
     * The second-order terms of h over a prior of position variance v at range r from the radar:
     * the range's curvature is 1/r across the line of sight, so its term is {@code v / (2 r)}; the
     * azimuth's is of order {@code v / r²}; each over its noise σ (σr, σa). Above about 1 the EKF
     * is over-confident near the radar (docs/benchmarks.md, "Unscented update for radar plots").
     */
    @Override
    public double nonlinearity(double eastM, double northM, double positionVarianceM2) {
        return nonlinearity(radar, varRange, varAzimuth, eastM, northM, positionVarianceM2);
    }

    /**
     * {@link #nonlinearity(double, double, double)} of a plot given by its radar's geometry and its
     * variances, for callers that keep a batch's plots in primitive arrays.
     */
    public static double nonlinearity(
            RadarGeometry g,
            double varRange,
            double varAzimuth,
            double e,
            double n,
            double positionVarianceM2) {
        double qe = g.radarEastM(e, n), qn = g.radarNorthM(e, n);
        double r = Math.sqrt(Math.max(qe * qe + qn * qn, 1e-6));
        return positionVarianceM2
                * Math.max(1 / (r * r * Math.sqrt(varAzimuth)), 1 / (2 * r * Math.sqrt(varRange)));
    }

    @Override
    public double[] positionCovarianceM2() {
        double[] c = positionCovariance;
        if (c == null) {
            c = planeCovariance();
            positionCovariance = c;
        }
        return c.clone();
    }

    /**
     * The radar-frame covariance J diag(σr², σa²) Jᵀ has eigenvalues σr² and r²σa² (J is a rotation
     * times diag(1, r)), and the map into the plane is a rotation to within 1e-5 at 100 km: so the
     * larger of the two, without trigonometry.
     */
    @Override
    public double maxPositionVarianceM2() {
        return Math.max(varRange, rangeM * rangeM * varAzimuth) * 1.00001;
    }

    private double[] planeCovariance() {
        double s = sinAzimuth, c = cosAzimuth;
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
