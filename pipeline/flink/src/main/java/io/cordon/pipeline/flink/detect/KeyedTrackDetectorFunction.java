package io.cordon.pipeline.flink.detect;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.KeyedTrackDetector;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.track.EntityTrack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs one core {@link KeyedTrackDetector} per detector key (a tile, an identity). The updates of
 * different tracks reach a key from different partitions in no fixed order, and these detectors
 * compare tracks with each other, so the operator puts them in event-time order first: an update
 * waits in the key's state until the watermark passes its time, then all waiting updates up to the
 * watermark are given to the detector sorted by (event time, track id, arrival). That is the order
 * an offline replay uses, so both give the same alerts.
 *
 * <p>When no update has reached the key for {@code flushAfterMs} of processing time, whatever waits
 * is released in the same order: at the end of a stream no later record moves the watermark, and a
 * track's last updates (its deletion, which closes its alerts) must not wait for ever. An update
 * that arrives behind the watermark is processed at once (counted as {@code lateUpdates}). When the
 * detector clears the key's state, state and pending timers' work are gone with it.
 *
 * <p>Expiry hook ({@link KeyedTrackDetector#expiresAt}/{@link KeyedTrackDetector#expire}): the
 * operator keeps one event-time timer at the state's expiry. Before each released update it expires
 * the state while its expiry is earlier than the update's time, and after a batch while it is at or
 * before the watermark, so a key that hears nothing more is cleared and the order of expiries and
 * updates does not depend on when the watermark moves ({@link
 * io.cordon.pipeline.detect.DetectorReplay} does the same).
 */
public class KeyedTrackDetectorFunction
        extends KeyedProcessFunction<String, RoutedTrack, KeyedPayload> {
    /** Default quiet time after which waiting updates are released without a watermark. */
    public static final long DEFAULT_FLUSH_AFTER_MS = 5_000;

    static final Comparator<RoutedTrack> ORDER =
            Comparator.<RoutedTrack>comparingLong(r -> r.eventTimeMs)
                    .thenComparing(r -> r.trackId)
                    .thenComparingLong(r -> r.seq);

    private final ConfigText config;
    private final String borderGeoJson;
    private final KeyedDetectorFactory factory;
    private final long flushAfterMs;

    private transient KeyedTrackDetector<Object> detector;
    private transient ValueState<byte[]> state;
    private transient WatermarkOrderBuffer<RoutedTrack> buffer;
    private transient ValueState<Long> expiryAt;
    private transient Counter alertsOut;
    private transient Counter late;

    public KeyedTrackDetectorFunction(
            ConfigText config,
            String borderGeoJson,
            KeyedDetectorFactory factory,
            long flushAfterMs) {
        if (flushAfterMs <= 0) {
            throw new IllegalArgumentException("flushAfterMs must be > 0, was " + flushAfterMs);
        }
        this.config = config;
        this.borderGeoJson = borderGeoJson;
        this.factory = factory;
        this.flushAfterMs = flushAfterMs;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(OpenContext openContext) {
        CordonConfig cfg = config.parse();
        BorderMap borders = BorderMap.fromGeoJson(borderGeoJson, cfg.borders());
        detector = (KeyedTrackDetector<Object>) factory.create(cfg, borders);
        String name = detector.name();
        var ctx = getRuntimeContext();
        state =
                ctx.getState(
                        new ValueStateDescriptor<>(
                                "detector-" + name,
                                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        buffer =
                new WatermarkOrderBuffer<>(
                        ctx,
                        "pending-" + name,
                        "-" + name,
                        TypeInformation.of(RoutedTrack.class),
                        r -> r.eventTimeMs,
                        flushAfterMs);
        expiryAt = ctx.getState(new ValueStateDescriptor<>("expiry-at-" + name, Types.LONG));
        var group = ctx.getMetricGroup().addGroup("detector", name);
        alertsOut = group.counter("alerts");
        late = group.counter("lateUpdates");
    }

    @Override
    public void processElement(RoutedTrack r, Context ctx, Collector<KeyedPayload> out)
            throws Exception {
        r.seq = buffer.nextArrival();
        if (r.eventTimeMs <= ctx.timerService().currentWatermark()) {
            late.inc();
            process(
                    ctx.getCurrentKey(),
                    List.of(r),
                    out,
                    ctx.timerService(),
                    ctx.timerService().currentWatermark());
            return;
        }
        buffer.hold(r, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<KeyedPayload> out)
            throws Exception {
        boolean eventTime = ctx.timeDomain() == TimeDomain.EVENT_TIME;
        WatermarkOrderBuffer.Release<RoutedTrack> release =
                buffer.release(timestamp, eventTime, ctx.timerService());
        if (release == null) {
            return;
        }
        List<RoutedTrack> ready = new ArrayList<>(release.ready());
        if (ready.isEmpty()) {
            Long expiry = expiryAt.value();
            if (!eventTime || expiry == null || expiry > timestamp) {
                return;
            }
        } else {
            ready.sort(ORDER);
        }
        process(ctx.getCurrentKey(), ready, out, ctx.timerService(), release.watermark());
    }

    private void process(
            String key,
            List<RoutedTrack> ordered,
            Collector<KeyedPayload> out,
            org.apache.flink.streaming.api.TimerService timers,
            long watermark)
            throws Exception {
        byte[] stored = state.value();
        Object s = stored == null ? null : detector.decodeState(stored);
        for (RoutedTrack r : ordered) {
            if (!(EntityTrackCodec.parse(r.payload) instanceof DecodeResult.Ok<EntityTrack> ok)) {
                continue; // validated upstream by TrackDecodeFunction
            }
            s = expire(s, key, r.eventTimeMs - 1, out);
            DetectorResult<Object> result = detector.onTrackUpdate(s, key, ok.value());
            s = result.newState();
            emit(result, out);
        }
        s = expire(s, key, watermark, out);
        if (s == null) {
            state.clear();
        } else {
            state.update(detector.encodeState(s));
        }
        Instant next = s == null ? null : detector.expiresAt(s);
        WatermarkOrderBuffer.moveEventTimer(
                expiryAt, next == null ? null : next.toEpochMilli(), timers);
        if (s == null) {
            buffer.clearIfEmpty(timers);
        }
    }

    /** Expires the state while its expiry is at or before {@code upTo}, emitting what it ends. */
    private Object expire(Object s, String key, long upTo, Collector<KeyedPayload> out) {
        Instant at;
        while (s != null && (at = detector.expiresAt(s)) != null && at.toEpochMilli() <= upTo) {
            DetectorResult<Object> result = detector.expire(s, key, at);
            emit(result, out);
            Instant again =
                    result.newState() == null ? null : detector.expiresAt(result.newState());
            s = result.newState();
            if (again != null && !again.isAfter(at)) {
                break; // no progress: leave it to the next update (a detector bug otherwise)
            }
        }
        return s;
    }

    private void emit(DetectorResult<Object> result, Collector<KeyedPayload> out) {
        for (Alert alert : result.alerts()) {
            alertsOut.inc();
            out.collect(AlertPayloads.of(alert));
        }
    }
}
