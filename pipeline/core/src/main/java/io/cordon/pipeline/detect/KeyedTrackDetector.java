package io.cordon.pipeline.detect;

import io.cordon.pipeline.track.EntityTrack;
import java.time.Instant;
import java.util.List;

/**
 * A detector over several tracks at once, keyed by something other than the track id: a spatial
 * tile (rendezvous) or a cooperative identity (identity conflict). The Flink operator sends each
 * track update to every key of {@link #keysFor} (a flat map before the key-by), keeps one state per
 * key, passes null for a key it has not seen, stores {@link DetectorResult#newState()} and clears
 * the key's state when it is null.
 *
 * <p>Like {@link TrackDetector}, a pure function of the state and the update: the same updates in
 * the same order per key give the same alerts and ids. Updates should reach a key in event-time
 * order.
 *
 * @param <S> the per-key state record
 */
public interface KeyedTrackDetector<S> {
    /** Detector name as it appears in alerts. */
    String name();

    /** The keys this update must reach (empty: the detector does not need it). */
    List<String> keysFor(EntityTrack update);

    /** Consumes one update that arrived at {@code key}. */
    DetectorResult<S> onTrackUpdate(S previousStateOrNull, String key, EntityTrack update);

    /**
     * Event-time hook: when {@link #expire} would next change this key's state if no update reaches
     * the key first, or null for none (the default). It must be such that {@code expire(s, key,
     * expiresAt(s))} changes the state, so that the operator's timer makes progress.
     */
    default Instant expiresAt(S state) {
        return null;
    }

    /**
     * The key has heard nothing until {@code now} (event time): drop what is too old, ending its
     * findings. Returns null state when nothing is left. The default changes nothing.
     */
    default DetectorResult<S> expire(S state, String key, Instant now) {
        return DetectorResult.of(state);
    }

    /** The state as bytes, for operators that store {@code byte[]}. */
    byte[] encodeState(S state);

    /** The inverse of {@link #encodeState}. */
    S decodeState(byte[] bytes);
}
