package io.cordon.pipeline.detect.rendezvous;

import static io.cordon.pipeline.detect.TrackFixtures.moved;
import static io.cordon.pipeline.detect.TrackFixtures.t;
import static io.cordon.pipeline.detect.TrackFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.TrackFixtures;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

class RendezvousDetectorTest {
    static final GeoPoint MEETING = GeoPoint.of(31.40, -110.70);

    private final RendezvousDetector detector =
            new RendezvousDetector(RendezvousParameters.DEFAULTS, TileGrid.DEFAULT);

    /** A target's position (metres east of MEETING) and east velocity as functions of time. */
    private record Motion(DoubleFunction<Double> eastM, DoubleFunction<Double> eastMps) {}

    /** Meets at 100 s, stands 15 m from the other until 160 s, leaves at 10 m/s. */
    private static Motion meeting(double side) {
        return new Motion(
                s -> side * (7.5 + (s < 100 ? 10 * (100 - s) : s > 160 ? 10 * (s - 160) : 0)),
                s -> s < 100 ? -side * 10 : s > 160 ? side * 10 : 0.2);
    }

    private static EntityTrack at(
            String id, TrackStatus status, double s, Motion m, double northOffsetM) {
        double east = m.eastM().apply(s);
        GeoPoint p =
                moved(
                        east >= 0 ? moved(MEETING, 90, east) : moved(MEETING, 270, -east),
                        0,
                        northOffsetM);
        return track(id, status, t(s), p, new Velocity(m.eastMps().apply(s), 0, 0));
    }

    /** A at even seconds, B at odd seconds, from 0 to {@code endS}. */
    private static List<EntityTrack> interleaved(
            Motion a, Motion b, double northOffsetB, int endS) {
        List<EntityTrack> out = new ArrayList<>();
        for (int s = 0; s <= endS; s += 2) {
            out.add(at("A", TrackStatus.CONFIRMED, s, a, 0));
            out.add(at("B", TrackStatus.CONFIRMED, s + 1, b, northOffsetB));
        }
        return out;
    }

    private List<Alert> run(List<EntityTrack> updates, String tileKey) {
        RendezvousState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<RendezvousState> r = detector.onTrackUpdate(state, tileKey, u);
            state = r.newState() == null ? null : RendezvousState.fromBytes(r.newState().toBytes());
            alerts.addAll(r.alerts());
        }
        return alerts;
    }

    @Test
    void twoTracksMeetingAlertOnceAndCloseWhenTheySeparate() {
        List<Alert> alerts = run(interleaved(meeting(-1), meeting(1), 0, 220), null);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        Alert met = alerts.get(0);
        assertThat(met.type()).isEqualTo(AlertType.RENDEZVOUS);
        assertThat(met.trackIds()).containsExactly("A", "B");
        assertThat(met.windowStart()).isBetween(t(98), t(100));
        assertThat(met.windowEnd()).isBetween(t(128), t(131));
        assertThat(Double.parseDouble(met.evidence().get("minDistanceM"))).isBetween(14.0, 16.0);
        Alert closed = alerts.get(1);
        assertThat(closed.alertId()).isEqualTo(met.alertId());
        assertThat(closed.windowEnd()).isBetween(t(160), t(163));
    }

    @Test
    void passingEachOtherIsNotARendezvous() {
        Motion west = new Motion(s -> 1000 - 10 * s, s -> -10.0);
        Motion east = new Motion(s -> -1000 + 10 * s, s -> 10.0);

        assertThat(run(interleaved(west, east, 20, 200), null)).isEmpty();
    }

    @Test
    void standingJustTooFarApartIsNotARendezvous() {
        Motion still = new Motion(s -> 0.0, s -> 0.1);

        assertThat(run(interleaved(still, still, 60, 300), null)).isEmpty();
    }

    @Test
    void aMeetingShorterThanTheMinimumIsNotARendezvous() {
        Motion a =
                new Motion(
                        s -> -7.5 - (s < 100 ? 10 * (100 - s) : s > 124 ? 10 * (s - 124) : 0),
                        s -> 0.2);
        Motion b =
                new Motion(
                        s -> 7.5 + (s < 100 ? 10 * (100 - s) : s > 124 ? 10 * (s - 124) : 0),
                        s -> 0.2);

        assertThat(run(interleaved(a, b, 0, 220), null)).isEmpty();
    }

    @Test
    void vehiclesDrivingTogetherAreNotARendezvous() {
        Motion convoy = new Motion(s -> 10 * s - 1000, s -> 10.0);

        assertThat(run(interleaved(convoy, convoy, 20, 300), null)).isEmpty();
    }

    @Test
    void tentativeTracksAreIgnored() {
        List<EntityTrack> tentative =
                interleaved(meeting(-1), meeting(1), 0, 220).stream()
                        .map(u -> u.withStatus(TrackStatus.TENTATIVE))
                        .toList();

        assertThat(run(tentative, null)).isEmpty();
    }

    @Test
    void onlyTheOwnerTileEmits() {
        List<EntityTrack> updates = interleaved(meeting(-1), meeting(1), 0, 220);
        String owner = TileGrid.DEFAULT.tileOf(MEETING);

        assertThat(run(updates, owner)).hasSize(2);
        assertThat(run(updates, "0:0")).isEmpty();
        assertThat(run(updates, owner))
                .extracting(Alert::alertId)
                .containsOnly(run(updates, null).get(0).alertId());
    }

    @Test
    void deletingATrackClosesItsPairsAndTheLastDeletionClearsTheState() {
        List<EntityTrack> updates = interleaved(meeting(-1), meeting(1), 0, 140);
        RendezvousState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<RendezvousState> r = detector.onTrackUpdate(state, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        EntityTrack lastA = updates.get(updates.size() - 2);
        EntityTrack lastB = updates.get(updates.size() - 1);

        DetectorResult<RendezvousState> aGone =
                detector.onTrackUpdate(state, lastA.withStatus(TrackStatus.DELETED));
        DetectorResult<RendezvousState> bGone =
                detector.onTrackUpdate(aGone.newState(), lastB.withStatus(TrackStatus.DELETED));

        assertThat(alerts).hasSize(1);
        assertThat(aGone.alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.state()).isEqualTo(AlertState.CLOSED);
                            assertThat(a.alertId()).isEqualTo(alerts.get(0).alertId());
                        });
        assertThat(aGone.newState().members())
                .extracting(RendezvousState.Member::trackId)
                .containsExactly("B");
        assertThat(aGone.newState().pairs()).isEmpty();
        assertThat(bGone.stateCleared()).isTrue();
    }

    @Test
    void theAlertMarkingIsTheIntersectionAndProvenanceTheUnion() {
        List<EntityTrack> updates =
                interleaved(meeting(-1), meeting(1), 0, 140).stream()
                        .map(
                                u ->
                                        u.trackId().equals("A")
                                                ? TrackFixtures.from(
                                                        u,
                                                        Set.of("mex-drone-1"),
                                                        Set.of("mex"),
                                                        Marking.releasableTo(List.of("mex", "usa")))
                                                : TrackFixtures.from(
                                                        u,
                                                        Set.of("usa-radar-1"),
                                                        Set.of("usa"),
                                                        Marking.releasableTo(
                                                                List.of("usa", "can"))))
                        .toList();

        Alert a = run(updates, null).get(0);

        assertThat(a.marking()).isEqualTo(Marking.releasableTo(List.of("usa")));
        assertThat(a.evidence()).containsEntry(Evidence.SOURCE_PARTNERS, "mex,usa");
        assertThat(a.evidence()).containsEntry(Evidence.SOURCE_SENSORS, "mex-drone-1,usa-radar-1");
    }

    @Test
    void replayGivesTheSameAlerts() {
        List<EntityTrack> updates = interleaved(meeting(-1), meeting(1), 0, 220);

        assertThat(run(updates, null)).isEqualTo(run(updates, null));
    }

    @Test
    void stateSurvivesBytes() {
        RendezvousState s =
                new RendezvousState(
                        List.of(
                                new RendezvousState.Member(
                                        "A", t(1), MEETING, 0.5, -0.5, false, "mex,usa", "mex",
                                        "d1")),
                        List.of(
                                new RendezvousState.Pair(
                                        "A", "B", t(0), t(1), MEETING, "1:2", 3, 1, 14.5, true)));

        assertThat(RendezvousState.fromBytes(s.toBytes())).isEqualTo(s);
    }

    @Test
    void anUpdateGoesToEveryTileWithinTwiceTheSeparation() {
        GeoPoint nearEdge = GeoPoint.of(31.45, -110.6001);

        assertThat(
                        detector.keysFor(
                                track("A", TrackStatus.CONFIRMED, t(0), nearEdge, Velocity.ZERO)))
                .containsExactlyInAnyOrder("-1107:314", "-1106:314");
        assertThat(
                        detector.keysFor(
                                track(
                                        "A",
                                        TrackStatus.CONFIRMED,
                                        t(0),
                                        GeoPoint.of(31.45, -110.65),
                                        Velocity.ZERO)))
                .containsExactly("-1107:314");
    }

    @Test
    void tilesNearReachAcrossTileEdges() {
        TileGrid grid = new TileGrid(0.1);
        GeoPoint nearEdge =
                GeoPoint.of(31.45, -110.6001); // about 10 m west of the tile edge at -110.6

        assertThat(grid.tileOf(nearEdge)).isEqualTo("-1107:314");
        assertThat(grid.tilesNear(nearEdge, 100))
                .containsExactlyInAnyOrder("-1107:314", "-1106:314");
        assertThat(grid.tilesNear(GeoPoint.of(31.45, -110.65), 100)).containsExactly("-1107:314");
    }
}
