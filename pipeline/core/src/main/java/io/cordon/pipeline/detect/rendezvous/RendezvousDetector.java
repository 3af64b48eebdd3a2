package io.cordon.pipeline.detect.rendezvous;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.KeyedTrackDetector;
import io.cordon.pipeline.detect.rendezvous.RendezvousState.Cov;
import io.cordon.pipeline.detect.rendezvous.RendezvousState.Member;
import io.cordon.pipeline.detect.rendezvous.RendezvousState.Pair;
import io.cordon.pipeline.detect.rendezvous.RendezvousVariants.Variant;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rendezvous of two tracks, per spatial tile (see {@link TileGrid}; or one key for a small area).
 *
 * <p>At each {@code CONFIRMED}/{@code COASTING} update of a track, every other track of the tile
 * updated within {@link RendezvousParameters#maxTrackAgeS()} is predicted (constant velocity, its
 * covariance grown with it) to the update's time. The two estimates are {@code d} apart (geodesic)
 * and {@code σ} is the standard deviation of their difference along the line between them (both
 * tracks' position covariances added). The pair is together at that update when {@code d -
 * distanceSigmas·σ <= maxDistanceM} and {@code σ <= maxSigmaM}: the two tracks are consistent with
 * targets within the distance, and precise enough for that to mean something. The first such update
 * starts the pair; each one adds a speed sample of the updating track, slow when its estimated
 * speed minus {@code speedSigmas} standard deviations (along the velocity) is at most {@link
 * RendezvousParameters#maxMedianSpeedMps()}. The pair alerts {@code NEW} at the first update at
 * which it has been together {@link RendezvousParameters#minDurationS()} and at least half of its
 * samples are slow (the median speed test). While it lasts it sends {@code UPDATE} (same id,
 * evidence {@code revision} 1, 2, ...) when its duration passes another multiple of {@link
 * RendezvousParameters#updateEveryS()} ({@code reason=duration}) or its midpoint has moved more
 * than {@link RendezvousParameters#updateMoveM()} from the last reported place ({@code
 * reason=moved}). It ends when the tracks have not been together since an update at which they were
 * farther apart than {@link RendezvousParameters#separationM()} plus the same allowance ({@code d -
 * k·σ > separationM}) {@link RendezvousParameters#separationS()} or more before, when either is
 * deleted, or when either has not been updated for {@link RendezvousParameters#forgetAfterS()}
 * (seen at the tile's next update, or by {@link #expire} when none comes); an alerted pair then
 * emits {@code CLOSED} with the same id, the window from its start to its last update together and
 * the reason ({@code separated}, {@code deleted}, {@code forgotten}).
 *
 * <p>Variants ({@link RendezvousVariants}): every parameter above is the pair's variant's, chosen
 * from the two tracks' classes at their latest updates (vessels: sea, aircraft and drones: air,
 * anything else: land; two different variants: land). A pair that has not alerted restarts (new
 * start, window and samples) under the new variant when the classes change it, so two tracks first
 * unclassified and later known as vessels are judged as vessels; an alerted pair keeps the variant
 * it alerted with until it closes, so its id and evidence stay consistent (since 2.3.0; 2.2.0 kept
 * every pair's first variant). A track leaves the state after its own variant's {@code
 * forgetAfterS}. A sea pair whose midpoint is within {@link
 * RendezvousVariants#minAnchorageDistanceM()} of a configured anchorage does not alert; an air pair
 * is together only while their altitudes (when both known) are within {@link
 * RendezvousVariants#maxHeightDifferenceM()}, and a larger height difference counts as apart. The
 * alert's evidence names the variant ({@code variant}) and its parameters ({@code param.*}).
 *
 * <p>Only the pair's owner tile emits ({@link TileGrid#tileOf} of the midpoint at the start); tiles
 * given the same updates in the same order compute the same pairs, so every pair alerts exactly
 * once. The id is {@code AlertIds.of(RENDEZVOUS, "rendezvous", [a, b], t)} with {@code t} the
 * pair's start in epoch milliseconds rounded to the second. Tentative updates are ignored.
 */
public final class RendezvousDetector implements KeyedTrackDetector<RendezvousState> {
    public static final String NAME = "rendezvous";
    public static final String VERSION = "2.3.0";

    /**
     * Most speed samples a pair keeps for its median: beyond it the window is thinned to about half
     * as many samples evenly spaced in time, the oldest and the newest kept (the window still spans
     * {@code minDurationS}), so a 2 h sea encounter's state stays bounded (a land pair keeps 30 s
     * of 1-4 s updates, far below it).
     */
    static final int MAX_WINDOW = 512;

    private final RendezvousVariants variants;
    private final TileGrid grid;

    /** Only the land variant configured: sea and air at their defaults. */
    public RendezvousDetector(RendezvousParameters land, TileGrid grid) {
        this(RendezvousVariants.landOnly(land), grid);
    }

    public RendezvousDetector(RendezvousVariants variants, TileGrid grid) {
        this.variants = variants;
        this.grid = grid;
    }

    private RendezvousParameters params(Variant v) {
        return variants.of(v);
    }

    private static Variant variantOf(EntityTrack u) {
        return Variant.of(u.classification().targetClass());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The tiles within a halo of twice {@link RendezvousVariants#reachM} of the update's variant
     * (its own variant's reach, or the land variant's when larger: mixed pairs are land), so that
     * both tracks of a pair that may still be together or not yet separated reach the pair's tiles.
     * The default 0.1° tiles (about 11 km) are wider than the largest halo (sea: 3.5 km).
     */
    @Override
    public List<String> keysFor(EntityTrack u) {
        return grid.tilesNear(u.position(), 2 * variants.reachM(variantOf(u)));
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
            end(pairs, members, p -> p.involves(u.trackId()), tileKey, "deleted", alerts);
            members.remove(u.trackId());
        } else if (u.status() != TrackStatus.TENTATIVE && !stale) {
            Member self = member(u);
            members.put(u.trackId(), self);
            forget(members, pairs, tileKey, u.time(), alerts);
            compare(self, u, members, pairs, tileKey, alerts);
        }
        return result(members, pairs, alerts);
    }

    /**
     * The tile has heard nothing until {@code now} (event time, e.g. the watermark): tracks not
     * updated for {@link RendezvousParameters#forgetAfterS()} or longer leave it and their pairs
     * end ({@code CLOSED}, reason {@code forgotten}, from the owner tile). Returns null state once
     * the tile holds nothing, so a tile that tracks have left is cleared without another update;
     * the operator calls it at {@link #expiresAt}.
     */
    @Override
    public DetectorResult<RendezvousState> expire(
            RendezvousState prev, String tileKey, Instant now) {
        if (prev == null) {
            return DetectorResult.cleared();
        }
        Map<String, Member> members = new TreeMap<>();
        prev.members().forEach(m -> members.put(m.trackId(), m));
        Map<String, Pair> pairs = new TreeMap<>();
        prev.pairs().forEach(p -> pairs.put(p.trackA() + "|" + p.trackB(), p));
        List<Alert> alerts = new ArrayList<>();
        forget(members, pairs, tileKey, now, alerts);
        return result(members, pairs, alerts);
    }

    /**
     * When {@link #expire} next changes this state: the earliest of each member's time plus its
     * variant's {@link RendezvousParameters#forgetAfterS()} (null for an empty state). {@code
     * expire} at exactly this time forgets that member, so a timer set here always makes progress.
     */
    @Override
    public Instant expiresAt(RendezvousState state) {
        return state == null
                ? null
                : state.members().stream().map(this::forgetAt).min(Instant::compareTo).orElse(null);
    }

    /** When a member leaves the state unless updated again. */
    private Instant forgetAt(Member m) {
        return m.time().plusMillis(Math.round(params(m.variant()).forgetAfterS() * 1000));
    }

    private static DetectorResult<RendezvousState> result(
            Map<String, Member> members, Map<String, Pair> pairs, List<Alert> alerts) {
        // A pair whose tracks have both left the members can never end otherwise.
        pairs.values()
                .removeIf(
                        p -> !members.containsKey(p.trackA()) && !members.containsKey(p.trackB()));
        RendezvousState next =
                new RendezvousState(
                        new ArrayList<>(members.values()), new ArrayList<>(pairs.values()));
        return new DetectorResult<>(next.isEmpty() ? null : next, alerts);
    }

    private void forget(
            Map<String, Member> members,
            Map<String, Pair> pairs,
            String tileKey,
            Instant now,
            List<Alert> alerts) {
        // At or before: expire(s, key, expiresAt(s)) must forget the earliest member.
        Set<String> gone = new TreeSet<>();
        members.values().stream()
                .filter(m -> !forgetAt(m).isAfter(now))
                .forEach(m -> gone.add(m.trackId()));
        end(
                pairs,
                members,
                p -> gone.contains(p.trackA()) || gone.contains(p.trackB()),
                tileKey,
                "forgotten",
                alerts);
        members.keySet().removeAll(gone);
    }

    /** Distance between two estimates and the σ of their difference along the line between them. */
    private record Gap(double distanceM, double sigmaM, GeoPoint midpoint) {}

    private Gap gap(Member self, Member other, Instant at) {
        double dt = Geodesy.secondsBetween(other.time(), at);
        GeoPoint there =
                Geodesy.predict(
                        other.position(), new Velocity(other.eastMps(), other.northMps(), 0), dt);
        double d = Geodesy.distanceM(self.position(), there);
        double[] a = self.cov().positionAfter(0);
        double[] b = other.cov().positionAfter(dt);
        // Unit vector from self to other in the local east/north plane (direction only).
        double cosLat = Math.cos(Math.toRadians(self.position().latDeg()));
        double de = (there.lonDeg() - self.position().lonDeg()) * cosLat;
        double dn = there.latDeg() - self.position().latDeg();
        double norm = Math.hypot(de, dn);
        double ue = norm > 0 ? de / norm : 1;
        double un = norm > 0 ? dn / norm : 0;
        double var =
                ue * ue * (a[0] + b[0]) + 2 * ue * un * (a[1] + b[1]) + un * un * (a[2] + b[2]);
        return new Gap(d, Math.sqrt(Math.max(var, 0)), Geodesy.midpoint(self.position(), there));
    }

    /** Slow: the estimated speed minus {@code speedSigmas} σ along the velocity is small enough. */
    private static boolean slow(Member m, RendezvousParameters parameters) {
        double speed = Math.hypot(m.eastMps(), m.northMps());
        double sigma = 0;
        if (speed > 0) {
            double we = m.eastMps() / speed;
            double wn = m.northMps() / speed;
            Cov c = m.cov();
            sigma =
                    Math.sqrt(
                            Math.max(
                                    we * we * c.veVe()
                                            + 2 * we * wn * c.veVn()
                                            + wn * wn * c.vnVn(),
                                    0));
        }
        return speed - parameters.speedSigmas() * sigma <= parameters.maxMedianSpeedMps();
    }

    private void compare(
            Member self,
            EntityTrack u,
            Map<String, Member> members,
            Map<String, Pair> pairs,
            String tileKey,
            List<Alert> alerts) {
        for (Member other : members.values()) {
            if (other.trackId().equals(self.trackId())) {
                continue;
            }
            boolean aFirst = self.trackId().compareTo(other.trackId()) < 0;
            Member a = aFirst ? self : other;
            Member b = aFirst ? other : self;
            String key = a.trackId() + "|" + b.trackId();
            Pair p = pairs.get(key);
            // The tracks' variant now. A pair that has alerted keeps the variant it started with
            // until it closes (its id and evidence stay one story); one that has not restarts
            // under the new variant when the tracks' classes change it (two radar-only vessels
            // first UNKNOWN, land, then VESSEL by the classifier or an AIS correlation: sea).
            Variant now = Variant.of(self.variant(), other.variant());
            if (p != null && !p.alerted() && p.variant() != now) {
                pairs.remove(key);
                p = null;
            }
            Variant variant = p != null ? p.variant() : now;
            RendezvousParameters parameters = params(variant);
            Instant oldest = u.time().minusMillis(Math.round(parameters.maxTrackAgeS() * 1000));
            if (other.time().isBefore(oldest)) {
                continue;
            }
            boolean slow = slow(self, parameters);
            Gap g = gap(self, other, u.time());
            double allowance = parameters.distanceSigmas() * g.sigmaM();
            boolean level = variant != Variant.AIR || level(self, other);
            boolean together =
                    g.distanceM() - allowance <= parameters.maxDistanceM()
                            && g.sigmaM() <= parameters.maxSigmaM()
                            && level;
            if (together) {
                if (p == null) {
                    p =
                            new Pair(
                                    a.trackId(),
                                    b.trackId(),
                                    u.time(),
                                    u.time(),
                                    g.midpoint(),
                                    g.midpoint(),
                                    grid.tileOf(g.midpoint()),
                                    0,
                                    0,
                                    List.of(),
                                    g.distanceM(),
                                    false,
                                    0,
                                    0,
                                    g.midpoint(),
                                    null,
                                    variant);
                }
                p =
                        new Pair(
                                p.trackA(),
                                p.trackB(),
                                p.start(),
                                u.time(),
                                p.startPlace(),
                                g.midpoint(),
                                p.ownerTile(),
                                p.slowSamples() + (slow ? 1 : 0),
                                p.fastSamples() + (slow ? 0 : 1),
                                window(p.window(), u.time(), slow, parameters),
                                Math.min(p.minDistanceM(), g.distanceM()),
                                p.alerted(),
                                p.revision(),
                                p.reportedDurationS(),
                                p.reportedPlace(),
                                null,
                                p.variant());
                double duration = Geodesy.secondsBetween(p.start(), p.lastTogether());
                if (!p.alerted() && meets(p)) {
                    p = reported(p, true, 0, duration);
                    if (owns(tileKey, p)) {
                        alerts.add(alert(p, a, b, AlertState.NEW, u.time(), g.midpoint(), ""));
                    }
                } else if (p.alerted()) {
                    String reason = updateReason(p, duration);
                    if (reason != null) {
                        p = reported(p, true, p.revision() + 1, duration);
                        if (owns(tileKey, p)) {
                            alerts.add(
                                    alert(
                                            p,
                                            a,
                                            b,
                                            AlertState.UPDATE,
                                            u.time(),
                                            g.midpoint(),
                                            reason));
                        }
                    }
                }
                pairs.put(key, p);
            } else if (p != null
                    && (g.distanceM() - allowance > parameters.separationM() || !level)) {
                // Apart: the pair ends once they have stayed apart separationS (a track lagging a
                // stop overshoots the meeting place for a scan or two and comes back).
                Instant since = p.apartSince() == null ? u.time() : p.apartSince();
                if (Geodesy.secondsBetween(since, u.time()) < parameters.separationS()) {
                    pairs.put(key, apart(p, since));
                    continue;
                }
                pairs.remove(key);
                if (p.alerted() && owns(tileKey, p)) {
                    alerts.add(
                            alert(
                                    p,
                                    a,
                                    b,
                                    AlertState.CLOSED,
                                    p.lastTogether(),
                                    p.lastPlace(),
                                    "separated"));
                }
            }
        }
    }

    /**
     * Air: both tracks at a known altitude (non-zero {@code altM}) are at most {@link
     * RendezvousVariants#maxHeightDifferenceM()} apart vertically; without altitudes, true.
     */
    private boolean level(Member self, Member other) {
        double h1 = self.position().altM();
        double h2 = other.position().altM();
        return h1 == 0 || h2 == 0 || Math.abs(h1 - h2) <= variants.maxHeightDifferenceM();
    }

    /** Why an alerted pair should send an UPDATE now, or null. */
    private String updateReason(Pair p, double durationS) {
        RendezvousParameters parameters = params(p.variant());
        double step = parameters.updateEveryS();
        if (Math.floor(durationS / step) > Math.floor(p.reportedDurationS() / step)) {
            return "duration";
        }
        if (Geodesy.distanceM(p.lastPlace(), p.reportedPlace()) > parameters.updateMoveM()) {
            return "moved";
        }
        return null;
    }

    private static Pair reported(Pair p, boolean alerted, int revision, double durationS) {
        return new Pair(
                p.trackA(),
                p.trackB(),
                p.start(),
                p.lastTogether(),
                p.startPlace(),
                p.lastPlace(),
                p.ownerTile(),
                p.slowSamples(),
                p.fastSamples(),
                p.window(),
                p.minDistanceM(),
                alerted,
                revision,
                durationS,
                p.lastPlace(),
                p.apartSince(),
                p.variant());
    }

    private static Pair apart(Pair p, Instant since) {
        return new Pair(
                p.trackA(),
                p.trackB(),
                p.start(),
                p.lastTogether(),
                p.startPlace(),
                p.lastPlace(),
                p.ownerTile(),
                p.slowSamples(),
                p.fastSamples(),
                p.window(),
                p.minDistanceM(),
                p.alerted(),
                p.revision(),
                p.reportedDurationS(),
                p.reportedPlace(),
                since,
                p.variant());
    }

    private void end(
            Map<String, Pair> pairs,
            Map<String, Member> members,
            java.util.function.Predicate<Pair> ending,
            String tileKey,
            String reason,
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
                                p.trackA(),
                                placeholder(p.trackA(), p.lastTogether(), p.lastPlace()));
                Member b =
                        members.getOrDefault(
                                p.trackB(),
                                placeholder(p.trackB(), p.lastTogether(), p.lastPlace()));
                alerts.add(
                        alert(p, a, b, AlertState.CLOSED, p.lastTogether(), p.lastPlace(), reason));
            }
        }
    }

    /**
     * Long enough, slow enough (median), and for a sea pair not within {@link
     * RendezvousVariants#minAnchorageDistanceM()} of an anchorage (its current midpoint: a pair
     * near one does not alert, and alerts later if it drifts away while still together).
     */
    private boolean meets(Pair p) {
        RendezvousParameters parameters = params(p.variant());
        return Geodesy.secondsBetween(p.start(), p.lastTogether()) >= parameters.minDurationS()
                && 2 * p.window().stream().filter(x -> (x & 1) == 1).count() >= p.window().size()
                && !(p.variant() == Variant.SEA && variants.nearAnchorage(p.lastPlace()));
    }

    /**
     * The window with a sample at {@code t} added and those older than minDurationS dropped; past
     * {@link #MAX_WINDOW} samples it is thinned evenly in time.
     */
    private static List<Long> window(
            List<Long> window, Instant t, boolean slow, RendezvousParameters parameters) {
        long from = t.toEpochMilli() - Math.round(parameters.minDurationS() * 1000);
        List<Long> out = new ArrayList<>();
        for (long x : window) {
            if ((x >> 1) >= from) {
                out.add(x);
            }
        }
        out.add(t.toEpochMilli() * 2 + (slow ? 1 : 0));
        if (out.size() > MAX_WINDOW) {
            // Thin evenly in time, keeping the oldest and the newest sample: the window still
            // spans minDurationS and the median still weighs every part of it alike.
            long oldest = out.get(0) >> 1;
            long newest = out.get(out.size() - 1) >> 1;
            long step = Math.max(1, (newest - oldest) / (MAX_WINDOW / 2));
            List<Long> thinned = new ArrayList<>(MAX_WINDOW / 2 + 2);
            long next = oldest;
            for (int i = 0; i < out.size(); i++) {
                long at = out.get(i) >> 1;
                if (at >= next || i == out.size() - 1) {
                    thinned.add(out.get(i));
                    next = at + step;
                }
            }
            return thinned;
        }
        return out;
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
                Cov.of(u.covariance()),
                u.marking().releasableToAll(),
                String.join(",", new TreeSet<>(u.marking().partners())),
                String.join(",", u.partnerIds()),
                String.join(",", u.sensorIds()),
                variantOf(u));
    }

    /** A track already gone from the state: nothing is known of its marking, so release to none. */
    private static Member placeholder(String trackId, Instant time, GeoPoint where) {
        return new Member(trackId, time, where, 0, 0, Cov.ZERO, false, "", "", "", Variant.LAND);
    }

    private static Marking marking(Member m) {
        return m.releasableToAll()
                ? Marking.UNRESTRICTED
                : Marking.releasableTo(split(m.releasableTo()));
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private Alert alert(
            Pair p,
            Member a,
            Member b,
            AlertState state,
            Instant end,
            GeoPoint where,
            String reason) {
        RendezvousParameters parameters = params(p.variant());
        long key = Math.round(p.start().toEpochMilli() / 1000.0) * 1000;
        double duration = Geodesy.secondsBetween(p.start(), end);
        int revision = state == AlertState.CLOSED ? p.revision() + 1 : p.revision();
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("durationS", Evidence.decimal(duration, 1));
        evidence.put("minDistanceM", Evidence.decimal(p.minDistanceM(), 1));
        evidence.put("slowSamples", Integer.toString(p.slowSamples()));
        evidence.put("fastSamples", Integer.toString(p.fastSamples()));
        evidence.put("startLatDeg", Evidence.decimal(p.startPlace().latDeg(), 6));
        evidence.put("startLonDeg", Evidence.decimal(p.startPlace().lonDeg(), 6));
        evidence.put("revision", Integer.toString(revision));
        evidence.put("variant", p.variant().key());
        if (!reason.isEmpty()) {
            evidence.put("reason", reason);
        }
        evidence.put(
                Evidence.PARAM_PREFIX + "maxDistanceM",
                Evidence.decimal(parameters.maxDistanceM(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "minDurationS",
                Evidence.decimal(parameters.minDurationS(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxMedianSpeedMps",
                Evidence.decimal(parameters.maxMedianSpeedMps(), 2));
        evidence.put(
                Evidence.PARAM_PREFIX + "distanceSigmas",
                Evidence.decimal(parameters.distanceSigmas(), 2));
        evidence.put(
                Evidence.PARAM_PREFIX + "speedSigmas",
                Evidence.decimal(parameters.speedSigmas(), 2));
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
                        state == AlertState.CLOSED ? "were" : "have been",
                        parameters.maxDistanceM(),
                        duration,
                        where.latDeg(),
                        where.lonDeg());
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
