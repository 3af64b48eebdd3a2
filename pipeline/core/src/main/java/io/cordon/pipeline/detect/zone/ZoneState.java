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
    private static final int VERSION = 2; // 2 added Entry.reportedPlace, Entry.revision

    /**
     * One zone the track is in.
     *
     * @param zoneId the zone
     * @param enteredAt when it crossed into the zone (interpolated between updates)
     * @param place where it was at the first update inside
     * @param alerted whether the entry has alerted (a track entering while tentative alerts at its
     *     first confirmed update)
     * @param reportedPlace where the track was at the alert's latest message (null before NEW)
     * @param revision {@code UPDATE}s sent for the entry's alert so far
     */
    public record Entry(
            String zoneId,
            Instant enteredAt,
            GeoPoint place,
            boolean alerted,
            GeoPoint reportedPlace,
            int revision) {
        /** An entry without an alert's messages yet. */
        public Entry(String zoneId, Instant enteredAt, GeoPoint place, boolean alerted) {
            this(zoneId, enteredAt, place, alerted, null, 0);
        }
    }

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
                    .writeBoolean(e.alerted())
                    .writePoint(e.reportedPlace())
                    .writeInt(e.revision());
        }
        return w.toBytes();
    }

    public static ZoneState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, 1, VERSION);
        GeoPoint position = r.readPoint();
        Instant time = r.readInstant();
        int n = r.readInt();
        List<Entry> inside = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String zoneId = r.readString();
            Instant enteredAt = r.readInstant();
            GeoPoint place = r.readPoint();
            boolean alerted = r.readBoolean();
            inside.add(
                    r.version() < 2
                            ? new Entry(zoneId, enteredAt, place, alerted, place, 0)
                            : new Entry(
                                    zoneId, enteredAt, place, alerted, r.readPoint(), r.readInt()));
        }
        return new ZoneState(position, time, inside);
    }
}
