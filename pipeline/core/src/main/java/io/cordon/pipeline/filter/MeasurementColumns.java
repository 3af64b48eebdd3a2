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
    private static final int STRIDE = 5;

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
