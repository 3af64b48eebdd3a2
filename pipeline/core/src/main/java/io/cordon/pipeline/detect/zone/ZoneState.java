package io.cordon.pipeline.detect.zone;

import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ZoneIntrusionDetector} remembers about one track.
 *
 * @param lastPosition position at the last update
 * @param lastTime time of the last update
 * @param inside the zones the track is in (entered and not yet left), by zone id
 */
public record ZoneState(GeoPoint lastPosition, Instant lastTime, List<Entry> inside) {
    private static final int VERSION = 1;

    /**
     * One zone the track is in.
     *
     * @param zoneId the zone
     * @param enteredAt when it crossed into the zone (interpolated between updates)
     * @param place where it was at the first update inside
     * @param alerted whether the entry has alerted (a track entering while tentative alerts at its
     *     first confirmed update)
     */
    public record Entry(String zoneId, Instant enteredAt, GeoPoint place, boolean alerted) {}

    public ZoneState {
        if (lastPosition == null || lastTime == null) {
            throw new IllegalArgumentException("lastPosition and lastTime are required");
        }
        inside = List.copyOf(inside);
    }

    public byte[] toBytes() {
        StateBytes.Writer w =
                new StateBytes.Writer(VERSION)
                        .writePoint(lastPosition)
                        .writeInstant(lastTime)
                        .writeInt(inside.size());
        for (Entry e : inside) {
            w.writeString(e.zoneId())
                    .writeInstant(e.enteredAt())
                    .writePoint(e.place())
                    .writeBoolean(e.alerted());
        }
        return w.toBytes();
    }

    public static ZoneState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, VERSION);
        GeoPoint position = r.readPoint();
        Instant time = r.readInstant();
        int n = r.readInt();
        List<Entry> inside = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inside.add(new Entry(r.readString(), r.readInstant(), r.readPoint(), r.readBoolean()));
        }
        return new ZoneState(position, time, inside);
    }
}
