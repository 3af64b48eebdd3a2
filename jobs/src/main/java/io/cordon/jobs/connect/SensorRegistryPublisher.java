package io.cordon.jobs.connect;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes the {@code sensors:} registry of {@code cordon.yaml} to the compacted registry topic
 * ({@code topics.sensors}, default {@code cordon.sensors.v1}): one {@code cordon.v1.SensorInfo} per
 * sensor, key the sensor id, so the topic always holds the latest entry of every sensor. Creates
 * the topic (compacted, one partition, replication 1) when it is missing. Every connector does this
 * on start; the local run can call {@link #publish} too.
 */
public final class SensorRegistryPublisher {
    private SensorRegistryPublisher() {}

    /**
     * Publishes every registered sensor and waits for the broker's acknowledgements.
     *
     * @param extra Kafka client security properties (may be empty)
     * @return the number of sensors published
     */
    public static int publish(String bootstrapServers, Properties extra, CordonConfig config)
            throws InterruptedException, ExecutionException, TimeoutException {
        String topic = config.topics().sensors();
        ensureTopic(bootstrapServers, extra, topic);
        Map<String, Object> props = new HashMap<>();
        extra.forEach((k, v) -> props.put(String.valueOf(k), v));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        Instant now = Instant.now();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (SensorConfig s : config.sensors()) {
                sent.add(
                        producer.send(
                                new ProducerRecord<>(
                                        topic,
                                        s.id().getBytes(StandardCharsets.UTF_8),
                                        SensorInfoCodec.toProto(s, now).toByteArray())));
            }
            for (Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
            return sent.size();
        }
    }

    static void ensureTopic(String bootstrapServers, Properties extra, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Object> props = new HashMap<>();
        extra.forEach((k, v) -> props.put(String.valueOf(k), v));
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return;
            }
            try {
                admin.createTopics(
                                List.of(
                                        new NewTopic(topic, 1, (short) 1)
                                                .configs(
                                                        Map.of(
                                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                                TopicConfig
                                                                        .CLEANUP_POLICY_COMPACT))))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
