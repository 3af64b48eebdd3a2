package io.cordon.pipeline.detect.lowslow;

import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;

/**
 * Per-track state of {@link LowSlowFlyerDetector}.
 *
 * @param lastTime time of the last update used
 * @param since when the current episode (all conditions holding) began, or null outside one
 * @param sincePlace where it began, or null
 * @param alerted whether the episode has alerted
 * @param reportedPlace where the track was at the open alert's latest message, or null
 * @param revision {@code UPDATE}s sent for the open alert so far
 */
public record LowSlowFlyerState(
        Instant lastTime,
        Instant since,
        GeoPoint sincePlace,
        boolean alerted,
        GeoPoint reportedPlace,
        int revision) {
    private static final int VERSION = 2; // 2 added reportedPlace, revision

    /** A state without an open alert's messages. */
    public LowSlowFlyerState(
            Instant lastTime, Instant since, GeoPoint sincePlace, boolean alerted) {
        this(lastTime, since, sincePlace, alerted, null, 0);
    }

    public byte[] toBytes() {
        return new StateBytes.Writer(VERSION)
                .writeInstant(lastTime)
                .writeInstant(since)
                .writePoint(sincePlace)
                .writeBoolean(alerted)
                .writePoint(reportedPlace)
                .writeInt(revision)
                .toBytes();
    }

    public static LowSlowFlyerState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, 1, VERSION);
        Instant lastTime = r.readInstant();
        Instant since = r.readInstant();
        GeoPoint sincePlace = r.readPoint();
        boolean alerted = r.readBoolean();
        if (r.version() < 2) {
            return new LowSlowFlyerState(lastTime, since, sincePlace, alerted, sincePlace, 0);
        }
        return new LowSlowFlyerState(
                lastTime, since, sincePlace, alerted, r.readPoint(), r.readInt());
    }
}
