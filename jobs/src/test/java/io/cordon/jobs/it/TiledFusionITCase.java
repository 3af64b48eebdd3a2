package io.cordon.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.jobs.CordonJobs;
import io.cordon.jobs.JobRuntime;
import io.cordon.jobs.kafka.KafkaIo;
import io.cordon.jobs.local.LocalFlink;
import io.cordon.jobs.local.TopicSetup;
import io.cordon.jobs.testing.EmbeddedKafka;
import io.cordon.jobs.testing.OfflinePipeline;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.simulation.BorderSimulation;
import io.cordon.pipeline.simulation.SimulatedTarget;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiled fusion job at parallelism 2 on a mini cluster with a real broker: the example
 * configuration with 10 km tiles and 2 km halos, so that the simulated targets cross tile edges
 * (the border itself is one) and corners. The tracks topic must hold exactly what the offline run
 * of the same tiled core produces. Compared with the single-partition tracker, no target gets more
 * ids or more simultaneous tracks, and nearly all carry the very same ids: a tile's tracker sees
 * only its part of each scan, so now and then it starts a track from another detection than the
 * single tracker does (its birth density and missed looks count its part of the scan only).
 */
class TiledFusionITCase {
    private static final Path CONFIG =
            Path.of("..", "deploy", "cordon.yaml").toAbsolutePath().normalize();
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final double SCENARIO_S = 300;
    private static final String TILES = "\nfusion: {tileSizeM: 10000, haloM: 2000}\n";

    @TempDir Path tmp;

    @Test
    void tilesAtParallelismTwoKeepEachTargetsIdAndPublishItOnce() throws Exception {
        String yaml = Files.readString(CONFIG);
        ConfigText tiledText = new ConfigText(yaml + TILES, CONFIG.getParent().toString());
        CordonConfig single = CordonConfig.load(CONFIG);
        CordonConfig tiled = tiledText.parse();
        BorderSimulation sim =
                new BorderSimulation(
                        single.sensors(), single.reference(), EPOCH, 11, 16, 0.6, SCENARIO_S);
        List<Observation> observations = new ArrayList<>(sim.observationsBetween(-1, SCENARIO_S));
        // A scan an hour later ends every track; one two hours later, published into every
        // partition, moves every watermark past the rest.
        observations.addAll(sim.observationsBetween(SCENARIO_S + 3600, SCENARIO_S + 3610));
        List<Observation> late = sim.observationsBetween(SCENARIO_S + 7200, SCENARIO_S + 7210);
        Observation tail = late.get(0);

        List<EntityTrack> expected = OfflinePipeline.run(tiled, observations).trackUpdates();
        List<EntityTrack> singleRun = OfflinePipeline.run(single, observations).trackUpdates();
        assertThat(expected).isNotEmpty();

        List<EntityTrack> written;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"));
                LocalFlink flink = LocalFlink.start(4);
                KafkaProducer<byte[], byte[]> producer = producer(kafka.bootstrapServers())) {
            TopicSetup.create(kafka.bootstrapServers(), tiled, 2);
            JobRuntime runtime =
                    new JobRuntime(
                            Duration.ofSeconds(1),
                            2,
                            tmp.resolve("checkpoints").toUri().toString(),
                            Duration.ofSeconds(2),
                            Duration.ofMinutes(10));
            flink.submit(
                    new CordonJobs(tiledText, new KafkaIo(kafka.bootstrapServers()), runtime)
                            .fusion());
            String topic = tiled.topics().observations();
            for (Observation o : observations) {
                producer.send(record(topic, null, o));
            }
            for (var partition : producer.partitionsFor(topic)) {
                producer.send(record(topic, partition.partition(), tail));
            }
            producer.flush();
            written = awaitTracks(kafka, tiled, expected.size(), Duration.ofMinutes(3));
        }

        assertThat(keys(written)).containsExactlyInAnyOrderElementsOf(keys(expected));

        LocalTangentPlane plane = new LocalTangentPlane(single.reference());
        int crossing = 0;
        List<String> sameIds = new ArrayList<>();
        List<String> otherIds = new ArrayList<>();
        for (SimulatedTarget target : sim.targets()) {
            TreeSet<String> tiledIds = idsNear(written, target, plane);
            TreeSet<String> singleIds = idsNear(singleRun, target, plane);
            assertThat(tiledIds).as(target.id()).hasSameSizeAs(singleIds);
            (tiledIds.equals(singleIds) ? sameIds : otherIds)
                    .add(target.id() + " " + tiledIds + " (single " + singleIds + ")");
            assertThat(mostAtOnce(written, target, plane))
                    .as(target.id())
                    .isLessThanOrEqualTo(Math.max(1, mostAtOnce(singleRun, target, plane)));
            if (crossesAnEdge(target)) {
                crossing++;
            }
        }
        assertThat(crossing).as("targets crossing tile edges").isGreaterThanOrEqualTo(5);
        assertThat(sameIds)
                .as("targets with the single tracker's ids; the others: %s", otherIds)
                .hasSizeGreaterThanOrEqualTo(sim.targets().size() * 3 / 4);
        Map<String, Integer> perIdAndTime = new HashMap<>();
        for (EntityTrack t : written) {
            perIdAndTime.merge(t.trackId() + "@" + t.time(), 1, Integer::sum);
        }
        assertThat(perIdAndTime.values()).as("one update per id and time").containsOnly(1);
    }

    private static boolean crossesAnEdge(SimulatedTarget t) {
        double s0 = t.bornS(), s1 = SCENARIO_S;
        return Math.floor(t.eastAt(s0) / 10_000) != Math.floor(t.eastAt(s1) / 10_000)
                || Math.floor(t.northAt(s0) / 10_000) != Math.floor(t.northAt(s1) / 10_000);
    }

    /** Ids of updates within 300 m of the target's truth at the update's time. */
    private static TreeSet<String> idsNear(
            List<EntityTrack> updates, SimulatedTarget target, LocalTangentPlane plane) {
        TreeSet<String> ids = new TreeSet<>();
        for (EntityTrack t : updates) {
            if (t.status() != TrackStatus.DELETED && distanceM(t, target, plane) <= 300) {
                ids.add(t.trackId());
            }
        }
        return ids;
    }

    /**
     * Largest number of ids near the target at once: at every 5 s, each id's latest update of the
     * last 10 s (not a deletion), moved at its velocity to that time, within 300 m of the truth.
     */
    private static int mostAtOnce(
            List<EntityTrack> updates, SimulatedTarget target, LocalTangentPlane plane) {
        TreeMap<Long, List<EntityTrack>> byTime = new TreeMap<>();
        for (EntityTrack t : updates) {
            byTime.computeIfAbsent(t.time().toEpochMilli(), k -> new ArrayList<>()).add(t);
        }
        Map<String, EntityTrack> latest = new HashMap<>();
        int most = 0;
        var it = byTime.entrySet().iterator();
        var next = it.hasNext() ? it.next() : null;
        for (long ms = EPOCH.toEpochMilli();
                ms <= EPOCH.toEpochMilli() + SCENARIO_S * 1000;
                ms += 5000) {
            while (next != null && next.getKey() <= ms) {
                for (EntityTrack t : next.getValue()) {
                    latest.put(t.trackId(), t);
                }
                next = it.hasNext() ? it.next() : null;
            }
            double s = (ms - EPOCH.toEpochMilli()) / 1000.0;
            if (!target.aliveAt(s)) {
                continue;
            }
            int n = 0;
            for (EntityTrack t : latest.values()) {
                double dt = (ms - t.time().toEpochMilli()) / 1000.0;
                if (t.status() == TrackStatus.DELETED || dt > 10) {
                    continue;
                }
                EnuPoint p = plane.toEnu(t.position());
                double e = p.eastM() + t.velocity().eastMps() * dt;
                double nn = p.northM() + t.velocity().northMps() * dt;
                if (Math.hypot(e - target.eastAt(s), nn - target.northAt(s)) <= 300) {
                    n++;
                }
            }
            most = Math.max(most, n);
        }
        return most;
    }

    private static double distanceM(
            EntityTrack t, SimulatedTarget target, LocalTangentPlane plane) {
        double s = (t.time().toEpochMilli() - EPOCH.toEpochMilli()) / 1000.0;
        if (!target.aliveAt(s)) {
            return Double.POSITIVE_INFINITY;
        }
        EnuPoint p = plane.toEnu(t.position());
        return Math.hypot(p.eastM() - target.eastAt(s), p.northM() - target.northAt(s));
    }

    private static List<String> keys(List<EntityTrack> updates) {
        return updates.stream()
                .map(t -> t.trackId() + "@" + t.time().toEpochMilli() + "/" + t.status())
                .toList();
    }

    private static List<EntityTrack> awaitTracks(
            EmbeddedKafka kafka, CordonConfig config, int expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<EntityTrack> written = List.of();
        while (System.nanoTime() < deadline) {
            written = read(kafka, config);
            if (written.size() >= expected) {
                Thread.sleep(2_500); // a few more checkpoints: duplicates would show now
                return read(kafka, config);
            }
            Thread.sleep(1_000);
        }
        return written;
    }

    private static List<EntityTrack> read(EmbeddedKafka kafka, CordonConfig config) {
        List<EntityTrack> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r :
                kafka.readCommitted(config.topics().tracks(), Duration.ofMillis(500))) {
            if (EntityTrackCodec.parse(r.value()) instanceof DecodeResult.Ok<EntityTrack> ok) {
                out.add(ok.value());
            }
        }
        return out;
    }

    private static ProducerRecord<byte[], byte[]> record(
            String topic, Integer partition, Observation o) {
        return new ProducerRecord<>(
                topic,
                partition,
                o.eventTime().toEpochMilli(),
                o.sensorId().getBytes(StandardCharsets.UTF_8),
                ObservationCodec.toProto(o).toByteArray());
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
