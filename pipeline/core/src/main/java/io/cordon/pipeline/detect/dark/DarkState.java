package io.cordon.pipeline.detect.dark;

import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;

/**
 * What {@link DarkTargetDetector} remembers about one track.
 *
 * @param lastObservedTime time of the last update that fused a new observation
 * @param lastObservedPosition position then
 * @param lastUpdateCount the track's update count then
 * @param lastTime time of the last update of any kind
 * @param lastPosition position then (predicted while unobserved)
 * @param logMissProbability log of the probability that the covering sensors all missed the target
 *     since {@code lastObservedTime}, summed along its path
 * @param confirmed whether the track has been confirmed (tentative tracks never go dark)
 * @param alerted whether the current gap has alerted
 */
public record DarkState(
        Instant lastObservedTime,
        GeoPoint lastObservedPosition,
        long lastUpdateCount,
        Instant lastTime,
        GeoPoint lastPosition,
        double logMissProbability,
        boolean confirmed,
        boolean alerted) {
    private static final int VERSION = 1;

    public DarkState {
        if (lastObservedTime == null
                || lastObservedPosition == null
                || lastTime == null
                || lastPosition == null) {
            throw new IllegalArgumentException("times and positions are required");
        }
    }

    public byte[] toBytes() {
        return new StateBytes.Writer(VERSION)
                .writeInstant(lastObservedTime)
                .writePoint(lastObservedPosition)
                .writeLong(lastUpdateCount)
                .writeInstant(lastTime)
                .writePoint(lastPosition)
                .writeDouble(logMissProbability)
                .writeBoolean(confirmed)
                .writeBoolean(alerted)
                .toBytes();
    }

    public static DarkState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, VERSION);
        return new DarkState(
                r.readInstant(),
                r.readPoint(),
                r.readLong(),
                r.readInstant(),
                r.readPoint(),
                r.readDouble(),
                r.readBoolean(),
                r.readBoolean());
    }
}
