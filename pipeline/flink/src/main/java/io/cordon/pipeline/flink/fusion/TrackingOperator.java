package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.ObservationEnvelope;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;

/**
 * Runs {@link TrackingFunction} and, when a checkpoint is taken, has it write the partitions it
 * changed into keyed state before that state is snapshot (the function keeps them on the heap in
 * between; a plain function cannot select a key outside its own callbacks).
 */
public class TrackingOperator
        extends KeyedProcessOperator<String, ObservationEnvelope, KeyedPayload> {
    private static final long serialVersionUID = 1L;

    public TrackingOperator(TrackingFunction function) {
        super(function);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        Object before = getCurrentKey();
        ((TrackingFunction) userFunction).writeState(this::setCurrentKey);
        if (before != null) {
            setCurrentKey(before);
        }
        super.snapshotState(context);
    }
}
