package io.cordon.pipeline.detect.identity;

import static io.cordon.pipeline.detect.TrackFixtures.moved;
import static io.cordon.pipeline.detect.TrackFixtures.t;
import static io.cordon.pipeline.detect.TrackFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityConflictDetectorTest {
    static final CooperativeIdentity MMSI = new CooperativeIdentity("367001234", "", "", "");
    static final String KEY = "mmsi:367001234";
    static final GeoPoint HERE = GeoPoint.of(31.40, -110.70);
    static final GeoPoint FAR = moved(HERE, 90, 20_000);

    private final IdentityConflictDetector detector =
            new IdentityConflictDetector(IdentityConflictParameters.DEFAULTS);

    private static EntityTrack claiming(String id, TrackStatus status, double s, GeoPoint p) {
        return claiming(id, status, s, p, new Velocity(0.5, 0, 0));
    }

    private static EntityTrack claiming(
            String id, TrackStatus status, double s, GeoPoint p, Velocity v) {
        EntityTrack u = track(id, status, t(s), p, v);
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
    void oneIdentityInTwoPlacesAlertsOnceAndClosesOnceNoTrackTookTheEndedSideOver() {
        double window = IdentityConflictParameters.DEFAULTS.takeoverWindowS();
        List<EntityTrack> updates = new ArrayList<>(twoClaims(HERE, FAR, 60));
        updates.add(claiming("B", TrackStatus.DELETED, 70, FAR));
        for (int s = 65; s <= 70 + window + 5; s += 5) {
            updates.add(claiming("A", TrackStatus.CONFIRMED, s, HERE));
        }

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
        Alert closed = alerts.get(1);
        assertThat(closed.alertId()).isEqualTo(found.alertId());
        assertThat(closed.windowEnd()).as("ended when B was deleted").isEqualTo(t(70));
        assertThat(closed.evidence()).containsEntry("reason", "ended");
        assertThat(closed.trackIds()).containsExactly("A", "B");
    }

    @Test
    void aTrackReCreatedWhereTheDeletedOneWasPredictedTakesTheConflictOver() {
        // B runs east at 10 m/s; deleted at 60 s, the tracker's new track B2 appears 50 s later
        // where B would be by then (500 m on: beyond the gate without the prediction)
        Velocity east = new Velocity(10, 0, 0);
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 55; s += 5) {
            updates.add(claiming("A", TrackStatus.CONFIRMED, s, HERE));
            updates.add(claiming("B", TrackStatus.CONFIRMED, s + 2.5, at(s + 2.5), east));
        }
        updates.add(claiming("B", TrackStatus.DELETED, 60, at(60), east));
        for (int s = 60; s <= 300; s += 5) {
            updates.add(claiming("A", TrackStatus.CONFIRMED, s, HERE));
            if (s >= 110 && s <= 200) {
                updates.add(
                        claiming(
                                "B2",
                                TrackStatus.CONFIRMED,
                                s + 2.5,
                                moved(at(s + 2.5), 0, 80),
                                east));
            }
            if (s == 205) {
                updates.add(claiming("B2", TrackStatus.DELETED, s, at(s), east));
            }
        }

        List<Alert> alerts = run(updates);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE, AlertState.CLOSED);
        assertThat(alerts).extracting(Alert::alertId).containsOnly(alerts.get(0).alertId());
        Alert takeover = alerts.get(1);
        assertThat(takeover.windowEnd()).isEqualTo(t(112.5));
        assertThat(takeover.trackIds()).containsExactly("A", "B2");
        assertThat(takeover.evidence())
                .containsEntry("reason", "trackReplaced")
                .containsEntry("replacedTrackIds", "B")
                .containsEntry("brokenS", "52.5")
                .containsEntry("revision", "1");
        Alert closed = alerts.get(2);
        assertThat(closed.trackIds()).containsExactly("A", "B2");
        assertThat(closed.windowEnd()).isEqualTo(t(205));
        assertThat(closed.evidence()).containsEntry("revision", "2");
    }

    @Test
    void withoutThePredictionTheSamePlacesAreTooFarApartAndTheReCreatedTrackIsANewConflict() {
        // as above, but B's velocity is unknown (0): B2 appears 525 m from B's last claim
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 55; s += 5) {
            updates.add(claiming("A", TrackStatus.CONFIRMED, s, HERE));
            updates.add(claiming("B", TrackStatus.CONFIRMED, s + 2.5, at(s + 2.5), Velocity.ZERO));
        }
        updates.add(claiming("B", TrackStatus.DELETED, 60, at(57.5), Velocity.ZERO));
        updates.add(claiming("A", TrackStatus.CONFIRMED, 110, HERE));
        updates.add(claiming("B2", TrackStatus.CONFIRMED, 110, at(110), Velocity.ZERO));

        List<Alert> alerts = run(updates);

        assertThat(alerts).extracting(Alert::state).containsExactly(AlertState.NEW, AlertState.NEW);
        assertThat(alerts.get(1).alertId()).isNotEqualTo(alerts.get(0).alertId());
    }

    @Test
    void aReCreatedTrackOverlappingTheOldOneIsSilentAndTakesOverWhenTheOldOneEnds() {
        List<EntityTrack> updates = new ArrayList<>(twoClaims(HERE, FAR, 40));
        for (int s = 30; s <= 60; s += 5) { // B2 born beside B (150 m) while B still claims
            updates.add(claiming("B2", TrackStatus.CONFIRMED, s + 1, moved(FAR, 0, 150)));
        }
        updates.add(claiming("B", TrackStatus.DELETED, 46, FAR));
        updates.add(claiming("A", TrackStatus.CONFIRMED, 50, HERE));

        List<Alert> alerts = run(updates);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE);
        assertThat(alerts.get(1).alertId()).isEqualTo(alerts.get(0).alertId());
        assertThat(alerts.get(1).windowEnd()).as("A's update after B's deletion").isEqualTo(t(50));
        assertThat(alerts.get(1).trackIds()).containsExactly("A", "B2");
        assertThat(alerts.get(1).evidence()).containsEntry("brokenS", "4.0");
    }

    @Test
    void aClaimAtAThirdPlaceWhileASideIsGoneIsANewConflict() {
        GeoPoint third = moved(HERE, 0, 20_000); // 20 km north: far from both sides
        List<EntityTrack> updates = new ArrayList<>(twoClaims(HERE, FAR, 60));
        updates.add(claiming("B", TrackStatus.DELETED, 70, FAR));
        updates.add(claiming("A", TrackStatus.CONFIRMED, 75, HERE));
        updates.add(claiming("C", TrackStatus.CONFIRMED, 80, third));

        List<Alert> alerts = run(updates);

        assertThat(alerts).extracting(Alert::state).containsExactly(AlertState.NEW, AlertState.NEW);
        assertThat(alerts.get(1).trackIds()).containsExactly("A", "C");
        assertThat(alerts.get(1).alertId()).isNotEqualTo(alerts.get(0).alertId());
    }

    @Test
    void aTrackAtTheSamePlaceAfterTheWindowIsANewConflict() {
        double window = IdentityConflictParameters.DEFAULTS.takeoverWindowS();
        List<EntityTrack> updates = new ArrayList<>(twoClaims(HERE, FAR, 20));
        updates.add(claiming("B", TrackStatus.DELETED, 25, FAR));
        for (int s = 25; s <= 25 + window + 10; s += 5) {
            updates.add(claiming("A", TrackStatus.CONFIRMED, s, HERE));
        }
        updates.add(claiming("B2", TrackStatus.CONFIRMED, 25 + window + 11, FAR));

        List<Alert> alerts = run(updates);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED, AlertState.NEW);
        assertThat(alerts.get(2).trackIds()).containsExactly("A", "B2");
        assertThat(alerts.get(2).alertId()).isNotEqualTo(alerts.get(0).alertId());
    }

    @Test
    void aWindowOfZeroClosesWhenATrackEnds() {
        IdentityConflictParameters d = IdentityConflictParameters.DEFAULTS;
        IdentityConflictDetector closesAtOnce =
                new IdentityConflictDetector(
                        new IdentityConflictParameters(
                                d.minSeparationM(),
                                d.maxClaimAgeS(),
                                d.severity(),
                                d.updateSeparationFactor(),
                                0));
        List<EntityTrack> updates = new ArrayList<>(twoClaims(HERE, FAR, 20));
        updates.add(claiming("B", TrackStatus.DELETED, 25, FAR));
        updates.add(claiming("B2", TrackStatus.CONFIRMED, 26, FAR));
        IdentityState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<IdentityState> r = closesAtOnce.onTrackUpdate(state, KEY, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED, AlertState.NEW);
        assertThat(alerts.get(1).windowEnd()).isEqualTo(t(25));
    }

    @Test
    void nearClonesAndTheirReCreatedTracksStaySilent() {
        GeoPoint near = moved(HERE, 0, 800); // a decoy under the minimum separation
        List<EntityTrack> updates = new ArrayList<>(twoClaims(HERE, near, 60));
        updates.add(claiming("B", TrackStatus.DELETED, 65, near));
        for (int s = 70; s <= 120; s += 5) {
            updates.add(claiming("A", TrackStatus.CONFIRMED, s, HERE));
            updates.add(claiming("B2", TrackStatus.CONFIRMED, s + 1, near));
        }

        assertThat(run(updates)).isEmpty();
    }

    /** Where a target running east at 10 m/s from FAR is at {@code s}. */
    private static GeoPoint at(double s) {
        return moved(FAR, 90, 10 * s);
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
        double window = IdentityConflictParameters.DEFAULTS.takeoverWindowS();
        for (int s = 130; s <= 125 + window + 5; s += 5) {
            updates.add(claiming("A", TrackStatus.CONFIRMED, s, HERE));
        }

        List<Alert> alerts = run(updates);

        // NEW at 2.5 s (1 625 m); 3 250 m is passed at B's update at 37.5 s (3 375 m), 6 750 m at
        // 107.5 s (6 875 m); the deletion breaks it, and A's first update after the takeover
        // window closes it, as ended at the deletion; A's updates send nothing else
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
        assertThat(alerts.get(1).evidence()).containsEntry("reason", "separation");
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
        // B's claim is too old at A's update at 55 s; the conflict closes after the window
        double window = IdentityConflictParameters.DEFAULTS.takeoverWindowS();
        List<EntityTrack> updates = new ArrayList<>(twoClaims(HERE, FAR, 20));
        for (int s = 25; s <= 55 + window + 5; s += 5) {
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
        assertThat(alerts.get(1).windowEnd()).isEqualTo(t(55));
        assertThat(state.claims()).extracting(IdentityState.Claim::trackId).containsExactly("A");
        assertThat(state.conflicts()).isEmpty();
    }

    @Test
    void claimsThatGoSilentWithoutDeletionExpireThenTheConflictClosesAndTheKeyIsCleared() {
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
        double window = IdentityConflictParameters.DEFAULTS.takeoverWindowS();
        Instant due = detector.expiresAt(state);
        assertThat(due).isEqualTo(t(20 + maxAge).plusMillis(1));
        // At exactly the maximum age the claim still counts, as for an update at that time.
        assertThat(detector.expire(state, KEY, t(20 + maxAge)).newState()).isEqualTo(state);

        DetectorResult<IdentityState> first = detector.expire(state, KEY, due);
        assertThat(first.alerts()).as("broken, open for the window").isEmpty();
        assertThat(first.newState().claims())
                .extracting(IdentityState.Claim::trackId)
                .containsExactly("B");
        assertThat(first.newState().conflicts())
                .singleElement()
                .satisfies(c -> assertThat(c.brokenAt()).isEqualTo(due));
        Instant next = detector.expiresAt(first.newState());
        assertThat(next).isEqualTo(t(22.5 + maxAge).plusMillis(1));

        DetectorResult<IdentityState> second = detector.expire(first.newState(), KEY, next);
        assertThat(second.alerts()).isEmpty();
        assertThat(second.newState().claims()).isEmpty();
        Instant last = detector.expiresAt(second.newState());
        assertThat(last).isEqualTo(due.plusMillis(Math.round(window * 1000) + 1));

        DetectorResult<IdentityState> closed = detector.expire(second.newState(), KEY, last);
        assertThat(closed.alerts()).extracting(Alert::state).containsExactly(AlertState.CLOSED);
        assertThat(closed.alerts().get(0).alertId()).isEqualTo(alerts.get(0).alertId());
        assertThat(closed.alerts().get(0).windowEnd()).isEqualTo(due);
        assertThat(closed.newState()).isNull();
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
    void aTakeoverWindowOutOfRangeNamesTheKeyTheValueAndWhatIsAllowed() {
        IdentityConflictParameters d = IdentityConflictParameters.DEFAULTS;
        assertThatThrownBy(
                        () ->
                                new IdentityConflictParameters(
                                        d.minSeparationM(),
                                        d.maxClaimAgeS(),
                                        d.severity(),
                                        d.updateSeparationFactor(),
                                        -1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("takeoverWindowS")
                .hasMessageContaining("-1.0")
                .hasMessageContaining("0 (close at once) to 3600 s");
    }

    @Test
    void stateSurvivesBytes() {
        IdentityState.Claim a =
                new IdentityState.Claim("A", t(1), HERE, 1, 2, true, "", "usa", "ais-1");
        IdentityState.Claim b =
                new IdentityState.Claim("B", t(2), FAR, 0, 0, false, "mex", "mex", "radar-2");
        IdentityState.Claim c = new IdentityState.Claim("C", t(3), FAR, 0, 0, true, "", "", "");
        IdentityState s =
                new IdentityState(
                        List.of(a, b),
                        List.of(
                                IdentityState.Conflict.found(a, b, t(0), FAR, 20_000),
                                new IdentityState.Conflict(
                                        "A", "C", t(1), HERE, a, c, 21_000, 20_500, 3, t(4))));

        assertThat(IdentityState.fromBytes(s.toBytes())).isEqualTo(s);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aStateOfAnEarlierVersionIsReadAndItsConflictGoesOnUnderTheSameId(int version) {
        List<EntityTrack> updates = twoClaims(HERE, FAR, 20);
        IdentityState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<IdentityState> r = detector.onTrackUpdate(state, KEY, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        IdentityState.Conflict c = state.conflicts().get(0);
        // the same state in the layout of 1.0.0 (version 1) or 1.1.0 (2): claims, then (trackA,
        // trackB, start, place, maxSeparationM[, reportedSeparationM, revision]) per conflict
        StateBytes.Writer w = new StateBytes.Writer(version).writeInt(state.claims().size());
        for (IdentityState.Claim k : state.claims()) {
            w.writeString(k.trackId())
                    .writeInstant(k.time())
                    .writePoint(k.position())
                    .writeDouble(k.eastMps())
                    .writeDouble(k.northMps())
                    .writeBoolean(k.releasableToAll())
                    .writeString(k.releasableTo())
                    .writeString(k.partnerIds())
                    .writeString(k.sensorIds());
        }
        w.writeInt(1)
                .writeString("A")
                .writeString("B")
                .writeInstant(c.start())
                .writePoint(c.place())
                .writeDouble(c.maxSeparationM());
        int revision = version == 1 ? 0 : 1;
        if (version == 2) {
            w.writeDouble(c.reportedSeparationM()).writeInt(revision);
        }

        IdentityState old = IdentityState.fromBytes(w.toBytes());

        assertThat(old.claims()).isEqualTo(state.claims());
        IdentityState.Conflict read = old.conflicts().get(0);
        assertThat(read.a()).isEqualTo(state.claims().get(0));
        assertThat(read.b()).isEqualTo(state.claims().get(1));
        assertThat(read.revision()).isEqualTo(revision);
        assertThat(read.reportedSeparationM())
                .as("version 1 had none: the largest separation")
                .isEqualTo(version == 1 ? c.maxSeparationM() : c.reportedSeparationM());
        assertThat(read.broken()).isFalse();
        DetectorResult<IdentityState> gone =
                detector.onTrackUpdate(old, KEY, claiming("B", TrackStatus.DELETED, 25, FAR));
        DetectorResult<IdentityState> taken =
                detector.onTrackUpdate(
                        gone.newState(), KEY, claiming("B2", TrackStatus.CONFIRMED, 30, FAR));
        assertThat(taken.alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.state()).isEqualTo(AlertState.UPDATE);
                            assertThat(a.alertId()).isEqualTo(alerts.get(0).alertId());
                            assertThat(a.evidence())
                                    .containsEntry("revision", Integer.toString(revision + 1));
                        });
    }
}
