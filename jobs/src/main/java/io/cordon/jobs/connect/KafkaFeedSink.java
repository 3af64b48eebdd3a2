package io.cordon.jobs.connect;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.cordon.connectors.runtime.FeedHealth;
import io.cordon.connectors.runtime.FeedItem;
import io.cordon.connectors.runtime.FeedSink;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.observation.Observation;
import io.cordon.proto.v1.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a connector's output: every observation as {@code cordon.v1.Observation} to the
 * observations topic (key: the observation's sensor id, timestamp: event time), every decode error
 * as {@code cordon.v1.DeadLetter} to the dead-letter topic (key: sensor id) with the raw bytes, the
 * source ({@code <format>:<sensor>@<transport>}), the reason prefixed with where in the input it
 * was, and the time it was received. Idempotent producer, acks from all in-sync replicas. A send
 * Kafka does not acknowledge is counted in the health and logged, never thrown at the transport.
 */
public final class KafkaFeedSink implements FeedSink {
    private final Producer<byte[], byte[]> producer;
    private final String observationsTopic;
    private final String deadLetterTopic;
    private final String source;
    private final byte[] key;
    private final FeedHealth health;
    private final Consumer<String> log;

    public KafkaFeedSink(
            String bootstrapServers,
            Properties extra,
            String observationsTopic,
            String deadLetterTopic,
            String sensorId,
            String source,
            FeedHealth health,
            Consumer<String> log) {
        this(
                new KafkaProducer<>(
                        producerProps(bootstrapServers, extra),
                        new ByteArraySerializer(),
                        new ByteArraySerializer()),
                observationsTopic,
                deadLetterTopic,
                sensorId,
                source,
                health,
                log);
    }

    KafkaFeedSink(
            Producer<byte[], byte[]> producer,
            String observationsTopic,
            String deadLetterTopic,
            String sensorId,
            String source,
            FeedHealth health,
            Consumer<String> log) {
        this.producer = producer;
        this.observationsTopic = observationsTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.key = sensorId.getBytes(StandardCharsets.UTF_8);
        this.source = source;
        this.health = health;
        this.log = log;
    }

    static Map<String, Object> producerProps(String bootstrapServers, Properties extra) {
        Map<String, Object> props = new HashMap<>();
        extra.forEach((k, v) -> props.put(String.valueOf(k), v));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        return props;
    }

    @Override
    public void accept(FeedItem item) {
        if (item.isError()) {
            deadLetter(item, item.error().raw(), where(item) + item.error().reason(), "");
            return;
        }
        for (Observation o : item.observations()) {
            byte[] value;
            try {
                value = ObservationCodec.toBytes(o);
            } catch (RuntimeException e) {
                health.error("observation could not be encoded");
                deadLetter(
                        item,
                        new byte[0],
                        where(item) + "observation could not be encoded: " + e.getMessage(),
                        e.getClass().getName());
                continue;
            }
            producer.send(
                    new ProducerRecord<>(
                            observationsTopic,
                            null,
                            o.eventTime().toEpochMilli(),
                            o.sensorId().getBytes(StandardCharsets.UTF_8),
                            value),
                    (meta, e) -> {
                        if (e == null) {
                            health.published(1);
                        } else {
                            failed(e);
                        }
                    });
        }
    }

    private void deadLetter(FeedItem item, byte[] raw, String reason, String errorClass) {
        Instant now = Instant.now();
        DeadLetter d =
                DeadLetter.newBuilder()
                        .setRaw(ByteString.copyFrom(raw))
                        .setSourceTopic("")
                        .setSourcePartition(-1)
                        .setSourceOffset(-1)
                        .setSource(source)
                        .setReason(reason)
                        .setErrorClass(errorClass)
                        .setReceivedAt(
                                Timestamp.newBuilder()
                                        .setSeconds(now.getEpochSecond())
                                        .setNanos(now.getNano()))
                        .build();
        producer.send(
                new ProducerRecord<>(
                        deadLetterTopic, null, now.toEpochMilli(), key, d.toByteArray()),
                (meta, e) -> {
                    if (e != null) {
                        failed(e);
                    }
                });
    }

    /** Where in the input the record was, as a reason prefix: {@code "line 12: "}. */
    static String where(FeedItem item) {
        StringBuilder b = new StringBuilder();
        if (item.packet() >= 0) {
            b.append("packet ").append(item.packet()).append(", ");
        }
        if (item.line() >= 0) {
            b.append("line ").append(item.line()).append(", ");
        }
        long offset = item.isError() ? item.error().offset() : item.offset();
        if (offset >= 0) {
            b.append("offset ").append(offset).append(", ");
        }
        if (b.length() == 0) {
            return "";
        }
        b.setLength(b.length() - 2);
        return b.append(": ").toString();
    }

    private void failed(Exception e) {
        health.publishFailed(1);
        log.accept("Kafka did not accept a record: " + e);
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
