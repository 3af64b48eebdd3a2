package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.ObservationEnvelope;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.FusionStep;
import io.cordon.pipeline.fusion.SensorRegistryPriors;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import io.cordon.pipeline.tracker.Tracker;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One tracker per fusion partition, driven by event time.
 *
 * <p>Observations wait in keyed state until the watermark passes their event time; then all
 * observations of that time go through {@link FusionStep} in a deterministic order, so the output
 * does not depend on arrival order and a replay gives the same track ids. An observation whose time
 * the watermark has already passed is late: it goes to the dead-letter output with the lag as
 * reason (out-of-sequence updates are a later refinement) and is counted.
 *
 * <p>The tracker lives in keyed state as its own versioned binary snapshot, written after each
 * step, so checkpoints hold exactly the state that produced the emitted tracks. A transient cache
 * avoids decoding the snapshot on every step.
 */
public class TrackingFunction
        extends KeyedProcessFunction<String, ObservationEnvelope, KeyedPayload> {
    public static final String STAGE = "fusion.track";

    private final ConfigText config;

    private transient GeoPoint reference;
    private transient TrackerParameters parameters;

    private transient MapState<Long, List<ObservationEnvelope>> pending;
    private transient ValueState<byte[]> trackerState;
    private transient Map<String, Tracker> trackers;
    private transient Counter observationsIn;
    private transient Counter lateObservations;
    private transient Counter tracksOut;

    public TrackingFunction(ConfigText config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        CordonConfig cfg = config.parse();
        reference = cfg.reference();
        parameters = SensorRegistryPriors.trackerParameters(cfg);
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending-observations",
                                        Types.LONG,
                                        Types.LIST(TypeInformation.of(ObservationEnvelope.class))));
        trackerState =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "tracker",
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        trackers = new HashMap<>();
        var metrics = getRuntimeContext().getMetricGroup();
        observationsIn = metrics.counter("observationsIn");
        lateObservations = metrics.counter("lateObservations");
        tracksOut = metrics.counter("trackUpdatesOut");
        metrics.gauge(
                "liveTracks",
                () -> trackers.values().stream().mapToInt(Tracker::liveTrackCount).sum());
    }

    @Override
    public void processElement(ObservationEnvelope e, Context ctx, Collector<KeyedPayload> out)
            throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (e.eventTimeMs <= watermark) {
            lateObservations.inc();
            RawRecord raw = new RawRecord("", -1, -1, e.eventTimeMs, null, e.payload);
            ctx.output(
                    Outputs.DEAD_LETTERS,
                    DeadLetterRecord.of(
                            raw,
                            STAGE,
                            "late: event time "
                                    + Instant.ofEpochMilli(e.eventTimeMs)
                                    + " is "
                                    + (watermark - e.eventTimeMs)
                                    + " ms behind the watermark of partition "
                                    + ctx.getCurrentKey(),
                            "",
                            System.currentTimeMillis()));
            return;
        }
        observationsIn.inc();
        List<ObservationEnvelope> atTime = pending.get(e.eventTimeMs);
        if (atTime == null) {
            atTime = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(e.eventTimeMs);
        }
        atTime.add(e);
        pending.put(e.eventTimeMs, atTime);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<KeyedPayload> out)
            throws Exception {
        List<ObservationEnvelope> batch = pending.get(timestamp);
        pending.remove(timestamp);
        if (batch == null) {
            return;
        }
        List<Observation> observations = new ArrayList<>(batch.size());
        for (ObservationEnvelope e : batch) {
            if (ObservationCodec.parse(e.payload) instanceof DecodeResult.Ok<Observation> ok) {
                observations.add(ok.value());
            }
        }
        Tracker tracker = tracker(ctx.getCurrentKey());
        List<EntityTrack> updates =
                FusionStep.run(tracker, Instant.ofEpochMilli(timestamp), observations);
        trackerState.update(tracker.snapshot());
        for (EntityTrack t : updates) {
            tracksOut.inc();
            out.collect(
                    new KeyedPayload(
                            "",
                            t.trackId(),
                            t.time().toEpochMilli(),
                            EntityTrackCodec.toProto(t).toByteArray()));
        }
    }

    private Tracker tracker(String partition) throws Exception {
        Tracker cached = trackers.get(partition);
        if (cached == null) {
            byte[] snapshot = trackerState.value();
            cached =
                    snapshot == null
                            ? new MultiTargetTracker(parameters, reference)
                            : MultiTargetTracker.restore(parameters, snapshot);
            trackers.put(partition, cached);
        }
        return cached;
    }
}
