package io.cordon.pipeline.fusion;

import io.cordon.pipeline.config.SensorConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Event-time progress of one ordered stream of observations (one Kafka partition), judged per
 * sensor: each sensor has its own bounded out-of-orderness and idleness (from the sensor registry,
 * else the job's defaults).
 *
 * <p>A sensor's watermark is its newest event time minus its out-of-orderness minus 1 ms (nothing
 * at or before it is expected any more from that sensor). The stream's watermark is the minimum
 * over its active sensors and never goes back. A sensor is idle, and forgotten, when its newest
 * observation is more than its idleness behind the newest observation of any sensor of the stream:
 * idleness is judged in event time, in the order of the stream, so a replay decides it the same
 * way. An observation at or before the watermark is {@linkplain #isLate late} and does not move the
 * clock.
 *
 * <p>With the same bounds for every sensor the watermark is never ahead of the usual single bound
 * (newest event time of the whole stream minus the out-of-orderness): leaving idle sensors out
 * cannot make data late that the single bound would have accepted. Smaller bounds for sensors known
 * to deliver in order let the watermark follow them closely.
 */
public final class SensorWatermarks {
    /**
     * One sensor's tolerances.
     *
     * @param maxOutOfOrdernessMs how far behind the sensor's newest observation one may arrive, ms
     * @param idlenessMs event time without an observation after which the sensor stops holding back
     *     the partition, ms
     */
    public record Bounds(long maxOutOfOrdernessMs, long idlenessMs) implements Serializable {
        public Bounds {
            if (maxOutOfOrdernessMs < 0 || idlenessMs <= 0) {
                throw new IllegalArgumentException(
                        "need maxOutOfOrdernessMs >= 0 and idlenessMs > 0, got "
                                + maxOutOfOrdernessMs
                                + " and "
                                + idlenessMs);
            }
        }

        public static Bounds of(Duration maxOutOfOrderness, Duration idleness) {
            return new Bounds(maxOutOfOrderness.toMillis(), idleness.toMillis());
        }
    }

    private final Map<String, Bounds> registry;
    private final Bounds defaults;
    private final Map<String, Long> newest = new HashMap<>();
    private long current = Long.MIN_VALUE;

    public SensorWatermarks(Map<String, Bounds> registry, Bounds defaults) {
        this.registry = registry;
        this.defaults = defaults;
    }

    /**
     * The bounds the registry gives each sensor that sets at least one of them; the other value
     * comes from {@code defaults}.
     */
    public static Map<String, Bounds> fromRegistry(List<SensorConfig> sensors, Bounds defaults) {
        Map<String, Bounds> out = new HashMap<>();
        for (SensorConfig s : sensors) {
            if (s.hasMaxOutOfOrderness() || s.hasIdleness()) {
                out.put(
                        s.id(),
                        new Bounds(
                                s.hasMaxOutOfOrderness()
                                        ? Math.round(s.maxOutOfOrdernessS() * 1000)
                                        : defaults.maxOutOfOrdernessMs(),
                                s.hasIdleness()
                                        ? Math.max(1, Math.round(s.idlenessS() * 1000))
                                        : defaults.idlenessMs()));
            }
        }
        return out;
    }

    /** The largest out-of-orderness of any sensor, at least the default's: the stream's bound. */
    public static Duration largestOutOfOrderness(Map<String, Bounds> registry, Bounds defaults) {
        long ms = defaults.maxOutOfOrdernessMs();
        for (Bounds b : registry.values()) {
            ms = Math.max(ms, b.maxOutOfOrdernessMs());
        }
        return Duration.ofMillis(ms);
    }

    public Bounds bounds(String sensorId) {
        return registry.getOrDefault(sensorId, defaults);
    }

    /** The stream's watermark: nothing at or before it is expected any more. */
    public long current() {
        return current;
    }

    /** Whether an observation at this time comes too late to be fused in order. */
    public boolean isLate(long eventTimeMs) {
        return eventTimeMs <= current;
    }

    /**
     * Records an observation that is not late and returns the stream's watermark after it.
     *
     * @throws IllegalArgumentException if the observation is late (a programmer error: check {@link
     *     #isLate} first)
     */
    public long observe(String sensorId, long eventTimeMs) {
        if (isLate(eventTimeMs)) {
            throw new IllegalArgumentException(
                    "observation at " + eventTimeMs + " is late (watermark " + current + ")");
        }
        Long before = newest.get(sensorId);
        if (before == null || eventTimeMs > before) {
            newest.put(sensorId, eventTimeMs);
            recompute();
        }
        return current;
    }

    private void recompute() {
        long newestOverall = Long.MIN_VALUE;
        for (long t : newest.values()) {
            newestOverall = Math.max(newestOverall, t);
        }
        long min = Long.MAX_VALUE;
        for (Iterator<Map.Entry<String, Long>> it = newest.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            Bounds b = bounds(e.getKey());
            if (newestOverall - e.getValue() > b.idlenessMs()) {
                it.remove(); // idle: forgotten until it reports again
                continue;
            }
            min = Math.min(min, e.getValue() - b.maxOutOfOrdernessMs() - 1);
        }
        if (min != Long.MAX_VALUE) {
            current = Math.max(current, min);
        }
    }

    /** Newest event time of each active sensor (for checkpoints). */
    public Map<String, Long> newestBySensor() {
        return Collections.unmodifiableMap(newest);
    }

    /** Restores what {@link #newestBySensor()} and {@link #current()} gave. */
    public void restore(Map<String, Long> newestBySensor, long watermark) {
        newest.clear();
        newest.putAll(newestBySensor);
        current = watermark;
    }
}
