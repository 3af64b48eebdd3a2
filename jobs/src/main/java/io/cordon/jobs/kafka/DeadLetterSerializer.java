package io.cordon.jobs.kafka;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.proto.v1.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes refused records as {@code cordon.v1.DeadLetter}, keyed by the stage that refused them. */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetterRecord> {
    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            DeadLetterRecord d, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                null,
                d.receivedAtMs,
                d.stage.getBytes(StandardCharsets.UTF_8),
                toProto(d).toByteArray());
    }

    public static DeadLetter toProto(DeadLetterRecord d) {
        return DeadLetter.newBuilder()
                .setRaw(ByteString.copyFrom(d.raw))
                .setSourceTopic(d.sourceTopic == null ? "" : d.sourceTopic)
                .setSourcePartition(d.sourcePartition)
                .setSourceOffset(d.sourceOffset)
                .setSource(d.stage)
                .setReason(d.reason)
                .setErrorClass(d.errorClass)
                .setReceivedAt(
                        Timestamp.newBuilder()
                                .setSeconds(Math.floorDiv(d.receivedAtMs, 1000))
                                .setNanos((int) Math.floorMod(d.receivedAtMs, 1000) * 1_000_000))
                .build();
    }
}
