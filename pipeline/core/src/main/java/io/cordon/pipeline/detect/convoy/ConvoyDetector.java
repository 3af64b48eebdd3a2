package io.cordon.pipeline.detect.convoy;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.KeyedTrackDetector;
import io.cordon.pipeline.detect.convoy.ConvoyState.Broken;
import io.cordon.pipeline.detect.convoy.ConvoyState.Group;
import io.cordon.pipeline.detect.convoy.ConvoyState.Member;
import io.cordon.pipeline.detect.rendezvous.TileGrid;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Convoy: at least {@link ConvoyParameters#minTracks()} tracks moving together, per spatial tile.
 *
 * <p>Two tracks are <em>linked</em> when both move at least {@link ConvoyParameters#minSpeedMps()},
 * their courses differ by at most {@link ConvoyParameters#maxHeadingDiffDeg()}, their speeds by at
 * most {@link ConvoyParameters#maxSpeedDiffMps()} (or {@link
 * ConvoyParameters#maxSpeedDiffFraction()} of the faster), both differences less {@link
 * ConvoyParameters#velocitySigmas()} standard deviations of them from the tracks' velocity
 * covariances, and their positions, the other track's predicted at constant velocity to the
 * update's time, are at most {@link ConvoyParameters#linkDistanceM()} apart ({@link
 * ConvoyParameters#separationM()} for two tracks already in one group). A group is the set of
 * tracks linked to the updating track directly or through others (a column of vehicles is a chain),
 * among the tile's tracks updated within {@link ConvoyParameters#maxTrackAgeS()}.
 *
 * <p>At each {@code CONFIRMED}/{@code COASTING} update the updating track's group is recomputed:
 * with fewer than minTracks tracks the track leaves its group; otherwise the group takes over the
 * existing group sharing most of its tracks (ties: the earlier start), absorbing the tracks of any
 * other, or starts a new one. A group alerts {@code NEW} once it has held together for {@link
 * ConvoyParameters#minDurationS()}, {@code UPDATE} (same id, evidence {@code revision} + 1) each
 * time its membership changes, and {@code CLOSED} when it has fallen below minTracks (tracks
 * separated, stopped, turned, deleted or not updated for {@link ConvoyParameters#forgetAfterS()})
 * and not re-formed within {@link ConvoyParameters#rejoinS()}: until then the alert stays open
 * without a message, and a group that forms holding at least {@link ConvoyParameters#rejoinShare()}
 * of its last members (and two) continues it ({@code UPDATE}, {@code reason=rejoined}, the window
 * still from the first start). The {@code CLOSED} comes at the first update or expiry {@code
 * rejoinS} after the break, or as soon as fewer of its tracks are left in the tile than a re-formed
 * group must share; it describes the group at its last update together. A group taken by another
 * ({@code merged}) or handed over closes at once. The evidence {@code reason} says why: {@code
 * joined}, {@code left}, {@code members} (both), {@code rejoined}, {@code merged} (taken by another
 * group), {@code ended} (track deleted), {@code lost} (not updated), {@code handover}.
 *
 * <p>Only the group's owner tile emits. A group is owned by the tile holding its centroid, and
 * ownership moves only when the centroid is more than {@link ConvoyParameters#handoverMarginM()}
 * from the owning tile. Every update reaches all tiles within {@link ConvoyParameters#haloM()}, so
 * neighbouring tiles see the same groups and agree on the owner: when a convoy crosses into another
 * tile the old one closes its alert (evidence {@code reason=handover}) and the new one opens its
 * own, at the same update; {@link ConvoyAlertReconciler}, downstream of the tiles, makes them one
 * alert. Every message carries evidence {@code tile} and {@code raisedAt} (the event time of the
 * update or expiry that raised it), the order that stage needs. The id is {@code
 * AlertIds.of(CONVOY, "convoy", members at NEW, key)} with key the group's start and the alert's
 * first time, epoch milliseconds rounded to the second. Tentative updates are ignored. {@link
 * #expire} closes broken groups when the tile hears nothing more.
 */
public final class ConvoyDetector implements KeyedTrackDetector<ConvoyState> {
    public static final String NAME = "convoy";
    public static final String VERSION = "1.4.0";

    private final ConvoyParameters parameters;
    private final TileGrid grid;

    public ConvoyDetector(ConvoyParameters parameters) {
        this.parameters = parameters;
        this.grid = new TileGrid(parameters.tileSizeDeg());
    }

    @Override
    public String name() {
        return NAME;
    }

    public ConvoyParameters parameters() {
        return parameters;
    }

    @Override
    public List<String> keysFor(EntityTrack u) {
        return grid.tilesNear(u.position(), parameters.haloM());
    }

    /** For a single key holding every track: this key owns every group. */
    public DetectorResult<ConvoyState> onTrackUpdate(ConvoyState prev, EntityTrack u) {
        return onTrackUpdate(prev, null, u);
    }

    /** The work of one update at one tile (null tile: a single key that owns every group). */
    private final class Step {
        final String tile;
        final Instant now;
        final Map<String, Member> members = new TreeMap<>();
        final Map<String, Group> groups = new TreeMap<>();
        final Map<String, Broken> broken = new TreeMap<>();
        final List<Alert> alerts = new ArrayList<>();

        Step(ConvoyState s, String tile, Instant now) {
            this.tile = tile;
            this.now = now;
            s.members().forEach(m -> members.put(m.trackId(), m));
            s.groups().forEach(g -> groups.put(g.key(), g));
            s.broken().forEach(b -> broken.put(b.group().key(), b));
        }

        boolean owns(Group g) {
            return tile == null || tile.equals(g.ownerTile());
        }

        Group groupOf(String trackId) {
            for (Group g : groups.values()) {
                if (g.memberList().contains(trackId)) {
                    return g;
                }
            }
            return null;
        }

        /** Sets a group's members; below minTracks the group ends. */
        void setMembers(Group g, Set<String> next, String reason) {
            String joined = String.join(",", next);
            if (joined.equals(g.members())) {
                return;
            }
            if (next.size() < parameters.minTracks()) {
                groups.remove(g.key());
                if (g.alerted() && owns(g)) {
                    if (parameters.rejoinS() > 0 && !reason.equals("merged")) {
                        List<Member> snapshot = new ArrayList<>();
                        for (String id : g.memberList()) {
                            if (members.containsKey(id)) {
                                snapshot.add(members.get(id));
                            }
                        }
                        broken.put(g.key(), new Broken(g, now, reason, snapshot));
                    } else {
                        alerts.add(
                                alert(
                                        this,
                                        g,
                                        members,
                                        AlertState.CLOSED,
                                        g.revision() + 1,
                                        reason));
                    }
                }
                return;
            }
            Group changed =
                    new Group(
                            g.key(),
                            joined,
                            g.start(),
                            g.lastTogether(),
                            g.centroid(),
                            g.ownerTile(),
                            g.alerted(),
                            g.alertKey(),
                            g.alertMembers(),
                            g.alerted() && owns(g) ? g.revision() + 1 : g.revision(),
                            Math.max(g.maxMembers(), next.size()));
            groups.put(g.key(), changed);
            if (changed.alerted() && owns(changed)) {
                alerts.add(
                        alert(
                                this,
                                changed,
                                members,
                                AlertState.UPDATE,
                                changed.revision(),
                                reason));
            }
        }

        void removeTracks(Set<String> ids, String reason) {
            for (Group g : new ArrayList<>(groups.values())) {
                TreeSet<String> next = new TreeSet<>(g.memberList());
                if (next.removeAll(ids)) {
                    setMembers(g, next, reason);
                }
            }
        }

        /**
         * The broken group that a group of {@code component} continues: sharing enough of its last
         * members, most shared first (ties: the earlier start, then key), or null.
         */
        Broken rejoinable(Set<String> component) {
            Broken best = null;
            long bestShared = 0;
            for (Broken b : broken.values()) {
                long shared = overlap(b.group(), component);
                if (shared >= needed(b)
                        && now.isBefore(closesAt(b))
                        && (best == null
                                || shared > bestShared
                                || (shared == bestShared
                                        && b.group().start().isBefore(best.group().start())))) {
                    best = b;
                    bestShared = shared;
                }
            }
            return best;
        }

        /**
         * Closes the broken groups that can no longer re-form: {@code rejoinS} has passed, or fewer
         * of their tracks are left in the tile than a re-formed group must share.
         */
        void closeBroken() {
            for (Broken b : new ArrayList<>(broken.values())) {
                long left = b.group().memberList().stream().filter(members::containsKey).count();
                if (!now.isBefore(closesAt(b)) || left < needed(b)) {
                    broken.remove(b.group().key());
                    Map<String, Member> known = new TreeMap<>();
                    b.snapshot().forEach(m -> known.put(m.trackId(), m));
                    alerts.add(
                            alert(
                                    this,
                                    b.group(),
                                    known,
                                    AlertState.CLOSED,
                                    b.group().revision() + 1,
                                    b.reason()));
                }
            }
        }

        DetectorResult<ConvoyState> result() {
            closeBroken();
            ConvoyState next =
                    new ConvoyState(
                            new ArrayList<>(members.values()),
                            new ArrayList<>(groups.values()),
                            new ArrayList<>(broken.values()));
            return new DetectorResult<>(next.isEmpty() ? null : next, alerts);
        }
    }

    /** The tracks of a broken group that a re-formed group must hold: rejoinShare, at least 2. */
    private long needed(Broken b) {
        return Math.max(
                2,
                (long) Math.ceil(parameters.rejoinShare() * b.group().memberList().size() - 1e-9));
    }

    private Instant closesAt(Broken b) {
        return b.since().plusMillis(Math.round(parameters.rejoinS() * 1000));
    }

    /**
     * When {@link #expire} next changes this state: the earliest of a broken group's break plus
     * rejoinS and a track's last update plus forgetAfterS (null for an empty state).
     */
    @Override
    public Instant expiresAt(ConvoyState state) {
        if (state == null) {
            return null;
        }
        long forgetMs = Math.round(parameters.forgetAfterS() * 1000);
        return java.util.stream.Stream.concat(
                        state.broken().stream().map(ConvoyDetector.this::closesAt),
                        state.members().stream().map(m -> m.time().plusMillis(forgetMs)))
                .min(Instant::compareTo)
                .orElse(null);
    }

    /**
     * The tile has heard nothing until {@code now}: forgets the tracks not updated for forgetAfterS
     * (their groups lose them, {@code lost}, as at an update) and closes the broken groups whose
     * rejoinS has passed (their {@code CLOSED} as at their last update together). A tile whose
     * traffic stops thus ends its alerts and clears its state.
     */
    @Override
    public DetectorResult<ConvoyState> expire(ConvoyState state, String tileKey, Instant now) {
        Step step = new Step(state == null ? ConvoyState.EMPTY : state, tileKey, now);
        forgetStale(step, now);
        return step.result();
    }

    /** Removes the members not updated since {@code now} - forgetAfterS from the step's groups. */
    private void forgetStale(Step step, Instant now) {
        Instant forgetBefore = now.minusMillis(Math.round(parameters.forgetAfterS() * 1000));
        Set<String> gone = new TreeSet<>();
        step.members.values().stream()
                .filter(m -> !m.time().isAfter(forgetBefore))
                .forEach(m -> gone.add(m.trackId()));
        if (!gone.isEmpty()) {
            step.removeTracks(gone, "lost");
            step.members.keySet().removeAll(gone);
        }
    }

    @Override
    public DetectorResult<ConvoyState> onTrackUpdate(
            ConvoyState prev, String tileKey, EntityTrack u) {
        Step step = new Step(prev == null ? ConvoyState.EMPTY : prev, tileKey, u.time());
        Member known = step.members.get(u.trackId());
        boolean stale = known != null && u.time().isBefore(known.time());
        if (u.status() == TrackStatus.DELETED) {
            step.removeTracks(Set.of(u.trackId()), "ended");
            step.members.remove(u.trackId());
        } else if (u.status() != TrackStatus.TENTATIVE && !stale) {
            step.members.put(u.trackId(), member(u));
            forgetStale(step, u.time());
            regroup(step, u);
        }
        return step.result();
    }

    private void regroup(Step step, EntityTrack u) {
        Instant oldest = u.time().minusMillis(Math.round(parameters.maxTrackAgeS() * 1000));
        Map<String, GeoPoint> at = new TreeMap<>();
        for (Member m : step.members.values()) {
            if (!m.time().isBefore(oldest)) {
                at.put(
                        m.trackId(),
                        Geodesy.predict(
                                m.position(),
                                new Velocity(m.eastMps(), m.northMps(), 0),
                                Geodesy.secondsBetween(m.time(), u.time())));
            }
        }
        TreeSet<String> component = component(step, u.trackId(), at);
        Group own = step.groupOf(u.trackId());
        if (component.size() < parameters.minTracks()) {
            if (own != null) {
                TreeSet<String> next = new TreeSet<>(own.memberList());
                next.remove(u.trackId());
                step.setMembers(own, next, "left");
            }
            return;
        }
        List<Group> overlapping = new ArrayList<>();
        for (Group g : step.groups.values()) {
            if (g.memberList().stream().anyMatch(component::contains)) {
                overlapping.add(g);
            }
        }
        overlapping.sort(
                Comparator.<Group>comparingLong(g -> -overlap(g, component))
                        .thenComparing(Group::start)
                        .thenComparing(Group::key));
        Group target;
        if (overlapping.isEmpty()) {
            GeoPoint centroid = centroid(component, at);
            target =
                    new Group(
                            component.first() + "@" + u.time().toEpochMilli(),
                            String.join(",", component),
                            u.time(),
                            u.time(),
                            centroid,
                            grid.tileOf(centroid),
                            false,
                            "",
                            "",
                            0,
                            component.size());
            step.groups.put(target.key(), target);
        } else {
            target = overlapping.get(0);
            for (Group other : overlapping.subList(1, overlapping.size())) {
                TreeSet<String> rest = new TreeSet<>(other.memberList());
                rest.removeAll(component);
                step.setMembers(other, rest, "merged");
            }
        }
        advance(step, target, component, at, u.time());
    }

    /**
     * Moves the group to {@code now} with the members {@code component}: centroid, ownership
     * (hand-over), {@code UPDATE} when the members changed, {@code NEW} when due.
     */
    private void advance(
            Step step, Group g, TreeSet<String> component, Map<String, GeoPoint> at, Instant now) {
        String members = String.join(",", component);
        boolean changed = !members.equals(g.members());
        GeoPoint centroid = centroid(component, at);
        String owner = g.ownerTile();
        if (!grid.tilesNear(centroid, parameters.handoverMarginM()).contains(owner)) {
            owner = grid.tileOf(centroid);
        }
        boolean wasOwned = step.owns(g);
        Group moved =
                new Group(
                        g.key(),
                        members,
                        g.start(),
                        now,
                        centroid,
                        owner,
                        g.alerted(),
                        g.alertKey(),
                        g.alertMembers(),
                        g.revision(),
                        Math.max(g.maxMembers(), component.size()));
        if (wasOwned && moved.alerted() && !step.owns(moved)) {
            step.alerts.add(
                    alert(
                            step,
                            moved,
                            step.members,
                            AlertState.CLOSED,
                            g.revision() + 1,
                            "handover"));
            moved = withAlert(moved, false, "", "");
        } else if (changed && moved.alerted() && step.owns(moved)) {
            moved = withRevision(moved, g.revision() + 1);
            TreeSet<String> before = new TreeSet<>(g.memberList());
            String reason =
                    component.containsAll(before)
                            ? "joined"
                            : before.containsAll(component) ? "left" : "members";
            step.alerts.add(
                    alert(step, moved, step.members, AlertState.UPDATE, moved.revision(), reason));
        }
        Broken continued = moved.alerted() || !step.owns(moved) ? null : step.rejoinable(component);
        if (continued != null) {
            Group was = continued.group();
            step.broken.remove(was.key());
            moved =
                    new Group(
                            moved.key(),
                            members,
                            was.start(),
                            now,
                            centroid,
                            owner,
                            true,
                            was.alertKey(),
                            was.alertMembers(),
                            was.revision() + 1,
                            Math.max(was.maxMembers(), component.size()));
            step.alerts.add(
                    alert(
                            step,
                            moved,
                            step.members,
                            AlertState.UPDATE,
                            moved.revision(),
                            "rejoined"));
        }
        if (!moved.alerted()
                && step.owns(moved)
                && Geodesy.secondsBetween(moved.start(), now) >= parameters.minDurationS()) {
            long start = Math.round(moved.start().toEpochMilli() / 1000.0) * 1000;
            long first = Math.round(now.toEpochMilli() / 1000.0) * 1000;
            moved = withAlert(moved, true, start + ":" + first, moved.members());
            step.alerts.add(alert(step, moved, step.members, AlertState.NEW, 0, ""));
        }
        step.groups.put(moved.key(), moved);
    }

    private static Group withAlert(Group g, boolean alerted, String key, String alertMembers) {
        return new Group(
                g.key(),
                g.members(),
                g.start(),
                g.lastTogether(),
                g.centroid(),
                g.ownerTile(),
                alerted,
                key,
                alertMembers,
                0,
                g.memberList().size());
    }

    private static Group withRevision(Group g, int revision) {
        return new Group(
                g.key(),
                g.members(),
                g.start(),
                g.lastTogether(),
                g.centroid(),
                g.ownerTile(),
                g.alerted(),
                g.alertKey(),
                g.alertMembers(),
                revision,
                g.maxMembers());
    }

    private static long overlap(Group g, Set<String> component) {
        return g.memberList().stream().filter(component::contains).count();
    }

    /** The tracks linked to {@code start} directly or through others, among {@code at}. */
    private TreeSet<String> component(Step step, String start, Map<String, GeoPoint> at) {
        TreeSet<String> seen = new TreeSet<>();
        if (!at.containsKey(start) || !moving(step.members.get(start))) {
            seen.add(start);
            return seen;
        }
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        seen.add(start);
        while (!queue.isEmpty()) {
            String a = queue.poll();
            Group ga = step.groupOf(a);
            for (String b : at.keySet()) {
                if (seen.contains(b)) {
                    continue;
                }
                boolean sameGroup = ga != null && ga.memberList().contains(b);
                if (linked(
                        step.members.get(a),
                        at.get(a),
                        step.members.get(b),
                        at.get(b),
                        sameGroup)) {
                    seen.add(b);
                    queue.add(b);
                }
            }
        }
        return seen;
    }

    private boolean moving(Member m) {
        return Math.hypot(m.eastMps(), m.northMps()) >= parameters.minSpeedMps();
    }

    private boolean linked(Member a, GeoPoint pa, Member b, GeoPoint pb, boolean sameGroup) {
        if (!moving(a) || !moving(b)) {
            return false;
        }
        double va = Math.hypot(a.eastMps(), a.northMps());
        double vb = Math.hypot(b.eastMps(), b.northMps());
        double tolerance =
                Math.max(
                        parameters.maxSpeedDiffMps(),
                        parameters.maxSpeedDiffFraction() * Math.max(va, vb));
        double k = parameters.velocitySigmas();
        double sigma = Math.hypot(a.velocitySigmaMps(), b.velocitySigmaMps());
        if (Math.abs(va - vb) - k * sigma > tolerance) {
            return false;
        }
        double diff = Math.abs(course(a) - course(b)) % 360;
        double courseSigmaDeg =
                Math.toDegrees(
                        Math.hypot(
                                Math.atan(a.velocitySigmaMps() / va),
                                Math.atan(b.velocitySigmaMps() / vb)));
        if (Math.min(diff, 360 - diff) - k * courseSigmaDeg > parameters.maxHeadingDiffDeg()) {
            return false;
        }
        double limit = sameGroup ? parameters.separationM() : parameters.linkDistanceM();
        return Geodesy.distanceM(pa, pb) <= limit;
    }

    private static double course(Member m) {
        double deg = Math.toDegrees(Math.atan2(m.eastMps(), m.northMps()));
        return deg < 0 ? deg + 360 : deg;
    }

    private static GeoPoint centroid(Set<String> ids, Map<String, GeoPoint> at) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        for (String id : ids) {
            GeoPoint p = at.get(id);
            if (p != null) {
                lat += p.latDeg();
                lon += p.lonDeg();
                n++;
            }
        }
        return GeoPoint.of(lat / n, lon / n);
    }

    private static Member member(EntityTrack u) {
        return new Member(
                u.trackId(),
                u.time(),
                u.position(),
                u.velocity().eastMps(),
                u.velocity().northMps(),
                u.marking().releasableToAll(),
                String.join(",", new TreeSet<>(u.marking().partners())),
                String.join(",", u.partnerIds()),
                String.join(",", u.sensorIds()),
                velocitySigma(u));
    }

    /** The track's velocity σ, m/s: the root mean of its two velocity variances (0: none). */
    private static double velocitySigma(EntityTrack u) {
        if (u.covariance() == null) {
            return 0;
        }
        double var = (u.covariance().get(2, 2) + u.covariance().get(3, 3)) / 2;
        return Math.sqrt(Math.max(var, 0));
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private Alert alert(
            Step step,
            Group g,
            Map<String, Member> known,
            AlertState state,
            int revision,
            String reason) {
        List<String> ids = g.memberList();
        Marking marking = Marking.UNRESTRICTED;
        List<String> partners = new ArrayList<>();
        List<String> sensors = new ArrayList<>();
        double east = 0;
        double north = 0;
        int moving = 0;
        for (String id : ids) {
            Member m = known.get(id);
            if (m == null) { // already gone from the state: nothing known of its marking
                marking = marking.intersect(Marking.releasableTo(List.of()));
                continue;
            }
            marking =
                    marking.intersect(
                            m.releasableToAll()
                                    ? Marking.UNRESTRICTED
                                    : Marking.releasableTo(split(m.releasableTo())));
            partners.addAll(split(m.partnerIds()));
            sensors.addAll(split(m.sensorIds()));
            east += m.eastMps();
            north += m.northMps();
            moving++;
        }
        double speed = moving == 0 ? 0 : Math.hypot(east, north) / moving;
        double courseDeg = Math.toDegrees(Math.atan2(east, north));
        courseDeg = courseDeg < 0 ? courseDeg + 360 : courseDeg;
        double duration = Geodesy.secondsBetween(g.start(), g.lastTogether());
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("memberCount", Integer.toString(ids.size()));
        evidence.put("maxMemberCount", Integer.toString(Math.max(g.maxMembers(), ids.size())));
        evidence.put("durationS", Evidence.decimal(duration, 1));
        evidence.put("meanSpeedMps", Evidence.decimal(speed, 2));
        evidence.put("meanCourseDeg", Evidence.decimal(courseDeg, 1));
        evidence.put(Evidence.REVISION, Integer.toString(revision));
        if (!reason.isEmpty()) {
            evidence.put("reason", reason);
        }
        // which tile's view this message is and when it was decided: the reconciler downstream
        // of the tiles orders their messages by these (ConvoyAlertReconciler)
        evidence.put(ConvoyAlertReconciler.RAISED_AT, step.now.toString());
        if (step.tile != null) {
            evidence.put(ConvoyAlertReconciler.TILE, step.tile);
        }
        evidence.put(Evidence.PARAM_PREFIX + "minTracks", Integer.toString(parameters.minTracks()));
        evidence.put(
                Evidence.PARAM_PREFIX + "linkDistanceM",
                Evidence.decimal(parameters.linkDistanceM(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxHeadingDiffDeg",
                Evidence.decimal(parameters.maxHeadingDiffDeg(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "minSpeedMps",
                Evidence.decimal(parameters.minSpeedMps(), 2));
        evidence.put(
                Evidence.PARAM_PREFIX + "minDurationS",
                Evidence.decimal(parameters.minDurationS(), 1));
        evidence.put(Evidence.PARAM_PREFIX + "rejoinS", Evidence.decimal(parameters.rejoinS(), 1));
        evidence.put(Evidence.SOURCE_PARTNERS, Evidence.joined(partners));
        evidence.put(Evidence.SOURCE_SENSORS, Evidence.joined(sensors));
        String summary =
                String.format(
                        Locale.ROOT,
                        "%d tracks (%s) %s together at %.1f m/s, course %.0f°, for %.0f s near %.5f,"
                                + " %.5f.",
                        ids.size(),
                        String.join(", ", ids),
                        state == AlertState.CLOSED ? "moved" : "are moving",
                        speed,
                        courseDeg,
                        duration,
                        g.centroid().latDeg(),
                        g.centroid().lonDeg());
        return new Alert(
                AlertIds.of(AlertType.CONVOY, NAME, split(g.alertMembers()), g.alertKey()),
                AlertType.CONVOY,
                parameters.severity(),
                state,
                g.start(),
                g.lastTogether(),
                g.centroid(),
                ids,
                NAME,
                VERSION,
                Alert.evidence(evidence),
                marking,
                summary);
    }

    @Override
    public byte[] encodeState(ConvoyState state) {
        return state.toBytes();
    }

    @Override
    public ConvoyState decodeState(byte[] bytes) {
        return ConvoyState.fromBytes(bytes);
    }
}
