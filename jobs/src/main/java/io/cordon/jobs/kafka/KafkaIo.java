package io.cordon.jobs.kafka;

import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.RawRecord;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka sources and sinks as every Cordon job uses them: sources read committed data only and start
 * from the group's committed offsets (earliest the first time); sinks are transactional, so what a
 * job writes becomes visible exactly once, when its checkpoint completes.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param extra extra client properties (security settings), applied to sources and sinks
 */
public record KafkaIo(String bootstrapServers, Properties extra) {
    /**
     * Producer transaction timeout: below the broker's default transaction.max.timeout.ms (15 min).
     */
    static final String TRANSACTION_TIMEOUT_MS = "600000";

    /**
     * Most bytes one fetch returns per Kafka partition (the client's default is 1 MiB). The source
     * emits a fetched partition's records before the next partition's, so with 1 MiB (about 9 000
     * observations) a partition could wait seconds behind the others while the job ran behind, long
     * enough for the source idleness to declare it idle and let the watermark pass its data, which
     * was then dead-lettered as late. 64 KiB keeps the partitions interleaved within a few hundred
     * records.
     */
    static final String MAX_PARTITION_FETCH_BYTES = "65536";

    /**
     * Most bytes of one producer batch per partition (the client's default is 16 KiB, about 80
     * track updates). A batch is sent when full or after linger.ms (5 ms): at 10 000 targets and
     * 100 000 updates/s a tracks partition filled 16 KiB every few milliseconds, and each batch
     * costs the producer, the broker and every consumer the same whatever its size: 256 KiB took
     * the broker from 3.15 to 2.48 µs and the sink's network thread from 0.80 to 0.37 µs per
     * observation fused (docs/benchmarks.md, "Steady state"). At low rates batches stay small: the
     * linger, not the size, ends them, so latency is unchanged.
     */
    static final String SINK_BATCH_BYTES = "262144";

    /**
     * Batches written compressed, so the broker stores and every consumer fetches fewer bytes (in
     * the benchmark at 10 000 targets, about 165 bytes per track update on disk). lz4 is the
     * cheapest of Kafka's codecs to run, and the connectors' producers use it too. With it the
     * broker used 1.75 instead of 2.48 µs per observation fused and the sink's writer 1.13 instead
     * of 0.80 µs (it compresses): less CPU in all, and the broker is usually another machine.
     */
    static final String SINK_COMPRESSION = "lz4";

    public KafkaIo(String bootstrapServers) {
        this(bootstrapServers, new Properties());
    }

    public KafkaSource<RawRecord> source(String topic, String groupId) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(
                                org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperties(extra)
                .setProperty("isolation.level", "read_committed")
                .setProperty("partition.discovery.interval.ms", "10000")
                .setProperty(
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_PARTITION_FETCH_BYTES)
                .build();
    }

    public KafkaSink<KeyedPayload> payloadSink(String defaultTopic, String transactionalIdPrefix) {
        return sink(new KeyedPayloadSerializer(defaultTopic), transactionalIdPrefix);
    }

    public KafkaSink<DeadLetterRecord> deadLetterSink(String topic, String transactionalIdPrefix) {
        return sink(new DeadLetterSerializer(topic), transactionalIdPrefix);
    }

    private <T> KafkaSink<T> sink(
            KafkaRecordSerializationSchema<T> serializer, String transactionalIdPrefix) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setKafkaProducerConfig(extra)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .setProperty(ProducerConfig.BATCH_SIZE_CONFIG, SINK_BATCH_BYTES)
                .setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, SINK_COMPRESSION)
                .build();
    }
}
