package io.cordon.pipeline.detect.loitering;

import static io.cordon.pipeline.detect.TrackFixtures.offBorder;
import static io.cordon.pipeline.detect.TrackFixtures.t;
import static io.cordon.pipeline.detect.TrackFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.ParameterSection;
import io.cordon.pipeline.detect.DemoBorders;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.TrackFixtures;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoiteringDetectorTest {
    static final Velocity CREEPING = new Velocity(0.2, 0.2, 0);
    static final GeoPoint NEAR_BORDER = offBorder(500);

    private final LoiteringDetector detector =
            new LoiteringDetector(DemoBorders.MAP, LoiteringParameters.DEFAULTS);

    private List<Alert> run(List<EntityTrack> updates) {
        LoiteringState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<LoiteringState> r = detector.onTrackUpdate(state, u);
            state = r.newState() == null ? null : LoiteringState.fromBytes(r.newState().toBytes());
            alerts.addAll(r.alerts());
        }
        return alerts;
    }

    /**
     * A track that waits at {@code place} (±10 m of noise) from {@code fromS} to {@code toS}, every
     * 5 s.
     */
    private static List<EntityTrack> waiting(
            String id, GeoPoint place, int fromS, int toS, Velocity v) {
        List<EntityTrack> out = new ArrayList<>();
        for (int s = fromS; s <= toS; s += 5) {
            GeoPoint noisy = TrackFixtures.moved(place, (s * 37) % 360, 10);
            out.add(track(id, TrackStatus.CONFIRMED, t(s), noisy, v));
        }
        return out;
    }

    @Test
    void anOpenAlertIsUpdatedWhenItsDurationDoublesAndNeverAfterItCloses() {
        List<EntityTrack> updates = new ArrayList<>(waiting("L", NEAR_BORDER, 0, 1300, CREEPING));
        updates.add(
                track(
                        "L",
                        TrackStatus.CONFIRMED,
                        t(1310),
                        TrackFixtures.moved(NEAR_BORDER, 0, 400),
                        new Velocity(0, 10, 0)));
        // after the close: a new episode that is too short to alert, then the track ends
        updates.addAll(
                waiting("L", TrackFixtures.moved(NEAR_BORDER, 0, 400), 1315, 1400, CREEPING));
        updates.add(track("L", TrackStatus.DELETED, t(1405), NEAR_BORDER, CREEPING));

        List<Alert> alerts = run(updates);

        // 300 s minimum: NEW at 300 s, UPDATE at 600 s (2×) and 1200 s (4×), CLOSED at 1310 s
        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(
                        AlertState.NEW, AlertState.UPDATE, AlertState.UPDATE, AlertState.CLOSED);
        assertThat(alerts).extracting(Alert::alertId).containsOnly(alerts.get(0).alertId());
        assertThat(alerts)
                .extracting(Alert::windowEnd)
                .containsExactly(t(300), t(600), t(1200), t(1300));
        assertThat(alerts)
                .extracting(a -> a.evidence().get("revision"))
                .containsExactly("0", "1", "2", "3");
        assertThat(alerts.get(2).evidence().get("durationS")).isEqualTo("1200.0");
    }

    @Test
    void withUpdateFactorZeroAnOpenAlertIsNotUpdated() {
        LoiteringParameters d = LoiteringParameters.DEFAULTS;
        LoiteringDetector quiet =
                new LoiteringDetector(
                        DemoBorders.MAP,
                        new LoiteringParameters(
                                d.maxMeanSpeedMps(),
                                d.radiusM(),
                                d.minDurationS(),
                                d.maxDistanceToBorderM(),
                                d.severity(),
                                0,
                                d.speedSigmas()));
        LoiteringState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : waiting("L", NEAR_BORDER, 0, 1300, CREEPING)) {
            DetectorResult<LoiteringState> r = quiet.onTrackUpdate(state, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        assertThat(alerts).extracting(Alert::state).containsExactly(AlertState.NEW);
    }

    @Test
    void waitingNearTheBorderAlertsOnceAndClosesWhenTheTrackLeaves() {
        List<EntityTrack> updates = new ArrayList<>(waiting("L", NEAR_BORDER, 0, 400, CREEPING));
        Velocity away = new Velocity(0, 10, 0);
        updates.add(
                track(
                        "L",
                        TrackStatus.CONFIRMED,
                        t(410),
                        TrackFixtures.moved(NEAR_BORDER, 0, 100),
                        away));
        updates.add(
                track(
                        "L",
                        TrackStatus.CONFIRMED,
                        t(420),
                        TrackFixtures.moved(NEAR_BORDER, 0, 300),
                        away));

        List<Alert> alerts = run(updates);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        Alert opened = alerts.get(0);
        assertThat(opened.type()).isEqualTo(AlertType.LOITERING);
        assertThat(opened.windowStart()).isEqualTo(t(0));
        assertThat(opened.windowEnd()).isEqualTo(t(300));
        // The mean the test used: 0.28 m/s estimated less one σ (1 m/s), not below 0.
        assertThat(opened.evidence().get("meanSpeedMps")).isEqualTo("0.00");
        Alert closed = alerts.get(1);
        assertThat(closed.alertId()).isEqualTo(opened.alertId());
        assertThat(closed.windowEnd()).isEqualTo(t(410));
    }

    @Test
    void aStopShorterThanTheMinimumDoesNotAlert() {
        assertThat(run(waiting("S", NEAR_BORDER, 0, 295, CREEPING))).isEmpty();
    }

    @Test
    void waitingFarFromTheBorderDoesNotAlert() {
        assertThat(run(waiting("F", offBorder(5_000), 0, 900, CREEPING))).isEmpty();
    }

    /** The same updates with a velocity standard deviation of {@code sigmaMps}. */
    private static List<EntityTrack> withVelocitySigma(List<EntityTrack> updates, double sigmaMps) {
        return updates.stream()
                .map(
                        u ->
                                new EntityTrack(
                                        u.trackId(),
                                        u.status(),
                                        u.time(),
                                        u.position(),
                                        u.velocity(),
                                        StateCovariance.diagonal(15, sigmaMps),
                                        u.sensorIds(),
                                        u.partnerIds(),
                                        u.identity(),
                                        u.classification(),
                                        u.marking(),
                                        u.updateCount(),
                                        u.lastCooperativeTime(),
                                        u.lastNonCooperativeTime()))
                .toList();
    }

    @Test
    void pacingFastWithinTheRadiusDoesNotAlert() {
        // 2 m/s, well measured (σ 0.3 m/s): 1.7 m/s at one σ less, above 1.03.
        assertThat(
                        run(
                                withVelocitySigma(
                                        waiting("P", NEAR_BORDER, 0, 900, new Velocity(2.0, 0, 0)),
                                        0.3)))
                .isEmpty();
    }

    @Test
    void aStandingTargetWhoseEstimatedSpeedIsNoiseLoitersUnlessSpeedSigmasIsZero() {
        // A tracker's velocity for a target standing under a distant radar: 1.4 m/s estimated
        // with a σ of 1.5 m/s (the generated scenarios' loiterers: 0.8-1.3 m/s, σ 1.3-2.1 m/s).
        List<EntityTrack> noisy =
                withVelocitySigma(
                        waiting("N", NEAR_BORDER, 0, 400, new Velocity(1.0, 1.0, 0)), 1.5);
        assertThat(run(noisy)).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(run(noisy).get(0).evidence().get("param.speedSigmas")).isEqualTo("1.00");
        LoiteringParameters d = LoiteringParameters.DEFAULTS;
        LoiteringDetector plain =
                new LoiteringDetector(
                        DemoBorders.MAP,
                        new LoiteringParameters(
                                d.maxMeanSpeedMps(),
                                d.radiusM(),
                                d.minDurationS(),
                                d.maxDistanceToBorderM(),
                                d.severity(),
                                d.updateFactor(),
                                0));
        LoiteringState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : noisy) {
            DetectorResult<LoiteringState> r = plain.onTrackUpdate(state, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void walkingSlowlyAlongTheBorderLeavesTheRadiusAndDoesNotAlert() {
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 900; s += 5) {
            updates.add(
                    track(
                            "W",
                            TrackStatus.CONFIRMED,
                            t(s),
                            TrackFixtures.moved(NEAR_BORDER, 90, s * 1.0),
                            new Velocity(1.0, 0, 0)));
        }
        assertThat(run(updates)).isEmpty();
    }

    @Test
    void deletionClosesAnAlertedEpisodeAndClearsTheState() {
        List<EntityTrack> updates = new ArrayList<>(waiting("D", NEAR_BORDER, 0, 320, CREEPING));
        LoiteringState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<LoiteringState> r = detector.onTrackUpdate(state, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        DetectorResult<LoiteringState> deleted =
                detector.onTrackUpdate(
                        state, track("D", TrackStatus.DELETED, t(330), NEAR_BORDER, CREEPING));

        assertThat(alerts).hasSize(1);
        assertThat(deleted.stateCleared()).isTrue();
        assertThat(deleted.alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.state()).isEqualTo(AlertState.CLOSED);
                            assertThat(a.alertId()).isEqualTo(alerts.get(0).alertId());
                            assertThat(a.windowEnd()).isEqualTo(t(320));
                        });
    }

    @Test
    void deletionWithoutAnAlertJustClears() {
        LoiteringState s =
                detector.onTrackUpdate(
                                null,
                                track("E", TrackStatus.CONFIRMED, t(0), NEAR_BORDER, CREEPING))
                        .newState();

        DetectorResult<LoiteringState> r =
                detector.onTrackUpdate(
                        s, track("E", TrackStatus.DELETED, t(5), NEAR_BORDER, CREEPING));

        assertThat(r.stateCleared()).isTrue();
        assertThat(r.alerts()).isEmpty();
    }

    @Test
    void aTentativeTrackDoesNotAlert() {
        List<EntityTrack> tentative =
                waiting("T", NEAR_BORDER, 0, 600, CREEPING).stream()
                        .map(u -> u.withStatus(TrackStatus.TENTATIVE))
                        .toList();

        assertThat(run(tentative)).isEmpty();
    }

    @Test
    void replayGivesTheSameIds() {
        List<EntityTrack> updates = waiting("R", NEAR_BORDER, 0, 400, CREEPING);

        assertThat(run(updates).get(0).alertId()).isEqualTo(run(updates).get(0).alertId());
    }

    @Test
    void parametersComeFromTheConfigWithDefaults() {
        ParameterSection s =
                CordonConfig.parse(
                                "reference: {latDeg: 31.3, lonDeg: -110.6}\ndetectors: {loitering: {minDurationS: 600}}\n",
                                Path.of("."))
                        .detectors()
                        .of("loitering");

        LoiteringParameters p = LoiteringParameters.from(s);

        assertThat(p.minDurationS()).isEqualTo(600);
        assertThat(p.radiusM()).isEqualTo(LoiteringParameters.DEFAULTS.radiusM());
    }
}
