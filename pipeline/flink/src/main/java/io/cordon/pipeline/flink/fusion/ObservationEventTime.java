package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.flink.record.DecodedObservation;
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
 *
 * <p>This is where a fusion job decodes each record, once: the result (observation or refusal) is
 * kept on the record ({@link RawRecord#decoded}), which the source then emits, and the decode step
 * and the trackers use it without parsing again.
 */
public class ObservationEventTime implements SerializableTimestampAssigner<RawRecord> {
    @Override
    public long extractTimestamp(RawRecord record, long kafkaTimestamp) {
        Observation o = decode(record).observation();
        return o == null ? Long.MIN_VALUE : o.eventTime().toEpochMilli();
    }

    /** The record's decoded form, decoding it (and keeping the result on it) if not done yet. */
    public static DecodedObservation decode(RawRecord record) {
        if (record.decoded == null) {
            record.decoded = DecodedObservation.of(ObservationCodec.parse(record.value));
        }
        return record.decoded;
    }
}
