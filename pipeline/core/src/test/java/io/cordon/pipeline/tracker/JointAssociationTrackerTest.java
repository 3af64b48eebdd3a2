package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link MultiTargetTracker} with {@link DataAssociation#JPDA} against {@link DataAssociation#GNN}.
 */
class JointAssociationTrackerTest {
    private static final LocalTangentPlane PLANE = CrossingScenario.PLANE;
    private static final Instant T0 = CrossingScenario.T0;
    private static final GeoPoint RADAR = PLANE.toGeodetic(new EnuPoint(-15000, 0, 30));
    private static final LocalTangentPlane RADAR_PLANE = new LocalTangentPlane(RADAR);
    private static final double PD = 0.8;
    private static final double CLUTTER_PER_M2 = 1e-9;
    private static final double COVER_M = 20000;

    private static TrackerParameters parameters(DataAssociation association) {
        return parameters(association, CLUTTER_PER_M2);
    }

    private static TrackerParameters parameters(DataAssociation association, double clutterPerM2) {
        return TrackerParameters.defaults()
                .withSensors(
                        List.of(
                                new SensorPrior(
                                        "R1",
                                        PD,
                                        clutterPerM2,
                                        new SensorCoverage.Disc(RADAR, COVER_M))))
                .withAssociation(association);
    }

    /**
     * Two targets at 10 m/s crossing at 120 degrees, 15 km east of the radar (cross-range sigma 65
     * m), their relative motion across the line of sight: at t = 100 s they pass {@code offsetM}
     * apart in range.
     */
    static double[] truth(int target, double t, double offsetM) {
        double dt = t - 100;
        double ve = 5.0, vn = target == 0 ? 8.66 : -8.66;
        return new double[] {ve * dt + (target == 0 ? 0 : offsetM), vn * dt};
    }

    static Observation plot(String id, double t, double[] p, Random random) {
        EnuPoint q = RADAR_PLANE.toEnu(PLANE.surfacePoint(p[0], p[1]));
        double range = Math.hypot(q.eastM(), q.northM()) + 15 * random.nextGaussian();
        double az =
                Math.toDegrees(Math.atan2(q.eastM(), q.northM())) + 0.25 * random.nextGaussian();
        return new Observation(
                id,
                "US",
                "R1",
                SensorKind.GROUND_RADAR,
                T0.plusSeconds((long) t),
                new RadarPlot(RADAR, range, ((az % 360) + 360) % 360, 15, 0.25),
                null,
                null,
                null,
                Marking.releasableTo(List.of("US")));
    }

    /**
     * Radar scans every 4 s from 0 to 200 s; clutter uniform over a 4 km square around the pair.
     */
    static List<List<Observation>> crossing(
            long seed, int targets, double offsetM, double clutterPerScan) {
        Random random = new Random(seed);
        List<List<Observation>> out = new ArrayList<>();
        int id = 0;
        for (int t = 0; t <= 200; t += 4) {
            List<Observation> scan = new ArrayList<>();
            for (int k = 0; k < targets; k++) {
                if (random.nextDouble() < PD) {
                    scan.add(plot("p" + id++, t, truth(k, t, offsetM), random));
                }
            }
            int clutter = poisson(random, clutterPerScan);
            for (int c = 0; c < clutter; c++) {
                double[] p = {
                    (random.nextDouble() - 0.5) * 4000, (random.nextDouble() - 0.5) * 4000
                };
                scan.add(plot("c" + id++, t, p, random));
            }
            out.add(scan);
        }
        return out;
    }

    private static int poisson(Random random, double mean) {
        double l = Math.exp(-mean), p = random.nextDouble();
        int k = 0;
        while (p > l) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Track ids nearest to the two targets at 32 s and 180 s (about 1 km apart), or null. */
    static String[][] idsBeforeAndAfter(
            DataAssociation association, List<List<Observation>> batches, double offsetM) {
        MultiTargetTracker tracker =
                new MultiTargetTracker(parameters(association), CrossingScenario.REF);
        String[][] ids = new String[2][2];
        for (List<Observation> batch : batches) {
            tracker.update(batch);
            Instant t = batch.isEmpty() ? null : batch.get(0).eventTime();
            if (t == null) {
                continue;
            }
            long ts = t.getEpochSecond() - T0.getEpochSecond();
            if (ts == 32 || ts == 180) {
                List<EntityTrack> tracks =
                        tracker.confirmedTracksAt(t).stream()
                                .filter(e -> e.status() == TrackStatus.CONFIRMED)
                                .toList();
                for (int k = 0; k < 2; k++) {
                    ids[ts == 32 ? 0 : 1][k] = nearest(tracks, truth(k, ts, offsetM));
                }
            }
        }
        return ids;
    }

    private static String nearest(List<EntityTrack> tracks, double[] truth) {
        String best = null;
        double bestD = 300;
        for (EntityTrack track : tracks) {
            EnuPoint p = PLANE.toEnu(track.position());
            double d = Math.hypot(p.eastM() - truth[0], p.northM() - truth[1]);
            if (d < bestD) {
                bestD = d;
                best = track.trackId();
            }
        }
        return best;
    }

    @Test
    void crossingPairsSwapFarLessOftenWithJpdaThanWithGnn() {
        // Forty seeds at two passing distances, with three clutter plots per scan around the
        // pair (more than the prior expects): the lone plot of a look that saw one target is
        // where nearest-neighbour assignment hands a target to the wrong track.
        int gnn = 0, jpda = 0;
        for (double offset : new double[] {20, 40}) {
            for (long seed = 1; seed <= 40; seed++) {
                var batches = crossing(seed, 2, offset, 3);
                gnn += swapped(idsBeforeAndAfter(DataAssociation.GNN, batches, offset)) ? 1 : 0;
                jpda += swapped(idsBeforeAndAfter(DataAssociation.JPDA, batches, offset)) ? 1 : 0;
            }
        }
        // Measured when written: GNN 17 of 80, JPDA 4 of 80 (JPDA does still swap sometimes).
        assertThat(gnn).as("GNN swaps").isGreaterThanOrEqualTo(10);
        assertThat(2 * jpda).as("JPDA swaps (GNN %d)", gnn).isLessThan(gnn);
    }

    private static boolean swapped(String[][] ids) {
        for (String[] row : ids) {
            assertThat(row).doesNotContainNull();
            assertThat(row[0]).isNotEqualTo(row[1]);
        }
        return !ids[0][0].equals(ids[1][0]) || !ids[0][1].equals(ids[1][1]);
    }

    @Test
    void aClutterPlotInTheGateWeighsOnTheTrackAndStartsATrackOnlyIfUnclaimed() {
        // A target tracked for 60 s on clean plots, then a scan with its plot and a clutter plot
        // 80 m north of it (1.2 cross-range sigmas), both in the track's gate.
        Instant t64 = T0.plusSeconds(64);
        EntityTrack[] after = new EntityTrack[2];
        List<EntityTrack>[] outputs = new List[2];
        DataAssociation[] modes = {DataAssociation.GNN, DataAssociation.JPDA};
        for (int a = 0; a < 2; a++) {
            MultiTargetTracker tracker =
                    new MultiTargetTracker(parameters(modes[a]), CrossingScenario.REF);
            tracker.reportTentative(true); // the new track below is tentative
            Random random = new Random(5);
            for (int t = 0; t < 64; t += 4) {
                tracker.update(List.of(plot("p" + t, t, truth(0, t, 0), random)));
            }
            assertThat(tracker.confirmedTracksAt(T0.plusSeconds(60))).hasSize(1);
            double[] truth = truth(0, 64, 0);
            Random exact = new Random(6);
            List<Observation> scan =
                    List.of(
                            plot("target", 64, truth, exact),
                            plot("clutter", 64, new double[] {truth[0], truth[1] + 80}, exact));
            outputs[a] = tracker.update(scan);
            after[a] = tracker.confirmedTracksAt(t64).get(0);
        }
        // Both start a tentative track on the clutter plot only: JPDA's target plot is claimed
        // with more than half the probability, its clutter plot with less.
        for (List<EntityTrack> out : outputs) {
            assertThat(out)
                    .filteredOn(e -> e.status() == TrackStatus.TENTATIVE)
                    .extracting(EntityTrack::trackId)
                    .containsExactly(TrackIds.derive("R1", t64, "clutter"));
        }
        // JPDA's estimate is pulled north by the clutter plot's share, and its position
        // variance is larger than after GNN's single update (the miss share and the spread of
        // the innovations).
        double gnnNorth = PLANE.toEnu(after[0].position()).northM();
        double jpdaNorth = PLANE.toEnu(after[1].position()).northM();
        assertThat(jpdaNorth).isGreaterThan(gnnNorth);
        assertThat(after[1].covariance().get(1, 1)).isGreaterThan(after[0].covariance().get(1, 1));
        assertThat(after[1].trackId()).isEqualTo(after[0].trackId());
    }

    @Test
    void jpdaIsDeterministicAndSurvivesASnapshot() {
        assertSnapshotHalfwayChangesNothing(
                parameters(DataAssociation.JPDA), crossing(3, 2, 20, 3), true);
    }

    /**
     * Runs {@code batches} through a tracker, and through a second one that is replaced halfway by
     * the first one's snapshot (after it, each batch in reverse order if {@code reverseAfter}):
     * both report the same, call by call. Returns the first tracker's reports.
     */
    static List<List<EntityTrack>> assertSnapshotHalfwayChangesNothing(
            TrackerParameters params, List<List<Observation>> batches, boolean reverseAfter) {
        MultiTargetTracker a = new MultiTargetTracker(params, CrossingScenario.REF);
        MultiTargetTracker b = new MultiTargetTracker(params, CrossingScenario.REF);
        List<List<EntityTrack>> outA = new ArrayList<>(), outB = new ArrayList<>();
        for (int k = 0; k < batches.size(); k++) {
            outA.add(a.update(batches.get(k)));
            if (k == batches.size() / 2) {
                b = MultiTargetTracker.restore(params, a.snapshot());
                outB.add(outA.get(k));
            } else if (k < batches.size() / 2 || !reverseAfter) {
                outB.add(b.update(batches.get(k)));
            } else {
                List<Observation> reversed = new ArrayList<>(batches.get(k));
                java.util.Collections.reverse(reversed);
                outB.add(b.update(reversed));
            }
        }
        assertThat(outB).as("%s", params.association()).isEqualTo(outA);
        return outA;
    }

    @Test
    void anUnknownAssociationIsRejectedNamingTheSettingTheValueAndTheChoices() {
        assertThatThrownBy(() -> DataAssociation.parse("tracker.association", "mht"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tracker.association")
                .hasMessageContaining("'mht'")
                .hasMessageContaining("gnn, jpda, jpda-star");
        assertThat(DataAssociation.parse("tracker.association", " JPDA "))
                .isEqualTo(DataAssociation.JPDA);
        assertThat(TrackerParameters.defaults().association()).isEqualTo(DataAssociation.GNN);
    }
}
