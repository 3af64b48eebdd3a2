package io.cordon.pipeline.flink.detect;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.TrackDetector;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.TrackEnvelope;
import io.cordon.pipeline.track.EntityTrack;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs one core {@link TrackDetector} per track key: loads the track's state, calls the detector,
 * stores the new state (cleared when the detector clears it, as it does for a deleted track) and
 * emits the alerts. All decisions are the detector's; this operator only keeps state.
 *
 * <p>Event-time hook ({@link TrackDetector#dueAt}/{@link TrackDetector#onTime}): while the state
 * has a due time the operator keeps one event-time timer there and the track's latest update; when
 * the watermark passes it, {@code onTime} is called with that update. An update at or after the due
 * time fires the hook first, so the result does not depend on when the watermark moves. The timer
 * is replaced whenever the state changes and deleted with the state, so nothing outlives the track.
 */
public class TrackDetectorFunction
        extends KeyedProcessFunction<String, TrackEnvelope, KeyedPayload> {
    private final ConfigText config;
    private final String borderGeoJson;
    private final TrackDetectorFactory factory;

    private transient TrackDetector<Object> detector;
    private transient ValueState<byte[]> state;
    private transient ValueState<Long> dueAt;
    private transient ValueState<byte[]> lastUpdate;
    private transient Counter alertsOut;

    public TrackDetectorFunction(
            ConfigText config, String borderGeoJson, TrackDetectorFactory factory) {
        this.config = config;
        this.borderGeoJson = borderGeoJson;
        this.factory = factory;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(OpenContext openContext) {
        CordonConfig cfg = config.parse();
        BorderMap borders = BorderMap.fromGeoJson(borderGeoJson, cfg.borders());
        detector = (TrackDetector<Object>) factory.create(cfg, borders);
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "detector-" + detector.name(),
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        dueAt =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "due-at-" + detector.name(), Types.LONG));
        lastUpdate =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "last-update-" + detector.name(),
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        alertsOut =
                getRuntimeContext()
                        .getMetricGroup()
                        .addGroup("detector", detector.name())
                        .counter("alerts");
    }

    @Override
    public void processElement(TrackEnvelope e, Context ctx, Collector<KeyedPayload> out)
            throws Exception {
        if (!(EntityTrackCodec.parse(e.payload) instanceof DecodeResult.Ok<EntityTrack> ok)) {
            return; // validated upstream by TrackDecodeFunction
        }
        EntityTrack u = ok.value();
        Long due;
        while ((due = dueAt.value()) != null && due <= u.time().toEpochMilli()) {
            ctx.timerService().deleteEventTimeTimer(due);
            fire(due, ctx.timerService(), out); // as if the watermark had passed it already
        }
        byte[] stored = state.value();
        DetectorResult<Object> result =
                detector.onTrackUpdate(stored == null ? null : detector.decodeState(stored), u);
        emit(result, out);
        byte[] last = lastUpdate.value();
        boolean newer = last == null || !u.time().isBefore(track(last).time());
        store(result.newState(), newer ? e.payload : last, ctx.timerService(), Long.MIN_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<KeyedPayload> out)
            throws Exception {
        Long due = dueAt.value();
        if (due == null || due != timestamp) {
            return; // replaced or cleared since
        }
        fire(timestamp, ctx.timerService(), out);
    }

    /** Calls the detector's event-time hook at {@code at}, the current due time. */
    private void fire(long at, TimerService timers, Collector<KeyedPayload> out) throws Exception {
        byte[] stored = state.value();
        byte[] last = lastUpdate.value();
        dueAt.clear(); // this timer is spent
        if (stored == null || last == null) {
            lastUpdate.clear();
            return;
        }
        DetectorResult<Object> result =
                detector.onTime(
                        detector.decodeState(stored), track(last), Instant.ofEpochMilli(at));
        emit(result, out);
        store(result.newState(), last, timers, at);
    }

    /**
     * Stores the state and moves the timer to its due time (none when the state is cleared or not
     * due after {@code after}, which keeps a hook that changes nothing from firing for ever).
     */
    private void store(Object next, byte[] last, TimerService timers, long after) throws Exception {
        if (next == null) {
            state.clear();
        } else {
            state.update(detector.encodeState(next));
        }
        Instant due = next == null ? null : detector.dueAt(next);
        Long old = dueAt.value();
        if (due == null || due.toEpochMilli() <= after) {
            if (old != null) {
                timers.deleteEventTimeTimer(old);
            }
            dueAt.clear();
            lastUpdate.clear();
            return;
        }
        long ms = due.toEpochMilli();
        if (old == null || old != ms) {
            if (old != null) {
                timers.deleteEventTimeTimer(old);
            }
            timers.registerEventTimeTimer(ms);
            dueAt.update(ms);
        }
        lastUpdate.update(last);
    }

    private static EntityTrack track(byte[] payload) {
        return ((DecodeResult.Ok<EntityTrack>) EntityTrackCodec.parse(payload)).value();
    }

    private void emit(DetectorResult<Object> result, Collector<KeyedPayload> out) {
        for (Alert alert : result.alerts()) {
            alertsOut.inc();
            out.collect(AlertPayloads.of(alert));
        }
    }
}
