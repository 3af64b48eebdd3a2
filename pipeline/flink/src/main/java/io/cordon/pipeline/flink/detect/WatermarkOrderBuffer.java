package io.cordon.pipeline.flink.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * A key's records waiting in keyed state until the watermark passes their event time, for the
 * operators that must see a key's records in event-time order whatever subtask they come from
 * ({@link KeyedTrackDetectorFunction}, {@link ConvoyReconcileFunction}): each held record sets an
 * event-time timer at its time; when the key has heard nothing for {@code flushAfterMs} of
 * processing time, everything waiting is released (the end of a stream, where no later record moves
 * the watermark). The caller sorts what is released and processes it.
 *
 * <p>State: the list of waiting records, the key's arrival count (a tie-breaker that keeps one
 * subtask's order), the pending flush deadline and the last arrival's processing time, under the
 * names given (they are part of the operators' savepoints).
 *
 * @param <T> the waiting record
 */
final class WatermarkOrderBuffer<T> {
    /** What a timer releases: the records up to {@code upTo} and the watermark to process at. */
    record Release<T>(List<T> ready, long upTo, long watermark) {}

    private final long flushAfterMs;
    private final ToLongFunction<T> eventTimeMs;
    private final ListState<T> pending;
    private final ValueState<Long> arrivals;
    private final ValueState<Long> flushAt;
    private final ValueState<Long> lastArrival;

    /**
     * @param pendingName the state name of the waiting list
     * @param suffix appended to the other state names ({@code arrivals}, {@code flush-at}, {@code
     *     last-arrival})
     */
    WatermarkOrderBuffer(
            RuntimeContext ctx,
            String pendingName,
            String suffix,
            TypeInformation<T> type,
            ToLongFunction<T> eventTimeMs,
            long flushAfterMs) {
        this.flushAfterMs = flushAfterMs;
        this.eventTimeMs = eventTimeMs;
        pending = ctx.getListState(new ListStateDescriptor<>(pendingName, type));
        arrivals = ctx.getState(new ValueStateDescriptor<>("arrivals" + suffix, Types.LONG));
        flushAt = ctx.getState(new ValueStateDescriptor<>("flush-at" + suffix, Types.LONG));
        lastArrival = ctx.getState(new ValueStateDescriptor<>("last-arrival" + suffix, Types.LONG));
    }

    /** The next arrival number of the key (0, 1, ...). */
    long nextArrival() throws Exception {
        long n = arrivals.value() == null ? 0 : arrivals.value();
        arrivals.update(n + 1);
        return n;
    }

    /** Holds {@code r} until the watermark passes its event time, or the key falls quiet. */
    void hold(T r, TimerService timers) throws Exception {
        pending.add(r);
        timers.registerEventTimeTimer(eventTimeMs.applyAsLong(r));
        long now = timers.currentProcessingTime();
        lastArrival.update(now);
        if (flushAt.value() == null) {
            flushAt.update(now + flushAfterMs);
            timers.registerProcessingTimeTimer(now + flushAfterMs);
        }
    }

    /**
     * What a timer at {@code timestamp} releases: an event-time timer the records at or before it,
     * the current flush deadline everything if the key has been quiet for {@code flushAfterMs}
     * (else the deadline moves on); null for a stale processing-time timer or a moved deadline. The
     * records released leave the buffer, unsorted.
     */
    Release<T> release(long timestamp, boolean eventTime, TimerService timers) throws Exception {
        long upTo;
        long watermark;
        if (eventTime) {
            upTo = timestamp;
            watermark = timestamp;
        } else {
            watermark = timers.currentWatermark();
            Long due = flushAt.value();
            if (due == null || timestamp != due) {
                return null; // not the key's current deadline
            }
            long quietUntil = lastArrival.value() + flushAfterMs;
            if (timestamp < quietUntil) {
                flushAt.update(quietUntil); // a record came since: wait until it is quiet
                timers.registerProcessingTimeTimer(quietUntil);
                return null;
            }
            flushAt.clear();
            upTo = Long.MAX_VALUE;
        }
        List<T> ready = new ArrayList<>();
        List<T> waiting = new ArrayList<>();
        Iterable<T> all = pending.get();
        if (all != null) {
            for (T r : all) {
                (eventTimeMs.applyAsLong(r) <= upTo ? ready : waiting).add(r);
            }
        }
        if (!ready.isEmpty()) {
            pending.update(waiting);
        }
        return new Release<>(ready, upTo, watermark);
    }

    /** Clears the buffer's state and its flush timer when nothing waits. */
    void clearIfEmpty(TimerService timers) throws Exception {
        Iterable<T> left = pending.get();
        if (left != null && left.iterator().hasNext()) {
            return;
        }
        Long due = flushAt.value();
        if (due != null) {
            timers.deleteProcessingTimeTimer(due);
        }
        pending.clear();
        arrivals.clear();
        flushAt.clear();
        lastArrival.clear();
    }

    /**
     * Keeps the one event-time timer stored in {@code slot} at {@code nextMs} (null: none): deletes
     * the old one when it moves, registers the new one.
     */
    static void moveEventTimer(ValueState<Long> slot, Long nextMs, TimerService timers)
            throws Exception {
        Long old = slot.value();
        if (old != null && !old.equals(nextMs)) {
            timers.deleteEventTimeTimer(old);
        }
        if (nextMs == null) {
            slot.clear();
        } else if (!nextMs.equals(old)) {
            timers.registerEventTimeTimer(nextMs);
            slot.update(nextMs);
        }
    }
}
