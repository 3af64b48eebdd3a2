package io.cordon.pipeline.flink.detect;

import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.track.EntityTrack;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * Event time of a raw track record, read at the source: the update's own time when it decodes and
 * validates ({@link EntityTrackCodec}), else {@link Long#MIN_VALUE}, which never advances a
 * watermark (a junk record on the tracks topic, whose Kafka timestamp is whenever it was written,
 * must not make the tracks after it late).
 */
public class TrackEventTime implements SerializableTimestampAssigner<RawRecord> {
    @Override
    public long extractTimestamp(RawRecord record, long kafkaTimestamp) {
        return EntityTrackCodec.parse(record.value) instanceof DecodeResult.Ok<EntityTrack> ok
                ? ok.value().time().toEpochMilli()
                : Long.MIN_VALUE;
    }
}
