package io.cordon.pipeline.detect.crossing;

import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;

/**
 * What {@link BorderCrossingDetector} remembers about one track between updates: its last position,
 * and a crossing seen but not yet confirmed (the track is still within the hysteresis distance of
 * the border).
 *
 * @param lastPosition the track's position at its last update
 * @param lastTime the time of its last update
 * @param lastCountry the country (or side) it was in at its last update as far as known, empty when
 *     unknown
 * @param pendingPlace where the unconfirmed crossing happened; null when none is pending (then the
 *     other {@code pending*} fields are empty, false)
 * @param pendingTime when it happened (interpolated between updates)
 * @param pendingFrom country it came from
 * @param pendingTo country it went to
 * @param pendingAtPort whether it was at a port of entry
 * @param pendingPortName the port's name, empty when not at a port
 * @param confirmed whether the track has been {@code CONFIRMED} or {@code COASTING} at some update
 *     (only then may its deletion update still confirm a pending crossing)
 * @param pendingControlLine the maritime control line of the pending crossing, empty for a land
 *     border
 */
public record CrossingState(
        GeoPoint lastPosition,
        Instant lastTime,
        String lastCountry,
        GeoPoint pendingPlace,
        Instant pendingTime,
        String pendingFrom,
        String pendingTo,
        boolean pendingAtPort,
        String pendingPortName,
        boolean confirmed,
        String pendingControlLine) {
    private static final int VERSION = 3; // 3 added pendingControlLine

    /** A state whose pending crossing (if any) is of a land border. */
    public CrossingState(
            GeoPoint lastPosition,
            Instant lastTime,
            String lastCountry,
            GeoPoint pendingPlace,
            Instant pendingTime,
            String pendingFrom,
            String pendingTo,
            boolean pendingAtPort,
            String pendingPortName,
            boolean confirmed) {
        this(
                lastPosition,
                lastTime,
                lastCountry,
                pendingPlace,
                pendingTime,
                pendingFrom,
                pendingTo,
                pendingAtPort,
                pendingPortName,
                confirmed,
                "");
    }

    public CrossingState {
        if (lastPosition == null || lastTime == null) {
            throw new IllegalArgumentException("lastPosition and lastTime are required");
        }
        if ((pendingPlace == null) != (pendingTime == null)) {
            throw new IllegalArgumentException("pendingPlace and pendingTime go together");
        }
        lastCountry = lastCountry == null ? "" : lastCountry;
        pendingFrom = pendingFrom == null ? "" : pendingFrom;
        pendingTo = pendingTo == null ? "" : pendingTo;
        pendingPortName = pendingPortName == null ? "" : pendingPortName;
        pendingControlLine = pendingControlLine == null ? "" : pendingControlLine;
    }

    /** A state with nothing pending. */
    public static CrossingState at(
            GeoPoint position, Instant time, String country, boolean confirmed) {
        return new CrossingState(position, time, country, null, null, "", "", false, "", confirmed);
    }

    public boolean hasPending() {
        return pendingPlace != null;
    }

    public byte[] toBytes() {
        return new StateBytes.Writer(VERSION)
                .writePoint(lastPosition)
                .writeInstant(lastTime)
                .writeString(lastCountry)
                .writePoint(pendingPlace)
                .writeInstant(pendingTime)
                .writeString(pendingFrom)
                .writeString(pendingTo)
                .writeBoolean(pendingAtPort)
                .writeString(pendingPortName)
                .writeBoolean(confirmed)
                .writeString(pendingControlLine)
                .toBytes();
    }

    public static CrossingState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, 2, VERSION);
        return new CrossingState(
                r.readPoint(),
                r.readInstant(),
                r.readString(),
                r.readPoint(),
                r.readInstant(),
                r.readString(),
                r.readString(),
                r.readBoolean(),
                r.readString(),
                r.readBoolean(),
                r.version() >= 3 ? r.readString() : "");
    }
}
