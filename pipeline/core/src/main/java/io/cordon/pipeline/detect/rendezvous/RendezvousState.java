package io.cordon.pipeline.detect.rendezvous;

import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.detect.rendezvous.RendezvousVariants.Variant;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.track.StateCovariance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link RendezvousDetector} remembers for one tile: the latest update of each confirmed track
 * near the tile, and the pairs currently together.
 *
 * <p>Encoding version 4. Version 3 (no variant on members and pairs) is read as land; version 2 (no
 * {@code apartSince}) is read with the pairs not apart; version 1 (no covariance, speed window,
 * revision or report fields either) with its members without covariance (point estimates until
 * their next update), its pairs with an empty speed window, revision 0 and their start as the last
 * and reported place.
 *
 * @param members latest update per track, sorted by track id
 * @param pairs pairs together (or within the separation hysteresis), sorted by their ids
 */
public record RendezvousState(List<Member> members, List<Pair> pairs) {
    private static final int VERSION = 4; // 3 added Pair.apartSince, 4 the variants

    /**
     * The horizontal covariance of a track's estimate in ENU at its position: position (m²),
     * position-velocity (m²/s) and velocity (m²/s²) terms.
     */
    public record Cov(
            double ee,
            double en,
            double nn,
            double eVe,
            double eVn,
            double nVe,
            double nVn,
            double veVe,
            double veVn,
            double vnVn) {
        public static final Cov ZERO = new Cov(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** From a track's covariance; {@link #ZERO} when it has none. */
        public static Cov of(StateCovariance c) {
            if (c == null) {
                return ZERO;
            }
            return new Cov(
                    c.get(0, 0),
                    c.get(0, 1),
                    c.get(1, 1),
                    c.get(0, 2),
                    c.get(0, 3),
                    c.get(1, 2),
                    c.get(1, 3),
                    c.get(2, 2),
                    c.get(2, 3),
                    c.get(3, 3));
        }

        /**
         * Position covariance {ee, en, nn} predicted {@code dt} seconds ahead at constant velocity.
         */
        double[] positionAfter(double dt) {
            return new double[] {
                ee + 2 * dt * eVe + dt * dt * veVe,
                en + dt * (eVn + nVe) + dt * dt * veVn,
                nn + 2 * dt * nVn + dt * dt * vnVn
            };
        }
    }

    /**
     * A track's latest update, with what an alert needs about it.
     *
     * @param trackId the track
     * @param time its time
     * @param position its position
     * @param eastMps velocity east, m/s
     * @param northMps velocity north, m/s
     * @param cov its covariance
     * @param releasableToAll the track's marking is unrestricted
     * @param releasableTo comma-separated partner ids when restricted
     * @param partnerIds comma-separated contributing partners
     * @param sensorIds comma-separated contributing sensors
     * @param variant the variant of the track's class at this update
     */
    public record Member(
            String trackId,
            Instant time,
            GeoPoint position,
            double eastMps,
            double northMps,
            Cov cov,
            boolean releasableToAll,
            String releasableTo,
            String partnerIds,
            String sensorIds,
            Variant variant) {
        public Member {
            variant = variant == null ? Variant.LAND : variant;
        }
    }

    /**
     * Two tracks together.
     *
     * @param trackA the smaller track id
     * @param trackB the larger track id
     * @param start the first update at which they were together
     * @param lastTogether the latest such update
     * @param startPlace the midpoint between them at the start
     * @param lastPlace the midpoint at {@code lastTogether}
     * @param ownerTile the tile that emits this pair's alerts (the tile of {@code startPlace})
     * @param slowSamples speed samples (of either track, while together) counted slow
     * @param fastSamples speed samples counted fast
     * @param window the speed samples of the last {@code minDurationS} together, oldest first, each
     *     its event time in epoch milliseconds times two plus one when slow
     * @param minDistanceM the least distance seen between their estimates, m
     * @param alerted whether the pair has alerted
     * @param revision messages sent after NEW (0 until the first UPDATE)
     * @param reportedDurationS the duration the last NEW or UPDATE reported, s
     * @param reportedPlace the midpoint the last NEW or UPDATE reported
     * @param apartSince the first update since they were last together at which the tracks were
     *     beyond the separation, or null (the pair ends once that is {@link
     *     RendezvousParameters#separationS()} ago)
     * @param variant whose parameters the pair uses: the tracks' variant when it started (a pair
     *     that has not alerted restarts when the tracks' variant changes)
     */
    public record Pair(
            String trackA,
            String trackB,
            Instant start,
            Instant lastTogether,
            GeoPoint startPlace,
            GeoPoint lastPlace,
            String ownerTile,
            int slowSamples,
            int fastSamples,
            List<Long> window,
            double minDistanceM,
            boolean alerted,
            int revision,
            double reportedDurationS,
            GeoPoint reportedPlace,
            Instant apartSince,
            Variant variant) {
        public Pair {
            window = List.copyOf(window);
            variant = variant == null ? Variant.LAND : variant;
        }

        public boolean involves(String trackId) {
            return trackA.equals(trackId) || trackB.equals(trackId);
        }
    }

    public static final RendezvousState EMPTY = new RendezvousState(List.of(), List.of());

    public RendezvousState {
        members = List.copyOf(members);
        pairs = List.copyOf(pairs);
    }

    public boolean isEmpty() {
        return members.isEmpty() && pairs.isEmpty();
    }

    private static double secondsBetween(Instant a, Instant b) {
        return (b.toEpochMilli() - a.toEpochMilli()) / 1000.0;
    }

    public byte[] toBytes() {
        StateBytes.Writer w = new StateBytes.Writer(VERSION).writeInt(members.size());
        for (Member m : members) {
            Cov c = m.cov();
            w.writeString(m.trackId())
                    .writeInstant(m.time())
                    .writePoint(m.position())
                    .writeDouble(m.eastMps())
                    .writeDouble(m.northMps())
                    .writeDouble(c.ee())
                    .writeDouble(c.en())
                    .writeDouble(c.nn())
                    .writeDouble(c.eVe())
                    .writeDouble(c.eVn())
                    .writeDouble(c.nVe())
                    .writeDouble(c.nVn())
                    .writeDouble(c.veVe())
                    .writeDouble(c.veVn())
                    .writeDouble(c.vnVn())
                    .writeBoolean(m.releasableToAll())
                    .writeString(m.releasableTo())
                    .writeString(m.partnerIds())
                    .writeString(m.sensorIds())
                    .writeString(m.variant().name());
        }
        w.writeInt(pairs.size());
        for (Pair p : pairs) {
            w.writeString(p.trackA())
                    .writeString(p.trackB())
                    .writeInstant(p.start())
                    .writeInstant(p.lastTogether())
                    .writePoint(p.startPlace())
                    .writePoint(p.lastPlace())
                    .writeString(p.ownerTile())
                    .writeInt(p.slowSamples())
                    .writeInt(p.fastSamples())
                    .writeInt(p.window().size());
            for (long sample : p.window()) {
                w.writeLong(sample);
            }
            w.writeDouble(p.minDistanceM())
                    .writeBoolean(p.alerted())
                    .writeInt(p.revision())
                    .writeDouble(p.reportedDurationS())
                    .writePoint(p.reportedPlace())
                    .writeInstant(p.apartSince())
                    .writeString(p.variant().name());
        }
        return w.toBytes();
    }

    private static Variant variant(String name) {
        try {
            return Variant.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rendezvous state: unknown variant " + name, e);
        }
    }

    public static RendezvousState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, 1, VERSION);
        boolean v1 = r.version() == 1;
        boolean v3 = r.version() >= 3;
        boolean v4 = r.version() >= 4;
        int n = r.readInt();
        List<Member> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = r.readString();
            Instant time = r.readInstant();
            GeoPoint position = r.readPoint();
            double east = r.readDouble();
            double north = r.readDouble();
            Cov cov =
                    v1
                            ? Cov.ZERO
                            : new Cov(
                                    r.readDouble(),
                                    r.readDouble(),
                                    r.readDouble(),
                                    r.readDouble(),
                                    r.readDouble(),
                                    r.readDouble(),
                                    r.readDouble(),
                                    r.readDouble(),
                                    r.readDouble(),
                                    r.readDouble());
            members.add(
                    new Member(
                            id,
                            time,
                            position,
                            east,
                            north,
                            cov,
                            r.readBoolean(),
                            r.readString(),
                            r.readString(),
                            r.readString(),
                            v4 ? variant(r.readString()) : Variant.LAND));
        }
        int k = r.readInt();
        List<Pair> pairs = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            String a = r.readString();
            String b = r.readString();
            Instant start = r.readInstant();
            Instant last = r.readInstant();
            GeoPoint startPlace = r.readPoint();
            GeoPoint lastPlace = v1 ? startPlace : r.readPoint();
            String owner = r.readString();
            int slow = r.readInt();
            int fast = r.readInt();
            int m = v1 ? 0 : r.readInt();
            List<Long> window = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                window.add(r.readLong());
            }
            double minDistance = r.readDouble();
            boolean alerted = r.readBoolean();
            int revision = v1 ? 0 : r.readInt();
            double reportedDuration = v1 ? secondsBetween(start, last) : r.readDouble();
            GeoPoint reportedPlace = v1 ? startPlace : r.readPoint();
            pairs.add(
                    new Pair(
                            a,
                            b,
                            start,
                            last,
                            startPlace,
                            lastPlace,
                            owner,
                            slow,
                            fast,
                            window,
                            minDistance,
                            alerted,
                            revision,
                            reportedDuration,
                            reportedPlace,
                            v3 ? r.readInstant() : null,
                            v4 ? variant(r.readString()) : Variant.LAND));
        }
        return new RendezvousState(members, pairs);
    }
}
