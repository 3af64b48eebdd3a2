package io.cordon.pipeline.tracker;

import java.util.Arrays;

/** A growable list of ints without boxing, reused across queries. */
final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    /** A copy of the values. */
    int[] toArray() {
        return Arrays.copyOf(values, size);
    }

    void clear() {
        size = 0;
    }
}
