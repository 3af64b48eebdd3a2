package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
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
 * Decodes and validates {@code cordon.v1.Observation} records; anything that does not decode or
 * fails validation goes to the dead-letter output with the reason, and the job goes on. A valid
 * observation goes out once per fusion partition that fuses it (with tiles: its core tile and each
 * tile whose halo holds it).
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
        DecodeResult<Observation> result = ObservationCodec.parse(raw.value);
        if (result instanceof DecodeResult.Ok<Observation> ok) {
            Observation o = ok.value();
            decoded.inc();
            long now = System.currentTimeMillis();
            for (String partition : partitioning.partitionsOf(o)) {
                ObservationEnvelope e = new ObservationEnvelope();
                e.partitionKey = partition;
                e.sensorId = o.sensorId();
                e.observationId = o.observationId();
                e.eventTimeMs = o.eventTime().toEpochMilli();
                e.ingestedAtMs = now;
                e.payload = raw.value;
                out.collect(e);
            }
        } else if (result instanceof DecodeResult.Failed<Observation> failed) {
            refused.inc();
            ctx.output(
                    Outputs.DEAD_LETTERS,
                    DeadLetterRecord.of(
                            raw, STAGE, failed.reason(), "", System.currentTimeMillis()));
        }
    }
}
