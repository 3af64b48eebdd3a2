package io.cordon.pipeline.fusion.tiling;

/** A tile's track: the tile and the tracker's local id, ordered by tile, then id. */
record ReplicaKey(Tile tile, String localId) implements Comparable<ReplicaKey> {
    @Override
    public int compareTo(ReplicaKey o) {
        int c = tile.compareTo(o.tile);
        return c != 0 ? c : localId.compareTo(o.localId);
    }
}
