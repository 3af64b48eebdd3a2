package io.cordon.pipeline.detect.dark;

import static io.cordon.pipeline.detect.TrackFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.TrackFixtures;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class CooperativeSilenceDetectorTest {
    private static final GeoPoint RECEIVER = GeoPoint.of(31.0, -110.6);
    private static final SensorConfig AIS_RX =
            SensorConfig.withDefaults("ais-rx-1", "us-cbp", SensorKind.AIS, RECEIVER);
    private static final SensorConfig RADAR =
            SensorConfig.withDefaults("radar-1", "us-cbp", SensorKind.GROUND_RADAR, RECEIVER);
    private static final CooperativeIdentity MMSI =
            new CooperativeIdentity("367000009", "", "", "");

    private final CooperativeSilenceDetector detector =
            new CooperativeSilenceDetector(
                    List.of(RADAR, AIS_RX), CooperativeSilenceParameters.DEFAULTS);

    /** Alerts of one track updated every 4 s by radar, heading east at 5 m/s. */
    private static final class Run {
        final List<Alert> alerts = new ArrayList<>();
        final List<Integer> alertTimes = new ArrayList<>();
        CooperativeSilenceState state;
        boolean cleared;
        final CooperativeSilenceDetector detector;

        Run(CooperativeSilenceDetector detector) {
            this.detector = detector;
        }

        /**
         * Updates from 0 to {@code endS} every 4 s starting {@code startEastM} east of the
         * receiver; AIS reports (every 10 s) when {@code ais} accepts the second.
         */
        Run drive(
                double startEastM,
                int endS,
                IntPredicate ais,
                CooperativeIdentity identity,
                Classification classification) {
            Instant lastAis = null;
            for (int s = 0; s <= endS; s += 2) {
                if (s % 10 == 0 && ais.test(s)) {
                    lastAis = t(s);
                }
                if (s % 4 != 0) {
                    continue;
                }
                EntityTrack u =
                        update(
                                TrackStatus.CONFIRMED,
                                s,
                                startEastM + 5.0 * s,
                                lastAis,
                                identity,
                                classification);
                feed(u, s);
            }
            return this;
        }

        void feed(EntityTrack u, int s) {
            DetectorResult<CooperativeSilenceState> r = detector.onTrackUpdate(state, u);
            state = r.newState();
            cleared = state == null;
            for (Alert a : r.alerts()) {
                alerts.add(a);
                alertTimes.add(s);
            }
            if (state != null) {
                // Operators keep the state as bytes.
                state = detector.decodeState(detector.encodeState(state));
            }
        }
    }

    private static EntityTrack update(
            TrackStatus status,
            int s,
            double eastM,
            Instant lastAis,
            CooperativeIdentity identity,
            Classification classification) {
        GeoPoint p = TrackFixtures.moved(RECEIVER, 90, eastM);
        return new EntityTrack(
                "T-vessel",
                status,
                t(s),
                p,
                new Velocity(5, 0, 0),
                null,
                new TreeSet<>(Set.of("radar-1", "ais-rx-1")),
                new TreeSet<>(Set.of("us-cbp")),
                lastAis == null ? CooperativeIdentity.NONE : identity,
                classification,
                Marking.UNRESTRICTED,
                s / 2 + 1,
                lastAis,
                t(s));
    }

    private Run vessel(double startEastM, int endS, IntPredicate ais) {
        return new Run(detector).drive(startEastM, endS, ais, MMSI, Classification.UNKNOWN);
    }

    @Test
    void silenceInsideAisCoverageAlertsAtTheThreshold() {
        Run run = vessel(5_000, 400, s -> s <= 100);

        assertThat(run.alerts).hasSize(1);
        Alert a = run.alerts.get(0);
        // Last report at 100 s, default threshold 180 s: the first radar update at or after 280 s.
        assertThat(run.alertTimes).containsExactly(280);
        assertThat(a.type()).isEqualTo(AlertType.DARK_TARGET);
        assertThat(a.state()).isEqualTo(AlertState.NEW);
        assertThat(a.windowStart()).isEqualTo(t(100));
        assertThat(a.windowEnd()).isEqualTo(t(280));
        assertThat(a.evidence())
                .containsEntry("reason", "cooperativeSilent")
                .containsEntry("mmsi", "367000009")
                .containsEntry("lastCooperativeAt", t(100).toString())
                .containsEntry("coveringCooperativeSensors", "ais-rx-1");
        GeoPoint lastHeard = TrackFixtures.moved(RECEIVER, 90, 5_000 + 5.0 * 100);
        assertThat(a.location().latDeg()).isCloseTo(lastHeard.latDeg(), within(1e-9));
        assertThat(a.location().lonDeg()).isCloseTo(lastHeard.lonDeg(), within(1e-9));
        assertThat(a.trackIds()).containsExactly("T-vessel");
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    @Test
    void alertIdIsDeterministicAndDiffersPerSilence() {
        Alert first = vessel(5_000, 400, s -> s <= 100).alerts.get(0);
        Alert again = vessel(5_000, 400, s -> s <= 100).alerts.get(0);
        Alert other = vessel(5_000, 400, s -> s <= 110).alerts.get(0);

        assertThat(again.alertId()).isEqualTo(first.alertId());
        assertThat(other.alertId()).isNotEqualTo(first.alertId());
    }

    @Test
    void silenceOutsideCooperativeCoverageRaisesNothing() {
        // 60 km east of a receiver with a 40 km range, the whole time.
        Run run = vessel(60_000, 600, s -> s <= 100);

        assertThat(run.alerts).isEmpty();
    }

    @Test
    void silenceCountsFromEnteringTheCoverage() {
        // Silent from 100 s while still 41.5 km west of a receiver with a 40 km range, heading
        // east: inside the range from 402 s on, first update inside at 404 s.
        Run run = vessel(-42_010, 800, s -> s <= 100);

        assertThat(run.alertTimes).containsExactly(584);
        assertThat(run.alerts.get(0).windowStart()).isEqualTo(t(100));
    }

    @Test
    void aGapShorterThanTheThresholdRaisesNothing() {
        // Reports stop at 100 s and resume at 270 s: a 170 s gap, 10 s short of the default.
        Run run = vessel(5_000, 600, s -> s <= 100 || s >= 270);

        assertThat(run.alerts).isEmpty();
    }

    @Test
    void resumedReportsCloseTheAlert() {
        Run run = vessel(5_000, 400, s -> s <= 100 || s >= 320);

        assertThat(run.alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(run.alertTimes).containsExactly(280, 320);
        Alert closed = run.alerts.get(1);
        assertThat(closed.alertId()).isEqualTo(run.alerts.get(0).alertId());
        assertThat(closed.evidence())
                .containsEntry("reason", "cooperativeSilent")
                .containsEntry("closeReason", "resumed");
        assertThat(closed.windowEnd()).isEqualTo(t(320));
        assertThat(run.state.alerted()).isFalse();
        assertThat(run.state.lastCooperativeTime()).isEqualTo(t(400));
    }

    @Test
    void trackEndClosesTheAlertAndClearsTheState() {
        Run run = vessel(5_000, 300, s -> s <= 100);
        assertThat(run.alerts).hasSize(1);

        run.feed(update(TrackStatus.DELETED, 304, 5_000 + 5.0 * 304, t(100), MMSI, null), 304);

        assertThat(run.cleared).isTrue();
        assertThat(run.alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(run.alerts.get(1).evidence()).containsEntry("closeReason", "deleted");
    }

    @Test
    void trackEndWithoutAlertClearsTheStateSilently() {
        Run run = vessel(5_000, 100, s -> true);
        assertThat(run.state).isNotNull();

        run.feed(update(TrackStatus.DELETED, 104, 5_500, t(100), MMSI, null), 104);

        assertThat(run.cleared).isTrue();
        assertThat(run.alerts).isEmpty();
    }

    @Test
    void aTrackNoLongerHeldByOtherSensorsIsNotThisFinding() {
        Run run = new Run(detector);
        // AIS until 100 s; radar contributes only until 120 s, the tracker keeps coasting it.
        for (int s = 0; s <= 400; s += 4) {
            Instant ais = t(Math.min(100, s - s % 10));
            EntityTrack u =
                    new EntityTrack(
                            "T-vessel",
                            s <= 120 ? TrackStatus.CONFIRMED : TrackStatus.COASTING,
                            t(s),
                            TrackFixtures.moved(RECEIVER, 90, 5_000 + 5.0 * s),
                            new Velocity(5, 0, 0),
                            null,
                            null,
                            null,
                            MMSI,
                            null,
                            Marking.UNRESTRICTED,
                            Math.min(s, 120) / 2 + 1,
                            ais,
                            t(Math.min(s, 120)));
            run.feed(u, s);
        }

        assertThat(run.alerts).isEmpty();
    }

    @Test
    void aTrackThatNeverReportedRaisesNothingByDefault() {
        Run run =
                new Run(detector)
                        .drive(
                                5_000,
                                900,
                                s -> false,
                                MMSI,
                                new Classification(TargetClass.VESSEL, 0.9));

        assertThat(run.alerts).isEmpty();
    }

    @Test
    void neverCooperativeModeAlertsForAVesselInsideCoverage() {
        CooperativeSilenceDetector never =
                new CooperativeSilenceDetector(
                        List.of(RADAR, AIS_RX),
                        new CooperativeSilenceParameters(
                                180,
                                30,
                                600,
                                60,
                                CooperativeSilenceParameters.DEFAULTS.severity()));
        Classification vessel = new Classification(TargetClass.VESSEL, 0.9);

        Run run = new Run(never).drive(5_000, 900, s -> false, MMSI, vessel);
        Run person =
                new Run(never)
                        .drive(
                                5_000,
                                900,
                                s -> false,
                                MMSI,
                                new Classification(TargetClass.PERSON, 0.9));

        assertThat(run.alertTimes).containsExactly(600);
        assertThat(run.alerts.get(0).evidence()).containsEntry("reason", "neverCooperative");
        assertThat(person.alerts).isEmpty();
    }

    @Test
    void adsbIdentifiedTracksUseTheAdsbThresholdAndReceivers() {
        SensorConfig adsbRx =
                SensorConfig.withDefaults("adsb-rx-1", "us-cbp", SensorKind.ADSB, RECEIVER);
        CooperativeSilenceDetector both =
                new CooperativeSilenceDetector(
                        List.of(RADAR, AIS_RX, adsbRx), CooperativeSilenceParameters.DEFAULTS);
        CooperativeIdentity icao = new CooperativeIdentity("", "a1b2c3", "", "");

        // 100 km out: outside the AIS receiver, inside the ADS-B one (250 km).
        Run run = new Run(both).drive(100_000, 300, s -> s <= 100, icao, Classification.UNKNOWN);

        assertThat(run.alertTimes).containsExactly(132);
        assertThat(run.alerts.get(0).evidence())
                .containsEntry("icao24", "a1b2c3")
                .containsEntry("coveringCooperativeSensors", "adsb-rx-1");
    }
}
