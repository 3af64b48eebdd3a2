package io.cordon.jobs.it;

import io.cordon.jobs.CordonJobs;
import io.cordon.jobs.JobRuntime;
import io.cordon.jobs.kafka.KafkaIo;
import io.cordon.jobs.local.LocalFlink;
import io.cordon.jobs.local.TopicSetup;
import io.cordon.jobs.testing.EmbeddedKafka;
import io.cordon.jobs.testing.OfflinePipeline;
import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.simulation.BorderSimulation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.JobID;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A real broker, the three jobs on a mini cluster, the example configuration and a seeded
 * simulation, plus the offline expectation of what the partners must receive.
 */
final class PipelineFixture implements AutoCloseable {
    static final Path CONFIG = Path.of("..", "deploy", "cordon.yaml");
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    static final double SCENARIO_S = 420;

    final CordonConfig config = CordonConfig.load(CONFIG);
    final EmbeddedKafka kafka;
    final LocalFlink flink;
    final KafkaProducer<byte[], byte[]> producer;
    final BorderSimulation simulation;
    final List<Observation> observations;
    final List<Observation> watermarkTail;
    final OfflinePipeline.Expected expected;
    final List<JobID> jobs = new ArrayList<>();

    PipelineFixture(Path tmp) throws Exception {
        kafka = EmbeddedKafka.start(tmp.resolve("kafka"));
        TopicSetup.create(kafka.bootstrapServers(), config, 2);
        simulation =
                new BorderSimulation(
                        config.sensors(), config.reference(), EPOCH, 42, 24, 0.6, SCENARIO_S);
        observations = new ArrayList<>(simulation.observationsBetween(-1, SCENARIO_S));
        // A scan an hour later ends every track; an observation two hours later, published last
        // into every partition, moves every partition's watermark past everything before it (it
        // is never itself processed). Sources never go idle in these tests (idleness 10 min):
        // with data published in bulk, an idle partition would let the watermark overtake it.
        observations.addAll(simulation.observationsBetween(SCENARIO_S + 3600, SCENARIO_S + 3610));
        List<Observation> late =
                simulation.observationsBetween(SCENARIO_S + 7200, SCENARIO_S + 7210);
        watermarkTail =
                late.stream().filter(o -> o.eventTime().equals(late.get(0).eventTime())).toList();
        if (watermarkTail.isEmpty()) {
            throw new IllegalStateException(
                    "the configured sensors produced no observation to advance the watermark");
        }
        expected = OfflinePipeline.run(config, observations);
        System.out.printf(
                "fixture: %d observations, expected %d track updates, %d alerts, per partner %s%n",
                observations.size(),
                expected.trackUpdates().size(),
                expected.alerts().size(),
                expected.alertIdsByPartner().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().size())
                        .toList());
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        flink = LocalFlink.start(4);
        JobRuntime runtime =
                new JobRuntime(
                        Duration.ofSeconds(1),
                        1,
                        tmp.resolve("checkpoints").toUri().toString(),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(3));
        for (StreamGraph graph :
                new CordonJobs(CONFIG, new KafkaIo(kafka.bootstrapServers()), runtime).all()) {
            jobs.add(flink.submit(graph));
        }
    }

    void publish(List<Observation> batch) {
        for (Observation o : batch) {
            producer.send(
                    new ProducerRecord<>(
                            config.topics().observations(),
                            null,
                            o.eventTime().toEpochMilli(),
                            o.sensorId().getBytes(StandardCharsets.UTF_8),
                            ObservationCodec.toProto(o).toByteArray()));
        }
        producer.flush();
    }

    /** Publishes the watermark tail into every partition of the observations topic. */
    void publishWatermarkTail() {
        String topic = config.topics().observations();
        for (var info : producer.partitionsFor(topic)) {
            for (Observation o : watermarkTail) {
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                info.partition(),
                                o.eventTime().toEpochMilli(),
                                o.sensorId().getBytes(StandardCharsets.UTF_8),
                                ObservationCodec.toProto(o).toByteArray()));
            }
        }
        producer.flush();
    }

    void publishRaw(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
        producer.flush();
    }

    /**
     * The alert messages each partner has received (committed), as {@code id@STATE#revision} in a
     * list so duplicates show: an alert's NEW, UPDATEs and CLOSED share its id (the Kafka key) and
     * are distinct messages; the same message twice is a duplicate.
     */
    Map<String, List<String>> receivedByPartner() {
        Map<String, List<String>> received = new TreeMap<>();
        for (var p : config.partners()) {
            List<String> ids = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r :
                    kafka.readCommitted(
                            config.topics().partnerAlerts(p.id()), Duration.ofMillis(500))) {
                ids.add(message(r));
            }
            received.put(p.id(), ids);
        }
        return received;
    }

    /** Polls the partner topics until they hold what is expected, or the timeout passes. */
    Map<String, List<String>> awaitPartnerAlerts(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, List<String>> received;
        do {
            received = receivedByPartner();
            if (asSets(received).equals(expected.alertIdsByPartner())) {
                // one more checkpoint period: anything duplicated would show up now
                Thread.sleep(2_500);
                return receivedByPartner();
            }
            Thread.sleep(1_000);
        } while (System.nanoTime() < deadline);
        return received;
    }

    /**
     * Each job's status and last failure, and what the intermediate topics hold, for assertion
     * messages.
     */
    String jobHealth() throws Exception {
        StringBuilder b = new StringBuilder();
        Map<String, Integer> alertTypes = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r :
                kafka.readCommitted(config.topics().alerts(), Duration.ofMillis(500))) {
            try {
                alertTypes.merge(
                        io.cordon.proto.v1.Alert.parseFrom(r.value()).getType().name(),
                        1,
                        Integer::sum);
            } catch (Exception e) {
                alertTypes.merge("undecodable", 1, Integer::sum);
            }
        }
        Map<String, Integer> deadLetters = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r :
                kafka.readCommitted(config.topics().deadLetter(), Duration.ofMillis(500))) {
            var d = io.cordon.proto.v1.DeadLetter.parseFrom(r.value());
            deadLetters.merge(
                    d.getSource()
                            + ": "
                            + d.getReason().substring(0, Math.min(80, d.getReason().length())),
                    1,
                    Integer::sum);
        }
        Map<String, Integer> trackStatus = new TreeMap<>();
        long lastTrackTime = 0;
        for (ConsumerRecord<byte[], byte[]> r :
                kafka.readCommitted(config.topics().tracks(), Duration.ofMillis(500))) {
            try {
                var t = io.cordon.proto.v1.EntityTrack.parseFrom(r.value());
                trackStatus.merge(t.getStatus().name(), 1, Integer::sum);
                lastTrackTime = Math.max(lastTrackTime, t.getTime().getSeconds());
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                trackStatus.merge("undecodable", 1, Integer::sum);
            }
        }
        Map<String, Integer> expectedStatus = new TreeMap<>();
        expected.trackUpdates()
                .forEach(t -> expectedStatus.merge(t.status().name(), 1, Integer::sum));
        long expectedLast =
                expected.trackUpdates().stream()
                        .mapToLong(t -> t.time().getEpochSecond())
                        .max()
                        .orElse(0);
        b.append("tracks topic ")
                .append(trackStatus)
                .append(" last ")
                .append(lastTrackTime)
                .append("; expected ")
                .append(expectedStatus)
                .append(" last ")
                .append(expectedLast)
                .append('\n');
        Map<String, Integer> expectedTypes = new TreeMap<>();
        expected.alerts().forEach(a -> expectedTypes.merge(a.type().name(), 1, Integer::sum));
        b.append("alerts topic by type ")
                .append(alertTypes)
                .append("; expected by type ")
                .append(expectedTypes)
                .append("; dead letters ")
                .append(deadLetters)
                .append('\n');
        for (JobID job : jobs) {
            var graph =
                    flink.cluster()
                            .getExecutionGraph(job)
                            .get(10, java.util.concurrent.TimeUnit.SECONDS);
            b.append(graph.getJobName()).append(' ').append(graph.getState());
            if (graph.getFailureInfo() != null) {
                b.append(" last failure: ")
                        .append(
                                graph.getFailureInfo().getExceptionAsString(),
                                0,
                                Math.min(
                                        2000,
                                        graph.getFailureInfo().getExceptionAsString().length()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String message(ConsumerRecord<byte[], byte[]> r) {
        String id = new String(r.key(), StandardCharsets.UTF_8);
        if (!(AlertCodec.parse(r.value()) instanceof DecodeResult.Ok<Alert> ok)) {
            return id + "@unreadable";
        }
        Alert a = ok.value();
        return id + "@" + a.state() + "#" + a.evidence().getOrDefault(Evidence.REVISION, "0");
    }

    /** The alert ids each partner received (messages of one alert count once). */
    static Map<String, TreeSet<String>> asSets(Map<String, List<String>> received) {
        Map<String, TreeSet<String>> sets = new TreeMap<>();
        received.forEach(
                (k, v) -> {
                    TreeSet<String> ids = new TreeSet<>();
                    v.forEach(m -> ids.add(m.substring(0, m.lastIndexOf('@'))));
                    sets.put(k, ids);
                });
        return sets;
    }

    static Set<String> duplicates(List<String> ids) {
        Set<String> seen = new TreeSet<>();
        Set<String> dups = new TreeSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                dups.add(id);
            }
        }
        return dups;
    }

    @Override
    public void close() throws Exception {
        producer.close();
        flink.close();
        kafka.close();
    }
}
