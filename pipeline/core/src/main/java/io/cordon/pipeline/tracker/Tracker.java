package io.cordon.pipeline.tracker;

import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import java.time.Instant;
import java.util.List;

/**
 * A multi-target tracker driven by batches of observations in event-time order. Implementations are
 * deterministic: the same calls give the same tracks and ids, also after {@link #snapshot()} and
 * restore.
 */
public interface Tracker {
    /**
     * Fuses one batch of observations from one sensor at one event time (a scan/frame; may be
     * empty). Returns the tracks whose state changed, with their new status. Whether TENTATIVE
     * tracks, and the deletion of tracks never confirmed, are among them is the implementation's to
     * say ({@link MultiTargetTracker#reportTentative}: not by default); callers that publish tracks
     * drop TENTATIVE ones either way.
     */
    List<EntityTrack> update(List<Observation> batch);

    /**
     * Tells the tracker that {@code sensorId} scanned at {@code t} and reported nothing for it (its
     * detections, if any, were for another tile): tracks in the sensor's view miss a look. Returns
     * the tracks whose state changed, as {@link #update}. A tracker that does not count misses may
     * ignore it (the default).
     */
    default List<EntityTrack> emptyScan(String sensorId, Instant t) {
        return List.of();
    }

    /**
     * Moves the tracker's clock to t (no measurement): confirmed tracks without update for too long
     * become COASTING, then DELETED; returns those whose status changed (DELETED ones exactly
     * once).
     */
    List<EntityTrack> advanceTo(Instant t);

    /** Confirmed (incl. coasting) tracks predicted to t, state unchanged. */
    List<EntityTrack> confirmedTracksAt(Instant t);

    /** Number of live (not deleted) tracks, all statuses. */
    int liveTrackCount();

    /**
     * Full state as bytes (own versioned binary format in DataOutputStream's layout; no Java
     * serialization), for Flink checkpoints.
     */
    byte[] snapshot();
}
