package io.cordon.pipeline.tracker;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Sensor ids numbered as bits of a {@code long}, in the order the tracker first meets them, so a
 * track's set of sensors can sit beside its row as one word: whether a sensor without a prior (no
 * coverage in the registry) has seen a track, the in-view test for such a sensor, is then a mask
 * instead of a walk of the track's sorted set. The first 63 sensors get a bit; a set holding any
 * later one is marked {@link #OVERFLOW} and answered from the set itself. The numbering is the
 * tracker's own and never part of its output or snapshot.
 */
final class SensorBits {
    /** A set with a sensor beyond the numbered ones: ask the set. */
    static final long OVERFLOW = 1L << 63;

    /** Bits for sensors: all but the overflow bit. */
    static final int BITS = 63;

    private final int bits;
    private final Map<String, Integer> slots = new HashMap<>();

    SensorBits() {
        this(BITS);
    }

    /** With at most {@code bits} numbered sensors, 0 to {@link #BITS} (fewer: for tests). */
    SensorBits(int bits) {
        if (bits < 0 || bits > BITS) {
            throw new IllegalArgumentException("bits must be 0 to " + BITS + ", was " + bits);
        }
        this.bits = bits;
    }

    /** The sensor's bit, numbering it if it is new and a bit is left; 0 when none is. */
    long bit(String sensorId) {
        Integer slot = slots.get(sensorId);
        if (slot == null) {
            if (slots.size() == bits) {
                return 0;
            }
            slot = slots.size();
            slots.put(sensorId, slot);
        }
        return 1L << slot;
    }

    /** The bits of every sensor of a set, with {@link #OVERFLOW} if one has none. */
    long of(Collection<String> sensorIds) {
        long bits = 0;
        for (String s : sensorIds) {
            long b = bit(s);
            bits |= b == 0 ? OVERFLOW : b;
        }
        return bits;
    }
}
