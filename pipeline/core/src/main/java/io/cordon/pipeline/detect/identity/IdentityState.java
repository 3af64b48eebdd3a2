package io.cordon.pipeline.detect.identity;

import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link IdentityConflictDetector} remembers for one identity: which tracks claim it and which
 * conflicts are open.
 *
 * @param claims the latest update of each track claiming the identity, sorted by track id
 * @param conflicts the open conflicts, in the order they were found
 */
public record IdentityState(List<Claim> claims, List<Conflict> conflicts) {
    /**
     * 2 added Conflict.reportedSeparationM, revision; 3 keys a conflict by its first pair and keeps
     * both sides' last claims and when it broke (a side's track gone).
     */
    private static final int VERSION = 3;

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
     * One identity in two places: two sides, each the latest claim of the track holding it now.
     *
     * @param firstA smaller track id of the pair that found the conflict (the alert id's basis)
     * @param firstB larger track id of that pair
     * @param start when the conflict was found
     * @param place where the updating track was then
     * @param a side A's latest claim (its track: first A, or the track that took the side over)
     * @param b side B's latest claim
     * @param maxSeparationM the largest separation seen, m
     * @param reportedSeparationM the separation the alert's latest separation message reported, m
     * @param revision messages sent for the conflict after {@code NEW} so far
     * @param brokenAt when a side's track stopped claiming (deleted or claim expired) and no track
     *     has taken the side over since; null while both sides' tracks claim
     */
    public record Conflict(
            String firstA,
            String firstB,
            Instant start,
            GeoPoint place,
            Claim a,
            Claim b,
            double maxSeparationM,
            double reportedSeparationM,
            int revision,
            Instant brokenAt) {
        /** A conflict as first found by claims {@code a} and {@code b} (a's track id smaller). */
        public static Conflict found(Claim a, Claim b, Instant start, GeoPoint place, double sepM) {
            return new Conflict(a.trackId(), b.trackId(), start, place, a, b, sepM, sepM, 0, null);
        }

        public String trackA() {
            return a.trackId();
        }

        public String trackB() {
            return b.trackId();
        }

        public boolean broken() {
            return brokenAt != null;
        }

        Conflict withSides(Claim a, Claim b) {
            return with(a, b, maxSeparationM, reportedSeparationM, revision, brokenAt);
        }

        Conflict withBrokenAt(Instant at) {
            return with(a, b, maxSeparationM, reportedSeparationM, revision, at);
        }

        /** A message sent: {@code revision} one more, the separations as given. */
        Conflict sent(double maxSeparationM, double reportedSeparationM) {
            return with(a, b, maxSeparationM, reportedSeparationM, revision + 1, brokenAt);
        }

        Conflict withMaxSeparation(double maxSeparationM) {
            return with(a, b, maxSeparationM, reportedSeparationM, revision, brokenAt);
        }

        /** The same conflict (first tracks, start, place) with these sides and bookkeeping. */
        private Conflict with(
                Claim a,
                Claim b,
                double maxSeparationM,
                double reportedSeparationM,
                int revision,
                Instant brokenAt) {
            return new Conflict(
                    firstA,
                    firstB,
                    start,
                    place,
                    a,
                    b,
                    maxSeparationM,
                    reportedSeparationM,
                    revision,
                    brokenAt);
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
        claims.forEach(c -> write(w, c));
        w.writeInt(conflicts.size());
        for (Conflict c : conflicts) {
            w.writeString(c.firstA()).writeString(c.firstB()).writeInstant(c.start());
            w.writePoint(c.place());
            write(w, c.a());
            write(w, c.b());
            w.writeDouble(c.maxSeparationM())
                    .writeDouble(c.reportedSeparationM())
                    .writeInt(c.revision())
                    .writeBoolean(c.broken());
            if (c.broken()) {
                w.writeInstant(c.brokenAt());
            }
        }
        return w.toBytes();
    }

    private static void write(StateBytes.Writer w, Claim c) {
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

    private static Claim readClaim(StateBytes.Reader r) {
        return new Claim(
                r.readString(),
                r.readInstant(),
                r.readPoint(),
                r.readDouble(),
                r.readDouble(),
                r.readBoolean(),
                r.readString(),
                r.readString(),
                r.readString());
    }

    /** Reads versions 1 to 3. */
    public static IdentityState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, 1, VERSION);
        int n = r.readInt();
        List<Claim> claims = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            claims.add(readClaim(r));
        }
        int k = r.readInt();
        List<Conflict> conflicts = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            conflicts.add(r.version() < 3 ? readOldConflict(r, claims) : readConflict(r));
        }
        return new IdentityState(claims, conflicts);
    }

    private static Conflict readConflict(StateBytes.Reader r) {
        String firstA = r.readString();
        String firstB = r.readString();
        Instant start = r.readInstant();
        GeoPoint place = r.readPoint();
        Claim a = readClaim(r);
        Claim b = readClaim(r);
        double max = r.readDouble();
        double reported = r.readDouble();
        int revision = r.readInt();
        Instant brokenAt = r.readBoolean() ? r.readInstant() : null;
        return new Conflict(firstA, firstB, start, place, a, b, max, reported, revision, brokenAt);
    }

    /**
     * A version 1 or 2 conflict: a pair of tracks, both claiming (it was closed when either
     * stopped), so its sides are their claims in the same state; a claim missing there (not written
     * by 1.1.0) becomes the conflict's place and time, releasable to nobody.
     */
    private static Conflict readOldConflict(StateBytes.Reader r, List<Claim> claims) {
        String trackA = r.readString();
        String trackB = r.readString();
        Instant start = r.readInstant();
        GeoPoint place = r.readPoint();
        double max = r.readDouble();
        double reported = r.version() < 2 ? max : r.readDouble();
        int revision = r.version() < 2 ? 0 : r.readInt();
        return new Conflict(
                trackA,
                trackB,
                start,
                place,
                side(trackA, claims, start, place),
                side(trackB, claims, start, place),
                max,
                reported,
                revision,
                null);
    }

    private static Claim side(String trackId, List<Claim> claims, Instant start, GeoPoint place) {
        for (Claim c : claims) {
            if (c.trackId().equals(trackId)) {
                return c;
            }
        }
        return new Claim(trackId, start, place, 0, 0, false, "", "", "");
    }
}
