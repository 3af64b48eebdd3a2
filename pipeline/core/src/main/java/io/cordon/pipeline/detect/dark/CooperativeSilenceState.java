package io.cordon.pipeline.detect.dark;

import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;

/**
 * What {@link CooperativeSilenceDetector} remembers about one track.
 *
 * @param lastCooperativeTime the track's last cooperative report time, null when it never had one
 * @param lastCooperativePosition the track's position at the first update that carried that time
 *     (null with it)
 * @param coveredSince since when the track has been inside the coverage of the cooperative sensors
 *     of its kind without leaving it, null when outside
 * @param firstTime time of the first update seen
 * @param lastTime time of the last update
 * @param alerted whether the current silence (or the never-cooperative finding) has alerted
 * @param alertKey the window key of the open alert (empty when none)
 */
public record CooperativeSilenceState(
        Instant lastCooperativeTime,
        GeoPoint lastCooperativePosition,
        Instant coveredSince,
        Instant firstTime,
        Instant lastTime,
        boolean alerted,
        String alertKey) {
    private static final int VERSION = 1;

    public CooperativeSilenceState {
        if (firstTime == null || lastTime == null) {
            throw new IllegalArgumentException("firstTime and lastTime are required");
        }
        alertKey = alertKey == null ? "" : alertKey;
    }

    public byte[] toBytes() {
        return new StateBytes.Writer(VERSION)
                .writeInstant(lastCooperativeTime)
                .writePoint(lastCooperativePosition)
                .writeInstant(coveredSince)
                .writeInstant(firstTime)
                .writeInstant(lastTime)
                .writeBoolean(alerted)
                .writeString(alertKey)
                .toBytes();
    }

    public static CooperativeSilenceState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, VERSION);
        return new CooperativeSilenceState(
                r.readInstant(),
                r.readPoint(),
                r.readInstant(),
                r.readInstant(),
                r.readInstant(),
                r.readBoolean(),
                r.readString());
    }
}
