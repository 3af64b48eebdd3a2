package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.flink.record.ObservationEnvelope;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;

/**
 * Runs {@link TileTrackingFunction} and, when a checkpoint is taken, has it write the tile trackers
 * that stepped into keyed state before that state is snapshot (as {@link TrackingOperator} does for
 * the single-partition tracker).
 */
public class TileTrackingOperator
        extends KeyedProcessOperator<String, ObservationEnvelope, TileTrackEnvelope> {
    private static final long serialVersionUID = 1L;

    public TileTrackingOperator(TileTrackingFunction function) {
        super(function);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        Object before = getCurrentKey();
        ((TileTrackingFunction) userFunction).writeState(this::setCurrentKey);
        if (before != null) {
            setCurrentKey(before);
        }
        super.snapshotState(context);
    }
}
