package io.cordon.pipeline.fusion.tiling;

import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;

/**
 * Stage 3 of tiled fusion for one replica: an update of a tile's track is published when the
 * replica's current {@link IdentityDecision} makes it the owner, under the decision's global id.
 * Decisions of an event time apply to the updates of that time.
 */
public final class Publication {
    private Publication() {}

    /** The update to publish, or null when the replica does not own its entity. */
    public static EntityTrack of(IdentityDecision decision, EntityTrack localUpdate) {
        if (decision == null) {
            throw new IllegalStateException(
                    "no identity decision for track "
                            + localUpdate.trackId()
                            + " at "
                            + localUpdate.time()
                            + ": the resolver decides at every track's first update");
        }
        return decision.owner() ? withTrackId(localUpdate, decision.globalId()) : null;
    }

    /**
     * The deletion of entity {@code endedId}, which the replica of {@code localUpdate} published
     * until it went over to another entity ({@link IdentityDecision#ends}): that update under the
     * ended id, as DELETED.
     */
    public static EntityTrack deletionOf(String endedId, EntityTrack localUpdate) {
        return withTrackId(localUpdate, endedId).withStatus(TrackStatus.DELETED);
    }

    /** The same update under another id (provenance times included). */
    public static EntityTrack withTrackId(EntityTrack t, String trackId) {
        return t.trackId().equals(trackId) ? t : t.withTrackId(trackId);
    }
}
