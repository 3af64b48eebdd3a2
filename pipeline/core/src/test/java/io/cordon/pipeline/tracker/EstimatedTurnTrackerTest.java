package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.bench.TrackerOverrides;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.track.EntityTrack;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link MultiTargetTracker} with a coordinated turn at an estimated rate in its IMM ({@code
 * turnRateNoiseRad2PerS3} > 0): the rate is learnt from the plots, carried by snapshots, and works
 * with either association.
 */
class EstimatedTurnTrackerTest {
    private static final LocalTangentPlane PLANE = CrossingScenario.PLANE;
    // JointAssociationTrackerTest.plot's radar.
    private static final GeoPoint RADAR = PLANE.toGeodetic(new EnuPoint(-15000, 0, 30));

    private static TrackerParameters estimated(DataAssociation association) {
        return TrackerOverrides.apply(
                        TrackerParameters.defaults(),
                        Map.of("turnRateNoiseRad2PerS3", "1e-5", "turnRatesDegPerS", ""))
                .withSensors(
                        List.of(
                                new SensorPrior(
                                        "R1", 0.8, 1e-9, new SensorCoverage.Disc(RADAR, 20000))))
                .withAssociation(association);
    }

    @Test
    void theModelsAreStraightAndTheEstimatedTurn() {
        MultiTargetTracker tracker =
                new MultiTargetTracker(estimated(DataAssociation.GNN), CrossingScenario.REF);
        assertThat(tracker.imm.modelCount()).isEqualTo(2);
        assertThat(tracker.imm.estimatedTurnModel()).isEqualTo(1);
        assertThat(
                        new MultiTargetTracker(TrackerParameters.defaults(), CrossingScenario.REF)
                                .imm.estimatedTurnModel())
                .isEqualTo(-1);
    }

    @Test
    void aTurningTargetKeepsOneTrackWhoseRateIsTheTargets() {
        double rate = Math.toRadians(2.0);
        MultiTargetTracker tracker =
                new MultiTargetTracker(estimated(DataAssociation.GNN), CrossingScenario.REF);
        Random random = new Random(3);
        Set<String> ids = new TreeSet<>();
        double[] truth = {0, 0, 10, 0};
        int id = 0;
        for (int t = 0; t <= 240; t += 4) {
            if (t > 0) {
                truth = turn(truth, t > 60 ? rate : 0, 4);
            }
            for (EntityTrack track :
                    tracker.update(
                            List.of(
                                    JointAssociationTrackerTest.plot(
                                            "p" + id++, t, truth, random)))) {
                if (track.status() != io.cordon.pipeline.track.TrackStatus.TENTATIVE) {
                    ids.add(track.trackId());
                }
            }
        }
        assertThat(ids).hasSize(1);
        TrackRecord track = tracker.byId.get(ids.iterator().next());
        // Three minutes of a 2 °/s turn (a full circle is 180 s) at 15 km from the radar (65 m
        // across the beam): the rate is found, biased low by the mixing with the straight model,
        // whose rate is 0 (1.18 °/s when written).
        assertThat(Math.toDegrees(tracker.imm.turnRate(track.state, 0))).isBetween(1.0, 2.5);
        assertThat(track.state[tracker.imm.estimatedTurnModel()]).isGreaterThan(0.5);
    }

    @Test
    void aSnapshotCarriesTheTurnRatesWithEitherAssociation() {
        for (DataAssociation association : List.of(DataAssociation.GNN, DataAssociation.JPDA)) {
            List<List<EntityTrack>> outA =
                    JointAssociationTrackerTest.assertSnapshotHalfwayChangesNothing(
                            estimated(association),
                            JointAssociationTrackerTest.crossing(3, 2, 20, 3),
                            false);
            assertThat(outA.get(outA.size() - 1)).isNotEmpty();
        }
    }

    @Test
    void anOlderSnapshotStartsTheTurnRatesAfreshAndOtherModelsAreRefused() {
        var batches = JointAssociationTrackerTest.crossing(3, 2, 20, 3);
        TrackerParameters params = estimated(DataAssociation.GNN);
        MultiTargetTracker a = new MultiTargetTracker(params, CrossingScenario.REF);
        for (var batch : batches.subList(0, 20)) {
            a.update(batch);
        }
        MultiTargetTracker restored =
                MultiTargetTracker.restore(params, TrackerSnapshot.write(a, (short) 6));
        assertThat(restored.liveTrackCount()).isEqualTo(a.liveTrackCount());
        for (TrackRecord t : restored.live) {
            if (t != null) {
                assertThat(restored.imm.turnRate(t.state, 0)).isZero();
            }
        }
        assertThatThrownBy(
                        () ->
                                MultiTargetTracker.restore(
                                        TrackerParameters.defaults(), a.snapshot()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("motion models");
    }

    @Test
    void aNegativeTurnRateNoiseNamesTheSettingAndWhatIsAllowed() {
        assertThatThrownBy(
                        () ->
                                TrackerOverrides.with(
                                        TrackerParameters.defaults(),
                                        "turnRateNoiseRad2PerS3",
                                        "-1e-5"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tracker.turnRateNoiseRad2PerS3")
                .hasMessageContaining("-1e-5")
                .hasMessageContaining(">= 0");
    }

    private static double[] turn(double[] x, double rate, double dt) {
        if (rate == 0) {
            return new double[] {x[0] + x[2] * dt, x[1] + x[3] * dt, x[2], x[3]};
        }
        double s = Math.sin(rate * dt), c = Math.cos(rate * dt);
        return new double[] {
            x[0] + s / rate * x[2] - (1 - c) / rate * x[3],
            x[1] + (1 - c) / rate * x[2] + s / rate * x[3],
            c * x[2] - s * x[3],
            s * x[2] + c * x[3]
        };
    }
}
