package io.cordon.pipeline.detect.crossing;

import static io.cordon.pipeline.detect.TrackFixtures.BORDER_LAT;
import static io.cordon.pipeline.detect.TrackFixtures.confirmed;
import static io.cordon.pipeline.detect.TrackFixtures.offBorder;
import static io.cordon.pipeline.detect.TrackFixtures.t;
import static io.cordon.pipeline.detect.TrackFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.BorderConfig;
import io.cordon.pipeline.config.PortOfEntry;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.TrackFixtures;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BorderCrossingDetectorTest {
    static final double NACO_LON = -109.9483;
    static final BorderMap DEMO =
            BorderMap.load(
                    new BorderConfig(
                            Path.of("../../deploy/borders/us-mexico-sonora.geojson"),
                            List.of(
                                    new PortOfEntry(
                                            "Naco", GeoPoint.of(BORDER_LAT, NACO_LON), 500))));

    private final BorderCrossingDetector detector =
            new BorderCrossingDetector(DEMO, BorderCrossingParameters.DEFAULTS);

    /** Feeds the updates in order, threading the state; returns all alerts. */
    private static List<Alert> run(BorderCrossingDetector d, List<EntityTrack> updates) {
        CrossingState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<CrossingState> r = d.onTrackUpdate(state, u);
            // every state survives the byte round trip the Flink operator may use
            state = r.newState() == null ? null : CrossingState.fromBytes(r.newState().toBytes());
            alerts.addAll(r.alerts());
        }
        return alerts;
    }

    @Test
    void aCrossingAwayFromAPortAlertsOnceWithInterpolatedTimeAndPlace() {
        List<Alert> alerts =
                run(
                        detector,
                        List.of(
                                confirmed("T1", t(0), offBorder(300)),
                                confirmed("T1", t(10), offBorder(-200)),
                                confirmed("T1", t(20), offBorder(-400))));

        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.type()).isEqualTo(AlertType.BORDER_CROSSING);
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.windowStart()).isEqualTo(t(6)).isEqualTo(a.windowEnd());
        assertThat(a.location().latDeg()).isCloseTo(BORDER_LAT, within(1e-9));
        assertThat(a.location().lonDeg()).isCloseTo(TrackFixtures.REF_LON, within(1e-9));
        assertThat(a.trackIds()).containsExactly("T1");
        assertThat(a.alertId())
                .isEqualTo(
                        AlertIds.of(
                                AlertType.BORDER_CROSSING,
                                "border-crossing",
                                List.of("T1"),
                                "1767225606000"));
        assertThat(a.evidence())
                .containsEntry("fromCountry", "USA")
                .containsEntry("toCountry", "MEX")
                .containsEntry("atPortOfEntry", "false")
                .containsEntry("speedMps", "10.00")
                .containsEntry("courseDeg", "180.0")
                .containsEntry("param.hysteresisM", "50.0")
                .containsEntry(Evidence.SOURCE_PARTNERS, "usa")
                .containsEntry(Evidence.SOURCE_SENSORS, "usa-radar-1");
        assertThat(a.detector()).isEqualTo("border-crossing");
        assertThat(a.summary())
                .contains("T1")
                .contains("from USA into MEX")
                .contains("away from any port of entry");
    }

    @Test
    void aTrackJitteringOnTheLineAlertsOnlyWhenItMovesClearAndThenOnce() {
        List<EntityTrack> updates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            updates.add(confirmed("J", t(i), offBorder(i % 2 == 0 ? 20 : -20)));
        }
        assertThat(run(detector, updates)).isEmpty();

        updates.add(confirmed("J", t(20), offBorder(-30)));
        updates.add(confirmed("J", t(21), offBorder(-80)));
        for (int i = 22; i < 40; i++) {
            updates.add(confirmed("J", t(i), offBorder(i % 2 == 0 ? 20 : -20)));
        }
        List<Alert> alerts = run(detector, updates);

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).evidence()).containsEntry("toCountry", "MEX");
        // the last crossing before it moved clear: +20 m at 18 s to -20 m at 19 s
        assertThat(alerts.get(0).windowStart()).isEqualTo(t(18.5));
    }

    @Test
    void aNearMissDoesNotAlert() {
        assertThat(
                        run(
                                detector,
                                List.of(
                                        confirmed("N", t(0), offBorder(500)),
                                        confirmed("N", t(10), offBorder(1)),
                                        confirmed("N", t(20), offBorder(500)))))
                .isEmpty();
    }

    @Test
    void crossingAndComingBackWithinTheHysteresisDoesNotAlert() {
        assertThat(
                        run(
                                detector,
                                List.of(
                                        confirmed("B", t(0), offBorder(500)),
                                        confirmed("B", t(10), offBorder(-45)),
                                        confirmed("B", t(20), offBorder(500)))))
                .isEmpty();
    }

    @Test
    void crossingBackLaterIsASecondCrossing() {
        List<Alert> alerts =
                run(
                        detector,
                        List.of(
                                confirmed("R", t(0), offBorder(500)),
                                confirmed("R", t(10), offBorder(-500)),
                                confirmed("R", t(60), offBorder(-500)),
                                confirmed("R", t(70), offBorder(500))));

        assertThat(alerts)
                .extracting(a -> a.evidence().get("toCountry"))
                .containsExactly("MEX", "USA");
        assertThat(alerts.get(0).alertId()).isNotEqualTo(alerts.get(1).alertId());
    }

    @Test
    void aCrossingAtAPortOfEntryDoesNotAlertByDefault() {
        List<EntityTrack> atNaco =
                List.of(
                        confirmed("P", t(0), offBorder(NACO_LON, -300)),
                        confirmed("P", t(10), offBorder(NACO_LON, 300)));

        assertThat(run(detector, atNaco)).isEmpty();

        var alertingAtPorts =
                new BorderCrossingDetector(
                        DEMO, new BorderCrossingParameters(50, Severity.HIGH, true, Severity.INFO));
        List<Alert> alerts = run(alertingAtPorts, atNaco);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(alerts.get(0).evidence())
                .containsEntry("portOfEntry", "Naco")
                .containsEntry("atPortOfEntry", "true");
    }

    @Test
    void aCrossingWhileTentativeAlertsAtTheFirstConfirmedUpdate() {
        Velocity north = new Velocity(0, 10, 0);
        List<Alert> alerts =
                run(
                        detector,
                        List.of(
                                track("C", TrackStatus.TENTATIVE, t(0), offBorder(-100), north),
                                track("C", TrackStatus.TENTATIVE, t(20), offBorder(100), north),
                                track("C", TrackStatus.CONFIRMED, t(30), offBorder(200), north)));

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).windowStart()).isEqualTo(t(10));
        assertThat(alerts.get(0).evidence()).containsEntry("confirmedAt", t(30).toString());
    }

    @Test
    void aTrackThatNeverConfirmsNeverAlerts() {
        Velocity north = new Velocity(0, 10, 0);
        assertThat(
                        run(
                                detector,
                                List.of(
                                        track(
                                                "X",
                                                TrackStatus.TENTATIVE,
                                                t(0),
                                                offBorder(-100),
                                                north),
                                        track(
                                                "X",
                                                TrackStatus.TENTATIVE,
                                                t(20),
                                                offBorder(100),
                                                north),
                                        track(
                                                "X",
                                                TrackStatus.DELETED,
                                                t(30),
                                                offBorder(200),
                                                north))))
                .isEmpty();
    }

    @Test
    void aDeletionUpdateThatConfirmsAPendingCrossingStillAlerts() {
        DetectorResult<CrossingState> before =
                detector.onTrackUpdate(
                        detector.onTrackUpdate(null, confirmed("E", t(0), offBorder(100)))
                                .newState(),
                        confirmed("E", t(5), offBorder(-20)));
        DetectorResult<CrossingState> deleted =
                detector.onTrackUpdate(
                        before.newState(),
                        track(
                                "E",
                                TrackStatus.DELETED,
                                t(10),
                                offBorder(-120),
                                new Velocity(0, -20, 0)));

        assertThat(before.alerts()).isEmpty();
        assertThat(deleted.stateCleared()).isTrue();
        assertThat(deleted.alerts())
                .singleElement()
                .satisfies(a -> assertThat(a.windowStart()).isEqualTo(t(4.167)));
    }

    @Test
    void aCoastingTrackAlerts() {
        Velocity south = new Velocity(0, -10, 0);
        assertThat(
                        run(
                                detector,
                                List.of(
                                        confirmed("K", t(0), offBorder(100)),
                                        track(
                                                "K",
                                                TrackStatus.COASTING,
                                                t(20),
                                                offBorder(-100),
                                                south))))
                .hasSize(1);
    }

    @Test
    void deletedClearsTheState() {
        DetectorResult<CrossingState> first =
                detector.onTrackUpdate(null, confirmed("D", t(0), offBorder(100)));
        DetectorResult<CrossingState> deleted =
                detector.onTrackUpdate(
                        first.newState(),
                        track("D", TrackStatus.DELETED, t(10), offBorder(120), Velocity.ZERO));

        assertThat(first.newState()).isNotNull();
        assertThat(deleted.stateCleared()).isTrue();
        assertThat(deleted.alerts()).isEmpty();
    }

    @Test
    void anOutOfOrderUpdateIsIgnored() {
        CrossingState s =
                detector.onTrackUpdate(null, confirmed("O", t(10), offBorder(100))).newState();

        DetectorResult<CrossingState> late =
                detector.onTrackUpdate(s, confirmed("O", t(5), offBorder(-100)));

        assertThat(late.newState()).isEqualTo(s);
        assertThat(late.alerts()).isEmpty();
    }

    @Test
    void replayGivesTheSameAlertIdAndMillisecondsWithinASecondDoNotChangeIt() {
        List<EntityTrack> updates =
                List.of(
                        confirmed("T1", t(0), offBorder(300)),
                        confirmed("T1", t(10), offBorder(-200)));
        List<EntityTrack> shifted =
                List.of(
                        confirmed("T1", t(0.2), offBorder(300)),
                        confirmed("T1", t(10.2), offBorder(-200)));

        String id = run(detector, updates).get(0).alertId();

        assertThat(run(detector, updates).get(0).alertId()).isEqualTo(id);
        assertThat(run(detector, shifted).get(0).alertId()).isEqualTo(id);
    }

    @Test
    void theAlertCarriesTheTrackMarking() {
        Marking restricted = Marking.releasableTo(List.of("mex", "usa"));
        List<EntityTrack> updates =
                List.of(
                                confirmed("M", t(0), offBorder(300)),
                                confirmed("M", t(10), offBorder(-200)))
                        .stream()
                        .map(
                                u ->
                                        TrackFixtures.from(
                                                u,
                                                Set.of("mex-drone-1"),
                                                Set.of("mex"),
                                                restricted))
                        .toList();

        Alert a = run(detector, updates).get(0);

        assertThat(a.marking()).isEqualTo(restricted);
        assertThat(a.evidence()).containsEntry(Evidence.SOURCE_PARTNERS, "mex");
    }

    @Test
    void stateSurvivesBytesWithAndWithoutAPendingCrossing() {
        CrossingState plain = CrossingState.at(offBorder(10), t(1), "USA", true);
        CrossingState pending =
                new CrossingState(
                        offBorder(-10),
                        t(2),
                        "MEX",
                        GeoPoint.of(BORDER_LAT, -110.6),
                        t(1.5),
                        "USA",
                        "MEX",
                        true,
                        "Naco",
                        false);

        assertThat(CrossingState.fromBytes(plain.toBytes())).isEqualTo(plain);
        assertThat(CrossingState.fromBytes(pending.toBytes())).isEqualTo(pending);
        assertThat(detector.decodeState(detector.encodeState(pending))).isEqualTo(pending);
    }
}
