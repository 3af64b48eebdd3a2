package io.cordon.jobs.testing;

import com.google.protobuf.Timestamp;
import io.cordon.jobs.CordonJobs;
import io.cordon.jobs.JobRuntime;
import io.cordon.jobs.kafka.KafkaIo;
import io.cordon.jobs.local.LocalFlink;
import io.cordon.jobs.local.TopicSetup;
import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.PartnersSection;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.proto.v1.AuditRecord;
import io.cordon.proto.v1.ConfigUpdate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.JobID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The distribution job alone on a real broker and a mini cluster, fed by publishing alerts, tracks
 * and config updates straight to their topics: fast enough for end-to-end tests of the partner
 * outputs and for the latency benchmark.
 */
public final class DistributionHarness implements AutoCloseable {
    public final EmbeddedKafka kafka;
    public final LocalFlink flink;
    public final CordonConfig config;
    public final JobID job;
    private final KafkaProducer<byte[], byte[]> producer;

    /**
     * @param yaml the cordon.yaml text (written to {@code dir})
     * @param checkpointInterval bounds the latency of the exactly-once Kafka outputs
     */
    public DistributionHarness(Path dir, String yaml, Duration checkpointInterval)
            throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("cordon.yaml");
        Files.writeString(file, yaml);
        ConfigText text = CordonJobs.readConfigText(file);
        config = text.parse();
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        TopicSetup.create(kafka.bootstrapServers(), config, 2);
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        flink = LocalFlink.start(4);
        JobRuntime runtime =
                new JobRuntime(
                        checkpointInterval,
                        1,
                        dir.resolve("checkpoints").toUri().toString(),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(3));
        job =
                flink.submit(
                        new CordonJobs(
                                        text,
                                        new KafkaIo(kafka.bootstrapServers(), new Properties()),
                                        runtime)
                                .distribution());
    }

    public void publishAlert(Alert a) {
        send(
                config.topics().alerts(),
                a.alertId(),
                a.windowStart().toEpochMilli(),
                AlertCodec.toBytes(a));
    }

    public void publishTrack(EntityTrack t, String country) {
        send(
                config.topics().tracks(),
                t.trackId(),
                t.time().toEpochMilli(),
                EntityTrackCodec.toProto(t, country, List.of()).toByteArray());
    }

    /**
     * Publishes a new version of the partners section (validated here first, as an operator would).
     */
    public void publishPartners(long version, String partnersYaml) {
        PartnersSection.parse(partnersYaml);
        long now = System.currentTimeMillis();
        ConfigUpdate u =
                ConfigUpdate.newBuilder()
                        .setVersion(version)
                        .setPublishedAt(Timestamp.newBuilder().setSeconds(now / 1000))
                        .setYaml(partnersYaml)
                        .build();
        send(config.topics().config(), PartnersSection.CONFIG_KEY, now, u.toByteArray());
    }

    public void send(String topic, String key, long timestampMs, byte[] value) {
        producer.send(
                new ProducerRecord<>(
                        topic, null, timestampMs, key.getBytes(StandardCharsets.UTF_8), value));
        producer.flush();
    }

    /** Committed records of a partner's alert topic. */
    public List<io.cordon.proto.v1.Alert> partnerAlerts(String partnerId) throws Exception {
        List<io.cordon.proto.v1.Alert> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r :
                kafka.readCommitted(
                        config.topics().partnerAlerts(partnerId), Duration.ofMillis(300))) {
            out.add(io.cordon.proto.v1.Alert.parseFrom(r.value()));
        }
        return out;
    }

    /** Committed records of a partner's track topic. */
    public List<io.cordon.proto.v1.EntityTrack> partnerTracks(String partnerId) throws Exception {
        List<io.cordon.proto.v1.EntityTrack> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r :
                kafka.readCommitted(
                        config.topics().partnerTracks(partnerId), Duration.ofMillis(300))) {
            out.add(io.cordon.proto.v1.EntityTrack.parseFrom(r.value()));
        }
        return out;
    }

    public List<AuditRecord> audit() throws Exception {
        List<AuditRecord> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r :
                kafka.readCommitted(config.topics().audit(), Duration.ofMillis(300))) {
            out.add(AuditRecord.parseFrom(r.value()));
        }
        return out;
    }

    /** Polls the audit topic until a record for {@code alertId} and {@code partnerId} is there. */
    public AuditRecord awaitAudit(String alertId, String partnerId, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (AuditRecord a : audit()) {
                if (a.getAlertId().equals(alertId) && a.getPartnerId().equals(partnerId)) {
                    return a;
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(
                "no audit record for " + alertId + "/" + partnerId + " within " + timeout);
    }

    @Override
    public void close() throws Exception {
        producer.close();
        flink.close();
        kafka.close();
    }
}
