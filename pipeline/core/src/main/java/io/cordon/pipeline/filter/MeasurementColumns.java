package io.cordon.pipeline.filter;

import java.util.Arrays;

/**
 * A batch of measurement models kept as columns of primitives, indexed 0..n-1, for a hot loop that
 * linearises many (track, measurement) pairs: reading a few doubles from arrays the batch filled in
 * order, instead of following a reference to each model (with thousands of measurements in a batch
 * and tracks visiting them in spatial order, those objects are mostly out of cache) and dispatching
 * on its class. {@link #linearise(int, double, double, double[], int)} gives the very values the
 * model's own {@link MeasurementModel#linearise} gives (the same arithmetic; other model classes
 * are called through their object). Reused across batches; not thread-safe.
 */
public final class MeasurementColumns {
    private static final byte OTHER = 0, RADAR = 1, POSITION = 2;
    private static final int STRIDE = 7;

    private byte[] kind = new byte[0];
    private double[] values = new double[0];
    private RadarGeometry[] radar = new RadarGeometry[0];
    private MeasurementModel[] other = new MeasurementModel[0];
    private int size;

    /** Forgets the previous batch and makes room for {@code n} measurements. */
    public void reset(int n) {
        Arrays.fill(radar, 0, size, null);
        Arrays.fill(other, 0, size, null);
        if (kind.length < n) {
            int capacity = Math.max(n, 2 * kind.length);
            kind = new byte[capacity];
            values = new double[capacity * STRIDE];
            radar = new RadarGeometry[capacity];
            other = new MeasurementModel[capacity];
        }
        size = n;
    }

    /** Stores measurement {@code j} (0 <= j < the size given to {@link #reset}). */
    public void set(int j, MeasurementModel model) {
        int v = j * STRIDE;
        if (model instanceof RangeAzimuthMeasurement r) {
            kind[j] = RADAR;
            values[v] = r.rangeM();
            values[v + 1] = r.azimuthRad();
            values[v + 2] = r.varianceRangeM2();
            values[v + 3] = r.varianceAzimuthRad2();
            values[v + 5] = r.sinAzimuth();
            values[v + 6] = r.cosAzimuth();
            radar[j] = r.radar();
        } else if (model instanceof PositionMeasurement p) {
            kind[j] = POSITION;
            values[v] = p.eastM();
            values[v + 1] = p.northM();
            values[v + 2] = p.covEastEastM2();
            values[v + 3] = p.covEastNorthM2();
            values[v + 4] = p.covNorthNorthM2();
        } else {
            kind[j] = OTHER;
            other[j] = model;
        }
    }

    /**
     * True when radar plot {@code j} is certainly outside the chi-square gate {@code gamma} of the
     * Gaussian block at {@code go} of {@code g}: when {@code yᵀ S⁻¹ y}, with y, H and S as {@link
     * #linearise} at the block's position and {@link FlatImm#gate} would give them, exceeds gamma.
     * Costs no arc tangent: {@code yᵀ S⁻¹ y} is at least {@code y₀² / S₀₀} and {@code y₁² / S₁₁} (a
     * marginal of a quadratic form), the range residual y₀ is computed as {@link #linearise} does,
     * and the azimuth residual is at least the sine of it in magnitude, {@code |sin(a - θ)| = |sin
     * a · qn - cos a · qe| / r}. Only decides with a well-conditioned S and a relative margin of
     * 1e-6 over the rounding of either side, so a pair it rejects is one the full test rejects;
     * false for every other kind of measurement (no opinion).
     */
    public boolean radarOutsideGate(int j, double[] g, int go, double gamma) {
        if (kind[j] != RADAR) {
            return false;
        }
        int v = j * STRIDE;
        RadarGeometry r = radar[j];
        double e = g[go], n = g[go + 1];
        double k2 = -2 * r.curvaturePerM();
        double u = -(e * e + n * n) * r.curvaturePerM();
        double qe = r.a00() * e + r.a01() * n + r.c0() * u + r.b0();
        double qn = r.a10() * e + r.a11() * n + r.c1() * u + r.b1();
        double r2 = Math.max(qe * qe + qn * qn, 1e-6);
        double range = Math.sqrt(r2);
        double m00 = r.a00() + r.c0() * k2 * e;
        double m01 = r.a01() + r.c0() * k2 * n;
        double m10 = r.a10() + r.c1() * k2 * e;
        double m11 = r.a11() + r.c1() * k2 * n;
        double dr0 = qe / range, dr1 = qn / range;
        double da0 = qn / r2, da1 = -qe / r2;
        double h00 = dr0 * m00 + dr1 * m10, h01 = dr0 * m01 + dr1 * m11;
        double h10 = da0 * m00 + da1 * m10, h11 = da0 * m01 + da1 * m11;
        double a00 = g[go + 4], a01 = g[go + 5], a11 = g[go + 8];
        double t00 = h00 * a00 + h01 * a01, t01 = h00 * a01 + h01 * a11;
        double t10 = h10 * a00 + h11 * a01, t11 = h10 * a01 + h11 * a11;
        double s00 = t00 * h00 + t01 * h01 + values[v + 2];
        double s01 = t00 * h10 + t01 * h11;
        double s11 = t10 * h10 + t11 * h11 + values[v + 3];
        if (!(s00 > 0) || !(s11 > 0) || !(s00 * s11 - s01 * s01 > 1e-6 * s00 * s11)) {
            return false;
        }
        double bound = gamma * (1 + 1e-6);
        double y0 = values[v] - range;
        if (y0 * y0 > bound * s00) {
            return true;
        }
        double sin = values[v + 5], cos = values[v + 6];
        double sine = (sin * qn - cos * qe) / range;
        return sine * sine > bound * s11;
    }

    /**
     * {@link MeasurementModel#nonlinearity} of measurement {@code j} at plane position (e, n) for a
     * position variance v, m² (0 for a position fix).
     */
    public double nonlinearity(int j, double e, double n, double v) {
        int o = j * STRIDE;
        return switch (kind[j]) {
            case RADAR ->
                    RangeAzimuthMeasurement.nonlinearity(
                            radar[j], values[o + 2], values[o + 3], e, n, v);
            case POSITION -> 0.0;
            default -> other[j].nonlinearity(e, n, v);
        };
    }

    /** {@link MeasurementModel#linearise} of measurement {@code j} at plane position (e, n). */
    public void linearise(int j, double e, double n, double[] out, int o) {
        int v = j * STRIDE;
        switch (kind[j]) {
            case RADAR ->
                    RangeAzimuthMeasurement.linearise(
                            radar[j],
                            values[v],
                            values[v + 1],
                            values[v + 2],
                            values[v + 3],
                            e,
                            n,
                            out,
                            o);
            case POSITION -> {
                // As PositionMeasurement.linearise.
                out[o] = values[v] - e;
                out[o + 1] = values[v + 1] - n;
                out[o + 2] = 1;
                out[o + 3] = 0;
                out[o + 4] = 0;
                out[o + 5] = 1;
                out[o + 6] = values[v + 2];
                out[o + 7] = values[v + 3];
                out[o + 8] = values[v + 4];
                out[o + 9] = e;
                out[o + 10] = n;
            }
            default -> other[j].linearise(e, n, out, o);
        }
    }
}
