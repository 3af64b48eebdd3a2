package io.cordon.pipeline.detect.rendezvous;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.KeyedTrackDetector;
import io.cordon.pipeline.detect.rendezvous.RendezvousState.Member;
import io.cordon.pipeline.detect.rendezvous.RendezvousState.Pair;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rendezvous of two tracks, per spatial tile (see {@link TileGrid}; or one key for a small area).
 *
 * <p>At each {@code CONFIRMED}/{@code COASTING} update of a track, every other track of the tile
 * updated within {@link RendezvousParameters#maxTrackAgeS()} is predicted (constant velocity) to
 * the update's time and the geodesic distance measured. Within {@link
 * RendezvousParameters#maxDistanceM()} the pair is together: the first such update starts it and
 * each one adds the updating track's speed as a sample. The pair alerts {@code NEW} at the first
 * update at which it has been together {@link RendezvousParameters#minDurationS()} and at least
 * half of the samples are at most {@link RendezvousParameters#maxMedianSpeedMps()} (the median
 * speed test). It ends when the tracks are farther than {@link RendezvousParameters#separationM()}
 * apart, when either is deleted, or when either has not been updated for {@link
 * RendezvousParameters#forgetAfterS()}; an alerted pair then emits {@code CLOSED} with the same id
 * and the window from its start to its last update together.
 *
 * <p>Only the pair's owner tile emits ({@link TileGrid#tileOf} of the midpoint at the start); tiles
 * given the same updates in the same order compute the same pairs, so every pair alerts exactly
 * once. The id is {@code AlertIds.of(RENDEZVOUS, "rendezvous", [a, b], t)} with {@code t} the
 * pair's start in epoch milliseconds rounded to the second. Tentative updates are ignored.
 */
public final class RendezvousDetector implements KeyedTrackDetector<RendezvousState> {
    public static final String NAME = "rendezvous";
    public static final String VERSION = "1.0.0";

    private final RendezvousParameters parameters;
    private final TileGrid grid;

    public RendezvousDetector(RendezvousParameters parameters, TileGrid grid) {
        this.parameters = parameters;
        this.grid = grid;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The tiles within a halo of twice {@link RendezvousParameters#separationM()} of the update, so
     * that both tracks of a pair up to its separation distance reach the pair's tiles.
     */
    @Override
    public List<String> keysFor(EntityTrack u) {
        return grid.tilesNear(u.position(), 2 * parameters.separationM());
    }

    /** For a single key holding every track: this key owns every pair. */
    public DetectorResult<RendezvousState> onTrackUpdate(RendezvousState prev, EntityTrack u) {
        return onTrackUpdate(prev, null, u);
    }

    /**
     * One track update arriving at tile {@code tileKey} (null: a single key owning every pair).
     * Returns null state when the tile holds nothing any more.
     */
    @Override
    public DetectorResult<RendezvousState> onTrackUpdate(
            RendezvousState prev, String tileKey, EntityTrack u) {
        RendezvousState s = prev == null ? RendezvousState.EMPTY : prev;
        Map<String, Member> members = new TreeMap<>();
        s.members().forEach(m -> members.put(m.trackId(), m));
        Map<String, Pair> pairs = new TreeMap<>();
        s.pairs().forEach(p -> pairs.put(p.trackA() + "|" + p.trackB(), p));
        List<Alert> alerts = new ArrayList<>();
        Member known = members.get(u.trackId());
        boolean stale = known != null && u.time().isBefore(known.time());
        if (u.status() == TrackStatus.DELETED) {
            end(pairs, members, p -> p.involves(u.trackId()), tileKey, u.time(), alerts);
            members.remove(u.trackId());
        } else if (u.status() != TrackStatus.TENTATIVE && !stale) {
            Member self = member(u);
            members.put(u.trackId(), self);
            Instant forgetBefore =
                    u.time().minusMillis(Math.round(parameters.forgetAfterS() * 1000));
            java.util.Set<String> gone = new java.util.TreeSet<>();
            members.values().stream()
                    .filter(m -> m.time().isBefore(forgetBefore))
                    .forEach(m -> gone.add(m.trackId()));
            end(
                    pairs,
                    members,
                    p -> gone.contains(p.trackA()) || gone.contains(p.trackB()),
                    tileKey,
                    u.time(),
                    alerts);
            members.keySet().removeAll(gone);
            compare(self, u, members, pairs, tileKey, alerts);
        }
        RendezvousState next =
                new RendezvousState(
                        new ArrayList<>(members.values()), new ArrayList<>(pairs.values()));
        return new DetectorResult<>(next.isEmpty() ? null : next, alerts);
    }

    private void compare(
            Member self,
            EntityTrack u,
            Map<String, Member> members,
            Map<String, Pair> pairs,
            String tileKey,
            List<Alert> alerts) {
        Instant oldest = u.time().minusMillis(Math.round(parameters.maxTrackAgeS() * 1000));
        boolean slow = u.velocity().groundSpeedMps() <= parameters.maxMedianSpeedMps();
        for (Member other : members.values()) {
            if (other.trackId().equals(self.trackId()) || other.time().isBefore(oldest)) {
                continue;
            }
            GeoPoint there =
                    Geodesy.predict(
                            other.position(),
                            new Velocity(other.eastMps(), other.northMps(), 0),
                            Geodesy.secondsBetween(other.time(), u.time()));
            double d = Geodesy.distanceM(self.position(), there);
            boolean aFirst = self.trackId().compareTo(other.trackId()) < 0;
            Member a = aFirst ? self : other;
            Member b = aFirst ? other : self;
            String key = a.trackId() + "|" + b.trackId();
            Pair p = pairs.get(key);
            if (d <= parameters.maxDistanceM()) {
                if (p == null) {
                    GeoPoint mid = Geodesy.midpoint(self.position(), there);
                    p =
                            new Pair(
                                    a.trackId(),
                                    b.trackId(),
                                    u.time(),
                                    u.time(),
                                    mid,
                                    grid.tileOf(mid),
                                    0,
                                    0,
                                    d,
                                    false);
                }
                p =
                        new Pair(
                                p.trackA(),
                                p.trackB(),
                                p.start(),
                                u.time(),
                                p.startPlace(),
                                p.ownerTile(),
                                p.slowSamples() + (slow ? 1 : 0),
                                p.fastSamples() + (slow ? 0 : 1),
                                Math.min(p.minDistanceM(), d),
                                p.alerted());
                if (!p.alerted() && meets(p)) {
                    p =
                            new Pair(
                                    p.trackA(),
                                    p.trackB(),
                                    p.start(),
                                    p.lastTogether(),
                                    p.startPlace(),
                                    p.ownerTile(),
                                    p.slowSamples(),
                                    p.fastSamples(),
                                    p.minDistanceM(),
                                    true);
                    if (owns(tileKey, p)) {
                        alerts.add(
                                alert(
                                        p,
                                        a,
                                        b,
                                        AlertState.NEW,
                                        u.time(),
                                        Geodesy.midpoint(self.position(), there)));
                    }
                }
                pairs.put(key, p);
            } else if (p != null && d > parameters.separationM()) {
                pairs.remove(key);
                if (p.alerted() && owns(tileKey, p)) {
                    alerts.add(alert(p, a, b, AlertState.CLOSED, p.lastTogether(), p.startPlace()));
                }
            }
        }
    }

    private void end(
            Map<String, Pair> pairs,
            Map<String, Member> members,
            java.util.function.Predicate<Pair> ending,
            String tileKey,
            Instant now,
            List<Alert> alerts) {
        var it = pairs.values().iterator();
        while (it.hasNext()) {
            Pair p = it.next();
            if (!ending.test(p)) {
                continue;
            }
            it.remove();
            if (p.alerted() && owns(tileKey, p)) {
                Member a =
                        members.getOrDefault(
                                p.trackA(), placeholder(p.trackA(), now, p.startPlace()));
                Member b =
                        members.getOrDefault(
                                p.trackB(), placeholder(p.trackB(), now, p.startPlace()));
                alerts.add(alert(p, a, b, AlertState.CLOSED, p.lastTogether(), p.startPlace()));
            }
        }
    }

    private boolean meets(Pair p) {
        return Geodesy.secondsBetween(p.start(), p.lastTogether()) >= parameters.minDurationS()
                && p.slowSamples() >= p.fastSamples();
    }

    private static boolean owns(String tileKey, Pair p) {
        return tileKey == null || tileKey.equals(p.ownerTile());
    }

    private static Member member(EntityTrack u) {
        return new Member(
                u.trackId(),
                u.time(),
                u.position(),
                u.velocity().eastMps(),
                u.velocity().northMps(),
                u.marking().releasableToAll(),
                String.join(",", new java.util.TreeSet<>(u.marking().partners())),
                String.join(",", u.partnerIds()),
                String.join(",", u.sensorIds()));
    }

    /** A track already gone from the state: nothing is known of its marking, so release to none. */
    private static Member placeholder(String trackId, Instant time, GeoPoint where) {
        return new Member(trackId, time, where, 0, 0, false, "", "", "");
    }

    private static Marking marking(Member m) {
        return m.releasableToAll()
                ? Marking.UNRESTRICTED
                : Marking.releasableTo(split(m.releasableTo()));
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private Alert alert(Pair p, Member a, Member b, AlertState state, Instant end, GeoPoint where) {
        long key = Math.round(p.start().toEpochMilli() / 1000.0) * 1000;
        double duration = Geodesy.secondsBetween(p.start(), end);
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("durationS", Evidence.decimal(duration, 1));
        evidence.put("minDistanceM", Evidence.decimal(p.minDistanceM(), 1));
        evidence.put("slowSamples", Integer.toString(p.slowSamples()));
        evidence.put("fastSamples", Integer.toString(p.fastSamples()));
        evidence.put("startLatDeg", Evidence.decimal(p.startPlace().latDeg(), 6));
        evidence.put("startLonDeg", Evidence.decimal(p.startPlace().lonDeg(), 6));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxDistanceM",
                Evidence.decimal(parameters.maxDistanceM(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "minDurationS",
                Evidence.decimal(parameters.minDurationS(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxMedianSpeedMps",
                Evidence.decimal(parameters.maxMedianSpeedMps(), 2));
        List<String> partners = new ArrayList<>(split(a.partnerIds()));
        partners.addAll(split(b.partnerIds()));
        List<String> sensors = new ArrayList<>(split(a.sensorIds()));
        sensors.addAll(split(b.sensorIds()));
        evidence.put(Evidence.SOURCE_PARTNERS, Evidence.joined(partners));
        evidence.put(Evidence.SOURCE_SENSORS, Evidence.joined(sensors));
        String summary =
                String.format(
                        Locale.ROOT,
                        "Tracks %s and %s %s within %.0f m of each other for %.0f s near %.5f, %.5f.",
                        p.trackA(),
                        p.trackB(),
                        state == AlertState.NEW ? "have been" : "were",
                        parameters.maxDistanceM(),
                        duration,
                        p.startPlace().latDeg(),
                        p.startPlace().lonDeg());
        return new Alert(
                AlertIds.of(
                        AlertType.RENDEZVOUS,
                        NAME,
                        List.of(p.trackA(), p.trackB()),
                        Long.toString(key)),
                AlertType.RENDEZVOUS,
                parameters.severity(),
                state,
                p.start(),
                end,
                where,
                List.of(p.trackA(), p.trackB()),
                NAME,
                VERSION,
                Alert.evidence(evidence),
                marking(a).intersect(marking(b)),
                summary);
    }

    @Override
    public byte[] encodeState(RendezvousState state) {
        return state.toBytes();
    }

    @Override
    public RendezvousState decodeState(byte[] bytes) {
        return RendezvousState.fromBytes(bytes);
    }
}
