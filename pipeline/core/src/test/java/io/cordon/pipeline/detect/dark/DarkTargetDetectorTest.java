package io.cordon.pipeline.detect.dark;

import static io.cordon.pipeline.detect.TrackFixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.TrackFixtures;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Uses the example config's sensors: two radars (28 km), two drones (6 km), one satellite (50 km,
 * 180 s).
 */
class DarkTargetDetectorTest {
    static final SensorCoverageModel COVERAGE =
            new SensorCoverageModel(
                    CordonConfig.load(Path.of("../../deploy/cordon.yaml")).sensors());
    static final GeoPoint IN_RADAR_COVER = GeoPoint.of(31.40, -110.75);
    static final GeoPoint SATELLITE_ONLY = GeoPoint.of(31.70, -110.60);
    static final GeoPoint OUTSIDE_ALL = GeoPoint.of(32.20, -110.60);

    private final DarkTargetDetector detector =
            new DarkTargetDetector(COVERAGE, DarkTargetParameters.DEFAULTS);

    /**
     * Updates every 4 s from {@code fromS} to {@code toS}; observed unless inside [darkFrom,
     * darkTo).
     */
    private static List<EntityTrack> track(
            String id, GeoPoint at, int fromS, int toS, int darkFrom, int darkTo) {
        List<EntityTrack> out = new ArrayList<>();
        long count = 0;
        for (int s = fromS; s <= toS; s += 4) {
            boolean dark = s >= darkFrom && s < darkTo;
            if (!dark) {
                count++;
            }
            EntityTrack u =
                    TrackFixtures.track(
                            id,
                            dark ? TrackStatus.COASTING : TrackStatus.CONFIRMED,
                            t(s),
                            at,
                            new Velocity(0.5, 0, 0));
            out.add(
                    new EntityTrack(
                            u.trackId(),
                            u.status(),
                            u.time(),
                            u.position(),
                            u.velocity(),
                            u.covariance(),
                            u.sensorIds(),
                            u.partnerIds(),
                            u.identity(),
                            u.classification(),
                            u.marking(),
                            count));
        }
        return out;
    }

    private List<Alert> run(List<EntityTrack> updates) {
        DarkState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<DarkState> r = detector.onTrackUpdate(state, u);
            state = r.newState() == null ? null : DarkState.fromBytes(r.newState().toBytes());
            alerts.addAll(r.alerts());
        }
        return alerts;
    }

    @Test
    void aTrackUnobservedInsideRadarCoverageGoesDarkAndIsClosedWhenSeenAgain() {
        List<Alert> alerts = run(track("D", IN_RADAR_COVER, 0, 240, 104, 200));

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        Alert dark = alerts.get(0);
        assertThat(dark.type()).isEqualTo(AlertType.DARK_TARGET);
        assertThat(dark.windowStart()).isEqualTo(t(100));
        assertThat(dark.windowEnd()).isEqualTo(t(132));
        assertThat(dark.evidence().get("coveringSensors")).contains("usa-radar-1");
        assertThat(alerts.get(1).alertId()).isEqualTo(dark.alertId());
        assertThat(alerts.get(1).windowEnd()).isEqualTo(t(200));
    }

    @Test
    void aShortGapIsNotDark() {
        assertThat(run(track("S", IN_RADAR_COVER, 0, 240, 104, 128))).isEmpty();
    }

    @Test
    void aGapWhereOnlyTheSatelliteLooksIsNotDark() {
        assertThat(run(track("Q", SATELLITE_ONLY, 0, 600, 104, 400))).isEmpty();
    }

    @Test
    void aGapOutsideEveryCoverageIsNotDark() {
        assertThat(run(track("O", OUTSIDE_ALL, 0, 600, 104, 400))).isEmpty();
    }

    @Test
    void aTrackDeletedAfterGoingDarkStillYieldsTheFinding() {
        List<EntityTrack> updates = new ArrayList<>(track("X", IN_RADAR_COVER, 0, 100, 1000, 1000));
        EntityTrack last = updates.get(updates.size() - 1);
        updates.add(
                new EntityTrack(
                        "X",
                        TrackStatus.DELETED,
                        t(132),
                        last.position(),
                        last.velocity(),
                        last.covariance(),
                        last.sensorIds(),
                        last.partnerIds(),
                        last.identity(),
                        last.classification(),
                        last.marking(),
                        last.updateCount()));

        DarkState state = null;
        List<Alert> alerts = new ArrayList<>();
        DetectorResult<DarkState> r = null;
        for (EntityTrack u : updates) {
            r = detector.onTrackUpdate(state, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }

        assertThat(r.stateCleared()).isTrue();
        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(alerts.get(1).alertId()).isEqualTo(alerts.get(0).alertId());
        assertThat(alerts.get(1).evidence()).containsEntry("reason", "deleted");
        assertThat(alerts.get(1).windowEnd()).isEqualTo(t(132));
    }

    @Test
    void aFindingRaisedOnTimeIsClosedWhenTheTrackerDeletesTheTrack() {
        List<EntityTrack> updates = silentGap(IN_RADAR_COVER, 40, 200);
        DarkState state = null;
        for (EntityTrack u : updates.subList(0, updates.size() - 1)) {
            state = detector.onTrackUpdate(state, u).newState();
        }
        EntityTrack last = updates.get(updates.size() - 2);
        DetectorResult<DarkState> fired = detector.onTime(state, last, detector.dueAt(state));
        assertThat(fired.alerts()).extracting(Alert::state).containsExactly(AlertState.NEW);

        DetectorResult<DarkState> gone =
                detector.onTrackUpdate(
                        fired.newState(),
                        new EntityTrack(
                                last.trackId(),
                                TrackStatus.DELETED,
                                t(150),
                                last.position(),
                                last.velocity(),
                                last.covariance(),
                                last.sensorIds(),
                                last.partnerIds(),
                                last.identity(),
                                last.classification(),
                                last.marking(),
                                last.updateCount()));

        assertThat(gone.stateCleared()).isTrue();
        assertThat(gone.alerts())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.state()).isEqualTo(AlertState.CLOSED);
                            assertThat(c.alertId()).isEqualTo(fired.alerts().get(0).alertId());
                            assertThat(c.evidence()).containsEntry("reason", "deleted");
                            assertThat(c.windowEnd()).isEqualTo(t(150));
                        });
        assertThat(detector.dueAt(gone.newState())).isNull();
    }

    @Test
    void deletionOfAnObservedTrackJustClears() {
        DarkState s =
                detector.onTrackUpdate(null, track("Y", IN_RADAR_COVER, 0, 0, 99, 99).get(0))
                        .newState();
        EntityTrack deleted =
                track("Y", IN_RADAR_COVER, 4, 4, 0, 99).get(0).withStatus(TrackStatus.DELETED);

        DetectorResult<DarkState> r = detector.onTrackUpdate(s, deleted);

        assertThat(r.stateCleared()).isTrue();
        assertThat(r.alerts()).isEmpty();
    }

    @Test
    void aTentativeTrackNeverGoesDark() {
        List<EntityTrack> tentative =
                track("T", IN_RADAR_COVER, 0, 240, 20, 200).stream()
                        .map(u -> u.withStatus(TrackStatus.TENTATIVE))
                        .toList();

        assertThat(run(tentative)).isEmpty();
    }

    @Test
    void theMissProbabilityFollowsTheSensorPriors() {
        // radar Pd 0.9 every 4 s and the satellite Pd 0.7 every 180 s cover this point
        double expected = 40.0 / 4 * Math.log(0.1) + 40.0 / 180 * Math.log(0.3);
        assertThat(COVERAGE.logMissProbability(IN_RADAR_COVER, 40))
                .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void stateSurvivesBytes() {
        DarkState s =
                new DarkState(
                        t(1),
                        IN_RADAR_COVER,
                        7,
                        t(9),
                        SATELLITE_ONLY,
                        -3.5,
                        true,
                        false,
                        4,
                        1.5,
                        -2);

        assertThat(DarkState.fromBytes(s.toBytes())).isEqualTo(s);
    }

    @Test
    void stateOfVersionOneReadsAsHeldByItsWholeUpdateCountAndStill() {
        byte[] v1 =
                new io.cordon.pipeline.detect.StateBytes.Writer(1)
                        .writeInstant(t(1))
                        .writePoint(IN_RADAR_COVER)
                        .writeLong(7)
                        .writeInstant(t(9))
                        .writePoint(SATELLITE_ONLY)
                        .writeDouble(-3.5)
                        .writeBoolean(true)
                        .writeBoolean(false)
                        .toBytes();

        assertThat(DarkState.fromBytes(v1))
                .isEqualTo(
                        new DarkState(
                                t(1),
                                IN_RADAR_COVER,
                                7,
                                t(9),
                                SATELLITE_ONLY,
                                -3.5,
                                true,
                                false,
                                7,
                                0,
                                0));
    }

    /** CONFIRMED updates at {@code seconds}, each fusing one more observation, standing still. */
    private static List<EntityTrack> observedAt(GeoPoint at, int... seconds) {
        List<EntityTrack> out = new ArrayList<>();
        long count = 0;
        for (int s : seconds) {
            out.add(
                    withCount(
                            TrackFixtures.track(
                                    "H", TrackStatus.CONFIRMED, t(s), at, Velocity.ZERO),
                            ++count));
        }
        return out;
    }

    private static EntityTrack withCount(EntityTrack u, long count) {
        return new EntityTrack(
                u.trackId(),
                u.status(),
                u.time(),
                u.position(),
                u.velocity(),
                u.covariance(),
                u.sensorIds(),
                u.partnerIds(),
                u.identity(),
                u.classification(),
                u.marking(),
                count);
    }

    @Test
    void oneStrayObservationAfterAFindingDoesNotMakeTheTrackHeldAgain() {
        // Held 0-100 s, dark until one detection at 200 s (a clutter plot fused into the coasting
        // track), silent again until 300 s: one finding, the second gap is not another.
        List<Alert> alerts = run(observedAt(IN_RADAR_COVER, 0, 20, 40, 60, 80, 100, 200, 300));

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(alerts.get(0).windowStart()).isEqualTo(t(100));
    }

    @Test
    void aTrackHeldAgainAfterAFindingCanGoDarkAgain() {
        // As above, but re-acquired at 200 s by 5 observations (the default minObservations)
        // before the second silence: two findings.
        List<Alert> alerts =
                run(
                        observedAt(
                                IN_RADAR_COVER,
                                0,
                                20,
                                40,
                                60,
                                80,
                                100,
                                200,
                                204,
                                208,
                                212,
                                216,
                                320));

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(
                        AlertState.NEW, AlertState.CLOSED, AlertState.NEW, AlertState.CLOSED);
        assertThat(alerts.get(2).windowStart()).isEqualTo(t(216));
        assertThat(alerts.get(2).evidence()).containsEntry("heldObservations", "5");
    }

    static final GeoPoint RADAR_1 = GeoPoint.of(31.3874, -110.8103);

    /** 27.95 km west of usa-radar-1 (28 km range): 50 m inside its coverage. */
    static final GeoPoint NEAR_RADAR_WEST_EDGE =
            io.cordon.pipeline.detect.Geodesy.predict(RADAR_1, new Velocity(-27_950, 0, 0), 1);

    /**
     * Observed every 4 s for 40 s at {@code eastMps} ending at {@link #NEAR_RADAR_WEST_EDGE}, then
     * nothing until {@code backS}, when it is observed again 300 m further inside the coverage.
     */
    private static List<EntityTrack> atTheEdge(double eastMps, int backS) {
        Velocity v = new Velocity(eastMps, 0, 0);
        List<EntityTrack> out = new ArrayList<>();
        for (int s = 0; s <= 40; s += 4) {
            GeoPoint p = io.cordon.pipeline.detect.Geodesy.predict(NEAR_RADAR_WEST_EDGE, v, s - 40);
            out.add(
                    withCount(
                            TrackFixtures.track("E", TrackStatus.CONFIRMED, t(s), p, v),
                            s / 4 + 1));
        }
        GeoPoint back =
                io.cordon.pipeline.detect.Geodesy.predict(
                        NEAR_RADAR_WEST_EDGE, new Velocity(1, 0, 0), 300);
        out.add(withCount(TrackFixtures.track("E", TrackStatus.CONFIRMED, t(backS), back, v), 12));
        return out;
    }

    @Test
    void aTrackHeadingOutOfCoverageAtItsEdgeIsNotDarkWhenItComesBack() {
        // Westbound at 15 m/s, 50 m inside the radar's edge: its predicted path leaves the
        // coverage within 4 s (one scan); the target turned back and is seen again inside after
        // 100 s. The gap is judged on the path, not on the place of the re-acquisition.
        assertThat(io.cordon.pipeline.detect.Geodesy.distanceM(RADAR_1, NEAR_RADAR_WEST_EDGE))
                .isBetween(27_900.0, 27_999.0);
        assertThat(COVERAGE.covering(atTheEdge(-15, 140).get(11).position()))
                .extracting(io.cordon.pipeline.config.SensorConfig::id)
                .contains("usa-radar-1");
        assertThat(run(atTheEdge(-15, 140))).isEmpty();
    }

    @Test
    void aTrackHeadingIntoCoverageAtItsEdgeGoesDark() {
        // The same place, eastbound: the predicted path stays in the radar's coverage.
        assertThat(run(atTheEdge(15, 140)))
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
    }

    /**
     * Observed every 4 s until {@code lastS}, then nothing (no coasting updates) until {@code
     * backS}.
     */
    private static List<EntityTrack> silentGap(GeoPoint at, int lastS, int backS) {
        List<EntityTrack> out = new ArrayList<>(track("S", at, 0, lastS, 1_000, 1_000));
        EntityTrack last = out.get(out.size() - 1);
        out.add(
                new EntityTrack(
                        "S",
                        TrackStatus.CONFIRMED,
                        t(backS),
                        at,
                        last.velocity(),
                        last.covariance(),
                        last.sensorIds(),
                        last.partnerIds(),
                        last.identity(),
                        last.classification(),
                        last.marking(),
                        last.updateCount() + 1));
        return out;
    }

    @Test
    void aTimerAtDueAtRaisesTheFindingWhenTheTrackerPublishesNothingInTheGap() {
        List<EntityTrack> updates = silentGap(IN_RADAR_COVER, 40, 200);
        DarkState state = null;
        for (EntityTrack u : updates.subList(0, updates.size() - 1)) {
            state = detector.onTrackUpdate(state, u).newState();
        }
        EntityTrack last = updates.get(updates.size() - 2);
        java.time.Instant due = detector.dueAt(state);

        // In radar cover the miss probability is reached well within the 30 s minimum gap.
        assertThat(due).isEqualTo(t(70));
        assertThat(detector.onTime(state, last, t(69)).alerts()).isEmpty();
        DetectorResult<DarkState> fired = detector.onTime(state, last, due);
        assertThat(fired.alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.state()).isEqualTo(AlertState.NEW);
                            assertThat(a.windowStart()).isEqualTo(t(40));
                            assertThat(a.windowEnd()).isEqualTo(t(70));
                        });
        assertThat(detector.dueAt(fired.newState())).isNull();
        DetectorResult<DarkState> back =
                detector.onTrackUpdate(fired.newState(), updates.get(updates.size() - 1));
        assertThat(back.alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.state()).isEqualTo(AlertState.CLOSED);
                            assertThat(a.alertId()).isEqualTo(fired.alerts().get(0).alertId());
                        });
    }

    @Test
    void withoutATimerTheReacquisitionRaisesTheLateFindingAndClosesIt() {
        List<Alert> alerts = run(silentGap(IN_RADAR_COVER, 40, 200));

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(alerts.get(0).windowStart()).isEqualTo(t(40));
    }

    @Test
    void noTimerIsDueOutsideEveryCoverageAndAShortSilenceIsNoFinding() {
        DarkState outside = null;
        for (EntityTrack u : track("O", OUTSIDE_ALL, 0, 40, 1_000, 1_000)) {
            outside = detector.onTrackUpdate(outside, u).newState();
        }
        assertThat(detector.dueAt(outside)).isNull();
        assertThat(run(silentGap(IN_RADAR_COVER, 40, 60))).isEmpty();
    }

    @Test
    void aTrackObservedOnlyAFewTimesDoesNotGoDarkUnlessAllowed() {
        // Observed at 0, 4 and 8 s (3 observations), then silent in radar cover until 100 s.
        List<EntityTrack> shortTrack = silentGap(IN_RADAR_COVER, 8, 100);
        DarkTargetDetector anyTrack =
                new DarkTargetDetector(
                        COVERAGE,
                        new DarkTargetParameters(
                                30, 0.001, 1, DarkTargetParameters.DEFAULTS.severity()));

        assertThat(run(shortTrack)).isEmpty();
        DarkState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : shortTrack) {
            DetectorResult<DarkState> r = anyTrack.onTrackUpdate(state, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
    }

    @Test
    void minObservationsMustBeAWholeNumberOfAtLeastOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                new DarkTargetParameters(
                                        30, 0.001, 0, DarkTargetParameters.DEFAULTS.severity()))
                .hasMessageContaining("minObservations");
    }
}
