package io.cordon.pipeline.flink.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.ObservationEnvelope;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.fusion.SensorWatermarks;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.proto.v1.EntityTrack;
import io.cordon.proto.v1.TrackStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The tracking operator: release by watermark, late data per sensor, metrics, state through a
 * checkpoint (heap and RocksDB), bounded state after deletions.
 */
class TrackingFunctionTest {
    static final GeoPoint REF = new GeoPoint(31.3333, -110.6, 1200);
    static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    static final String PARTITION = "all";

    /** drone-a: in order; drone-b: 2 s out of order, idle after 5 s; others: the defaults. */
    static final ConfigText CONFIG =
            new ConfigText(
                    "reference: {latDeg: 31.3333, lonDeg: -110.6, altM: 1200}\n"
                            + "partners: [{id: usa, name: U.S., country: USA}]\n"
                            + "sensors:\n"
                            + "  - {id: drone-a, partnerId: usa, kind: DRONE, rangeM: 20000,"
                            + " position: {latDeg: 31.3333, lonDeg: -110.6},"
                            + " maxOutOfOrdernessS: 0}\n"
                            + "  - {id: drone-b, partnerId: usa, kind: DRONE, rangeM: 20000,"
                            + " position: {latDeg: 31.3333, lonDeg: -110.6},"
                            + " maxOutOfOrdernessS: 2, idlenessS: 5}\n",
                    ".");

    /** Sensors the registry does not name: 60 s out of order, idle after 10 min. */
    static final SensorWatermarks.Bounds DEFAULTS =
            SensorWatermarks.Bounds.of(Duration.ofSeconds(60), Duration.ofMinutes(10));

    private final Map<String, Metric> metrics = new HashMap<>();

    KeyedOneInputStreamOperatorTestHarness<String, ObservationEnvelope, KeyedPayload> harness(
            OperatorSubtaskState restoreFrom, boolean rocksDb) throws Exception {
        MockEnvironment env =
                new MockEnvironmentBuilder()
                        .setMetricGroup(new RecordingTaskGroup(metrics))
                        .build();
        var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new TrackingOperator(new TrackingFunction(CONFIG, DEFAULTS)),
                        (ObservationEnvelope e) -> e.partitionKey,
                        Types.STRING,
                        env);
        if (rocksDb) {
            h.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        h.setup();
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }

    /** Three targets 1 km apart moving east at 10 m/s, seen by {@code sensor} at second s. */
    static List<StreamRecord<ObservationEnvelope>> frame(String sensor, long s) {
        List<StreamRecord<ObservationEnvelope>> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(fix(sensor, sensor + "-" + s + "-" + i, s, 10.0 * s, 1000.0 * i));
        }
        return out;
    }

    static StreamRecord<ObservationEnvelope> fix(
            String sensor, String id, long s, double eastM, double northM) {
        Instant t = Instant.ofEpochMilli(T0 + 1000 * s);
        GeoPoint p = new LocalTangentPlane(REF).surfacePoint(eastM, northM);
        Observation o =
                new Observation(
                        id,
                        "usa",
                        sensor,
                        SensorKind.DRONE,
                        t,
                        PositionFix.isotropic(p, 10),
                        null,
                        null,
                        null,
                        Marking.UNRESTRICTED);
        ObservationEnvelope e = new ObservationEnvelope();
        e.partitionKey = PARTITION;
        e.eventTimeMs = t.toEpochMilli();
        e.ingestedAtMs = System.currentTimeMillis();
        e.payload = ObservationCodec.toProto(o).toByteArray();
        e.observation = o;
        return new StreamRecord<>(e, e.eventTimeMs);
    }

    static void feed(
            KeyedOneInputStreamOperatorTestHarness<String, ObservationEnvelope, KeyedPayload> h,
            List<StreamRecord<ObservationEnvelope>> records)
            throws Exception {
        for (StreamRecord<ObservationEnvelope> r : records) {
            h.processElement(r);
        }
    }

    static List<EntityTrack> tracks(
            KeyedOneInputStreamOperatorTestHarness<String, ObservationEnvelope, KeyedPayload> h)
            throws Exception {
        List<EntityTrack> out = new ArrayList<>();
        for (KeyedPayload p : h.extractOutputValues()) {
            out.add(EntityTrack.parseFrom(p.payload));
        }
        return out;
    }

    static long latestSecond(List<EntityTrack> tracks) {
        return tracks.stream()
                .mapToLong(t -> (t.getTime().getSeconds() * 1000 - T0) / 1000)
                .max()
                .orElse(-1);
    }

    /** Frames of both sensors up to second {@code last}, the watermark 1 s behind. */
    static void play(
            KeyedOneInputStreamOperatorTestHarness<String, ObservationEnvelope, KeyedPayload> h,
            long first,
            long last)
            throws Exception {
        for (long s = first; s <= last; s++) {
            feed(h, frame("drone-a", s));
            feed(h, frame("drone-b", s));
            h.processWatermark(new Watermark(T0 + 1000 * (s - 1)));
        }
    }

    @Test
    void eventTimesAreFusedOnlyWhenTheWatermarkPassesThem() throws Exception {
        var h = harness(null, false);
        for (long s = 0; s < 8; s++) {
            feed(h, frame("drone-a", s));
        }
        assertThat(tracks(h)).isEmpty();
        h.processWatermark(new Watermark(T0 + 5000));
        assertThat(latestSecond(tracks(h))).isEqualTo(5);
        assertThat(h.numEventTimeTimers()).isEqualTo(2); // 6 and 7 s still wait
        assertThat(h.getSideOutput(Outputs.DEAD_LETTERS)).isNull();
        h.close();
    }

    @Test
    void lateObservationsAreDeadLetteredWithTheirSensorsBoundsAndCounted() throws Exception {
        var h = harness(null, false);
        play(h, 0, 20);
        assertThat(latestSecond(tracks(h))).isEqualTo(19);

        feed(h, frame("drone-b", 12));
        List<DeadLetterRecord> dead = new ArrayList<>();
        h.getSideOutput(Outputs.DEAD_LETTERS).forEach(r -> dead.add(r.getValue()));
        assertThat(dead).hasSize(3);
        assertThat(dead.get(0).stage).isEqualTo(TrackingFunction.STAGE);
        assertThat(dead.get(0).reason)
                .contains(
                        "late",
                        "sensor drone-b",
                        "7000 ms behind",
                        "maxOutOfOrderness 2000 ms",
                        "idleness 5000 ms");

        assertThat(count("sensor.drone-b.lateObservations")).isEqualTo(3);
        assertThat(count("sensor.drone-a.lateObservations")).isZero();
        assertThat(count("lateObservations")).isEqualTo(3);
        assertThat(count("observationsDeadLettered")).isEqualTo(3);
        assertThat(count("sensor.drone-a.observationsIn")).isEqualTo(63);
        assertThat(count("sensor.drone-b.observationsIn")).isEqualTo(66);
        assertThat(count("observationsIn")).isEqualTo(129);
        // fused: both sensors' frames up to 19 s
        assertThat(count("sensor.drone-a.observationsFused")).isEqualTo(60);
        assertThat(count("observationsFused")).isEqualTo(120);
        assertThat(count("trackUpdatesOut")).isEqualTo(tracks(h).size());
        assertThat(((Gauge<?>) metrics.get("liveTracks")).getValue()).isEqualTo(3);
        assertThat(((Histogram) metrics.get("eventTimeToEmitMs")).getCount())
                .isEqualTo(tracks(h).size());
        assertThat(((Histogram) metrics.get("ingestionToEmitMs")).getCount()).isEqualTo(120);
        h.close();
    }

    @Test
    void pendingObservationsAreKeptAndCheckpointedWithoutTheirRawBytes() throws Exception {
        var h = harness(null, false);
        play(h, 0, 3); // the watermark at second 2: both sensors' frames of second 3 wait
        h.snapshot(1, T0 + 3_000);
        var backend = h.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(PARTITION);
        MapState<Long, List<ObservationEnvelope>> pending =
                backend.getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        new MapStateDescriptor<>(
                                "pending-observations",
                                Types.LONG,
                                Types.LIST(TypeInformation.of(ObservationEnvelope.class))));
        List<ObservationEnvelope> waiting = new ArrayList<>();
        for (List<ObservationEnvelope> atTime : pending.values()) {
            waiting.addAll(atTime);
        }
        assertThat(waiting)
                .hasSize(6)
                .allSatisfy(
                        e -> {
                            assertThat(e.payload).isNull();
                            assertThat(e.observation).isNotNull();
                            assertThat(e.eventTimeMs).isEqualTo(T0 + 3_000);
                        });
        h.close();
    }

    @Test
    void restoredFromACheckpointTheHeapStateGoesOnAsIfUninterrupted() throws Exception {
        restoreGoesOnAsIfUninterrupted(false);
    }

    @Test
    void restoredFromACheckpointTheRocksDbStateGoesOnAsIfUninterrupted() throws Exception {
        restoreGoesOnAsIfUninterrupted(true);
    }

    private void restoreGoesOnAsIfUninterrupted(boolean rocksDb) throws Exception {
        var whole = harness(null, rocksDb);
        play(whole, 0, 29);
        List<EntityTrack> expected = tracks(whole);
        whole.close();

        var first = harness(null, rocksDb);
        play(first, 0, 14);
        OperatorSubtaskState snapshot = first.snapshot(1, T0 + 15_000);
        List<EntityTrack> got = new ArrayList<>(tracks(first));
        first.close();
        var second = harness(snapshot, rocksDb);
        play(second, 15, 29);
        got.addAll(tracks(second));
        second.close();
        assertThat(expected).isNotEmpty();
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void onRocksDbDeletedTracksAndTheirTimersLeaveNoState() throws Exception {
        var h = harness(null, true);
        play(h, 0, 10);
        List<String> published =
                tracks(h).stream().map(EntityTrack::getTrackId).distinct().toList();
        assertThat(published).hasSize(3);
        // The targets are gone; much later one far detection moves the clock past the tracks' life.
        long later = 200_000;
        h.processElement(fix("drone-a", "far-1", later, 15_000, 15_000));
        h.processElement(fix("drone-a", "far-2", later + 1, 15_000, 15_000));
        h.processWatermark(new Watermark(T0 + 1000 * later));
        assertThat(tracks(h))
                .filteredOn(t -> t.getStatus() == TrackStatus.TRACK_STATUS_DELETED)
                .extracting(EntityTrack::getTrackId)
                .containsExactlyInAnyOrderElementsOf(published);
        OperatorSubtaskState snapshot = h.snapshot(1, T0);
        var backend = h.getOperator().getKeyedStateBackend();
        assertThat(backend.getKeys("published-tracks", VoidNamespace.INSTANCE)).isEmpty();
        // only the far detection at later + 1 s waits, with its one timer
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        assertThat(backend.getKeys("pending-observations", VoidNamespace.INSTANCE)).hasSize(1);
        h.close();

        var restored = harness(snapshot, true);
        restored.processElement(fix("drone-a", "far-3", later + 2, 15_000, 15_000));
        restored.processWatermark(new Watermark(T0 + 1000 * (later + 1)));
        // the confirmed tracks are gone; at most the far detections' tentative tracks live
        assertThat((Integer) ((Gauge<?>) metrics.get("liveTracks")).getValue()).isBetween(1, 2);
        assertThat(restored.numEventTimeTimers()).isEqualTo(1); // far-3's
        assertThat(tracks(restored)).isEmpty();
        restored.close();
    }

    private long count(String name) {
        Metric m = metrics.get(name);
        assertThat(m).as("metric %s registered", name).isNotNull();
        return ((Counter) m).getCount();
    }

    /** A task metric group whose operators record their metrics by name (sub-groups dotted). */
    static final class RecordingTaskGroup
            extends UnregisteredMetricGroups.UnregisteredTaskMetricGroup {
        private final Map<String, Metric> metrics;

        RecordingTaskGroup(Map<String, Metric> metrics) {
            this.metrics = metrics;
        }

        @Override
        public InternalOperatorMetricGroup getOrAddOperator(
                OperatorID id, String name, Map<String, String> additionalVariables) {
            return new RecordingOperatorGroup(metrics, "");
        }
    }

    static final class RecordingOperatorGroup
            extends UnregisteredMetricGroups.UnregisteredOperatorMetricGroup {
        private final Map<String, Metric> metrics;
        private final String prefix;

        RecordingOperatorGroup(Map<String, Metric> metrics, String prefix) {
            this.metrics = metrics;
            this.prefix = prefix;
        }

        @Override
        protected void addMetric(String name, Metric metric) {
            if (metrics != null) { // null while the super constructor registers its own
                metrics.put(prefix + name, metric);
            }
        }

        @Override
        public MetricGroup addGroup(String key, String value) {
            return new RecordingOperatorGroup(metrics, prefix + key + "." + value + ".");
        }
    }
}
