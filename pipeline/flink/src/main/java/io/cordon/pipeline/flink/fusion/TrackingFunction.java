package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.ObservationEnvelope;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.FusionStep;
import io.cordon.pipeline.fusion.SensorRegistryPriors;
import io.cordon.pipeline.fusion.SensorWatermarks;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One tracker per fusion partition, driven by event time.
 *
 * <p>Observations wait until the watermark ({@link SensorWatermarkStrategy}: per sensor, with its
 * own out-of-orderness and idleness) passes their event time; then every released event time goes,
 * in order, through {@link FusionStep} (deterministic order within the time), so the output does
 * not depend on arrival order and a replay gives the same track ids. An observation at or before
 * the watermark is late: it is counted for its sensor and goes to the dead-letter output with the
 * lag and the sensor's bounds as reason.
 *
 * <p>State lives on the heap while the job runs (the tracker, what it published, the pending
 * observations) and is written to keyed state only when a checkpoint is taken ({@link #writeState},
 * called by {@link TrackingOperator} before the keyed state is snapshot), for the partitions that
 * changed since the last one. So a checkpoint holds exactly the state that produced the output
 * emitted before its barrier, and the tracker is serialized once per checkpoint instead of once per
 * event time. After a restore a partition's state is read back on its first element or timer.
 *
 * <p>Metrics (operator scope): {@code observationsIn}, {@code observationsFused}, {@code
 * lateObservations} (each also per sensor, in group {@code sensor.<id>}), {@code
 * observationsDeadLettered}, {@code trackUpdatesOut}, gauge {@code liveTracks}, histograms {@code
 * eventTimeToEmitMs} (a track update's event time to its emission, wall clock) and {@code
 * ingestionToEmitMs} (an observation decoded to the emission of the step that fused it).
 */
public class TrackingFunction
        extends KeyedProcessFunction<String, ObservationEnvelope, KeyedPayload> {
    public static final String STAGE = "fusion.track";

    private final ConfigText config;
    private final SensorWatermarks.Bounds defaults;

    private transient GeoPoint reference;
    private transient TrackerParameters parameters;
    private transient SensorWatermarks bounds;

    private transient MapState<Long, List<ObservationEnvelope>> pendingState;
    private transient ValueState<byte[]> trackerState;
    private transient ListState<String> publishedState;

    private transient Map<String, Partition> partitions;
    private transient FusionMetrics metrics;

    /**
     * @param defaults out-of-orderness and idleness of sensors the registry gives none (for the
     *     dead-letter reason; the watermarks themselves come from the source)
     */
    public TrackingFunction(ConfigText config, SensorWatermarks.Bounds defaults) {
        this.config = config;
        this.defaults = defaults;
    }

    /** The heap state of one partition. */
    private static final class Partition {
        final FusionStep fusion;
        final TreeMap<Long, List<ObservationEnvelope>> pending;
        boolean dirty;

        Partition(FusionStep fusion, TreeMap<Long, List<ObservationEnvelope>> pending) {
            this.fusion = fusion;
            this.pending = pending;
        }
    }

    @Override
    public void open(OpenContext openContext) {
        CordonConfig cfg = config.parse();
        reference = cfg.reference();
        parameters = SensorRegistryPriors.trackerParameters(cfg);
        bounds =
                new SensorWatermarks(
                        SensorWatermarks.fromRegistry(cfg.sensors(), defaults), defaults);
        var ctx = getRuntimeContext();
        pendingState =
                ctx.getMapState(
                        new MapStateDescriptor<>(
                                "pending-observations",
                                Types.LONG,
                                Types.LIST(TypeInformation.of(ObservationEnvelope.class))));
        trackerState =
                ctx.getState(
                        new ValueStateDescriptor<>(
                                "tracker", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        publishedState =
                ctx.getListState(new ListStateDescriptor<>("published-tracks", Types.STRING));
        partitions = new HashMap<>();
        metrics =
                new FusionMetrics(
                        ctx.getMetricGroup(),
                        () ->
                                partitions.values().stream()
                                        .mapToInt(p -> p.fusion.tracker().liveTrackCount())
                                        .sum());
    }

    @Override
    public void processElement(ObservationEnvelope e, Context ctx, Collector<KeyedPayload> out)
            throws Exception {
        FusionMetrics.Sensor sensor = metrics.sensor(e.sensorId());
        sensor.received();
        long watermark = ctx.timerService().currentWatermark();
        if (e.eventTimeMs <= watermark) {
            sensor.late();
            metrics.deadLettered.inc();
            ctx.output(Outputs.DEAD_LETTERS, late(e, watermark, ctx.getCurrentKey()));
            return;
        }
        Partition p = partition(ctx.getCurrentKey());
        p.dirty = true;
        List<ObservationEnvelope> atTime = p.pending.get(e.eventTimeMs);
        if (atTime == null) {
            atTime = new ArrayList<>();
            p.pending.put(e.eventTimeMs, atTime);
            ctx.timerService().registerEventTimeTimer(e.eventTimeMs);
        }
        // The raw bytes are only for a dead letter, and only one that is late on arrival (above) is
        // dead-lettered: not kept, nor checkpointed, while it waits for the watermark.
        ObservationEnvelope kept = ObservationEnvelope.Serializer.INSTANCE.copy(e);
        kept.payload = null;
        atTime.add(kept);
    }

    /**
     * Fuses every pending event time up to the timer's, oldest first (when the watermark jumps, the
     * first timer releases them all and the others find nothing).
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<KeyedPayload> out)
            throws Exception {
        Partition p = partition(ctx.getCurrentKey());
        while (!p.pending.isEmpty() && p.pending.firstKey() <= timestamp) {
            Map.Entry<Long, List<ObservationEnvelope>> batch = p.pending.pollFirstEntry();
            p.dirty = true;
            step(p, batch.getKey(), batch.getValue(), out);
        }
    }

    private void step(
            Partition p, long time, List<ObservationEnvelope> batch, Collector<KeyedPayload> out) {
        long start = System.currentTimeMillis();
        List<Observation> observations = new ArrayList<>(batch.size());
        for (ObservationEnvelope e : batch) {
            observations.add(e.observation);
            metrics.sensor(e.sensorId()).fused();
        }
        List<EntityTrack> updates = p.fusion.step(Instant.ofEpochMilli(time), observations);
        long now = System.currentTimeMillis();
        long lastDecoded = 0;
        for (ObservationEnvelope e : batch) {
            if (e.ingestedAtMs > 0) {
                metrics.ingestionToEmit.update(now - e.ingestedAtMs);
                lastDecoded = Math.max(lastDecoded, e.ingestedAtMs);
            }
        }
        StageTimes.step(time, lastDecoded, start, now);
        for (EntityTrack t : updates) {
            metrics.tracksOut.inc();
            metrics.eventTimeToEmit.update(now - t.time().toEpochMilli());
            out.collect(
                    new KeyedPayload(
                            "", t.trackId(), t.time().toEpochMilli(), EntityTrackCodec.toBytes(t)));
        }
    }

    private DeadLetterRecord late(ObservationEnvelope e, long watermark, String partition) {
        SensorWatermarks.Bounds b = bounds.bounds(e.sensorId());
        RawRecord raw = new RawRecord("", -1, -1, e.eventTimeMs, null, e.payload);
        return DeadLetterRecord.of(
                raw,
                STAGE,
                "late: event time "
                        + Instant.ofEpochMilli(e.eventTimeMs)
                        + " of sensor "
                        + e.sensorId()
                        + " is "
                        + (watermark - e.eventTimeMs)
                        + " ms behind the watermark of partition "
                        + partition
                        + " (sensor's maxOutOfOrderness "
                        + b.maxOutOfOrdernessMs()
                        + " ms, idleness "
                        + b.idlenessMs()
                        + " ms)",
                "",
                System.currentTimeMillis());
    }

    private Partition partition(String key) throws Exception {
        Partition p = partitions.get(key);
        if (p == null) {
            p = load();
            partitions.put(key, p);
        }
        return p;
    }

    /** The current key's partition as the last checkpoint left it, or a fresh one. */
    private Partition load() throws Exception {
        byte[] snapshot = trackerState.value();
        MultiTargetTracker tracker =
                snapshot == null
                        ? new MultiTargetTracker(parameters, reference)
                        : MultiTargetTracker.restore(parameters, snapshot);
        List<String> published = new ArrayList<>();
        Iterable<String> stored = publishedState.get();
        if (stored != null) {
            stored.forEach(published::add);
        }
        TreeMap<Long, List<ObservationEnvelope>> pending = new TreeMap<>();
        for (Map.Entry<Long, List<ObservationEnvelope>> e : pendingState.entries()) {
            pending.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
        return new Partition(new FusionStep(tracker, published), pending);
    }

    /**
     * Writes the heap state of every partition changed since the last call to keyed state; {@code
     * selectKey} makes a partition's key the current one. Called before each checkpoint.
     */
    public void writeState(Consumer<String> selectKey) throws Exception {
        for (Map.Entry<String, Partition> entry : partitions.entrySet()) {
            Partition p = entry.getValue();
            if (!p.dirty) {
                continue;
            }
            selectKey.accept(entry.getKey());
            trackerState.update(p.fusion.tracker().snapshot());
            publishedState.update(new ArrayList<>(p.fusion.publishedTrackIds()));
            pendingState.clear();
            for (Map.Entry<Long, List<ObservationEnvelope>> e : p.pending.entrySet()) {
                // a copy: the heap backend keeps the reference, and the list grows afterwards
                pendingState.put(e.getKey(), new ArrayList<>(e.getValue()));
            }
            p.dirty = false;
        }
    }
}
