package io.cordon.pipeline.detect.convoy;

import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ConvoyDetector} remembers for one tile: the latest update of each confirmed track
 * near the tile, the groups moving together and the alerted groups that broke up less than {@link
 * ConvoyParameters#rejoinS()} ago.
 *
 * @param members latest update per track, sorted by track id
 * @param groups groups of at least {@link ConvoyParameters#minTracks()} linked tracks, sorted by
 *     key
 * @param broken alerted groups of this tile that fell below minTracks and may still re-form (their
 *     alert is open until they re-form or {@code rejoinS} passes), sorted by key
 */
public record ConvoyState(List<Member> members, List<Group> groups, List<Broken> broken) {
    // 2 added the members' velocity sigma, 3 the broken groups
    private static final int VERSION = 3;

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
            String sensorIds,
            double velocitySigmaMps) {
        /** A member whose velocity uncertainty is unknown (0). */
        public Member(
                String trackId,
                Instant time,
                GeoPoint position,
                double eastMps,
                double northMps,
                boolean releasableToAll,
                String releasableTo,
                String partnerIds,
                String sensorIds) {
            this(
                    trackId,
                    time,
                    position,
                    eastMps,
                    northMps,
                    releasableToAll,
                    releasableTo,
                    partnerIds,
                    sensorIds,
                    0);
        }
    }

    /**
     * Tracks moving together.
     *
     * @param key stable key of the group in this tile: its first member and start
     * @param members comma-separated sorted track ids
     * @param start the update at which the group formed (in this tile's view)
     * @param lastTogether the latest update that confirmed the group
     * @param centroid mean position of the members at {@code lastTogether}
     * @param ownerTile the tile that emits the group's alerts
     * @param alerted whether this tile has an open alert for the group
     * @param alertKey the window key of the open alert's id (empty when none)
     * @param alertMembers comma-separated members when the open alert was raised (its id's tracks)
     * @param revision messages sent for the open alert so far minus one (0 after {@code NEW})
     * @param maxMembers the largest membership seen while the alert is open
     */
    public record Group(
            String key,
            String members,
            Instant start,
            Instant lastTogether,
            GeoPoint centroid,
            String ownerTile,
            boolean alerted,
            String alertKey,
            String alertMembers,
            int revision,
            int maxMembers) {
        public List<String> memberList() {
            return members.isEmpty() ? List.of() : List.of(members.split(","));
        }
    }

    /**
     * An alerted group that fell below minTracks: its alert stays open (no message) until the group
     * re-forms ({@code UPDATE}, {@code reason=rejoined}) or is {@code CLOSED}.
     *
     * @param group the group as it was at its last update together (its members then)
     * @param since the update at which it fell below minTracks
     * @param reason why it fell ({@code left}, {@code ended}, {@code lost}): the reason its {@code
     *     CLOSED} will carry
     * @param snapshot its members' latest updates when it fell, for the {@code CLOSED} (marking,
     *     provenance, speed), sorted by track id
     */
    public record Broken(Group group, Instant since, String reason, List<Member> snapshot) {
        public Broken {
            snapshot = List.copyOf(snapshot);
        }
    }

    public static final ConvoyState EMPTY = new ConvoyState(List.of(), List.of(), List.of());

    public ConvoyState {
        members = List.copyOf(members);
        groups = List.copyOf(groups);
        broken = List.copyOf(broken);
    }

    public boolean isEmpty() {
        return members.isEmpty() && groups.isEmpty() && broken.isEmpty();
    }

    public byte[] toBytes() {
        StateBytes.Writer w = new StateBytes.Writer(VERSION).writeInt(members.size());
        members.forEach(m -> writeMember(w, m));
        w.writeInt(groups.size());
        groups.forEach(g -> writeGroup(w, g));
        w.writeInt(broken.size());
        for (Broken b : broken) {
            writeGroup(w, b.group());
            w.writeInstant(b.since()).writeString(b.reason()).writeInt(b.snapshot().size());
            b.snapshot().forEach(m -> writeMember(w, m));
        }
        return w.toBytes();
    }

    private static void writeMember(StateBytes.Writer w, Member m) {
        w.writeString(m.trackId())
                .writeInstant(m.time())
                .writePoint(m.position())
                .writeDouble(m.eastMps())
                .writeDouble(m.northMps())
                .writeBoolean(m.releasableToAll())
                .writeString(m.releasableTo())
                .writeString(m.partnerIds())
                .writeString(m.sensorIds())
                .writeDouble(m.velocitySigmaMps());
    }

    private static void writeGroup(StateBytes.Writer w, Group g) {
        w.writeString(g.key())
                .writeString(g.members())
                .writeInstant(g.start())
                .writeInstant(g.lastTogether())
                .writePoint(g.centroid())
                .writeString(g.ownerTile())
                .writeBoolean(g.alerted())
                .writeString(g.alertKey())
                .writeString(g.alertMembers())
                .writeInt(g.revision())
                .writeInt(g.maxMembers());
    }

    /** Reads versions 1 (no velocity sigma, read as 0), 2 (no broken groups) and 3. */
    public static ConvoyState fromBytes(byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes, 1, VERSION);
        int n = r.readInt();
        List<Member> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(readMember(r));
        }
        int k = r.readInt();
        List<Group> groups = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            groups.add(readGroup(r));
        }
        List<Broken> broken = new ArrayList<>();
        if (r.version() >= 3) {
            int b = r.readInt();
            for (int i = 0; i < b; i++) {
                Group g = readGroup(r);
                Instant since = r.readInstant();
                String reason = r.readString();
                int m = r.readInt();
                List<Member> snapshot = new ArrayList<>(m);
                for (int j = 0; j < m; j++) {
                    snapshot.add(readMember(r));
                }
                broken.add(new Broken(g, since, reason, snapshot));
            }
        }
        return new ConvoyState(members, groups, broken);
    }

    private static Member readMember(StateBytes.Reader r) {
        return new Member(
                r.readString(),
                r.readInstant(),
                r.readPoint(),
                r.readDouble(),
                r.readDouble(),
                r.readBoolean(),
                r.readString(),
                r.readString(),
                r.readString(),
                r.version() >= 2 ? r.readDouble() : 0);
    }

    private static Group readGroup(StateBytes.Reader r) {
        return new Group(
                r.readString(),
                r.readString(),
                r.readInstant(),
                r.readInstant(),
                r.readPoint(),
                r.readString(),
                r.readBoolean(),
                r.readString(),
                r.readString(),
                r.readInt(),
                r.readInt());
    }
}
