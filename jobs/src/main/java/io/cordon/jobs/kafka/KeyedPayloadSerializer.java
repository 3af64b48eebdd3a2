package io.cordon.jobs.kafka;

import io.cordon.pipeline.flink.fusion.StageTimes;
import io.cordon.pipeline.flink.record.KeyedPayload;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a payload to its own topic, or to the default one when it names none. */
public class KeyedPayloadSerializer implements KafkaRecordSerializationSchema<KeyedPayload> {
    private final String defaultTopic;
    private final StageTimes.SinkWrites stageTimes = new StageTimes.SinkWrites();

    public KeyedPayloadSerializer(String defaultTopic) {
        this.defaultTopic = defaultTopic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            KeyedPayload p, KafkaSinkContext context, Long timestamp) {
        String topic = p.topic == null || p.topic.isEmpty() ? defaultTopic : p.topic;
        stageTimes.record(p.eventTimeMs); // the fusion benchmark's stage times (else no-op)
        return new ProducerRecord<>(
                topic, null, p.eventTimeMs, p.key.getBytes(StandardCharsets.UTF_8), p.payload);
    }
}
