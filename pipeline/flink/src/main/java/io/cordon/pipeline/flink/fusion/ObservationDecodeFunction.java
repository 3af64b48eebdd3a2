package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.DecodedObservation;
import io.cordon.pipeline.flink.record.ObservationEnvelope;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.Partitioning;
import io.cordon.pipeline.observation.Observation;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes and validates {@code cordon.v1.Observation} records (or takes what the source's {@link
 * ObservationEventTime} already decoded); anything that does not decode or fails validation goes to
 * the dead-letter output with the reason, and the job goes on. A valid observation goes out once
 * per fusion partition that fuses it (with tiles: its core tile and each tile whose halo holds it).
 */
public class ObservationDecodeFunction extends ProcessFunction<RawRecord, ObservationEnvelope> {
    public static final String STAGE = "fusion.decode";

    private final Partitioning partitioning;
    private transient Counter decoded;
    private transient Counter refused;

    public ObservationDecodeFunction(Partitioning partitioning) {
        this.partitioning = partitioning;
    }

    @Override
    public void open(OpenContext openContext) {
        decoded = getRuntimeContext().getMetricGroup().counter("observationsDecoded");
        refused = getRuntimeContext().getMetricGroup().counter("observationsDeadLettered");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<ObservationEnvelope> out) {
        DecodedObservation result = ObservationEventTime.decode(raw);
        Observation o = result.observation();
        if (o != null) {
            decoded.inc();
            long now = System.currentTimeMillis();
            for (String partition : partitioning.partitionsOf(o)) {
                ObservationEnvelope e = new ObservationEnvelope();
                e.partitionKey = partition;
                e.eventTimeMs = o.eventTime().toEpochMilli();
                e.ingestedAtMs = now;
                e.payload = raw.value;
                e.observation = o;
                out.collect(e);
            }
        } else {
            refused.inc();
            ctx.output(
                    Outputs.DEAD_LETTERS,
                    DeadLetterRecord.of(
                            raw, STAGE, result.refusal(), "", System.currentTimeMillis()));
        }
    }
}
