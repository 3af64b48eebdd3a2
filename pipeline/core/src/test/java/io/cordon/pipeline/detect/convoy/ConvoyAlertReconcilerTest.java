package io.cordon.pipeline.detect.convoy;

import static io.cordon.pipeline.detect.TrackFixtures.moved;
import static io.cordon.pipeline.detect.TrackFixtures.t;
import static io.cordon.pipeline.detect.TrackFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConvoyAlertReconcilerTest {
    static final String WEST = "tile-west";
    static final String EAST = "tile-east";
    static final GeoPoint PLACE = GeoPoint.of(31.40, -110.75);

    private final ConvoyAlertReconciler reconciler =
            new ConvoyAlertReconciler(ConvoyParameters.DEFAULTS);

    /** A tile's convoy message as the detector raises it. */
    private static Alert message(
            String id,
            String tile,
            AlertState state,
            int revision,
            String reason,
            double startS,
            double atS,
            String... tracks) {
        Map<String, String> evidence = new TreeMap<>();
        evidence.put(Evidence.REVISION, Integer.toString(revision));
        evidence.put(ConvoyAlertReconciler.RAISED_AT, t(atS).toString());
        evidence.put(ConvoyAlertReconciler.TILE, tile);
        evidence.put("durationS", Evidence.decimal(atS - startS, 1));
        if (!reason.isEmpty()) {
            evidence.put("reason", reason);
        }
        return new Alert(
                id,
                AlertType.CONVOY,
                Severity.MEDIUM,
                state,
                t(startS),
                t(atS),
                PLACE,
                List.of(tracks),
                ConvoyDetector.NAME,
                ConvoyDetector.VERSION,
                Alert.evidence(evidence),
                Marking.releasableTo(List.of("usa")),
                "convoy");
    }

    /** The west tile's convoy A,B,C from 0 s, alerted at 120 s, handed over east at 300 s. */
    private static List<Alert> westUntilHandover() {
        return List.of(
                message("w1", WEST, AlertState.NEW, 0, "", 0, 120, "A", "B", "C"),
                message("w1", WEST, AlertState.CLOSED, 1, "handover", 0, 300, "A", "B", "C"));
    }

    @Test
    void aHandoverContinuesTheIdAndTheLastViewClosesIt() {
        List<Alert> in = new ArrayList<>(westUntilHandover());
        // the east tile saw the group form only at 200 s: its own alert at 320 s
        in.add(message("e1", EAST, AlertState.NEW, 0, "", 200, 320, "A", "B", "C"));
        in.add(message("e1", EAST, AlertState.UPDATE, 1, "joined", 200, 400, "A", "B", "C", "D"));
        in.add(message("e1", EAST, AlertState.CLOSED, 2, "lost", 200, 500, "A", "B", "C", "D"));

        List<Alert> out = reconciler.reconcile(in);

        assertThat(out).extracting(Alert::alertId).containsOnly("w1");
        assertThat(out)
                .extracting(Alert::state)
                .containsExactly(
                        AlertState.NEW, AlertState.UPDATE, AlertState.UPDATE, AlertState.CLOSED);
        assertThat(out)
                .extracting(a -> a.evidence().get(Evidence.REVISION))
                .containsExactly("0", "1", "2", "3");
        Alert handedOver = out.get(1);
        assertThat(handedOver.evidence())
                .containsEntry("reason", "handover")
                .containsEntry(ConvoyAlertReconciler.TILE_ALERT_ID, "e1")
                .containsEntry("durationS", "320.0");
        assertThat(handedOver.windowStart()).isEqualTo(t(0));
        assertThat(handedOver.windowEnd()).isEqualTo(t(320));
        assertThat(out.get(2).trackIds()).containsExactly("A", "B", "C", "D");
        assertThat(out.get(2).evidence()).containsEntry("reason", "joined");
        assertThat(out.get(3).evidence()).containsEntry("reason", "lost");
        assertThat(out.get(3).windowStart()).isEqualTo(t(0));
    }

    @Test
    void aViewClosingWhileAnotherTileStillFollowsTheGroupIsDropped() {
        // both tiles alert the same column (each sees it whole), the west one first
        List<Alert> in =
                List.of(
                        message("w1", WEST, AlertState.NEW, 0, "", 0, 120, "A", "B", "C"),
                        message("e1", EAST, AlertState.NEW, 0, "", 10, 130, "B", "C", "D"),
                        message("w1", WEST, AlertState.CLOSED, 1, "lost", 0, 200, "A", "B", "C"),
                        message("e1", EAST, AlertState.CLOSED, 1, "ended", 10, 300, "B", "C"));

        List<Alert> out = reconciler.reconcile(in);

        assertThat(out).extracting(Alert::alertId).containsOnly("w1");
        assertThat(out)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE, AlertState.CLOSED);
        assertThat(out.get(1).evidence()).containsEntry("reason", "tileView");
        assertThat(out.get(2).evidence())
                .containsEntry("reason", "ended")
                .containsEntry(Evidence.REVISION, "2");
        assertThat(out.get(2).windowEnd()).isEqualTo(t(300));
    }

    @Test
    void disjointGroupsInNeighbouringTilesKeepTheirOwnIds() {
        List<Alert> in = new ArrayList<>(westUntilHandover());
        // one track of three shared is below two and below half
        in.add(message("e1", EAST, AlertState.NEW, 0, "", 200, 320, "C", "X", "Y"));
        in.add(message("e2", EAST, AlertState.NEW, 0, "", 210, 330, "D", "E", "F"));

        List<Alert> out = reconciler.reconcile(in);

        assertThat(out)
                .extracting(Alert::alertId)
                .containsExactly("w1", "e1", "e2", "w1"); // the held hand-over closes at the end
        assertThat(out)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.NEW, AlertState.NEW, AlertState.CLOSED);
        assertThat(out.subList(1, 3)).containsExactlyElementsOf(in.subList(2, 4)); // as raised
        assertThat(out.get(3)).isEqualTo(in.get(1));
    }

    @Test
    void aGroupAlertedLongAfterTheHandoverIsANewConvoy() {
        List<Alert> in = new ArrayList<>(westUntilHandover());
        // rejoinS (120 s) after the hand-over at 300 s the old alert is closed for good
        in.add(message("e1", EAST, AlertState.NEW, 0, "", 300, 420, "A", "B", "C"));

        List<Alert> out = reconciler.reconcile(in);

        assertThat(out).extracting(Alert::alertId).containsExactly("w1", "w1", "e1");
        assertThat(out)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED, AlertState.NEW);
        assertThat(out.get(1)).isEqualTo(in.get(1));

        // one millisecond earlier it continues the convoy
        List<Alert> sooner = new ArrayList<>(westUntilHandover());
        sooner.add(message("e1", EAST, AlertState.NEW, 0, "", 300, 419.999, "A", "B", "C"));
        assertThat(reconciler.reconcile(sooner))
                .extracting(Alert::alertId)
                .containsExactly("w1", "w1");
    }

    @Test
    void theArrivalOrderBetweenTilesDoesNotChangeTheOutput() {
        List<Alert> west =
                List.of(
                        message("w1", WEST, AlertState.NEW, 0, "", 0, 120, "A", "B", "C"),
                        message(
                                "w1",
                                WEST,
                                AlertState.UPDATE,
                                1,
                                "joined",
                                0,
                                250,
                                "A",
                                "B",
                                "C",
                                "D"),
                        message(
                                "w1",
                                WEST,
                                AlertState.CLOSED,
                                2,
                                "handover",
                                0,
                                300,
                                "A",
                                "B",
                                "C",
                                "D"));
        List<Alert> east =
                List.of(
                        message("e1", EAST, AlertState.NEW, 0, "", 180, 300, "A", "B", "C", "D"),
                        message(
                                "e1",
                                EAST,
                                AlertState.CLOSED,
                                1,
                                "lost",
                                180,
                                600,
                                "A",
                                "B",
                                "C",
                                "D"),
                        message("e2", EAST, AlertState.NEW, 0, "", 400, 520, "P", "Q", "R"));
        List<Alert> westFirst = new ArrayList<>(west);
        westFirst.addAll(east);
        List<Alert> eastFirst = new ArrayList<>(east);
        eastFirst.addAll(west);

        List<Alert> out = reconciler.reconcile(westFirst);

        assertThat(reconciler.reconcile(eastFirst)).isEqualTo(out);
        assertThat(out).extracting(Alert::alertId).containsExactly("w1", "w1", "w1", "e2", "w1");
        // at 300 s the east tile's NEW and the west tile's hand-over are one update: the tiles'
        // order decides which comes first (here east: the west view is still open)
        assertThat(out.get(2).evidence()).containsEntry("reason", "tileView");
    }

    @Test
    void aConvoyCrossingATileEdgeKeepsOneIdThroughTheReplay() {
        // ConvoyDetectorTest's hand-over: the tiles alone give two ids
        GeoPoint edge = GeoPoint.of(31.40, -110.75);
        GeoPoint origin = moved(edge, 270, 10_000);
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 1700; s++) {
            for (int i = 0; i < 3; i++) {
                double east = 12.0 * (s + i * 0.1) - 100 * i;
                updates.add(
                        track(
                                List.of("A", "B", "C").get(i),
                                TrackStatus.CONFIRMED,
                                t(s + i * 0.1),
                                east >= 0 ? moved(origin, 90, east) : moved(origin, 270, -east),
                                new Velocity(12, 0, 0)));
            }
        }
        ConvoyDetector detector = new ConvoyDetector(ConvoyParameters.DEFAULTS);
        List<Alert> tiles = new ArrayList<>();
        DetectorReplay.perKey(detector, updates, (key, by, a) -> tiles.add(a));
        assertThat(tiles.stream().map(Alert::alertId).distinct()).hasSize(2);

        List<Alert> alerts = DetectorReplay.keyed(detector, updates);

        assertThat(alerts).extracting(Alert::alertId).containsOnly(tiles.get(0).alertId());
        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE, AlertState.CLOSED);
        assertThat(alerts)
                .extracting(a -> a.evidence().get(Evidence.REVISION))
                .containsExactly("0", "1", "2");
        assertThat(alerts.get(1).evidence().get("reason")).isIn("handover", "tileView");
        assertThat(alerts.get(2).evidence()).containsEntry("reason", "lost");
        assertThat(alerts).allMatch(a -> a.windowStart().equals(tiles.get(0).windowStart()));
        assertThat(reconciler.reconcile(tiles)).isEqualTo(alerts);
    }

    @Test
    void anAlertWithoutAReadableRaisedAtIsOrderedByItsWindowEnd() {
        Alert a = message("w1", WEST, AlertState.NEW, 0, "", 0, 120, "A", "B", "C");
        Map<String, String> evidence = new TreeMap<>(a.evidence());
        evidence.put(ConvoyAlertReconciler.RAISED_AT, "yesterday");
        Alert unreadable =
                new Alert(
                        a.alertId(),
                        a.type(),
                        a.severity(),
                        a.state(),
                        a.windowStart(),
                        t(125),
                        a.location(),
                        a.trackIds(),
                        a.detector(),
                        a.detectorVersion(),
                        Alert.evidence(evidence),
                        a.marking(),
                        a.summary());
        assertThat(ConvoyAlertReconciler.raisedAt(unreadable)).isEqualTo(t(125));
        assertThat(ConvoyAlertReconciler.raisedAt(a)).isEqualTo(t(120));
        assertThat(reconciler.reconcile(List.of(unreadable))).containsExactly(unreadable);
    }

    @Test
    void stateIsForgottenOnceTheLastCloseIsSentAndSurvivesItsBytes() {
        ConvoyReconcilerState s = null;
        for (Alert a : westUntilHandover()) {
            DetectorResult<ConvoyReconcilerState> r = reconciler.accept(s, a);
            s = ConvoyReconcilerState.fromBytes(r.newState().toBytes());
        }
        assertThat(s.convoys()).hasSize(1);
        assertThat(s.convoys().get(0).heldClose()).isEqualTo(westUntilHandover().get(1));
        assertThat(reconciler.dueAt(s)).isEqualTo(t(420));
        assertThat(reconciler.advance(s, t(419.999)).alerts()).isEmpty();
        DetectorResult<ConvoyReconcilerState> due = reconciler.advance(s, t(420));
        assertThat(due.alerts()).containsExactly(westUntilHandover().get(1));
        assertThat(due.newState()).isNull();
    }
}
