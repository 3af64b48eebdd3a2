package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link TrackerParameters#withUnscentedAbove}: radar plots whose nonlinearity at a track is large
 * are gated and applied with the unscented transform. Figures in docs/benchmarks.md, "Unscented
 * update for radar plots" (200 seeds per case; these tests run 40).
 */
class UnscentedRadarUpdateTest {
    private static final LocalTangentPlane PLANE = CrossingScenario.PLANE;
    private static final GeoPoint RADAR = PLANE.toGeodetic(new EnuPoint(0, 0, 0));
    private static final double THRESHOLD = 3.0;
    private static final int RUNS = 40;

    private static TrackerParameters parameters() {
        return TrackerParameters.defaults()
                .withSensors(
                        List.of(
                                new SensorPrior(
                                        "R1", 0.9, 1e-9, new SensorCoverage.Disc(RADAR, 28000))));
    }

    /** The EKF alone (the switch's threshold infinite). */
    private static TrackerParameters ekfOnly() {
        return parameters().withUnscentedAbove(Double.POSITIVE_INFINITY);
    }

    /** Confirmed ids, Σ position NEES and count over the updated tracks' posteriors. */
    record Pass(int ids, double nees, int updates) {}

    /**
     * One target at 10 m/s on a straight line in a random direction (from the seed), passing the
     * radar at {@code cpaM}, from 1 500 m before its closest approach for 300 s; P_D 0.9; no plots
     * between {@code darkFromS} and {@code darkToS} (it goes dark near the radar).
     */
    static Pass pass(
            TrackerParameters params, double cpaM, double darkFromS, double darkToS, long seed) {
        LocalTangentPlane radarPlane = new LocalTangentPlane(RADAR);
        Random random = new Random(seed);
        double heading = random.nextDouble() * 2 * Math.PI;
        double ue = Math.sin(heading), un = Math.cos(heading);
        MultiTargetTracker tracker = new MultiTargetTracker(params, CrossingScenario.REF);
        Set<String> ids = new HashSet<>();
        double nees = 0;
        int updates = 0, id = 0;
        for (int t = 0; t <= 300; t += 4) {
            double along = -1500 + 10.0 * t;
            double e = along * ue + cpaM * un, n = along * un - cpaM * ue;
            List<Observation> scan = new ArrayList<>();
            boolean dark = t >= darkFromS && t < darkToS;
            if (random.nextDouble() < 0.9 && !dark) {
                EnuPoint q = radarPlane.toEnu(PLANE.surfacePoint(e, n));
                double range = Math.hypot(q.eastM(), q.northM()) + 15 * random.nextGaussian();
                double az =
                        Math.toDegrees(Math.atan2(q.eastM(), q.northM()))
                                + 0.25 * random.nextGaussian();
                scan.add(
                        new Observation(
                                "p" + id++,
                                "US",
                                "R1",
                                SensorKind.GROUND_RADAR,
                                CrossingScenario.T0.plusSeconds(t),
                                new RadarPlot(
                                        RADAR, Math.abs(range), ((az % 360) + 360) % 360, 15, 0.25),
                                null,
                                null,
                                null,
                                Marking.releasableTo(List.of("US"))));
            }
            for (EntityTrack track : tracker.update(scan)) {
                if (track.status() == TrackStatus.CONFIRMED
                        || track.status() == TrackStatus.COASTING) {
                    ids.add(track.trackId());
                }
                if (track.status() == TrackStatus.DELETED
                        || !track.time().equals(CrossingScenario.T0.plusSeconds(t))
                        || track.updateCount() < 2) {
                    continue;
                }
                EnuPoint p = PLANE.toEnu(track.position());
                double de = p.eastM() - e, dn = p.northM() - n;
                double a = track.covariance().positionEastEastM2();
                double b = track.covariance().positionEastNorthM2();
                double c = track.covariance().positionNorthNorthM2();
                nees += (c * de * de - 2 * b * de * dn + a * dn * dn) / (a * c - b * b);
                updates++;
            }
        }
        return new Pass(ids.size(), nees, updates);
    }

    /**
     * A target that goes dark for 100 s while it passes a radar and comes back near it: the
     * coasting track's position sigma has grown to hundreds of metres at a range of a few hundred
     * metres, where one linearisation puts the returning plot far outside the gate, so the EKF
     * starts a second track (measured over 200 seeds: 195 and 185 runs of 200 with two ids, NEES
     * 483 and 8.5); the unscented gate keeps the track (0 runs of 200, NEES 1.58 and 1.61).
     */
    @ParameterizedTest(name = "closest approach {0} m")
    @CsvSource({"300", "1000"})
    void aTrackThatWentDarkNearARadarKeepsItsId(double cpaM) {
        int ekfSplit = 0, ukfSplit = 0;
        double ekfNees = 0, ukfNees = 0;
        int ekfUpdates = 0, ukfUpdates = 0;
        for (long seed = 0; seed < RUNS; seed++) {
            Pass ekf = pass(ekfOnly(), cpaM, 100, 200, seed);
            Pass ukf = pass(parameters().withUnscentedAbove(THRESHOLD), cpaM, 100, 200, seed);
            ekfSplit += ekf.ids() > 1 ? 1 : 0;
            ukfSplit += ukf.ids() > 1 ? 1 : 0;
            ekfNees += ekf.nees();
            ukfNees += ukf.nees();
            ekfUpdates += ekf.updates();
            ukfUpdates += ukf.updates();
        }

        assertThat(ekfSplit).isGreaterThanOrEqualTo(RUNS * 3 / 4);
        assertThat(ukfSplit).isLessThanOrEqualTo(1);
        assertThat(ekfNees / ekfUpdates).isGreaterThan(5.0);
        assertThat(ukfNees / ukfUpdates).isBetween(1.2, 2.2);
    }

    /**
     * The same dark pass under JPDA, whose weighted update applies each gated plot with the
     * transform its pair was gated with (the EKF's JPDA splits less often at 1 000 m than its GNN,
     * but still in about half the runs).
     */
    @ParameterizedTest(name = "closest approach {0} m")
    @CsvSource({"300", "1000"})
    void underJpdaTooATrackThatWentDarkNearARadarKeepsItsId(double cpaM) {
        int ekfSplit = 0, ukfSplit = 0;
        double ukfNees = 0;
        int ukfUpdates = 0;
        for (long seed = 0; seed < RUNS; seed++) {
            Pass ekf = pass(ekfOnly().withAssociation(DataAssociation.JPDA), cpaM, 100, 200, seed);
            Pass ukf =
                    pass(
                            parameters()
                                    .withUnscentedAbove(THRESHOLD)
                                    .withAssociation(DataAssociation.JPDA),
                            cpaM,
                            100,
                            200,
                            seed);
            ekfSplit += ekf.ids() > 1 ? 1 : 0;
            ukfSplit += ukf.ids() > 1 ? 1 : 0;
            ukfNees += ukf.nees();
            ukfUpdates += ukf.updates();
        }
        // measured over these 40 runs: the EKF split 39 (300 m) and 19 (1 000 m), the switch 0
        // and 0, NEES 1.57 and 1.60
        assertThat(ekfSplit).isGreaterThanOrEqualTo(RUNS / 3);
        assertThat(ukfSplit).isLessThanOrEqualTo(1);
        assertThat(ukfNees / ukfUpdates).isBetween(1.2, 2.2);
    }

    /**
     * A track that keeps its plots while passing 50 m from the radar has sigmas of a few metres:
     * both filters hold one track, consistent (measured over 200 seeds: no run with two ids, NEES
     * 1.61 with the EKF, 1.53 with the unscented switch at 3).
     */
    @Test
    void aTrackSeenThroughoutPassesTheRadarWithEitherFilter() {
        for (long seed = 0; seed < RUNS / 4; seed++) {
            Pass ekf = pass(ekfOnly(), 50, -1, -1, seed);
            Pass ukf = pass(parameters().withUnscentedAbove(THRESHOLD), 50, -1, -1, seed);
            assertThat(ekf.ids()).isEqualTo(1);
            assertThat(ukf.ids()).isEqualTo(1);
            assertThat(ukf.nees() / ukf.updates()).isBetween(1.0, 2.5);
        }
    }

    /**
     * Far from the radar (CrossingScenario: 15 km, sigmas of tens of metres) the switch never
     * fires: the tracker's output is that of the EKF, update for update.
     */
    @Test
    void farFromTheRadarTheOutputIsTheEkfs() {
        MultiTargetTracker ekf =
                new MultiTargetTracker(
                        TrackerParameters.defaults().withUnscentedAbove(Double.POSITIVE_INFINITY),
                        CrossingScenario.REF);
        MultiTargetTracker ukf =
                new MultiTargetTracker(
                        TrackerParameters.defaults().withUnscentedAbove(THRESHOLD),
                        CrossingScenario.REF);
        int outputs = 0;
        for (List<Observation> batch : CrossingScenario.batches(3, 300)) {
            List<EntityTrack> expected = ekf.update(batch);
            assertThat(ukf.update(batch)).isEqualTo(expected);
            outputs += expected.size();
        }
        assertThat(outputs).isGreaterThan(100);
    }

    @Test
    void theDefaultSwitchesAtThreeAndTheThresholdIsValidated() {
        TrackerParameters defaults = TrackerParameters.defaults();
        assertThat(defaults.unscentedAboveNonlinearity()).isEqualTo(THRESHOLD);
        assertThat(defaults.withClassNoise(java.util.Map.of()).unscentedAboveNonlinearity())
                .isEqualTo(THRESHOLD);
        assertThat(defaults.withUnscentedAbove(2.5).classNoise())
                .isEqualTo(TrackerParameters.DEFAULT_CLASS_NOISE);
        TrackerParameters ukf = defaults.withUnscentedAbove(2.5);
        assertThat(ukf.withSensors(List.of()).unscentedAboveNonlinearity()).isEqualTo(2.5);
        assertThat(ukf.withAssociation(DataAssociation.JPDA).unscentedAboveNonlinearity())
                .isEqualTo(2.5);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults.withUnscentedAbove(-1))
                .withMessageContaining("unscentedAboveNonlinearity");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults.withUnscentedAbove(Double.NaN))
                .withMessageContaining("unscentedAboveNonlinearity");
    }
}
