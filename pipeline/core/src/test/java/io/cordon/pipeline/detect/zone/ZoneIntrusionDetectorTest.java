package io.cordon.pipeline.detect.zone;

import static io.cordon.pipeline.detect.TrackFixtures.moved;
import static io.cordon.pipeline.detect.TrackFixtures.t;
import static io.cordon.pipeline.detect.TrackFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.border.ZoneMap;
import io.cordon.pipeline.config.ZoneConfig;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneIntrusionDetectorTest {
    static final ZoneConfig SQUARE =
            new ZoneConfig(
                    "square",
                    "Square",
                    "POLYGON ((-110.60 31.40, -110.59 31.40, -110.59 31.41, -110.60 31.41, -110.60 31.40))",
                    Severity.CRITICAL);
    static final GeoPoint WEST_EDGE = GeoPoint.of(31.405, -110.60);
    static final Velocity EAST = new Velocity(10, 0, 0);

    private final ZoneIntrusionDetector detector =
            new ZoneIntrusionDetector(
                    ZoneMap.of(List.of(SQUARE)), ZoneIntrusionParameters.DEFAULTS);

    private List<Alert> run(List<EntityTrack> updates) {
        ZoneState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<ZoneState> r = detector.onTrackUpdate(state, u);
            state = r.newState() == null ? null : ZoneState.fromBytes(r.newState().toBytes());
            alerts.addAll(r.alerts());
        }
        return alerts;
    }

    /** A track at {@code metresEast} of the zone's west edge (negative = outside). */
    private static EntityTrack at(
            String id, TrackStatus status, double seconds, double metresEast) {
        GeoPoint p =
                metresEast >= 0
                        ? moved(WEST_EDGE, 90, metresEast)
                        : moved(WEST_EDGE, 270, -metresEast);
        return track(id, status, t(seconds), p, EAST);
    }

    @Test
    void crossingTheZoneOpensAndClosesOneAlert() {
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 140; s += 10) {
            updates.add(at("Z", TrackStatus.CONFIRMED, s, -200 + 10.0 * s));
        }

        List<Alert> alerts = run(updates);

        // NEW at 30 s (100 m in), UPDATE 500 m on (600 m in, 80 s), CLOSED 25 m past the east
        // edge (the square is about 950 m wide): at 120 s
        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE, AlertState.CLOSED);
        Alert opened = alerts.get(0);
        assertThat(opened.type()).isEqualTo(AlertType.ZONE_INTRUSION);
        assertThat(opened.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(opened.windowStart()).isEqualTo(t(20)); // -200 m + 10 m/s x 20 s = the edge
        assertThat(opened.evidence()).containsEntry("zoneId", "square");
        assertThat(alerts).extracting(Alert::alertId).containsOnly(opened.alertId());
        assertThat(alerts).extracting(Alert::windowStart).containsOnly(t(20));
        assertThat(alerts).extracting(Alert::windowEnd).containsExactly(t(30), t(80), t(120));
        assertThat(alerts)
                .extracting(a -> a.evidence().get("revision"))
                .containsExactly("0", "1", "2");
    }

    @Test
    void withUpdateDistanceZeroCrossingSendsOnlyNewAndClosed() {
        ZoneIntrusionDetector quiet =
                new ZoneIntrusionDetector(
                        ZoneMap.of(List.of(SQUARE)), new ZoneIntrusionParameters(25, 0));
        ZoneState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (int s = 0; s <= 140; s += 10) {
            DetectorResult<ZoneState> r =
                    quiet.onTrackUpdate(state, at("Z", TrackStatus.CONFIRMED, s, -200 + 10.0 * s));
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
    }

    @Test
    void jitterOnTheEdgeDoesNotAlert() {
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            updates.add(at("J", TrackStatus.CONFIRMED, s, s % 2 == 0 ? 15 : -15));
        }
        assertThat(run(updates)).isEmpty();
    }

    @Test
    void passingJustOutsideDoesNotAlert() {
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            updates.add(
                    track(
                            "N",
                            TrackStatus.CONFIRMED,
                            t(s),
                            moved(moved(WEST_EDGE, 270, 20), 0, s * 10.0 - 300),
                            new Velocity(0, 10, 0)));
        }
        assertThat(run(updates)).isEmpty();
    }

    @Test
    void aTrackEnteringWhileTentativeAlertsWhenConfirmed() {
        List<Alert> alerts =
                run(
                        List.of(
                                at("T", TrackStatus.TENTATIVE, 0, -100),
                                at("T", TrackStatus.TENTATIVE, 10, 100),
                                at("T", TrackStatus.CONFIRMED, 20, 150)));

        assertThat(alerts)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.state()).isEqualTo(AlertState.NEW);
                            assertThat(a.windowStart()).isEqualTo(t(5));
                        });
    }

    @Test
    void deletionInsideClosesAndClears() {
        ZoneState s =
                detector.onTrackUpdate(null, at("D", TrackStatus.CONFIRMED, 0, -100)).newState();
        DetectorResult<ZoneState> in =
                detector.onTrackUpdate(s, at("D", TrackStatus.CONFIRMED, 10, 100));
        DetectorResult<ZoneState> deleted =
                detector.onTrackUpdate(in.newState(), at("D", TrackStatus.DELETED, 20, 150));

        assertThat(in.alerts()).hasSize(1);
        assertThat(deleted.stateCleared()).isTrue();
        assertThat(deleted.alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.state()).isEqualTo(AlertState.CLOSED);
                            assertThat(a.alertId()).isEqualTo(in.alerts().get(0).alertId());
                            assertThat(a.windowEnd()).isEqualTo(t(10));
                        });
    }

    @Test
    void aTrackBornInsideAlertsAtOnce() {
        assertThat(run(List.of(at("B", TrackStatus.CONFIRMED, 0, 300))))
                .singleElement()
                .satisfies(a -> assertThat(a.windowStart()).isEqualTo(t(0)));
    }

    @Test
    void stateSurvivesBytes() {
        ZoneState s =
                new ZoneState(
                        WEST_EDGE,
                        t(3),
                        List.of(new ZoneState.Entry("square", t(1), WEST_EDGE, true)));

        assertThat(ZoneState.fromBytes(s.toBytes())).isEqualTo(s);
    }
}
