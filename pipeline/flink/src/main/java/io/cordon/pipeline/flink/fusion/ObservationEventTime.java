package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.observation.Observation;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * Event time of a raw observation record, read at the source so that watermarks are tracked per
 * Kafka partition. Only a record that decodes and validates as an observation ({@link
 * ObservationCodec}) contributes its time; anything else gets {@link Long#MIN_VALUE} and never
 * advances a watermark. Random bytes sometimes parse as protobuf with an arbitrary {@code
 * event_time}; without validation one such record from a faulty feed would push the watermark ahead
 * and make every good observation after it late.
 */
public class ObservationEventTime implements SerializableTimestampAssigner<RawRecord> {
    @Override
    public long extractTimestamp(RawRecord record, long kafkaTimestamp) {
        return ObservationCodec.parse(record.value) instanceof DecodeResult.Ok<Observation> ok
                ? ok.value().eventTime().toEpochMilli()
                : Long.MIN_VALUE;
    }
}
