package io.cordon.jobs.bench;

/**
 * The benchmark readers' state per track id: whether the id's last update was not a deletion and
 * whether it was seen in the measured run. Keyed by a 64-bit hash of the id, in open addressing, so
 * an update costs one probe of two arrays instead of a hash map's node and a comparison with the
 * stored id string (a cache miss each at 10 000 tracks: the map was about a fifth of a reader's
 * time, docs/benchmarks.md). Two ids with the same 64-bit hash would count as one: with n ids that
 * happens with probability about n² / 2⁶⁵, 3 · 10⁻¹² at 10 000.
 */
final class TrackIdTable {
    static final int LIVE = 1;
    static final int IN_RUN = 2;

    private long[] keys = new long[1 << 14];
    private byte[] flags = new byte[1 << 14];
    private int size;

    /** A 64-bit hash of the id's characters (FNV-1a, then a finalizer that spreads every bit). */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h; // 0 marks an empty slot
    }

    /** The slot of {@code id} (a {@link #hash}), added with no flags if new. */
    int slot(long id) {
        int mask = keys.length - 1;
        int i = (int) id & mask;
        while (true) {
            long k = keys[i];
            if (k == id) {
                return i;
            }
            if (k == 0) {
                if (2 * (size + 1) > keys.length) {
                    grow();
                    return slot(id);
                }
                keys[i] = id;
                size++;
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    int flags(int slot) {
        return flags[slot];
    }

    void set(int slot, int value) {
        flags[slot] = (byte) value;
    }

    /** Ids held. */
    int size() {
        return size;
    }

    /** Clears one flag of every id. */
    void clear(int flag) {
        for (int i = 0; i < flags.length; i++) {
            flags[i] &= (byte) ~flag;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        byte[] oldFlags = flags;
        keys = new long[oldKeys.length * 2];
        flags = new byte[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                flags[slot(oldKeys[i])] = oldFlags[i];
            }
        }
    }
}
