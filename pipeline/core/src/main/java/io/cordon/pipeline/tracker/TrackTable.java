package io.cordon.pipeline.tracker;

/**
 * The live tracks by id: an open-addressing table (linear probing, deletion by backward shift) that
 * keeps each id's hash beside its record, so that a lookup of an id that is not there (every birth
 * asks, for the same observation delivered twice) and the removal of a record (every deletion) read
 * the two arrays only, not the records and their id strings: with a {@code HashMap}, each was a
 * walk of nodes and a cache miss or two over the tens of thousands of tracks a tracker holds at 10
 * 000 targets, where a third of the observations start a track and as many tracks end.
 */
final class TrackTable {
    private static final int GOLDEN = 0x9E3779B9;

    private TrackRecord[] records;
    private int[] hashes;
    private int mask;
    private int shift;
    private int size;

    TrackTable() {
        records = new TrackRecord[64];
        hashes = new int[64];
        mask = 63;
        shift = 32 - 6;
    }

    int size() {
        return size;
    }

    /** The live track of id {@code id}, or null. */
    TrackRecord get(String id) {
        int s = find(id, id.hashCode());
        return s < 0 ? null : records[s];
    }

    boolean containsKey(String id) {
        return find(id, id.hashCode()) >= 0;
    }

    /** Adds {@code track} under its id, replacing the track of the same id if there is one. */
    void put(TrackRecord track) {
        int h = track.id.hashCode();
        int s = find(track.id, h);
        if (s >= 0) {
            records[s] = track;
            return;
        }
        s = -s - 1;
        records[s] = track;
        hashes[s] = h;
        if (2 * ++size > records.length) {
            grow();
        }
    }

    /** Removes the track of id {@code id}; the track removed, or null. */
    TrackRecord remove(String id) {
        int s = find(id, id.hashCode());
        if (s < 0) {
            return null;
        }
        TrackRecord removed = records[s];
        // Backward shift: move later records of the probe run into the hole where their home
        // slot allows, so that every lookup still finds its record before an empty slot.
        int hole = s;
        for (int j = (hole + 1) & mask; records[j] != null; j = (j + 1) & mask) {
            int home = slot(hashes[j]);
            // j's record may move to the hole when the hole lies on its probe path home..j
            boolean onPath = ((j - home) & mask) >= ((j - hole) & mask);
            if (onPath) {
                records[hole] = records[j];
                hashes[hole] = hashes[j];
                hole = j;
            }
        }
        records[hole] = null;
        size--;
        return removed;
    }

    /**
     * The slot of the track of id {@code id} (hash {@code h}), or {@code -(e + 1)} for the empty
     * slot e that ends its probe run, where it would go. Only the hashes are read until one
     * matches.
     */
    private int find(String id, int h) {
        for (int s = slot(h); ; s = (s + 1) & mask) {
            TrackRecord r = records[s];
            if (r == null) {
                return -s - 1;
            }
            if (hashes[s] == h && (r.id == id || r.id.equals(id))) {
                return s;
            }
        }
    }

    private void grow() {
        TrackRecord[] oldRecords = records;
        int[] oldHashes = hashes;
        int capacity = 2 * oldRecords.length;
        records = new TrackRecord[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
        shift--;
        for (int q = 0; q < oldRecords.length; q++) {
            if (oldRecords[q] != null) {
                int s = slot(oldHashes[q]);
                while (records[s] != null) {
                    s = (s + 1) & mask;
                }
                records[s] = oldRecords[q];
                hashes[s] = oldHashes[q];
            }
        }
    }

    /** Fibonacci hashing: the top bits of the hash times 2^32 / golden ratio. */
    private int slot(int h) {
        return (h * GOLDEN) >>> shift;
    }
}
