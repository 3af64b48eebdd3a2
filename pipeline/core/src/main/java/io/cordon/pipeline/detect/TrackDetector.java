package io.cordon.pipeline.detect;

import io.cordon.pipeline.track.EntityTrack;

/**
 * A detector over the updates of one track, keyed by track id. It is a pure function of the
 * previous state and the update: the same updates in the same order give the same alerts and alert
 * ids, which is what makes replay and recovery exactly-once.
 *
 * <p>The Flink operator keeps one state per track (the record, or {@link #encodeState} bytes),
 * passes null for a track it has not seen, stores {@link DetectorResult#newState()} and clears the
 * state when it is null (a {@code DELETED} update always clears it).
 *
 * @param <S> the state record, a flat record of primitives, strings, instants and points
 */
public interface TrackDetector<S> {
    /** Detector name as it appears in alerts and in {@code cordon.yaml} ids. */
    String name();

    /** Consumes one update of the track. Updates older than the state's last time are ignored. */
    DetectorResult<S> onTrackUpdate(S previousStateOrNull, EntityTrack update);

    /** The state as bytes, for operators that store {@code byte[]}. */
    byte[] encodeState(S state);

    /** The inverse of {@link #encodeState}. */
    S decodeState(byte[] bytes);
}
