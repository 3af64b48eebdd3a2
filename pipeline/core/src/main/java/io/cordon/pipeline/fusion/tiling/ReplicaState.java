package io.cordon.pipeline.fusion.tiling;

import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;

/**
 * What the identity resolver needs of one update of a tile's track (a <i>replica</i>): where it is
 * in the fusion plane, how fast it moves and how uncertain it is, and where it lies in its tile.
 *
 * @param tile the tile whose tracker holds the track
 * @param localId the tile tracker's id for the track
 * @param time event time of the estimate
 * @param status the track's status
 * @param eastM east in the fusion plane, m
 * @param northM north in the fusion plane, m
 * @param velocityEastMps east velocity, m/s
 * @param velocityNorthMps north velocity, m/s
 * @param covariance covariance of (e, n, ve, vn) (ENU at the track, which at tile scale is the
 *     plane's axes to a fraction of a degree)
 * @param depthM signed depth of the position in the tile's core ({@link TileGrid#depthM})
 * @param first whether this is the first update the tile publishes for the track
 */
public record ReplicaState(
        Tile tile,
        String localId,
        Instant time,
        TrackStatus status,
        double eastM,
        double northM,
        double velocityEastMps,
        double velocityNorthMps,
        StateCovariance covariance,
        double depthM,
        boolean first) {
    public ReplicaState {
        if (tile == null || localId == null || time == null || status == null) {
            throw new IllegalArgumentException("tile, localId, time and status are required");
        }
        if (covariance == null) {
            throw new IllegalArgumentException("covariance is required");
        }
    }
}
