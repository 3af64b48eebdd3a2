package io.cordon.pipeline.tracker;

import java.util.Arrays;

/**
 * Numbers the cells of a coarse grid: an open-addressing map from a cell's long key to a dense
 * index (0, 1, 2, ... in the order the cells were first added), without boxing. The grids of the
 * tracker ({@link TrackGrid}, {@link SensorGrid}) keep their cells' lists in arrays by this index;
 * a {@code HashMap<Long, ...>} there cost a {@code Long} and a node lookup (cache misses over
 * thousands of cells) per cell a query looked at: without it the cells world at 10 000 targets
 * takes about 10 % less per observation (docs/benchmarks.md, "Core throughput (JMH)"). Cells are
 * never removed.
 */
final class CellIndex {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int mask;
    private int shift;
    private int size;

    CellIndex() {
        keys = new long[64];
        Arrays.fill(keys, EMPTY);
        values = new int[64];
        mask = 63;
        shift = 64 - 6;
    }

    /** The number of cells added. */
    int size() {
        return size;
    }

    /**
     * The index of the cell of key {@code key}, or -1 when it was never added. {@code key} is not
     * {@link Long#MIN_VALUE}.
     */
    int get(long key) {
        int h = probe(key);
        return keys[h] == key ? values[h] : -1;
    }

    /** The index of the cell of key {@code key}, added with the next index when new. */
    int add(long key) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("a cell key cannot be " + EMPTY);
        }
        int h = probe(key);
        if (keys[h] == key) {
            return values[h];
        }
        keys[h] = key;
        values[h] = size;
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        return size++;
    }

    /** The slot holding {@code key}, or the empty slot that ends its probe run. */
    private int probe(long key) {
        long[] k = keys;
        int h = slot(key, shift);
        while (k[h] != key && k[h] != EMPTY) {
            h = (h + 1) & mask;
        }
        return h;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        int capacity = 2 * oldKeys.length;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
        shift--;
        for (int h = 0; h < oldKeys.length; h++) {
            long key = oldKeys[h];
            if (key != EMPTY) {
                int s = probe(key); // an empty slot: the keys are distinct
                keys[s] = key;
                values[s] = oldValues[h];
            }
        }
    }

    /** Fibonacci hashing: the top bits of the key times 2^64 / golden ratio. */
    private static int slot(long key, int shift) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
