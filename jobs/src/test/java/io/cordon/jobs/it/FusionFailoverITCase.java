package io.cordon.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.jobs.CordonJobs;
import io.cordon.jobs.JobMain;
import io.cordon.jobs.local.TopicSetup;
import io.cordon.jobs.testing.EmbeddedKafka;
import io.cordon.jobs.testing.OfflinePipeline;
import io.cordon.jobs.testing.StandaloneFlinkCluster;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.simulation.BorderSimulation;
import io.cordon.proto.v1.EntityTrack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fusion job on a real multi-process cluster: a JobManager and two TaskManagers as separate
 * JVMs, the job jar uploaded through REST, a scenario streamed through a real broker, and one
 * TaskManager killed with SIGKILL mid-stream. Afterwards the tracks topic (read_committed) must
 * hold exactly the updates of an uninterrupted run: none lost, none duplicated, the same ids.
 */
class FusionFailoverITCase {
    private static final Path CONFIG =
            Path.of("..", "deploy", "cordon.yaml").toAbsolutePath().normalize();

    @TempDir Path tmp;

    @Test
    void killingATaskManagerMidStreamLosesAndDuplicatesNothing() throws Exception {
        CordonConfig config = CordonConfig.load(CONFIG);
        BorderSimulation sim =
                new BorderSimulation(
                        config.sensors(),
                        config.reference(),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        7,
                        20,
                        0.5,
                        360);
        List<Observation> observations = new ArrayList<>(sim.observationsBetween(-1, 360));
        observations.addAll(sim.observationsBetween(360 + 3600, 360 + 3610));
        List<Observation> late = sim.observationsBetween(360 + 7200, 360 + 7210);
        Observation tail = late.get(0); // published into every partition last: moves all watermarks
        List<String> expected =
                OfflinePipeline.run(config, observations).trackUpdates().stream()
                        .map(t -> t.trackId() + "@" + t.time().toEpochMilli() + "/" + t.status())
                        .toList();
        assertThat(expected).isNotEmpty();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"));
                StandaloneFlinkCluster cluster = StandaloneFlinkCluster.start(clusterDir(), 2, 2);
                KafkaProducer<byte[], byte[]> producer = producer(kafka.bootstrapServers())) {
            TopicSetup.create(kafka.bootstrapServers(), config, 4);
            String job =
                    cluster.submit(
                            jobJar(),
                            JobMain.class.getName(),
                            List.of(
                                    "--job",
                                    CordonJobs.FUSION,
                                    "--config",
                                    CONFIG.toString(),
                                    "--bootstrap-servers",
                                    kafka.bootstrapServers(),
                                    "--checkpoint-interval",
                                    "1s",
                                    "--parallelism",
                                    "2",
                                    "--source-idleness",
                                    "10m"),
                            2);
            cluster.awaitJobState(job, "RUNNING", Duration.ofMinutes(2));

            int cut = observations.size() / 2;
            publish(producer, config, observations.subList(0, cut));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (written(kafka, config).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(written(kafka, config))
                    .as("track updates committed before the kill")
                    .isNotEmpty();

            // The most dangerous moment: right after a checkpoint completed, before its
            // transactions are known to be committed.
            long checkpoints = cluster.completedCheckpoints(job);
            while (cluster.completedCheckpoints(job) == checkpoints
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            cluster.killTaskManager(cluster.taskManagerRunning("track per partition"));
            publish(producer, config, observations.subList(cut, observations.size()));
            for (var partition : producer.partitionsFor(config.topics().observations())) {
                producer.send(
                        new ProducerRecord<>(
                                config.topics().observations(),
                                partition.partition(),
                                tail.eventTime().toEpochMilli(),
                                tail.sensorId().getBytes(StandardCharsets.UTF_8),
                                ObservationCodec.toProto(tail).toByteArray()));
            }
            producer.flush();

            List<String> written = List.of();
            deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (System.nanoTime() < deadline) {
                written = written(kafka, config);
                if (written.size() >= expected.size()) {
                    Thread.sleep(3_000); // a few more checkpoints: duplicates would show now
                    written = written(kafka, config);
                    break;
                }
                Thread.sleep(1_000);
            }
            assertThat(cluster.lastRestartMs(job))
                    .as("the job failed over and restarted")
                    .isPositive();
            assertThat(cluster.jobState(job)).isEqualTo("RUNNING");
            assertThat(written).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static List<String> written(EmbeddedKafka kafka, CordonConfig config) throws Exception {
        List<String> updates = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r :
                kafka.readCommitted(config.topics().tracks(), Duration.ofMillis(500))) {
            EntityTrack t = EntityTrack.parseFrom(r.value());
            updates.add(
                    t.getTrackId()
                            + "@"
                            + (t.getTime().getSeconds() * 1000 + t.getTime().getNanos() / 1_000_000)
                            + "/"
                            + t.getStatus().name().replace("TRACK_STATUS_", ""));
        }
        return updates;
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void publish(
            KafkaProducer<byte[], byte[]> producer, CordonConfig config, List<Observation> batch) {
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

    /** Under target/, not a temp dir: the cluster's logs outlive a failed run. */
    private static Path clusterDir() throws Exception {
        Path dir = Path.of("target", "it-flink-cluster").toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return dir;
    }

    private static Path jobJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "no *-job.jar in target: run the package phase"));
        }
    }
}
