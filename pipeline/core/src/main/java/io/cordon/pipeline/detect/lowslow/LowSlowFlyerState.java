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
 */
public record LowSlowFlyerState(
        Instant lastTime, Instant since, GeoPoint sincePlace, boolean alerted) {
    private static final int VERSION = 1;

    public byte[] toBytes() {
        return new StateBytes.Writer(VERSION)
                .writeInstant(lastTime)
                .writeInstant(since)
                .writePoint(sincePlace)
                .writeBoolean(alerted)
                .toBytes();
    }

    public static LowSlowFlyerState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, VERSION);
        return new LowSlowFlyerState(
                r.readInstant(), r.readInstant(), r.readPoint(), r.readBoolean());
    }
}
