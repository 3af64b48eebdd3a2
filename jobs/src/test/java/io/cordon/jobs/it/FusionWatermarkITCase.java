package io.cordon.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.jobs.FusionJob;
import io.cordon.jobs.kafka.KafkaIo;
import io.cordon.jobs.testing.EmbeddedKafka;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.SensorWatermarks;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fusion job's observations source ({@link FusionJob#observations}) on a real broker, with a
 * backlog spread unevenly over two partitions: partition 0 carries two sensors, partition 1 one, so
 * the same bytes hold half as much event time on partition 0. The records are keyed by observation
 * id, not by sensor. The watermark must reach the end of the data, and no record may arrive further
 * ahead of the watermark than the alignment's drift allows (plus one poll of fetched records):
 * without the alignment the source reads partition 1 ahead by half of the backlog, and everything
 * read ahead would wait in the trackers' state.
 */
class FusionWatermarkITCase {
    private static final String TOPIC = "observations";
    private static final int FRAME_MS = 100;
    private static final int DETECTIONS_PER_FRAME = 200;
    private static final int FRAMES = 300; // 30 s of event time

    /** Records before this much event time are not probed: the alignment's first round. */
    private static final long PROBE_AFTER_MS = 10_000;

    /** Sensors and their partitions: twice the data per second of event time on partition 0. */
    private static final Map<String, Integer> SENSORS =
            Map.of("radar-a", 0, "radar-b", 0, "radar-c", 1);

    @TempDir Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void unevenPartitionsAreReadAlignedAndTheWatermarkReachesTheEnd() throws Exception {
        // event times of today: the broker's retention counts from the record timestamp
        long start = (System.currentTimeMillis() / 1000 - 3600) * 1000;
        long end = start + (long) (FRAMES - 1) * FRAME_MS;
        long probeFrom = start + PROBE_AFTER_MS;
        List<String> result;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"))) {
            try (Admin admin =
                    Admin.create(
                            Map.of(
                                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    kafka.bootstrapServers()))) {
                admin.createTopics(
                                List.of(
                                        new NewTopic(TOPIC, 2, (short) 1)
                                                .configs(Map.of("retention.ms", "-1"))))
                        .all()
                        .get();
            }
            try (KafkaProducer<byte[], byte[]> producer = producer(kafka.bootstrapServers())) {
                for (int frame = 0; frame < FRAMES; frame++) {
                    long t = start + (long) frame * FRAME_MS;
                    for (var sensor : new TreeMap<>(SENSORS).entrySet()) {
                        for (int i = 0; i < DETECTIONS_PER_FRAME; i++) {
                            Observation o = observation(sensor.getKey(), t, frame, i);
                            producer.send(
                                    new ProducerRecord<>(
                                            TOPIC,
                                            sensor.getValue(),
                                            t,
                                            o.observationId().getBytes(StandardCharsets.UTF_8),
                                            ObservationCodec.toProto(o).toByteArray()));
                        }
                    }
                }
                producer.flush();
            }

            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            env.getConfig().setAutoWatermarkInterval(20);
            // every sensor in order (bound 0); nothing goes idle while the test runs
            SensorWatermarks.Bounds bounds = new SensorWatermarks.Bounds(0, 600_000);
            result =
                    FusionJob.observations(
                                    env,
                                    new KafkaIo(kafka.bootstrapServers()).source(TOPIC, "probe"),
                                    Map.of(),
                                    bounds,
                                    Duration.ofMinutes(10))
                            .keyBy(r -> "all", Types.STRING)
                            .process(new ReadAheadProbe(probeFrom, end))
                            .executeAndCollect(1);
        }

        String[] f = result.get(0).split(",");
        long maxLeadMs = Long.parseLong(f[0]);
        long maxPending = Long.parseLong(f[1]);
        long probed = Long.parseLong(f[2]);
        // every record from probeFrom to before the last frame came before the watermark reached
        // the last frame (bound 0: each sensor's watermark is its newest time - 1 ms)
        long framesProbed = (end - probeFrom) / FRAME_MS;
        assertThat(probed).isEqualTo(framesProbed * SENSORS.size() * DETECTIONS_PER_FRAME);
        // the alignment's drift, plus what was fetched before a split was paused (a poll holds
        // 500 records: a quarter second of partition 0, an eighth of partition 1; the reader
        // queues a few) and what is emitted in a 100 ms report interval, which on a slow machine
        // is more: measured 0.8 s here, at most about 1.75 s by the buffers, so 3 s of slack;
        // unaligned, partition 1 is read about 10-14 s ahead by then
        long boundMs = FusionJob.MAX_WATERMARK_DRIFT.toMillis() + 3_000;
        assertThat(maxLeadMs).as("event time read ahead of the watermark, ms").isLessThan(boundMs);
        long perSecond = 1000 / FRAME_MS * SENSORS.size() * DETECTIONS_PER_FRAME;
        assertThat(maxPending)
                .as("records read ahead of the watermark")
                .isLessThan(boundMs * perSecond / 1000);
    }

    /**
     * On each record from {@code probeFrom}, how far its event time is ahead of the watermark, and
     * how many records seen so far are (what a tracker would hold); when the watermark reaches the
     * last frame, emits "largest lead ms,most records ahead,records probed".
     */
    static final class ReadAheadProbe extends KeyedProcessFunction<String, RawRecord, String> {
        private final long probeFrom;
        private final long end;
        private final PriorityQueue<Long> ahead = new PriorityQueue<>();
        private long maxLead;
        private long maxPending;
        private long probed;
        private boolean timerSet;

        ReadAheadProbe(long probeFrom, long end) {
            this.probeFrom = probeFrom;
            this.end = end;
        }

        @Override
        public void processElement(RawRecord r, Context ctx, Collector<String> out) {
            if (!timerSet) {
                ctx.timerService().registerEventTimeTimer(end - 1);
                timerSet = true;
            }
            long ts = ctx.timestamp();
            long wm = ctx.timerService().currentWatermark();
            while (!ahead.isEmpty() && ahead.peek() <= wm) {
                ahead.poll();
            }
            ahead.add(ts);
            if (ts >= probeFrom && ts < end && wm > Long.MIN_VALUE) {
                maxLead = Math.max(maxLead, ts - wm);
                maxPending = Math.max(maxPending, ahead.size());
                probed++;
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(maxLead + "," + maxPending + "," + probed);
        }
    }

    private static Observation observation(String sensor, long timeMs, int frame, int i) {
        return new Observation(
                sensor + "-" + frame + "-" + i,
                "usa",
                sensor,
                SensorKind.DRONE,
                Instant.ofEpochMilli(timeMs),
                PositionFix.isotropic(new GeoPoint(31.3 + i * 1e-3, -110.9, 0), 10),
                null,
                null,
                null,
                Marking.UNRESTRICTED);
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
