package io.cordon.pipeline.flink.detect;

import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.flink.record.TrackEnvelope;
import io.cordon.pipeline.track.EntityTrack;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Decodes {@code cordon.v1.EntityTrack} records; bad ones go to the dead-letter output. */
public class TrackDecodeFunction extends ProcessFunction<RawRecord, TrackEnvelope> {
    public static final String STAGE = "detection.decode";
    private transient Counter refused;

    @Override
    public void open(OpenContext openContext) {
        refused = getRuntimeContext().getMetricGroup().counter("tracksDeadLettered");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<TrackEnvelope> out) {
        DecodeResult<EntityTrack> result = EntityTrackCodec.parse(raw.value);
        if (result instanceof DecodeResult.Ok<EntityTrack> ok) {
            TrackEnvelope e = new TrackEnvelope();
            e.trackId = ok.value().trackId();
            e.eventTimeMs = ok.value().time().toEpochMilli();
            e.payload = raw.value;
            out.collect(e);
        } else if (result instanceof DecodeResult.Failed<EntityTrack> failed) {
            refused.inc();
            ctx.output(
                    Outputs.DEAD_LETTERS,
                    DeadLetterRecord.of(
                            raw, STAGE, failed.reason(), "", System.currentTimeMillis()));
        }
    }
}
