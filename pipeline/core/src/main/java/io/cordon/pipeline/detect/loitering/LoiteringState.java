package io.cordon.pipeline.detect.loitering;

import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;

/**
 * What {@link LoiteringDetector} remembers about one track: the current slow episode.
 *
 * @param anchor where the episode started (null when the track is not in an episode)
 * @param start when it started (null with {@code anchor})
 * @param lastTime time of the track's last update
 * @param lastSpeedMps estimated speed at the last update, m/s
 * @param speedSecondsM integral of speed over time since {@code start}, metres (speed × time,
 *     trapezoid rule), so the mean speed is {@code speedSecondsM / duration}
 * @param alerted whether this episode has alerted (then its end emits a CLOSED alert)
 * @param lastPosition position at the last update
 * @param revision {@code UPDATE}s sent for the episode's alert so far
 */
public record LoiteringState(
        GeoPoint anchor,
        Instant start,
        Instant lastTime,
        double lastSpeedMps,
        double speedSecondsM,
        boolean alerted,
        GeoPoint lastPosition,
        int revision) {
    private static final int VERSION = 2; // 2 added revision

    public LoiteringState {
        if (lastTime == null || lastPosition == null) {
            throw new IllegalArgumentException("lastTime and lastPosition are required");
        }
        if ((anchor == null) != (start == null)) {
            throw new IllegalArgumentException("anchor and start go together");
        }
    }

    public boolean inEpisode() {
        return anchor != null;
    }

    public byte[] toBytes() {
        return new StateBytes.Writer(VERSION)
                .writePoint(anchor)
                .writeInstant(start)
                .writeInstant(lastTime)
                .writeDouble(lastSpeedMps)
                .writeDouble(speedSecondsM)
                .writeBoolean(alerted)
                .writePoint(lastPosition)
                .writeInt(revision)
                .toBytes();
    }

    public static LoiteringState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, 1, VERSION);
        return new LoiteringState(
                r.readPoint(),
                r.readInstant(),
                r.readInstant(),
                r.readDouble(),
                r.readDouble(),
                r.readBoolean(),
                r.readPoint(),
                r.version() >= 2 ? r.readInt() : 0);
    }
}
