package io.cordon.pipeline.flink.detect;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.convoy.ConvoyAlertReconciler;
import io.cordon.pipeline.detect.convoy.ConvoyDetector;
import io.cordon.pipeline.detect.convoy.ConvoyParameters;
import io.cordon.pipeline.detect.convoy.ConvoyReconcilerState;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.record.KeyedPayload;
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
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The convoy tiles' alerts through one {@link ConvoyAlertReconciler}, so that a convoy keeps one
 * alert id across tiles. Keyed by the constant {@link #KEY} (convoy alerts are rare: one subtask is
 * plenty). The tiles' alerts reach it from several subtasks in no fixed order, so each waits in
 * state until the watermark passes the event time it was raised at (evidence {@code raisedAt}) and
 * is then given to the reconciler in its order (raised at, tile, arrival: one tile's alerts come
 * from one subtask, in order), which is what {@link io.cordon.pipeline.detect.DetectorReplay} does
 * offline; then the reconciler advances to the watermark (held hand-over {@code CLOSED}s, one
 * event-time timer at {@link ConvoyAlertReconciler#dueAt}).
 *
 * <p>As in {@link KeyedTrackDetectorFunction}: when nothing has arrived for {@code flushAfterMs} of
 * processing time, whatever waits is released in the same order (the end of a stream); an alert
 * raised at or behind the watermark is reconciled at once (counted as {@code lateAlerts}). A
 * payload that is not an alert is passed on unchanged (counted as {@code undecodable}).
 */
public class ConvoyReconcileFunction
        extends KeyedProcessFunction<String, KeyedPayload, KeyedPayload> {
    /** The one key. */
    public static final String KEY = "convoy";

    /** An alert waiting for the watermark. */
    public static class PendingAlert {
        /** Event time it was raised at, epoch milliseconds (rounded down). */
        public long raisedAtMs;

        /** Arrival number: a tile's alerts of one time keep their order. */
        public long seq;

        /** The {@code cordon.v1.Alert} protobuf bytes. */
        public byte[] payload;

        public PendingAlert() {}

        PendingAlert(long raisedAtMs, long seq, byte[] payload) {
            this.raisedAtMs = raisedAtMs;
            this.seq = seq;
            this.payload = payload;
        }
    }

    private record Waiting(Alert alert, long seq) {}

    private static final Comparator<Waiting> ORDER =
            Comparator.comparing(Waiting::alert, ConvoyAlertReconciler.ORDER)
                    .thenComparingLong(Waiting::seq);

    private final ConfigText config;
    private final long flushAfterMs;

    private transient ConvoyAlertReconciler reconciler;
    private transient ValueState<byte[]> state;
    private transient WatermarkOrderBuffer<PendingAlert> buffer;
    private transient ValueState<Long> dueAt;
    private transient Counter alertsOut;
    private transient Counter late;
    private transient Counter undecodable;

    public ConvoyReconcileFunction(ConfigText config, long flushAfterMs) {
        if (flushAfterMs <= 0) {
            throw new IllegalArgumentException("flushAfterMs must be > 0, was " + flushAfterMs);
        }
        this.config = config;
        this.flushAfterMs = flushAfterMs;
    }

    @Override
    public void open(OpenContext openContext) {
        CordonConfig cfg = config.parse();
        reconciler =
                new ConvoyAlertReconciler(
                        ConvoyParameters.from(cfg.detectors().of(ConvoyDetector.NAME)));
        var ctx = getRuntimeContext();
        state =
                ctx.getState(
                        new ValueStateDescriptor<>(
                                "reconciler",
                                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        buffer =
                new WatermarkOrderBuffer<>(
                        ctx,
                        "pending-alerts",
                        "",
                        TypeInformation.of(PendingAlert.class),
                        w -> w.raisedAtMs,
                        flushAfterMs);
        dueAt = ctx.getState(new ValueStateDescriptor<>("due-at", Types.LONG));
        var group = ctx.getMetricGroup().addGroup("reconciler", ConvoyDetector.NAME);
        alertsOut = group.counter("alerts");
        late = group.counter("lateAlerts");
        undecodable = group.counter("undecodable");
    }

    @Override
    public void processElement(KeyedPayload p, Context ctx, Collector<KeyedPayload> out)
            throws Exception {
        if (!(AlertCodec.parse(p.payload) instanceof DecodeResult.Ok<Alert> ok)) {
            undecodable.inc();
            out.collect(p);
            return;
        }
        long n = buffer.nextArrival();
        long at = ConvoyAlertReconciler.raisedAt(ok.value()).toEpochMilli();
        long watermark = ctx.timerService().currentWatermark();
        if (at <= watermark) {
            late.inc();
            process(List.of(ok.value()), watermark, out, ctx.timerService());
            return;
        }
        buffer.hold(new PendingAlert(at, n, p.payload), ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<KeyedPayload> out)
            throws Exception {
        WatermarkOrderBuffer.Release<PendingAlert> release =
                buffer.release(
                        timestamp, ctx.timeDomain() == TimeDomain.EVENT_TIME, ctx.timerService());
        if (release == null) {
            return;
        }
        List<Waiting> ready = new ArrayList<>();
        for (PendingAlert w : release.ready()) {
            // each was decoded once on arrival
            if (AlertCodec.parse(w.payload) instanceof DecodeResult.Ok<Alert> ok) {
                ready.add(new Waiting(ok.value(), w.seq));
            }
        }
        ready.sort(ORDER);
        process(
                ready.stream().map(Waiting::alert).toList(),
                release.watermark(),
                out,
                ctx.timerService());
    }

    /** Reconciles {@code ordered}, then advances to the watermark; stores state and its timer. */
    private void process(
            List<Alert> ordered, long watermark, Collector<KeyedPayload> out, TimerService timers)
            throws Exception {
        byte[] stored = state.value();
        ConvoyReconcilerState s = stored == null ? null : ConvoyReconcilerState.fromBytes(stored);
        for (Alert a : ordered) {
            DetectorResult<ConvoyReconcilerState> r = reconciler.accept(s, a);
            emit(r.alerts(), out);
            s = r.newState();
        }
        if (watermark != Long.MIN_VALUE) {
            DetectorResult<ConvoyReconcilerState> r =
                    reconciler.advance(s, Instant.ofEpochMilli(watermark));
            emit(r.alerts(), out);
            s = r.newState();
        }
        if (s == null) {
            state.clear();
        } else {
            state.update(s.toBytes());
        }
        Instant next = reconciler.dueAt(s);
        // the watermark is in whole milliseconds: round up, so the timer's watermark reaches it
        Long nextMs =
                next == null
                        ? null
                        : next.toEpochMilli() + (next.getNano() % 1_000_000 == 0 ? 0 : 1);
        WatermarkOrderBuffer.moveEventTimer(dueAt, nextMs, timers);
        if (s == null) {
            buffer.clearIfEmpty(timers);
        }
    }

    private void emit(List<Alert> alerts, Collector<KeyedPayload> out) {
        for (Alert alert : alerts) {
            alertsOut.inc();
            out.collect(AlertPayloads.of(alert));
        }
    }
}
