package io.cordon.pipeline.association;

import java.util.Arrays;

/**
 * A uniform grid over points in the plane (square cells of {@code cellSizeM}), built once per batch
 * of measurements and queried with axis-aligned boxes around each track's gate. Cells are kept in a
 * sorted array of (cell key, point index), so construction is O(n log n), a query visits only the
 * cells it overlaps, and nothing depends on hash iteration order.
 */
public final class UniformGrid {
    private final double cellSizeM;
    private final long[] keys;
    private final int[] indices;
    private final int size;

    /** Indexes points (eastM[i], northM[i]) for i in [0, count). */
    public UniformGrid(double cellSizeM, double[] eastM, double[] northM, int count) {
        if (!(cellSizeM > 0)) {
            throw new IllegalArgumentException("cellSizeM must be > 0, was " + cellSizeM);
        }
        this.cellSizeM = cellSizeM;
        this.size = count;
        long[] packed = new long[count];
        for (int i = 0; i < count; i++) {
            long key = key(cell(eastM[i]), cell(northM[i]));
            packed[i] = key;
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> packed[a] != packed[b] ? Long.compare(packed[a], packed[b]) : a - b);
        keys = new long[count];
        indices = new int[count];
        for (int i = 0; i < count; i++) {
            keys[i] = packed[order[i]];
            indices[i] = order[i];
        }
    }

    private int cell(double v) {
        return (int) Math.floor(v / cellSizeM);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) | (cy & 0xffffffffL);
    }

    /** Number of indexed points. */
    public int size() {
        return size;
    }

    /**
     * Calls {@code visitor} with the index of every point whose cell overlaps the box centred on
     * (eastM, northM) with half-width {@code radiusM} (a superset of the points within radiusM).
     * When the box spans more cells than there are points, every point is visited instead.
     */
    public void query(
            double eastM, double northM, double radiusM, java.util.function.IntConsumer visitor) {
        int x0 = cell(eastM - radiusM), x1 = cell(eastM + radiusM);
        int y0 = cell(northM - radiusM), y1 = cell(northM + radiusM);
        long cells = (long) (x1 - x0 + 1) * (y1 - y0 + 1);
        if (cells > size) {
            for (int i = 0; i < size; i++) {
                visitor.accept(i);
            }
            return;
        }
        for (int cx = x0; cx <= x1; cx++) {
            // Cells with the same cx and consecutive cy are contiguous in key order.
            long lo = key(cx, y0);
            long hi = key(cx, y1);
            if (y0 < 0 && y1 >= 0) {
                // Negative cy sort after non-negative ones within the same cx (unsigned low word).
                scan(key(cx, y0), key(cx, -1), visitor);
                scan(key(cx, 0), hi, visitor);
            } else {
                scan(lo, hi, visitor);
            }
        }
    }

    private void scan(long lo, long hi, java.util.function.IntConsumer visitor) {
        int i = lowerBound(lo);
        while (i < size && keys[i] <= hi) {
            visitor.accept(indices[i]);
            i++;
        }
    }

    private int lowerBound(long key) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
