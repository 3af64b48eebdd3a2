package io.cordon.pipeline.flink.fusion;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the time between an observation's event time and its track update goes, per event time, for
 * the fusion benchmark (which runs the job in its own JVM): when the last observation of the event
 * time was decoded, when the tracker started and ended the step that fused it (the start is when
 * the watermark reached the tracker, or when the previous step released by the same watermark
 * ended), and when the tracks sink last handed an update of that time to its Kafka producer. Off
 * unless {@link #enable()} was called; then {@link TrackingFunction} records each step and the
 * sink's serializer each write. With several fusion partitions an event time's values are the
 * latest over them.
 */
public final class StageTimes {
    /** Wall-clock ms: last decode, step start, step end. */
    public record Step(long lastDecodedMs, long stepStartMs, long stepEndMs) {}

    private static volatile Map<Long, Step> steps;
    private static volatile Map<Long, Long> sinkWrites;

    private StageTimes() {}

    /** Starts recording (forgets what was recorded before). */
    public static void enable() {
        sinkWrites = new ConcurrentHashMap<>();
        steps = new ConcurrentHashMap<>();
    }

    /** Stops recording and forgets what was recorded. */
    public static void disable() {
        steps = null;
        sinkWrites = null;
    }

    public static boolean enabled() {
        return steps != null;
    }

    /** What was recorded, by event time (epoch ms); empty when not enabled. */
    public static Map<Long, Step> steps() {
        Map<Long, Step> s = steps;
        return s == null ? Map.of() : s;
    }

    /** Event time → when the sink last handed an update of that time to its producer. */
    public static Map<Long, Long> sinkWrites() {
        Map<Long, Long> s = sinkWrites;
        return s == null ? Map.of() : s;
    }

    /** The sink hands an update with this event time to its Kafka producer now. */
    public static void sinkWrite(long eventTimeMs) {
        sinkWrite(eventTimeMs, System.currentTimeMillis());
    }

    private static void sinkWrite(long eventTimeMs, long nowMs) {
        Map<Long, Long> s = sinkWrites;
        if (s != null) {
            s.merge(eventTimeMs, nowMs, Math::max);
        }
    }

    /**
     * One sink writer's {@link #sinkWrite}s: the same maxima, merged once per event time and clock
     * millisecond instead of once per update (a frame's updates come together; a merge per update
     * was 7 % of the sink's thread at 150 000 updates/s). One per writer: not thread-safe.
     */
    public static final class SinkWrites implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private long eventTimeMs = Long.MIN_VALUE;
        private long atMs = Long.MIN_VALUE;

        /** The writer hands an update with this event time to its Kafka producer now. */
        public void record(long eventTimeMs) {
            if (!enabled()) {
                return;
            }
            long now = System.currentTimeMillis();
            if (eventTimeMs != this.eventTimeMs || now != atMs) {
                sinkWrite(eventTimeMs, now);
                this.eventTimeMs = eventTimeMs;
                atMs = now;
            }
        }
    }

    static void step(long eventTimeMs, long lastDecodedMs, long stepStartMs, long stepEndMs) {
        Map<Long, Step> s = steps;
        if (s == null) {
            return;
        }
        s.merge(
                eventTimeMs,
                new Step(lastDecodedMs, stepStartMs, stepEndMs),
                (a, b) ->
                        new Step(
                                Math.max(a.lastDecodedMs(), b.lastDecodedMs()),
                                Math.max(a.stepStartMs(), b.stepStartMs()),
                                Math.max(a.stepEndMs(), b.stepEndMs())));
    }
}
