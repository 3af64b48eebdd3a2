package io.cordon.pipeline.detect.identity;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.KeyedTrackDetector;
import io.cordon.pipeline.detect.identity.IdentityState.Claim;
import io.cordon.pipeline.detect.identity.IdentityState.Conflict;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.CooperativeIdentity;
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
 * Identity conflict, per identity key ({@link #identityKeys}: the operator sends each track update
 * to the key of every identity it carries).
 *
 * <p>At each update of a track claiming the identity, every other claim updated within {@link
 * IdentityConflictParameters#maxClaimAgeS()} is predicted (constant velocity) to the update's time;
 * farther than {@link IdentityConflictParameters#minSeparationM()} apart, the two tracks conflict
 * and alert {@code NEW} once. While it lasts, an update at which the separation reaches {@link
 * IdentityConflictParameters#updateSeparationFactor()} times the one last reported re-sends it as
 * {@code UPDATE} (same id, evidence {@code revision} one more, {@code reason=separation}).
 * Tentative updates are ignored.
 *
 * <p>A conflict is between two places, its sides, not two tracks: a tracker re-creates the track of
 * one object (a lost track deleted, a new one born), and the same spoof must stay one alert. When a
 * side's track stops claiming (deleted, or its claim older than the maximum age) the conflict
 * breaks but stays open, without a message, for {@link
 * IdentityConflictParameters#takeoverWindowS()}. A conflicting pair of claims each within {@link
 * IdentityConflictParameters#takeoverGateM()} of one side's last claim predicted to its time (or
 * the side's own track) takes the conflict over instead of opening a new one: the gone side's track
 * is replaced ({@code UPDATE}, same id, {@code reason=trackReplaced}, {@code replacedTrackIds}). At
 * the same two places while both sides' tracks still claim (a re-created track overlapping the old
 * one) the pair is the same conflict and sends nothing; a pair at a third place is a new conflict.
 * A broken conflict not taken over is {@code CLOSED} at the first update or expiry after the window
 * ({@code reason=ended}, ended at the break); with a window of 0 at once. Every message names the
 * sides' current tracks.
 *
 * <p>Expiry ({@link #expiresAt}, {@link #expire}): a claim is dropped once it is older than the
 * maximum age and a broken conflict closed after the window even when no other update reaches the
 * key (a track that stops carrying the identity without being deleted, e.g. after a
 * re-association); the key's state is cleared with its last claim and conflict, so nothing outlives
 * them in the operator.
 *
 * <p>The id is {@code AlertIds.of(IDENTITY_CONFLICT, "identity-conflict", [a, b], key@t)} with
 * {@code a, b} the pair that found the conflict and {@code t} the time it was found, in epoch
 * milliseconds rounded to the second. Updates at one key are processed in (event time, track id)
 * order (the operator's order), and every choice below is made in that order or by track id, so the
 * same updates give the same messages and ids.
 */
public final class IdentityConflictDetector implements KeyedTrackDetector<IdentityState> {
    public static final String NAME = "identity-conflict";
    public static final String VERSION = "1.2.0";

    private final IdentityConflictParameters parameters;

    public IdentityConflictDetector(IdentityConflictParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The track's identity keys ({@link #identityKeys}). */
    @Override
    public List<String> keysFor(EntityTrack update) {
        return identityKeys(update);
    }

    /**
     * The identity keys of a track: {@code mmsi:<9 digits>}, {@code icao24:<hex>}, {@code
     * cot:<uid>}. Callsigns are left out: they are reused and shared, so they are no identity.
     */
    public static List<String> identityKeys(EntityTrack track) {
        CooperativeIdentity id = track.identity();
        List<String> keys = new ArrayList<>(3);
        if (!id.mmsi().isBlank()) {
            keys.add("mmsi:" + id.mmsi());
        }
        if (!id.icao24().isBlank()) {
            keys.add("icao24:" + id.icao24().toUpperCase(Locale.ROOT));
        }
        if (!id.cotUid().isBlank()) {
            keys.add("cot:" + id.cotUid());
        }
        return keys;
    }

    /** The state being changed by one update or expiry, and the alerts it raises. */
    private static final class Work {
        final String key;
        final Instant now;
        final Map<String, Claim> claims = new TreeMap<>();
        final List<Conflict> conflicts;
        final List<Alert> alerts = new ArrayList<>();

        Work(IdentityState s, String key, Instant now) {
            this.key = key;
            this.now = now;
            s.claims().forEach(c -> claims.put(c.trackId(), c));
            conflicts = new ArrayList<>(s.conflicts());
        }

        DetectorResult<IdentityState> result() {
            IdentityState next = new IdentityState(new ArrayList<>(claims.values()), conflicts);
            return new DetectorResult<>(next.isEmpty() ? null : next, alerts);
        }
    }

    /** One update of a track that carries (or carried) {@code identityKey}. */
    @Override
    public DetectorResult<IdentityState> onTrackUpdate(
            IdentityState prev, String identityKey, EntityTrack u) {
        Work w = new Work(prev == null ? IdentityState.EMPTY : prev, identityKey, u.time());
        Claim known = w.claims.get(u.trackId());
        boolean stale = known != null && u.time().isBefore(known.time());
        if (u.status() == TrackStatus.DELETED) {
            w.claims.remove(u.trackId());
            settle(w);
        } else if (u.status() != TrackStatus.TENTATIVE && !stale) {
            Claim self = claim(u);
            w.claims.put(u.trackId(), self);
            dropOldClaims(w);
            settle(w);
            compare(w, self);
        }
        return w.result();
    }

    /**
     * Just after the oldest claim becomes older than {@link
     * IdentityConflictParameters#maxClaimAgeS()} or the earliest broken conflict's window ends,
     * when {@link #expire} drops or closes it.
     */
    @Override
    public Instant expiresAt(IdentityState state) {
        Instant first = null;
        for (Claim c : state.claims()) {
            first = earlier(first, c.time().plusMillis(maxClaimAgeMs() + 1));
        }
        for (Conflict c : state.conflicts()) {
            if (c.broken()) {
                first = earlier(first, c.brokenAt().plusMillis(windowMs() + 1));
            }
        }
        return first;
    }

    /**
     * Nothing has reached the key until {@code now}: drops the claims older than the maximum age
     * and closes the broken conflicts whose window has ended (as an update at {@code now} would);
     * null when nothing is left.
     */
    @Override
    public DetectorResult<IdentityState> expire(
            IdentityState state, String identityKey, Instant now) {
        Work w = new Work(state, identityKey, now);
        dropOldClaims(w);
        settle(w);
        return w.result();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private long maxClaimAgeMs() {
        return Math.round(parameters.maxClaimAgeS() * 1000);
    }

    private long windowMs() {
        return Math.round(parameters.takeoverWindowS() * 1000);
    }

    private void dropOldClaims(Work w) {
        Instant oldest = w.now.minusMillis(maxClaimAgeMs());
        w.claims.values().removeIf(c -> c.time().isBefore(oldest));
    }

    /**
     * Brings every conflict's sides up to date with the claims: a side whose track still claims
     * takes its latest claim; a conflict with a side's track gone breaks (now), one whose tracks
     * both claim again is whole; a broken one is closed once its window has passed.
     */
    private void settle(Work w) {
        var it = w.conflicts.listIterator();
        while (it.hasNext()) {
            Conflict c = it.next();
            Claim a = w.claims.get(c.trackA());
            Claim b = w.claims.get(c.trackB());
            Conflict n = c.withSides(a == null ? c.a() : a, b == null ? c.b() : b);
            if (a != null && b != null) {
                n = n.withBrokenAt(null);
            } else if (n.brokenAt() == null) {
                n = n.withBrokenAt(w.now);
            }
            if (n.broken()
                    && (windowMs() == 0 || w.now.isAfter(n.brokenAt().plusMillis(windowMs())))) {
                it.remove();
                w.alerts.add(
                        alert(
                                w.key,
                                n.sent(n.maxSeparationM(), n.reportedSeparationM()),
                                AlertState.CLOSED,
                                n.brokenAt(),
                                Map.of("reason", "ended")));
            } else {
                it.set(n);
            }
        }
    }

    private double separationM(Claim self, Claim other) {
        return Geodesy.distanceM(self.position(), at(other, self.time()));
    }

    /** Where {@code c} is predicted at {@code t}, constant velocity. */
    private static GeoPoint at(Claim c, Instant t) {
        return Geodesy.predict(
                c.position(),
                new Velocity(c.eastMps(), c.northMps(), 0),
                Geodesy.secondsBetween(c.time(), t));
    }

    private void compare(Work w, Claim self) {
        for (Claim other : w.claims.values()) {
            if (other.trackId().equals(self.trackId())) {
                continue;
            }
            double d = separationM(self, other);
            int exact = pair(w.conflicts, self.trackId(), other.trackId());
            if (exact >= 0) {
                Conflict c = w.conflicts.get(exact);
                double factor = parameters.updateSeparationFactor();
                if (factor > 0 && d >= factor * c.reportedSeparationM()) {
                    Conflict next = c.sent(Math.max(c.maxSeparationM(), d), d);
                    w.conflicts.set(exact, next);
                    w.alerts.add(
                            alert(
                                    w.key,
                                    next,
                                    AlertState.UPDATE,
                                    self.time(),
                                    Map.of("reason", "separation")));
                } else {
                    w.conflicts.set(exact, c.withMaxSeparation(Math.max(c.maxSeparationM(), d)));
                }
            } else if (d > parameters.minSeparationM()) {
                Takeover t = takeover(w.conflicts, self, other);
                if (t == null) {
                    boolean selfFirst = self.trackId().compareTo(other.trackId()) < 0;
                    Conflict c =
                            Conflict.found(
                                    selfFirst ? self : other,
                                    selfFirst ? other : self,
                                    self.time(),
                                    self.position(),
                                    d);
                    w.conflicts.add(c);
                    w.alerts.add(alert(w.key, c, AlertState.NEW, self.time(), Map.of()));
                } else if (w.conflicts.get(t.index()).broken()) {
                    takeOver(w, t, d);
                }
                // else: the same two places as a conflict whose tracks both still claim
            }
        }
    }

    /** The index of the conflict whose sides' tracks are {@code x} and {@code y}, or -1. */
    private static int pair(List<Conflict> conflicts, String x, String y) {
        for (int i = 0; i < conflicts.size(); i++) {
            Conflict c = conflicts.get(i);
            if ((c.trackA().equals(x) && c.trackB().equals(y))
                    || (c.trackA().equals(y) && c.trackB().equals(x))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A conflict at the places of claims {@code x} and {@code y}: {@code onA} is the claim on side
     * A, {@code onB} on side B.
     */
    private record Takeover(int index, Claim onA, Claim onB) {}

    /**
     * The conflict whose two sides {@code x} and {@code y} are at, one each ({@link #offsetM}); the
     * closest (sum of the offsets) if several, the first found if tied; null if none.
     */
    private Takeover takeover(List<Conflict> conflicts, Claim x, Claim y) {
        Takeover best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int i = 0; i < conflicts.size(); i++) {
            Conflict c = conflicts.get(i);
            double straight = offsetM(x, c.a()) + offsetM(y, c.b());
            double crossed = offsetM(y, c.a()) + offsetM(x, c.b());
            if (straight < bestCost) {
                bestCost = straight;
                best = new Takeover(i, x, y);
            }
            if (crossed < bestCost) {
                bestCost = crossed;
                best = new Takeover(i, y, x);
            }
        }
        return best;
    }

    /**
     * How far {@code claim} is from {@code side}'s last claim predicted to the claim's time: 0 for
     * the side's own track, infinite beyond the gate.
     */
    private double offsetM(Claim claim, Claim side) {
        if (claim.trackId().equals(side.trackId())) {
            return 0;
        }
        double d = Geodesy.distanceM(claim.position(), at(side, claim.time()));
        return d <= parameters.takeoverGateM() ? d : Double.POSITIVE_INFINITY;
    }

    /** The broken conflict's gone sides taken over by the claims at their places. */
    private void takeOver(Work w, Takeover t, double separationM) {
        Conflict c = w.conflicts.get(t.index());
        boolean aGone = !w.claims.containsKey(c.trackA());
        boolean bGone = !w.claims.containsKey(c.trackB());
        List<String> replaced = new ArrayList<>();
        if (aGone) {
            replaced.add(c.trackA());
        }
        if (bGone) {
            replaced.add(c.trackB());
        }
        Conflict next =
                c.withSides(aGone ? t.onA() : c.a(), bGone ? t.onB() : c.b())
                        .withBrokenAt(null)
                        .sent(Math.max(c.maxSeparationM(), separationM), c.reportedSeparationM());
        w.conflicts.set(t.index(), next);
        Map<String, String> why = new TreeMap<>();
        why.put("reason", "trackReplaced");
        why.put("replacedTrackIds", String.join(",", replaced));
        why.put("brokenS", Evidence.decimal(Geodesy.secondsBetween(c.brokenAt(), w.now), 1));
        w.alerts.add(alert(w.key, next, AlertState.UPDATE, w.now, why));
    }

    private static Claim claim(EntityTrack u) {
        return new Claim(
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

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Marking marking(Claim c) {
        return c.releasableToAll()
                ? Marking.UNRESTRICTED
                : Marking.releasableTo(split(c.releasableTo()));
    }

    private Alert alert(
            String identityKey,
            Conflict c,
            AlertState state,
            Instant end,
            Map<String, String> extra) {
        Claim a = c.a();
        Claim b = c.b();
        long key = Math.round(c.start().toEpochMilli() / 1000.0) * 1000;
        Map<String, String> evidence = new TreeMap<>(extra);
        evidence.put("identity", identityKey);
        evidence.put("separationM", Evidence.decimal(c.maxSeparationM(), 1));
        evidence.put(Evidence.REVISION, Integer.toString(c.revision()));
        evidence.put(
                "positionA",
                Evidence.decimal(a.position().latDeg(), 6)
                        + ","
                        + Evidence.decimal(a.position().lonDeg(), 6));
        evidence.put(
                "positionB",
                Evidence.decimal(b.position().latDeg(), 6)
                        + ","
                        + Evidence.decimal(b.position().lonDeg(), 6));
        evidence.put(
                Evidence.PARAM_PREFIX + "minSeparationM",
                Evidence.decimal(parameters.minSeparationM(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxClaimAgeS",
                Evidence.decimal(parameters.maxClaimAgeS(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "updateSeparationFactor",
                Evidence.decimal(parameters.updateSeparationFactor(), 2));
        evidence.put(
                Evidence.PARAM_PREFIX + "takeoverWindowS",
                Evidence.decimal(parameters.takeoverWindowS(), 1));
        List<String> partners = new ArrayList<>(split(a.partnerIds()));
        partners.addAll(split(b.partnerIds()));
        List<String> sensors = new ArrayList<>(split(a.sensorIds()));
        sensors.addAll(split(b.sensorIds()));
        evidence.put(Evidence.SOURCE_PARTNERS, Evidence.joined(partners));
        evidence.put(Evidence.SOURCE_SENSORS, Evidence.joined(sensors));
        String summary =
                String.format(
                        Locale.ROOT,
                        "%s is claimed by tracks %s and %s %.1f km apart%s.",
                        identityKey,
                        c.trackA(),
                        c.trackB(),
                        c.maxSeparationM() / 1000,
                        state == AlertState.CLOSED
                                ? " (conflict ended)"
                                : extra.containsKey("replacedTrackIds")
                                        ? " (taking over from "
                                                + extra.get("replacedTrackIds")
                                                + ")"
                                        : "");
        Instant endTime = end.isBefore(c.start()) ? c.start() : end;
        return new Alert(
                AlertIds.of(
                        AlertType.IDENTITY_CONFLICT,
                        NAME,
                        List.of(c.firstA(), c.firstB()),
                        identityKey + "@" + key),
                AlertType.IDENTITY_CONFLICT,
                parameters.severity(),
                state,
                c.start(),
                endTime,
                c.place(),
                List.of(c.trackA(), c.trackB()),
                NAME,
                VERSION,
                Alert.evidence(evidence),
                marking(a).intersect(marking(b)),
                summary);
    }

    @Override
    public byte[] encodeState(IdentityState state) {
        return state.toBytes();
    }

    @Override
    public IdentityState decodeState(byte[] bytes) {
        return IdentityState.fromBytes(bytes);
    }
}
