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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Identity conflict, per identity key ({@link #identityKeys}: the operator sends each track update
 * to the key of every identity it carries).
 *
 * <p>At each update of a track claiming the identity, every other claim updated within {@link
 * IdentityConflictParameters#maxClaimAgeS()} is predicted (constant velocity) to the update's time;
 * farther than {@link IdentityConflictParameters#minSeparationM()} apart, the two tracks conflict
 * and alert {@code NEW} once. The conflict is {@code CLOSED} (same id) when either track is deleted
 * or its claim gets older than the maximum age (it ended or no longer carries the identity). While
 * it lasts, an update at which the separation reaches {@link
 * IdentityConflictParameters#updateSeparationFactor()} times the one last reported re-sends it as
 * {@code UPDATE} (same id, evidence {@code revision} one more). Tentative updates are ignored.
 *
 * <p>Expiry ({@link #expiresAt}, {@link #expire}): a claim is dropped once it is older than the
 * maximum age even when no other update reaches the key (a track that stops carrying the identity
 * without being deleted, e.g. after a re-association), closing its conflicts; the key's state is
 * cleared with its last claim, so nothing outlives the claims in the operator.
 *
 * <p>The id is {@code AlertIds.of(IDENTITY_CONFLICT, "identity-conflict", [a, b], key@t)} with
 * {@code t} the time the conflict was found, in epoch milliseconds rounded to the second.
 */
public final class IdentityConflictDetector implements KeyedTrackDetector<IdentityState> {
    public static final String NAME = "identity-conflict";
    public static final String VERSION = "1.1.0";

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

    /** One update of a track that carries (or carried) {@code identityKey}. */
    @Override
    public DetectorResult<IdentityState> onTrackUpdate(
            IdentityState prev, String identityKey, EntityTrack u) {
        IdentityState s = prev == null ? IdentityState.EMPTY : prev;
        Map<String, Claim> claims = new TreeMap<>();
        s.claims().forEach(c -> claims.put(c.trackId(), c));
        Map<String, Conflict> conflicts = new TreeMap<>();
        s.conflicts().forEach(c -> conflicts.put(c.trackA() + "|" + c.trackB(), c));
        List<Alert> alerts = new ArrayList<>();
        Claim known = claims.get(u.trackId());
        boolean stale = known != null && u.time().isBefore(known.time());
        if (u.status() == TrackStatus.DELETED) {
            close(identityKey, Set.of(u.trackId()), claims, conflicts, u.time(), alerts);
            claims.remove(u.trackId());
        } else if (u.status() != TrackStatus.TENTATIVE && !stale) {
            Claim self = claim(u);
            claims.put(u.trackId(), self);
            Instant oldest = u.time().minusMillis(Math.round(parameters.maxClaimAgeS() * 1000));
            Set<String> gone = new TreeSet<>();
            claims.values().stream()
                    .filter(c -> c.time().isBefore(oldest))
                    .forEach(c -> gone.add(c.trackId()));
            close(identityKey, gone, claims, conflicts, u.time(), alerts);
            claims.keySet().removeAll(gone);
            compare(identityKey, self, claims, conflicts, alerts);
        }
        IdentityState next =
                new IdentityState(
                        new ArrayList<>(claims.values()), new ArrayList<>(conflicts.values()));
        return new DetectorResult<>(next.isEmpty() ? null : next, alerts);
    }

    /**
     * Just after the oldest claim becomes older than {@link
     * IdentityConflictParameters#maxClaimAgeS()}, when {@link #expire} drops it.
     */
    @Override
    public Instant expiresAt(IdentityState state) {
        Instant oldest = null;
        for (Claim c : state.claims()) {
            if (oldest == null || c.time().isBefore(oldest)) {
                oldest = c.time();
            }
        }
        return oldest == null
                ? null
                : oldest.plusMillis(Math.round(parameters.maxClaimAgeS() * 1000) + 1);
    }

    /**
     * Nothing has reached the key until {@code now}: drops the claims older than the maximum age
     * (as an update at {@code now} would), closing their conflicts; null when no claim is left.
     */
    @Override
    public DetectorResult<IdentityState> expire(
            IdentityState state, String identityKey, Instant now) {
        Map<String, Claim> claims = new TreeMap<>();
        state.claims().forEach(c -> claims.put(c.trackId(), c));
        Map<String, Conflict> conflicts = new TreeMap<>();
        state.conflicts().forEach(c -> conflicts.put(c.trackA() + "|" + c.trackB(), c));
        Instant oldest = now.minusMillis(Math.round(parameters.maxClaimAgeS() * 1000));
        Set<String> gone = new TreeSet<>();
        claims.values().stream()
                .filter(c -> c.time().isBefore(oldest))
                .forEach(c -> gone.add(c.trackId()));
        List<Alert> alerts = new ArrayList<>();
        close(identityKey, gone, claims, conflicts, now, alerts);
        claims.keySet().removeAll(gone);
        IdentityState next =
                new IdentityState(
                        new ArrayList<>(claims.values()), new ArrayList<>(conflicts.values()));
        return new DetectorResult<>(next.isEmpty() ? null : next, alerts);
    }

    private void compare(
            String identityKey,
            Claim self,
            Map<String, Claim> claims,
            Map<String, Conflict> conflicts,
            List<Alert> alerts) {
        for (Claim other : claims.values()) {
            if (other.trackId().equals(self.trackId())) {
                continue;
            }
            GeoPoint there =
                    Geodesy.predict(
                            other.position(),
                            new Velocity(other.eastMps(), other.northMps(), 0),
                            Geodesy.secondsBetween(other.time(), self.time()));
            double d = Geodesy.distanceM(self.position(), there);
            boolean selfFirst = self.trackId().compareTo(other.trackId()) < 0;
            Claim a = selfFirst ? self : other;
            Claim b = selfFirst ? other : self;
            String key = a.trackId() + "|" + b.trackId();
            Conflict c = conflicts.get(key);
            if (c != null) {
                double factor = parameters.updateSeparationFactor();
                boolean update = factor > 0 && d >= factor * c.reportedSeparationM();
                Conflict next =
                        new Conflict(
                                c.trackA(),
                                c.trackB(),
                                c.start(),
                                c.place(),
                                Math.max(c.maxSeparationM(), d),
                                update ? d : c.reportedSeparationM(),
                                update ? c.revision() + 1 : c.revision());
                conflicts.put(key, next);
                if (update) {
                    alerts.add(
                            alert(
                                    identityKey,
                                    next,
                                    a,
                                    b,
                                    AlertState.UPDATE,
                                    self.time(),
                                    next.revision()));
                }
            } else if (d > parameters.minSeparationM()) {
                c = new Conflict(a.trackId(), b.trackId(), self.time(), self.position(), d);
                conflicts.put(key, c);
                alerts.add(alert(identityKey, c, a, b, AlertState.NEW, self.time(), 0));
            }
        }
    }

    private void close(
            String identityKey,
            Set<String> ending,
            Map<String, Claim> claims,
            Map<String, Conflict> conflicts,
            Instant now,
            List<Alert> alerts) {
        var it = conflicts.values().iterator();
        while (it.hasNext()) {
            Conflict c = it.next();
            if (ending.contains(c.trackA()) || ending.contains(c.trackB())) {
                it.remove();
                Claim a = claims.get(c.trackA());
                Claim b = claims.get(c.trackB());
                if (a != null && b != null) {
                    alerts.add(
                            alert(identityKey, c, a, b, AlertState.CLOSED, now, c.revision() + 1));
                }
            }
        }
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
            Claim a,
            Claim b,
            AlertState state,
            Instant end,
            int revision) {
        long key = Math.round(c.start().toEpochMilli() / 1000.0) * 1000;
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("identity", identityKey);
        evidence.put("separationM", Evidence.decimal(c.maxSeparationM(), 1));
        evidence.put(Evidence.REVISION, Integer.toString(revision));
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
                        state == AlertState.CLOSED ? " (conflict ended)" : "");
        Instant endTime = end.isBefore(c.start()) ? c.start() : end;
        return new Alert(
                AlertIds.of(
                        AlertType.IDENTITY_CONFLICT,
                        NAME,
                        List.of(c.trackA(), c.trackB()),
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
