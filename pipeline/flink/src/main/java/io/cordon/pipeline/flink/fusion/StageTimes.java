package io.cordon.pipeline.flink.fusion;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the time between an observation's event time and its track update goes, per event time, for
 * the fusion benchmark (which runs the job in its own JVM): when the last observation of the event
 * time was decoded, when the tracker started and ended the step that fused it (the start is when
 * the watermark reached the tracker, or when the previous step released by the same watermark
 * ended). Off unless {@link #enable()} was called; then {@link TrackingFunction} records each step.
 * With several fusion partitions an event time's values are the latest over them.
 */
public final class StageTimes {
    /** Wall-clock ms: last decode, step start, step end. */
    public record Step(long lastDecodedMs, long stepStartMs, long stepEndMs) {}

    private static volatile Map<Long, Step> steps;

    private StageTimes() {}

    /** Starts recording (forgets what was recorded before). */
    public static void enable() {
        steps = new ConcurrentHashMap<>();
    }

    public static boolean enabled() {
        return steps != null;
    }

    /** What was recorded, by event time (epoch ms); empty when not enabled. */
    public static Map<Long, Step> steps() {
        Map<Long, Step> s = steps;
        return s == null ? Map.of() : s;
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
