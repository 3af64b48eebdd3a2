package io.cordon.pipeline.tracker;

import static io.cordon.pipeline.tracker.CrossingScenario.PLANE;
import static io.cordon.pipeline.tracker.CrossingScenario.REF;
import static io.cordon.pipeline.tracker.CrossingScenario.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SensorTrackFusionTest {
    private static final TrackerParameters PARAMS = TrackerParameters.defaults();

    private static int ids;

    /** A sensor-track report of (e, n) in the plane with covariance (ee, en, nn), m². */
    private static Observation report(
            String sensor,
            String local,
            double t,
            double e,
            double n,
            double ee,
            double en,
            double nn) {
        return new Observation(
                sensor + "-" + local + "-" + (ids++),
                "US",
                sensor,
                SensorKind.PARTNER_TRACKER,
                at(t),
                new SensorTrackUpdate(local, new PositionFix(PLANE.surfacePoint(e, n), ee, en, nn)),
                null,
                null,
                null,
                Marking.UNRESTRICTED);
    }

    private static Instant at(double t) {
        return T0.plusNanos((long) (t * 1e9));
    }

    private static EntityTrack only(List<EntityTrack> out) {
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static double[] en(EntityTrack track) {
        EnuPoint p = PLANE.toEnu(track.position());
        return new double[] {p.eastM(), p.northM()};
    }

    /** Smallest eigenvalue of [[a, b], [b, d]]. */
    private static double minEigenvalue(double a, double b, double d) {
        double half = 0.5 * (a + d), diff = 0.5 * (a - d);
        return half - Math.sqrt(diff * diff + b * b);
    }

    private static double positionDeterminant(StateCovariance c) {
        return c.positionEastEastM2() * c.positionNorthNorthM2()
                - c.positionEastNorthM2() * c.positionEastNorthM2();
    }

    /** (x − truth)ᵀ P⁻¹ (x − truth) on the position block. */
    private static double positionNees(EntityTrack track, double[] truth) {
        double[] p = en(track);
        double de = p[0] - truth[0], dn = p[1] - truth[1];
        StateCovariance c = track.covariance();
        double a = c.positionEastEastM2(), b = c.positionEastNorthM2();
        double d = c.positionNorthNorthM2();
        return (d * de * de - 2 * b * de * dn + a * dn * dn) / (a * d - b * b);
    }

    @Test
    void aSensorTrackReportedAgainNeverBecomesMoreCertainThanTheSensorSays() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        double ee = 900, en = 200, nn = 400;
        Set<String> trackIds = new HashSet<>();
        EntityTrack last = null;
        for (int t = 0; t < 60; t++) {
            last = only(tracker.update(List.of(report("C1", "17", t, 500, -300, ee, en, nn))));
            trackIds.add(last.trackId());
            StateCovariance c = last.covariance();
            // P − R positive semi-definite: the entity is at best as certain as the sensor track.
            double excessMin =
                    minEigenvalue(
                            c.positionEastEastM2() - ee,
                            c.positionEastNorthM2() - en,
                            c.positionNorthNorthM2() - nn);
            assertThat(excessMin).as("t=%d", t).isGreaterThan(-1e-6 * ee);
        }
        assertThat(trackIds).hasSize(1);
        assertThat(last.status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(last.sensorIds()).containsExactly("C1");
        assertThat(tracker.entityOfSensorTrack("C1", "17")).isEqualTo(last.trackId());
        double[] p = en(last);
        assertThat(p[0]).isCloseTo(500, org.assertj.core.data.Offset.offset(1.0));
        assertThat(p[1]).isCloseTo(-300, org.assertj.core.data.Offset.offset(1.0));
        assertThat(last.velocity().groundSpeedMps()).isLessThan(0.5);
    }

    @Test
    void twoSensorsTracksOfOneTargetFuseIntoOneEntityBetterThanEitherAndConsistent() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        Random random = new Random(7);
        // Crossed ellipses of equal area: each sensor is good where the other is poor.
        double[] c1 = {400, 0, 6400};
        double[] c2 = {6400, 0, 400};
        double rDet = 400 * 6400;
        Set<String> ids = new HashSet<>();
        double maxNees = 0;
        double sumNees = 0;
        int count = 0;
        for (int t = 0; t < 120; t++) {
            double[] truth = {-2000 + 8.0 * t, 1000 + 6.0 * t};
            boolean first = t % 2 == 0;
            double[] c = first ? c1 : c2;
            // The sensors' own estimates: errors drawn from the covariance they report.
            double e = truth[0] + Math.sqrt(c[0]) * random.nextGaussian();
            double n = truth[1] + Math.sqrt(c[2]) * random.nextGaussian();
            String sensor = first ? "C1" : "C2";
            String local = first ? "A-4" : "901";
            EntityTrack track =
                    only(tracker.update(List.of(report(sensor, local, t, e, n, c[0], c[1], c[2]))));
            ids.add(track.trackId());
            if (t >= 10) {
                assertThat(positionDeterminant(track.covariance()))
                        .as("t=%d", t)
                        .isLessThanOrEqualTo(rDet);
                double nees = positionNees(track, truth);
                maxNees = Math.max(maxNees, nees);
                sumNees += nees;
                count++;
            }
        }
        assertThat(ids).hasSize(1);
        String entity = ids.iterator().next();
        assertThat(tracker.entityOfSensorTrack("C1", "A-4")).isEqualTo(entity);
        assertThat(tracker.entityOfSensorTrack("C2", "901")).isEqualTo(entity);
        // Inside the 99.9 % ellipse every time, and not over-confident on average (2 dof).
        assertThat(maxNees).isLessThan(13.8);
        assertThat(sumNees / count).isLessThan(2.5);
        EntityTrack last = tracker.confirmedTracksAt(at(119)).get(0);
        assertThat(last.sensorIds()).containsExactly("C1", "C2");
        assertThat(positionDeterminant(last.covariance())).isLessThan(0.5 * rDet);
    }

    @Test
    void twoCrossingLocalTracksKeepTheirEntitiesThroughTheCrossing() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        Random random = new Random(11);
        double sigma = 20;
        String idA = null, idB = null;
        for (int t = 0; t <= 200; t += 2) {
            List<Observation> batch = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                double[] p = CrossingScenario.truth(k, t);
                batch.add(
                        report(
                                "C1",
                                k == 0 ? "11" : "12",
                                t,
                                p[0] + sigma * random.nextGaussian(),
                                p[1] + sigma * random.nextGaussian(),
                                sigma * sigma,
                                0,
                                sigma * sigma));
            }
            tracker.update(batch);
            String a = tracker.entityOfSensorTrack("C1", "11");
            String b = tracker.entityOfSensorTrack("C1", "12");
            assertThat(a).isNotNull().isNotEqualTo(b);
            if (idA == null) {
                idA = a;
                idB = b;
            }
            assertThat(a).as("t=%d", t).isEqualTo(idA);
            assertThat(b).as("t=%d", t).isEqualTo(idB);
        }
        List<EntityTrack> tracks = tracker.confirmedTracksAt(at(200));
        assertThat(tracks).hasSize(2);
        for (EntityTrack track : tracks) {
            double[] truth = CrossingScenario.truth(track.trackId().equals(idA) ? 0 : 1, 200);
            double[] p = en(track);
            assertThat(Math.hypot(p[0] - truth[0], p[1] - truth[1])).isLessThan(60);
        }
    }

    @Test
    void aLocalTrackNumberReusedForAFarTargetIsReassociated() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        for (int t = 0; t < 30; t++) {
            tracker.update(List.of(report("C1", "7", t, 10.0 * t, 0, 400, 0, 400)));
        }
        String first = tracker.entityOfSensorTrack("C1", "7");
        // The sensor drops the track and gives its number to a target 20 km away.
        List<EntityTrack> out =
                tracker.update(List.of(report("C1", "7", 30, -5000, 19000, 400, 0, 400)));
        String second = tracker.entityOfSensorTrack("C1", "7");
        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(out).extracting(EntityTrack::trackId).containsExactly(second);
        double[] p = en(out.get(0));
        assertThat(Math.hypot(p[0] + 5000, p[1] - 19000)).isLessThan(1.0);
        double[] old =
                en(
                        tracker.confirmedTracksAt(at(30)).stream()
                                .filter(x -> x.trackId().equals(first))
                                .findFirst()
                                .orElseThrow());
        assertThat(Math.hypot(old[0] - 300, old[1])).isLessThan(50);
    }

    @Test
    void oneOddReportDoesNotMoveTheAssociationButPersistentDisagreementDoes() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        for (int t = 0; t < 20; t++) {
            tracker.update(List.of(report("C1", "3", t, 0, 0, 400, 0, 400)));
        }
        String entity = tracker.entityOfSensorTrack("C1", "3");
        // 6.3 sigma (on the sum of both covariances) off: beyond the keep gate, not a clear
        // failure.
        tracker.update(List.of(report("C1", "3", 20, 180, 0, 400, 0, 400)));
        assertThat(tracker.entityOfSensorTrack("C1", "3")).isEqualTo(entity);
        tracker.update(List.of(report("C1", "3", 21, 0, 0, 400, 0, 400)));
        assertThat(tracker.entityOfSensorTrack("C1", "3")).isEqualTo(entity);
        String moved = null;
        for (int t = 22; t < 22 + SensorTrackFusion.RELEASE_AFTER_FAILURES; t++) {
            assertThat(tracker.entityOfSensorTrack("C1", "3")).isEqualTo(entity);
            tracker.update(List.of(report("C1", "3", t, 180, 0, 400, 0, 400)));
            moved = tracker.entityOfSensorTrack("C1", "3");
        }
        assertThat(moved).isNotNull().isNotEqualTo(entity);
    }

    @Test
    void aLocalTrackSilentForLongerThanTheTimeoutReleasesItsAssociation() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        tracker.update(List.of(report("C1", "5", 0, 0, 0, 400, 0, 400)));
        assertThat(tracker.entityOfSensorTrack("C1", "5")).isNotNull();
        double timeout = 3 * PARAMS.coastAfterS();
        tracker.advanceTo(at(timeout - 1));
        assertThat(tracker.entityOfSensorTrack("C1", "5")).isNotNull();
        tracker.advanceTo(at(timeout + 1));
        assertThat(tracker.entityOfSensorTrack("C1", "5")).isNull();
    }

    @Test
    void aNewLocalTrackJoinsTheEntityAPlotTrackAlreadyHolds() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        List<List<Observation>> batches = CrossingScenario.batches(3, 60);
        for (List<Observation> batch : batches) {
            tracker.update(batch);
        }
        List<EntityTrack> before = tracker.confirmedTracksAt(at(61));
        assertThat(before).hasSize(2);
        double[] truth = CrossingScenario.truth(0, 61);
        Observation o = report("C9", "1", 61, truth[0] + 5, truth[1] - 5, 100, 0, 100);
        o =
                new Observation(
                        o.observationId(),
                        o.partnerId(),
                        o.sensorId(),
                        o.sensorKind(),
                        o.eventTime(),
                        o.measurement(),
                        new Velocity(8.5, 8.5, 0),
                        null,
                        null,
                        null);
        EntityTrack fused = only(tracker.update(List.of(o)));
        assertThat(before).extracting(EntityTrack::trackId).contains(fused.trackId());
        assertThat(fused.sensorIds()).contains("C9", "R1");
        assertThat(tracker.entityOfSensorTrack("C9", "1")).isEqualTo(fused.trackId());
    }

    @Test
    void snapshotAndRestoreKeepTheAssociationsAndContinueIdentically() {
        List<List<Observation>> batches = mixedBatches();
        int half = batches.size() / 2;
        MultiTargetTracker original = new MultiTargetTracker(PARAMS, REF);
        List<List<EntityTrack>> firstHalf = new ArrayList<>();
        for (List<Observation> batch : batches.subList(0, half)) {
            firstHalf.add(original.update(batch));
        }
        String linked = original.entityOfSensorTrack("C1", "11");
        assertThat(linked).isNotNull();
        byte[] snapshot = original.snapshot();
        MultiTargetTracker restored = MultiTargetTracker.restore(PARAMS, snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.entityOfSensorTrack("C1", "11")).isEqualTo(linked);
        assertThat(restored.entityOfSensorTrack("C1", "12"))
                .isEqualTo(original.entityOfSensorTrack("C1", "12"));
        for (List<Observation> batch : batches.subList(half, batches.size())) {
            assertThat(restored.update(batch)).isEqualTo(original.update(batch));
        }
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        // Same input, same ids: a second uninterrupted run.
        MultiTargetTracker again = new MultiTargetTracker(PARAMS, REF);
        for (int k = 0; k < half; k++) {
            assertThat(again.update(batches.get(k))).isEqualTo(firstHalf.get(k));
        }
    }

    /** The crossing scenario's radar and drone, plus a partner's tracks of both targets. */
    private static List<List<Observation>> mixedBatches() {
        Random random = new Random(5);
        List<List<Observation>> out = new ArrayList<>();
        for (List<Observation> batch : CrossingScenario.batches(2, 200)) {
            out.add(batch);
            if (batch.isEmpty()) {
                continue;
            }
            double t = (batch.get(0).eventTime().toEpochMilli() - T0.toEpochMilli()) / 1000.0;
            if (((int) t) % 4 == 0) {
                List<Observation> reports = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    double[] p = CrossingScenario.truth(k, t + 0.5);
                    reports.add(
                            report(
                                    "C1",
                                    k == 0 ? "11" : "12",
                                    t + 0.5,
                                    p[0] + 15 * random.nextGaussian(),
                                    p[1] + 15 * random.nextGaussian(),
                                    225,
                                    0,
                                    225));
                }
                out.add(reports);
            }
        }
        return out;
    }
}
