package io.cordon.pipeline.detect.rendezvous;

import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link RendezvousDetector} remembers for one tile: the latest update of each confirmed track
 * near the tile, and the pairs currently together.
 *
 * @param members latest update per track, sorted by track id
 * @param pairs pairs together (or within the separation hysteresis), sorted by their ids
 */
public record RendezvousState(List<Member> members, List<Pair> pairs) {
    private static final int VERSION = 1;

    /**
     * A track's latest update, with what an alert needs about it.
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
    public record Member(
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
     * Two tracks together.
     *
     * @param trackA the smaller track id
     * @param trackB the larger track id
     * @param start the first update at which they were together
     * @param lastTogether the latest such update
     * @param startPlace the midpoint between them at the start
     * @param ownerTile the tile that emits this pair's alerts (the tile of {@code startPlace})
     * @param slowSamples speed samples (of either track, while together) at most the maximum
     * @param fastSamples speed samples above it
     * @param minDistanceM the least distance seen between them, m
     * @param alerted whether the pair has alerted
     */
    public record Pair(
            String trackA,
            String trackB,
            Instant start,
            Instant lastTogether,
            GeoPoint startPlace,
            String ownerTile,
            int slowSamples,
            int fastSamples,
            double minDistanceM,
            boolean alerted) {
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

    public byte[] toBytes() {
        StateBytes.Writer w = new StateBytes.Writer(VERSION).writeInt(members.size());
        for (Member m : members) {
            w.writeString(m.trackId())
                    .writeInstant(m.time())
                    .writePoint(m.position())
                    .writeDouble(m.eastMps())
                    .writeDouble(m.northMps())
                    .writeBoolean(m.releasableToAll())
                    .writeString(m.releasableTo())
                    .writeString(m.partnerIds())
                    .writeString(m.sensorIds());
        }
        w.writeInt(pairs.size());
        for (Pair p : pairs) {
            w.writeString(p.trackA())
                    .writeString(p.trackB())
                    .writeInstant(p.start())
                    .writeInstant(p.lastTogether())
                    .writePoint(p.startPlace())
                    .writeString(p.ownerTile())
                    .writeInt(p.slowSamples())
                    .writeInt(p.fastSamples())
                    .writeDouble(p.minDistanceM())
                    .writeBoolean(p.alerted());
        }
        return w.toBytes();
    }

    public static RendezvousState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, VERSION);
        int n = r.readInt();
        List<Member> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(
                    new Member(
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
        List<Pair> pairs = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            pairs.add(
                    new Pair(
                            r.readString(),
                            r.readString(),
                            r.readInstant(),
                            r.readInstant(),
                            r.readPoint(),
                            r.readString(),
                            r.readInt(),
                            r.readInt(),
                            r.readDouble(),
                            r.readBoolean()));
        }
        return new RendezvousState(members, pairs);
    }
}
