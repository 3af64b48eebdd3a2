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
 * @param heldObservations observations fused since the track was born or last re-acquired after a
 *     gap of at least {@link DarkTargetParameters#minGapS()} (the whole update count for state
 *     written before version 2)
 * @param lastEastMps velocity east of the latest update, m/s (0 before version 2)
 * @param lastNorthMps velocity north of the latest update, m/s (0 before version 2)
 */
public record DarkState(
        Instant lastObservedTime,
        GeoPoint lastObservedPosition,
        long lastUpdateCount,
        Instant lastTime,
        GeoPoint lastPosition,
        double logMissProbability,
        boolean confirmed,
        boolean alerted,
        long heldObservations,
        double lastEastMps,
        double lastNorthMps) {
    private static final int VERSION = 2; // 2 added heldObservations, lastEastMps, lastNorthMps

    public DarkState {
        if (lastObservedTime == null
                || lastObservedPosition == null
                || lastTime == null
                || lastPosition == null) {
            throw new IllegalArgumentException("times and positions are required");
        }
        if (!Double.isFinite(lastEastMps) || !Double.isFinite(lastNorthMps)) {
            throw new IllegalArgumentException(
                    "velocity must be finite: " + lastEastMps + ", " + lastNorthMps);
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
                .writeLong(heldObservations)
                .writeDouble(lastEastMps)
                .writeDouble(lastNorthMps)
                .toBytes();
    }

    public static DarkState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, 1, VERSION);
        Instant lastObservedTime = r.readInstant();
        GeoPoint lastObservedPosition = r.readPoint();
        long lastUpdateCount = r.readLong();
        Instant lastTime = r.readInstant();
        GeoPoint lastPosition = r.readPoint();
        double logMissProbability = r.readDouble();
        boolean confirmed = r.readBoolean();
        boolean alerted = r.readBoolean();
        boolean v2 = r.version() >= 2;
        return new DarkState(
                lastObservedTime,
                lastObservedPosition,
                lastUpdateCount,
                lastTime,
                lastPosition,
                logMissProbability,
                confirmed,
                alerted,
                v2 ? r.readLong() : lastUpdateCount,
                v2 ? r.readDouble() : 0,
                v2 ? r.readDouble() : 0);
    }
}
