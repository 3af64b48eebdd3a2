package io.cordon.pipeline.fusion.tiling;

import java.time.Instant;

/**
 * What the identity resolver tells the publishing stage about one replica, from {@code time} on:
 * the global id its updates carry and whether it is the replica that publishes them. Every replica
 * gets one at its first update; afterwards only when its ownership changes.
 *
 * @param tile the replica's tile
 * @param localId the replica's tile-local track id
 * @param time the event time from which the decision holds (updates at this time included)
 * @param globalId the entity's id in {@code cordon.tracks.v1}
 * @param owner whether this replica publishes the entity's updates
 * @param ends the global id of the entity this replica published until now and that ends here (the
 *     replica went over to another entity and none is left to publish it): its deletion is
 *     published with this replica's update at {@code time}; null otherwise
 */
public record IdentityDecision(
        Tile tile, String localId, Instant time, String globalId, boolean owner, String ends) {
    public IdentityDecision {
        if (tile == null || localId == null || time == null || globalId == null) {
            throw new IllegalArgumentException("tile, localId, time and globalId are required");
        }
    }

    /** A decision that ends no entity. */
    public IdentityDecision(
            Tile tile, String localId, Instant time, String globalId, boolean owner) {
        this(tile, localId, time, globalId, owner, null);
    }
}
