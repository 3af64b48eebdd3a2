package io.cordon.pipeline.detect;

import io.cordon.pipeline.alert.Alert;
import java.util.List;

/**
 * What a detector returns for one input: the state to keep and the alerts to emit.
 *
 * @param newState the state to store for the key, or null to clear it (the track ended)
 * @param alerts alerts to emit, in order (often empty)
 * @param <S> the detector's state record
 */
public record DetectorResult<S>(S newState, List<Alert> alerts) {
    public DetectorResult {
        alerts = List.copyOf(alerts);
    }

    public static <S> DetectorResult<S> of(S newState) {
        return new DetectorResult<>(newState, List.of());
    }

    /** Clears the state and emits nothing. */
    public static <S> DetectorResult<S> cleared() {
        return new DetectorResult<>(null, List.of());
    }

    public boolean stateCleared() {
        return newState == null;
    }
}
