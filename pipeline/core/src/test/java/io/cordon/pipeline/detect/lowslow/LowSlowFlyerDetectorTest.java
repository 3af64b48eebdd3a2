package io.cordon.pipeline.detect.lowslow;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.TrackFixtures;
import io.cordon.pipeline.detect.bench.BenchBorders;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowSlowFlyerDetectorTest {
    static final LowSlowFlyerDetector DETECTOR =
            new LowSlowFlyerDetector(
                    BenchBorders.of(TrackFixtures.BORDER_LAT, TrackFixtures.REF_LON),
                    LowSlowFlyerParameters.DEFAULTS);

    /** A flight from 5 km south of the line on course {@code courseDeg}, updated every 4 s. */
    static List<EntityTrack> flight(
            double altM, double speed, double courseDeg, TargetClass c, String icao24, int n) {
        List<EntityTrack> out = new ArrayList<>();
        GeoPoint start = TrackFixtures.offBorder(-5000);
        double east = speed * Math.sin(Math.toRadians(courseDeg));
        double north = speed * Math.cos(Math.toRadians(courseDeg));
        for (int k = 0; k < n; k++) {
            GeoPoint p = TrackFixtures.moved(start, courseDeg, speed * 4 * k);
            EntityTrack t =
                    TrackFixtures.track(
                            "A-1",
                            TrackStatus.CONFIRMED,
                            TrackFixtures.t(4 * k),
                            new GeoPoint(p.latDeg(), p.lonDeg(), altM),
                            new Velocity(east, north, 0));
            out.add(
                    new EntityTrack(
                            t.trackId(),
                            t.status(),
                            t.time(),
                            t.position(),
                            t.velocity(),
                            t.covariance(),
                            t.sensorIds(),
                            t.partnerIds(),
                            new CooperativeIdentity("", icao24, "", ""),
                            new Classification(c, 0.8),
                            t.marking(),
                            t.updateCount()));
        }
        return out;
    }

    /** Alerts per update, in order. */
    static List<List<Alert>> run(List<EntityTrack> updates) {
        LowSlowFlyerState s = null;
        List<List<Alert>> out = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<LowSlowFlyerState> r = DETECTOR.onTrackUpdate(s, u);
            s = r.newState() == null ? null : LowSlowFlyerState.fromBytes(r.newState().toBytes());
            out.add(r.alerts());
        }
        return out;
    }

    @Test
    void anUnidentifiedLightAircraftLowAndSlowTowardsTheLineAlertsAfter20sAndClosesPastIt() {
        // 40 m/s north from 5 km south: the line at 125 s (k ~ 31); alert at 20 s (k = 5).
        List<List<Alert>> alerts = run(flight(1_600, 40, 0, TargetClass.AIRCRAFT, "", 40));
        for (int k = 0; k < 5; k++) {
            assertThat(alerts.get(k)).as("update " + k).isEmpty();
        }
        assertThat(alerts.get(5)).hasSize(1);
        Alert a = alerts.get(5).get(0);
        assertThat(a.type()).isEqualTo(AlertType.LOW_SLOW_FLYER);
        assertThat(a.state()).isEqualTo(AlertState.NEW);
        assertThat(a.windowStart()).isEqualTo(TrackFixtures.t(0));
        assertThat(a.evidence()).containsKey("param.maxAltitudeM");
        List<Alert> later =
                alerts.subList(6, alerts.size()).stream().flatMap(List::stream).toList();
        // 2 km past the alert's place (800 m north at k = 5, 160 m per update) the alert is
        // re-sent:
        // k = 18 (2 880 m); 1 600 m from the line the heading test fails (the 60 s look-ahead
        // passes the line by more than it closes): closed at k = 22, once, with the same id.
        assertThat(later)
                .extracting(Alert::state)
                .containsExactly(AlertState.UPDATE, AlertState.CLOSED);
        assertThat(later).extracting(Alert::alertId).containsOnly(a.alertId());
        assertThat(alerts.get(18)).extracting(Alert::state).containsExactly(AlertState.UPDATE);
        assertThat(alerts.get(18).get(0).windowEnd()).isEqualTo(TrackFixtures.t(72));
        assertThat(alerts.get(18).get(0).evidence()).containsEntry("revision", "1");
        assertThat(alerts.get(22)).extracting(Alert::state).containsExactly(AlertState.CLOSED);
        assertThat(alerts.get(22).get(0).evidence()).containsEntry("revision", "2");
    }

    @Test
    void withUpdateDistanceZeroTheOpenAlertIsNotReSent() {
        LowSlowFlyerParameters d = LowSlowFlyerParameters.DEFAULTS;
        LowSlowFlyerDetector quiet =
                new LowSlowFlyerDetector(
                        BenchBorders.of(TrackFixtures.BORDER_LAT, TrackFixtures.REF_LON),
                        new LowSlowFlyerParameters(
                                d.maxAltitudeM(),
                                d.maxSpeedMps(),
                                d.maxDistanceToBorderM(),
                                d.minClosingFraction(),
                                d.lookAheadS(),
                                d.minDurationS(),
                                d.severity(),
                                0));
        LowSlowFlyerState s = null;
        List<Alert> all = new ArrayList<>();
        for (EntityTrack u : flight(1_600, 40, 0, TargetClass.AIRCRAFT, "", 40)) {
            DetectorResult<LowSlowFlyerState> r = quiet.onTrackUpdate(s, u);
            s = r.newState();
            all.addAll(r.alerts());
        }
        assertThat(all).extracting(Alert::state).containsExactly(AlertState.NEW, AlertState.CLOSED);
    }

    @Test
    void nearMissesDoNotAlert() {
        List<List<EntityTrack>> misses =
                List.of(
                        flight(1_600, 40, 0, TargetClass.AIRCRAFT, "A1B2C3", 20), // ADS-B
                        flight(3_000, 40, 0, TargetClass.AIRCRAFT, "", 20), // too high
                        flight(1_600, 80, 0, TargetClass.AIRCRAFT, "", 20), // too fast
                        flight(1_600, 40, 90, TargetClass.AIRCRAFT, "", 20), // along the line
                        flight(1_600, 40, 180, TargetClass.AIRCRAFT, "", 20), // away from it
                        flight(1_600, 15, 0, TargetClass.LAND_VEHICLE, "", 20)); // not air
        for (List<EntityTrack> m : misses) {
            assertThat(run(m).stream().flatMap(List::stream).toList()).isEmpty();
        }
    }

    @Test
    void anEpisodeThatHasNotAlertedRestartsAfterAGapLongerThanMinDuration() {
        // two updates 4 s apart, then nothing for 200 s (a track coasting, found again), then
        // updates every 4 s: the 20 s run from the update after the gap, not from the first one
        List<EntityTrack> f = flight(1_600, 10, 0, TargetClass.AIRCRAFT, "", 60);
        List<EntityTrack> gapped = new ArrayList<>(f.subList(0, 2));
        gapped.addAll(f.subList(52, 60));
        List<List<Alert>> alerts = run(gapped);
        for (int k = 0; k < 7; k++) {
            assertThat(alerts.get(k)).as("update " + k).isEmpty();
        }
        assertThat(alerts.get(7)).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(alerts.get(7).get(0).windowStart()).isEqualTo(gapped.get(2).time());
    }

    @Test
    void deletionClosesAnAlertedEpisodeAndClearsTheState() {
        List<EntityTrack> f = new ArrayList<>(flight(1_600, 40, 0, TargetClass.DRONE, "", 8));
        EntityTrack last = f.get(f.size() - 1);
        f.add(
                TrackFixtures.track(
                        last.trackId(),
                        TrackStatus.DELETED,
                        last.time().plusSeconds(4),
                        last.position(),
                        last.velocity()));
        LowSlowFlyerState s = null;
        List<Alert> all = new ArrayList<>();
        DetectorResult<LowSlowFlyerState> r = null;
        for (EntityTrack u : f) {
            r = DETECTOR.onTrackUpdate(s, u);
            s = r.newState();
            all.addAll(r.alerts());
        }
        assertThat(r.stateCleared()).isTrue();
        assertThat(all).extracting(Alert::state).containsExactly(AlertState.NEW, AlertState.CLOSED);
    }
}
