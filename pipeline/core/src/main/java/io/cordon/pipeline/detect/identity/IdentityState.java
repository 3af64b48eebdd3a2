package io.cordon.pipeline.detect.identity;

import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link IdentityConflictDetector} remembers for one identity: which tracks claim it and which
 * pairs of them conflict.
 *
 * @param claims the latest update of each track claiming the identity, sorted by track id
 * @param conflicts the pairs in conflict, sorted
 */
public record IdentityState(List<Claim> claims, List<Conflict> conflicts) {
    private static final int VERSION = 2; // 2 added Conflict.reportedSeparationM, revision

    /**
     * A track's latest claim.
     *
     * @param trackId the track
     * @param time its time
     * @param position its position
     * @param eastMps velocity east, m/s
     * @param northMps velocity north, m/s
     * @param releasableToAll the track's marking is unrestricted
     * @param releasableTo comma-separated partner ids when restricted
     * @param partnerIds comma-separated contributing partners
     * @param sensorIds comma-separated contributing sensors
     */
    public record Claim(
            String trackId,
            Instant time,
            GeoPoint position,
            double eastMps,
            double northMps,
            boolean releasableToAll,
            String releasableTo,
            String partnerIds,
            String sensorIds) {}

    /**
     * Two tracks in conflict.
     *
     * @param trackA smaller track id
     * @param trackB larger track id
     * @param start when the conflict was found
     * @param place where the updating track was then
     * @param maxSeparationM the largest separation seen, m
     * @param reportedSeparationM the separation the alert's latest message reported, m
     * @param revision {@code UPDATE}s sent for the conflict so far
     */
    public record Conflict(
            String trackA,
            String trackB,
            Instant start,
            GeoPoint place,
            double maxSeparationM,
            double reportedSeparationM,
            int revision) {
        /** A conflict as first found: its separation reported, no update yet. */
        public Conflict(
                String trackA,
                String trackB,
                Instant start,
                GeoPoint place,
                double maxSeparationM) {
            this(trackA, trackB, start, place, maxSeparationM, maxSeparationM, 0);
        }

        public boolean involves(String trackId) {
            return trackA.equals(trackId) || trackB.equals(trackId);
        }
    }

    public static final IdentityState EMPTY = new IdentityState(List.of(), List.of());

    public IdentityState {
        claims = List.copyOf(claims);
        conflicts = List.copyOf(conflicts);
    }

    public boolean isEmpty() {
        return claims.isEmpty() && conflicts.isEmpty();
    }

    public byte[] toBytes() {
        StateBytes.Writer w = new StateBytes.Writer(VERSION).writeInt(claims.size());
        for (Claim c : claims) {
            w.writeString(c.trackId())
                    .writeInstant(c.time())
                    .writePoint(c.position())
                    .writeDouble(c.eastMps())
                    .writeDouble(c.northMps())
                    .writeBoolean(c.releasableToAll())
                    .writeString(c.releasableTo())
                    .writeString(c.partnerIds())
                    .writeString(c.sensorIds());
        }
        w.writeInt(conflicts.size());
        for (Conflict c : conflicts) {
            w.writeString(c.trackA())
                    .writeString(c.trackB())
                    .writeInstant(c.start())
                    .writePoint(c.place())
                    .writeDouble(c.maxSeparationM())
                    .writeDouble(c.reportedSeparationM())
                    .writeInt(c.revision());
        }
        return w.toBytes();
    }

    public static IdentityState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, 1, VERSION);
        int n = r.readInt();
        List<Claim> claims = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            claims.add(
                    new Claim(
                            r.readString(),
                            r.readInstant(),
                            r.readPoint(),
                            r.readDouble(),
                            r.readDouble(),
                            r.readBoolean(),
                            r.readString(),
                            r.readString(),
                            r.readString()));
        }
        int k = r.readInt();
        List<Conflict> conflicts = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Conflict c =
                    new Conflict(
                            r.readString(),
                            r.readString(),
                            r.readInstant(),
                            r.readPoint(),
                            r.readDouble());
            conflicts.add(
                    r.version() < 2
                            ? c
                            : new Conflict(
                                    c.trackA(),
                                    c.trackB(),
                                    c.start(),
                                    c.place(),
                                    c.maxSeparationM(),
                                    r.readDouble(),
                                    r.readInt()));
        }
        return new IdentityState(claims, conflicts);
    }
}
