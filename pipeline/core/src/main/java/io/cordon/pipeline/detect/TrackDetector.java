package io.cordon.pipeline.detect;

import io.cordon.pipeline.track.EntityTrack;
import java.time.Instant;

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

    /**
     * Event-time hook: when the operator should call {@link #onTime} if no update of the track
     * comes first, or null for none (the default). The operator keeps one timer per track at this
     * time and replaces it whenever the state changes.
     */
    default Instant dueAt(S state) {
        return null;
    }

    /**
     * The watermark has reached {@code now} ({@link #dueAt}) and nothing newer than {@code last},
     * the track's latest update, has come. The default changes nothing.
     */
    default DetectorResult<S> onTime(S state, EntityTrack last, Instant now) {
        return DetectorResult.of(state);
    }

    /** The state as bytes, for operators that store {@code byte[]}. */
    byte[] encodeState(S state);

    /** The inverse of {@link #encodeState}. */
    S decodeState(byte[] bytes);
}
