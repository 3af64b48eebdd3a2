package io.cordon.pipeline.fusion.tiling;

import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;

/**
 * One track update of one tile's tracker, under the tile's local id, with where it lies.
 *
 * @param track the update as the tile's tracker made it (its id is tile-local)
 * @param replica the same update as the identity resolver sees it
 * @param toResolver whether the identity resolver needs it: the track's first update, every update
 *     in the overlap zone, the first one back in the interior, and its deletion
 */
public record TileTrackUpdate(EntityTrack track, ReplicaState replica, boolean toResolver) {
    public Tile tile() {
        return replica.tile();
    }

    public String localId() {
        return track.trackId();
    }

    public boolean deleted() {
        return track.status() == TrackStatus.DELETED;
    }
}
