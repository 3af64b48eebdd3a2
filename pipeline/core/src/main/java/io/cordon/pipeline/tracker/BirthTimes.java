package io.cordon.pipeline.tracker;

import java.util.Arrays;

/**
 * The birth times of the live confirmed tracks as a sorted multiset, so that the number born after
 * a time is a binary search instead of a pass over every track ({@link
 * MultiTargetTracker#leastBirthDensity}). A track is confirmed soon after its birth, so most
 * insertions land near the end; a removal shifts the later times.
 */
final class BirthTimes {
    private long[] times = new long[64];
    private int size;

    void add(long t) {
        if (size == times.length) {
            times = Arrays.copyOf(times, 2 * size);
        }
        int at = upperBound(t);
        System.arraycopy(times, at, times, at + 1, size - at);
        times[at] = t;
        size++;
    }

    /** Removes one occurrence of t; it must be present. */
    void remove(long t) {
        int at = upperBound(t) - 1;
        if (at < 0 || times[at] != t) {
            throw new IllegalStateException("birth time " + t + " is not listed");
        }
        System.arraycopy(times, at + 1, times, at, size - at - 1);
        size--;
    }

    /** How many listed times are after {@code since}. */
    int after(long since) {
        return size - upperBound(since);
    }

    int size() {
        return size;
    }

    /** The first position whose time is greater than t. */
    private int upperBound(long t) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
