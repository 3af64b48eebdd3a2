package io.cordon.pipeline.flink.fusion;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.proto.v1.Observation;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * Event time of a raw observation record, read from its protobuf {@code event_time} at the source
 * so that watermarks are tracked per Kafka partition. A record that does not parse gets {@link
 * Long#MIN_VALUE}: it never advances a watermark (a faulty feed must not make good data late) and
 * the decode step dead-letters it.
 */
public class ObservationEventTime implements SerializableTimestampAssigner<RawRecord> {
    @Override
    public long extractTimestamp(RawRecord record, long kafkaTimestamp) {
        try {
            Observation o = Observation.parseFrom(record.value);
            if (!o.hasEventTime()) {
                return Long.MIN_VALUE;
            }
            return o.getEventTime().getSeconds() * 1000 + o.getEventTime().getNanos() / 1_000_000;
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }
}
