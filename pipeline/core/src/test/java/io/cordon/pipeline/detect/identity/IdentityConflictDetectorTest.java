package io.cordon.pipeline.detect.identity;

import static io.cordon.pipeline.detect.TrackFixtures.moved;
import static io.cordon.pipeline.detect.TrackFixtures.t;
import static io.cordon.pipeline.detect.TrackFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityConflictDetectorTest {
    static final CooperativeIdentity MMSI = new CooperativeIdentity("367001234", "", "", "");
    static final String KEY = "mmsi:367001234";
    static final GeoPoint HERE = GeoPoint.of(31.40, -110.70);
    static final GeoPoint FAR = moved(HERE, 90, 20_000);

    private final IdentityConflictDetector detector =
            new IdentityConflictDetector(IdentityConflictParameters.DEFAULTS);

    private static EntityTrack claiming(String id, TrackStatus status, double s, GeoPoint p) {
        EntityTrack u = track(id, status, t(s), p, new Velocity(0.5, 0, 0));
        return new EntityTrack(
                u.trackId(),
                u.status(),
                u.time(),
                u.position(),
                u.velocity(),
                u.covariance(),
                u.sensorIds(),
                u.partnerIds(),
                MMSI,
                u.classification(),
                u.marking(),
                u.updateCount());
    }

    private List<Alert> run(List<EntityTrack> updates) {
        IdentityState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<IdentityState> r = detector.onTrackUpdate(state, KEY, u);
            state = r.newState() == null ? null : IdentityState.fromBytes(r.newState().toBytes());
            alerts.addAll(r.alerts());
        }
        return alerts;
    }

    /**
     * Track A at {@code a} at even 5 s steps, track B at {@code b} in between, up to {@code endS}.
     */
    private static List<EntityTrack> twoClaims(GeoPoint a, GeoPoint b, int endS) {
        List<EntityTrack> out = new ArrayList<>();
        for (int s = 0; s <= endS; s += 5) {
            out.add(claiming("A", TrackStatus.CONFIRMED, s, a));
            out.add(claiming("B", TrackStatus.CONFIRMED, s + 2.5, b));
        }
        return out;
    }

    @Test
    void oneIdentityInTwoPlacesAlertsOnceAndClosesWhenATrackEnds() {
        List<EntityTrack> updates = new ArrayList<>(twoClaims(HERE, FAR, 60));
        updates.add(claiming("B", TrackStatus.DELETED, 70, FAR));

        List<Alert> alerts = run(updates);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        Alert found = alerts.get(0);
        assertThat(found.type()).isEqualTo(AlertType.IDENTITY_CONFLICT);
        assertThat(found.trackIds()).containsExactly("A", "B");
        assertThat(found.windowStart()).isEqualTo(t(2.5));
        assertThat(found.evidence()).containsEntry("identity", KEY);
        assertThat(Double.parseDouble(found.evidence().get("separationM")))
                .isBetween(19_900.0, 20_100.0);
        assertThat(alerts.get(1).alertId()).isEqualTo(found.alertId());
        assertThat(alerts.get(1).windowEnd()).isEqualTo(t(70));
    }

    @Test
    void aConflictIsUpdatedEachTimeTheSeparationDoublesAndNotAfterItCloses() {
        // A stays at HERE; B's claimed position runs east at 50 m/s from 1.5 km (a spoofed track)
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 120; s += 5) {
            updates.add(claiming("A", TrackStatus.CONFIRMED, s, HERE));
            updates.add(
                    claiming(
                            "B",
                            TrackStatus.CONFIRMED,
                            s + 2.5,
                            moved(HERE, 90, 1500 + 50 * (s + 2.5))));
        }
        updates.add(claiming("B", TrackStatus.DELETED, 125, FAR));
        updates.add(claiming("A", TrackStatus.CONFIRMED, 130, HERE));

        List<Alert> alerts = run(updates);

        // NEW at 2.5 s (1 625 m); 3 250 m is passed at B's update at 37.5 s (3 375 m), 6 750 m at
        // 107.5 s (6 875 m); the deletion closes it; A's later update sends nothing
        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(
                        AlertState.NEW, AlertState.UPDATE, AlertState.UPDATE, AlertState.CLOSED);
        assertThat(alerts).extracting(Alert::alertId).containsOnly(alerts.get(0).alertId());
        assertThat(alerts)
                .extracting(Alert::windowEnd)
                .containsExactly(t(2.5), t(37.5), t(107.5), t(125));
        assertThat(alerts)
                .extracting(a -> a.evidence().get("revision"))
                .containsExactly("0", "1", "2", "3");
        assertThat(Double.parseDouble(alerts.get(1).evidence().get("separationM")))
                .isBetween(3_370.0, 3_380.0);
    }

    @Test
    void twoTracksOfOneEntityCloseTogetherDoNotConflict() {
        assertThat(run(twoClaims(HERE, moved(HERE, 0, 200), 120))).isEmpty();
    }

    @Test
    void anIdentityThatMovesToANewTrackLaterDoesNotConflict() {
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 60; s += 5) {
            updates.add(claiming("OLD", TrackStatus.CONFIRMED, s, HERE));
        }
        for (int s = 100; s <= 160; s += 5) {
            updates.add(claiming("NEW", TrackStatus.CONFIRMED, s, FAR));
        }

        assertThat(run(updates)).isEmpty();
    }

    @Test
    void aStaleClaimClosesTheConflictAndIsForgotten() {
        List<EntityTrack> updates = new ArrayList<>(twoClaims(HERE, FAR, 20));
        for (int s = 25; s <= 80; s += 5) {
            updates.add(
                    claiming("A", TrackStatus.CONFIRMED, s, HERE)); // B stopped claiming at 22.5 s
        }
        IdentityState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<IdentityState> r = detector.onTrackUpdate(state, KEY, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(state.claims()).extracting(IdentityState.Claim::trackId).containsExactly("A");
        assertThat(state.conflicts()).isEmpty();
    }

    @Test
    void claimsThatGoSilentWithoutDeletionExpireClosingTheConflictAndClearingTheKey() {
        // A and B conflict; then neither claims the MMSI again (no deletion reaches this key).
        IdentityState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : twoClaims(HERE, FAR, 20)) { // last claims: A at 20 s, B at 22.5 s
            DetectorResult<IdentityState> r = detector.onTrackUpdate(state, KEY, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        assertThat(alerts).extracting(Alert::state).containsExactly(AlertState.NEW);
        double maxAge = IdentityConflictParameters.DEFAULTS.maxClaimAgeS();
        Instant due = detector.expiresAt(state);
        assertThat(due).isEqualTo(t(20 + maxAge).plusMillis(1));
        // At exactly the maximum age the claim still counts, as for an update at that time.
        assertThat(detector.expire(state, KEY, t(20 + maxAge)).alerts()).isEmpty();

        DetectorResult<IdentityState> first = detector.expire(state, KEY, due);
        assertThat(first.alerts()).extracting(Alert::state).containsExactly(AlertState.CLOSED);
        assertThat(first.alerts().get(0).alertId()).isEqualTo(alerts.get(0).alertId());
        assertThat(first.newState().claims())
                .extracting(IdentityState.Claim::trackId)
                .containsExactly("B");
        assertThat(first.newState().conflicts()).isEmpty();
        Instant next = detector.expiresAt(first.newState());
        assertThat(next).isEqualTo(t(22.5 + maxAge).plusMillis(1)).isAfter(due);

        DetectorResult<IdentityState> last = detector.expire(first.newState(), KEY, next);
        assertThat(last.alerts()).isEmpty();
        assertThat(last.newState()).isNull();
    }

    @Test
    void tentativeTracksAreIgnoredAndTheLastDeletionClearsTheState() {
        assertThat(
                        run(
                                twoClaims(HERE, FAR, 60).stream()
                                        .map(u -> u.withStatus(TrackStatus.TENTATIVE))
                                        .toList()))
                .isEmpty();

        DetectorResult<IdentityState> one =
                detector.onTrackUpdate(null, KEY, claiming("A", TrackStatus.CONFIRMED, 0, HERE));
        DetectorResult<IdentityState> gone =
                detector.onTrackUpdate(
                        one.newState(), KEY, claiming("A", TrackStatus.DELETED, 5, HERE));
        assertThat(gone.stateCleared()).isTrue();
        assertThat(gone.alerts()).isEmpty();
    }

    @Test
    void identityKeysAreTheUniqueIdentitiesOnly() {
        EntityTrack u = claiming("A", TrackStatus.CONFIRMED, 0, HERE);
        EntityTrack withAll =
                new EntityTrack(
                        "A",
                        TrackStatus.CONFIRMED,
                        t(0),
                        HERE,
                        Velocity.ZERO,
                        null,
                        null,
                        null,
                        new CooperativeIdentity("367001234", "a1b2c3", "AAL123", "ANDROID-1"),
                        null,
                        null,
                        1);

        assertThat(IdentityConflictDetector.identityKeys(u)).containsExactly(KEY);
        assertThat(IdentityConflictDetector.identityKeys(withAll))
                .containsExactly("mmsi:367001234", "icao24:A1B2C3", "cot:ANDROID-1");
        assertThat(
                        IdentityConflictDetector.identityKeys(
                                track("N", TrackStatus.CONFIRMED, t(0), HERE, Velocity.ZERO)))
                .isEmpty();
    }

    @Test
    void stateSurvivesBytes() {
        IdentityState s =
                new IdentityState(
                        List.of(
                                new IdentityState.Claim(
                                        "A", t(1), HERE, 1, 2, true, "", "usa", "ais-1")),
                        List.of(new IdentityState.Conflict("A", "B", t(0), FAR, 20_000)));

        assertThat(IdentityState.fromBytes(s.toBytes())).isEqualTo(s);
    }
}
