package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.fusion.tiling.ReplicaState;
import io.cordon.pipeline.fusion.tiling.Tile;
import io.cordon.pipeline.fusion.tiling.TileTrackUpdate;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;

/**
 * An update of a tile's track (tile-local id) on its way to the identity resolver and to
 * publication, as a Flink POJO: the resolver's numbers, and the {@code cordon.v1.EntityTrack} bytes
 * that are published when the replica owns its entity (null on the way to the resolver).
 */
public class TileTrackEnvelope {
    public String tileKey;
    public String localId;

    /** Event time of the estimate, epoch milliseconds. */
    public long eventTimeMs;

    /** {@link TrackStatus} ordinal. */
    public int status;

    /** Position in the fusion plane, m. */
    public double eastM;

    public double northM;

    /** Velocity, m/s. */
    public double velocityEastMps;

    public double velocityNorthMps;

    /** Covariance of (e, n, ve, vn), row-major, 16 values. */
    public double[] covariance;

    /** Depth in the tile's core, m. */
    public double depthM;

    /** First update of the track published by the tile. */
    public boolean first;

    /** The {@code cordon.v1.EntityTrack} under the tile-local id; null when not needed. */
    public byte[] payload;

    public TileTrackEnvelope() {}

    /** The update with its payload. */
    public static TileTrackEnvelope of(TileTrackUpdate u, byte[] payload) {
        ReplicaState r = u.replica();
        TileTrackEnvelope e = new TileTrackEnvelope();
        e.tileKey = r.tile().key();
        e.localId = r.localId();
        e.eventTimeMs = r.time().toEpochMilli();
        e.status = r.status().ordinal();
        e.eastM = r.eastM();
        e.northM = r.northM();
        e.velocityEastMps = r.velocityEastMps();
        e.velocityNorthMps = r.velocityNorthMps();
        e.covariance = r.covariance().toRowMajor();
        e.depthM = r.depthM();
        e.first = r.first();
        e.payload = payload;
        return e;
    }

    /** The key of the replica: tile and local id. */
    public String replicaKey() {
        return replicaKey(tileKey, localId);
    }

    static String replicaKey(String tileKey, String localId) {
        return tileKey + "/" + localId;
    }

    public boolean deleted() {
        return status == TrackStatus.DELETED.ordinal();
    }

    /** The same update without its payload, for the resolver. */
    public TileTrackEnvelope withoutPayload() {
        TileTrackEnvelope e = new TileTrackEnvelope();
        e.tileKey = tileKey;
        e.localId = localId;
        e.eventTimeMs = eventTimeMs;
        e.status = status;
        e.eastM = eastM;
        e.northM = northM;
        e.velocityEastMps = velocityEastMps;
        e.velocityNorthMps = velocityNorthMps;
        e.covariance = covariance;
        e.depthM = depthM;
        e.first = first;
        return e;
    }

    /** What the resolver reads. */
    public ReplicaState replica() {
        return new ReplicaState(
                Tile.parse(tileKey),
                localId,
                Instant.ofEpochMilli(eventTimeMs),
                TrackStatus.values()[status],
                eastM,
                northM,
                velocityEastMps,
                velocityNorthMps,
                StateCovariance.ofRowMajor(covariance),
                depthM,
                first);
    }
}
