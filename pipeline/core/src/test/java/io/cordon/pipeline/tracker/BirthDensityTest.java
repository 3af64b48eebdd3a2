package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The least density of new targets follows the tracker's own recent births: where targets are
 * rarely born a new detection is less credible than where many are, except near a lost track, where
 * a lost target may reappear.
 */
class BirthDensityTest {
    private static final GeoPoint RADAR =
            CrossingScenario.PLANE.toGeodetic(new EnuPoint(-25000, 0, 30));
    private static final LocalTangentPlane RADAR_PLANE = new LocalTangentPlane(RADAR);
    private static final TrackerParameters PARAMS =
            TrackerParameters.defaults()
                    .withSensors(
                            List.of(
                                    new SensorPrior(
                                            "R1",
                                            0.9,
                                            5e-9,
                                            new SensorCoverage.Disc(RADAR, 28000))));

    private int id;

    /** A noise-free plot of the point (east, north) of the scenario plane at t. */
    private Observation plot(int t, double east, double north) {
        EnuPoint q = RADAR_PLANE.toEnu(CrossingScenario.PLANE.surfacePoint(east, north));
        double az = Math.toDegrees(Math.atan2(q.eastM(), q.northM()));
        return new Observation(
                "p" + id++,
                "US",
                "R1",
                SensorKind.GROUND_RADAR,
                CrossingScenario.T0.plusSeconds(t),
                new RadarPlot(RADAR, Math.hypot(q.eastM(), q.northM()), (az + 360) % 360, 15, 0.25),
                null,
                null,
                null,
                Marking.releasableTo(List.of("US")));
    }

    /** The existence of the track that the plot {@code plotId} of this scan starts. */
    private static double newTrackExistence(
            MultiTargetTracker tracker, List<Observation> scan, String plotId) {
        String newId = TrackIds.derive("R1", scan.get(0).eventTime(), plotId);
        for (EntityTrack e : tracker.update(scan)) {
            if (e.trackId().equals(newId)) {
                return tracker.existenceProbability(newId);
            }
        }
        throw new AssertionError("no new track for " + plotId);
    }

    private double existenceOfANewPlotAfter(boolean busy) {
        return existenceOfANewPlotAfter(busy ? 10 : 0, null);
    }

    /**
     * Runs scans every 4 s up to t = 96 s: {@code targets} targets 2 km apart (west of the plane's
     * origin) are born from t = 60 s and seen in every scan ({@code targets} confirmed births in
     * the last minute); with none, the scans are empty. Then one new plot far from them at t = 100
     * s: its track's initial existence. The tracker is restricted to {@code region} unless null.
     */
    private double existenceOfANewPlotAfter(int targets, MultiTargetTracker.Region region) {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
        tracker.reportTentative(true); // the tests read the new tracks' existence
        if (region != null) {
            tracker.restrictTo(region);
        }
        boolean busy = targets > 0;
        for (int t = 0; t <= 96; t += 4) {
            List<Observation> scan = new ArrayList<>();
            if (busy && t >= 60) {
                for (int k = 0; k < targets; k++) {
                    scan.add(plot(t, -20000 + 2000 * k, 8000));
                }
            }
            if (scan.isEmpty()) {
                tracker.emptyScan("R1", CrossingScenario.T0.plusSeconds(t));
            } else {
                tracker.update(scan);
            }
        }
        if (busy) {
            assertThat(tracker.confirmedTracksAt(CrossingScenario.T0.plusSeconds(96)))
                    .hasSize(targets);
        }
        List<Observation> scan = new ArrayList<>();
        if (busy) {
            for (int k = 0; k < targets; k++) {
                scan.add(plot(100, -20000 + 2000 * k, 8000));
            }
        }
        Observation lone = plot(100, -5000, -6000);
        scan.add(lone);
        return newTrackExistence(tracker, scan, lone.observationId());
    }

    @Test
    void aNewDetectionIsLessCredibleWhereTargetsAreRarelyBorn() {
        double quiet = existenceOfANewPlotAfter(false);
        double busy = existenceOfANewPlotAfter(true);
        assertThat(quiet).isLessThan(busy);
        // A tenth of the density: existence β / (β + clutter) about a tenth when β << clutter.
        assertThat(quiet / busy).isBetween(0.08, 0.2);
    }

    @Test
    void aDetectionNearALostTrackIsAsCredibleAsWithTheDefaultDensity() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
        tracker.reportTentative(true); // the tests read the new tracks' existence
        // A target moving east at 10 m/s, seen until t = 40 s, then dark; scans go on empty.
        for (int t = 0; t <= 40; t += 4) {
            tracker.update(List.of(plot(t, -8000 + 10.0 * t, 0)));
        }
        assertThat(tracker.confirmedTracksAt(CrossingScenario.T0.plusSeconds(40))).hasSize(1);
        for (int t = 44; t <= 136; t += 4) {
            tracker.emptyScan("R1", CrossingScenario.T0.plusSeconds(t));
        }
        // At 140 s its birth is more than a minute old: no recent births. It reappears where it
        // would be, and a plot far from it appears in the same scan.
        Observation near = plot(140, -8000 + 10.0 * 140, 0);
        Observation far = plot(140, -2000, -9000);
        List<Observation> scan = List.of(near, far);
        List<EntityTrack> out = tracker.update(scan);
        double nearExistence = Double.NaN, farExistence = Double.NaN;
        for (EntityTrack e : out) {
            if (e.trackId().equals(TrackIds.derive("R1", near.eventTime(), near.observationId()))) {
                nearExistence = tracker.existenceProbability(e.trackId());
            }
            if (e.trackId().equals(TrackIds.derive("R1", far.eventTime(), far.observationId()))) {
                farExistence = tracker.existenceProbability(e.trackId());
            }
        }
        assertThat(farExistence).isGreaterThan(0);
        assertThat(nearExistence).isGreaterThan(5 * farExistence);
    }

    /**
     * A target moving east at 10 m/s from (-8000, 0), seen every 4 s until t = 12 s (its velocity
     * known only roughly), then dark (empty scans); at t = 180 s a plot at (east, north), at 184 s
     * an empty scan (the plot's track missed once), at 188 s a plot 80 m further east. Returns what
     * the 188 s scan reports; {@code firstId} receives the target's first track id.
     */
    private List<EntityTrack> seenMissedSeenAfterADarkInterval(
            double east, double north, List<String> firstId) {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
        tracker.reportTentative(true); // the tests read the new tracks' existence
        for (int t = 0; t <= 12; t += 4) {
            tracker.update(List.of(plot(t, -8000 + 10.0 * t, 0)));
        }
        List<EntityTrack> seen = tracker.confirmedTracksAt(CrossingScenario.T0.plusSeconds(12));
        assertThat(seen).hasSize(1);
        firstId.add(seen.get(0).trackId());
        for (int t = 16; t < 180; t += 4) {
            tracker.emptyScan("R1", CrossingScenario.T0.plusSeconds(t));
        }
        tracker.update(List.of(plot(180, east, north)));
        tracker.emptyScan("R1", CrossingScenario.T0.plusSeconds(184));
        return tracker.update(List.of(plot(188, east + 80, north)));
    }

    @Test
    void aReappearingTargetMissedOnceIsFoundByItsLostTrackAtItsSecondPlot() {
        // It reappears 500 m north of where it would be on its old course: too far for its lost
        // track to take the plot, inside that track's reach. The new track of the 180 s plot
        // survives the miss at 184 s, is confirmed by the 188 s plot and hands its estimate to the
        // lost track, which keeps its id (deleted at its miss, the new track's successor would be
        // confirmed only at 192 s).
        List<String> firstId = new ArrayList<>();
        double east = -8000 + 10.0 * 180;
        assertThat(seenMissedSeenAfterADarkInterval(east, 500, firstId))
                .anySatisfy(
                        e -> {
                            assertThat(e.trackId()).isEqualTo(firstId.get(0));
                            assertThat(e.status()).isEqualTo(TrackStatus.CONFIRMED);
                            assertThat(distance(e, east + 80, 500)).isLessThan(150);
                        });
        // 12 km east of it, beyond its reach: the first plot's track dies at its miss, the second
        // plot starts a new one, not confirmed, and the lost track is not found.
        firstId.clear();
        assertThat(seenMissedSeenAfterADarkInterval(5000, 500, firstId))
                .noneMatch(e -> e.status() == TrackStatus.CONFIRMED);
    }

    private static double distance(EntityTrack e, double east, double north) {
        EnuPoint p = CrossingScenario.PLANE.toEnu(e.position());
        return Math.hypot(p.eastM() - east, p.northM() - north);
    }

    /**
     * Existence of the track that a plot at (-7700, 1500) starts at t = 140 s, after radar scans
     * every 4 s that show, when {@code target}, a target moving east at 10 m/s until t = 40 s (last
     * seen at (-7600, 0), its track's cheap prediction reaches the plot), and are empty otherwise;
     * the tracker receives only the plots west of {@code observedBelowEastM} when that is finite.
     */
    private double existenceBesideALostTrack(double observedBelowEastM, boolean target) {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
        tracker.reportTentative(true); // the tests read the new tracks' existence
        if (Double.isFinite(observedBelowEastM)) {
            tracker.observesOnly((e, n) -> e < observedBelowEastM);
        }
        for (int t = 0; t <= 136; t += 4) {
            if (target && t <= 40) {
                tracker.update(List.of(plot(t, -8000 + 10.0 * t, 0)));
            } else {
                tracker.emptyScan("R1", CrossingScenario.T0.plusSeconds(t));
            }
        }
        if (target) {
            assertThat(tracker.confirmedTracksAt(CrossingScenario.T0.plusSeconds(40))).hasSize(1);
        }
        Observation beside = plot(140, -7700, 1500);
        String newId = TrackIds.derive("R1", beside.eventTime(), beside.observationId());
        assertThat(tracker.update(List.of(beside))).anyMatch(e -> e.trackId().equals(newId));
        double existence = tracker.existenceProbability(newId);
        assertThat(existence).isBetween(0.0, 1.0);
        return existence;
    }

    @Test
    void aTrackLostWhereTheTrackerReceivesNothingDoesNotRaiseTheDensityBesideIt() {
        // The single tracker: the target went dark inside its view, a plot beside its prediction
        // may be the target again (the least density, a tenth here, does not hold there).
        double whole = existenceBesideALostTrack(Double.POSITIVE_INFINITY, true);
        assertThat(whole)
                .isGreaterThan(5 * existenceBesideALostTrack(Double.POSITIVE_INFINITY, false));
        // A tile that receives the plots west of -7580 m only: the track was last seen 20 m from
        // the edge and went on east, out of what the tile receives (as a replica of a target that
        // went on into the neighbour tile); the plot beside it is judged as without the track.
        assertThat(existenceBesideALostTrack(-7580, true))
                .isCloseTo(
                        existenceBesideALostTrack(-7580, false),
                        org.assertj.core.data.Percentage.withPercentage(1));
        // The same tile with the target lost 1.4 km inside its area keeps the exception.
        assertThat(existenceBesideALostTrack(-6200, true))
                .isGreaterThan(5 * existenceBesideALostTrack(-6200, false));
    }

    @Test
    void aTileDoesNotCountOneBirthInItsRegion() {
        // The western half of the radar's coverage (about 1.2e9 m²): ten births in the last 45 s
        // put the least density at the parameter, one birth is discounted (over a tile's area it
        // would otherwise lift the least density to several times its floor).
        MultiTargetTracker.Region west = (e, n) -> e < 0;
        double quiet = existenceOfANewPlotAfter(0, west);
        double one = existenceOfANewPlotAfter(1, west);
        double busy = existenceOfANewPlotAfter(10, west);
        assertThat(one).isCloseTo(quiet, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(quiet / busy).isBetween(0.08, 0.2);
        // The single tracker counts every birth: one birth over the whole coverage raises it.
        assertThat(existenceOfANewPlotAfter(1, null)).isGreaterThan(1.05 * quiet);
    }

    /** A drone over (-8, -5) km, 6 km footprint, 2 clutter plots expected per frame. */
    private static final double DRONE_RADIUS_M = 6000;

    private static final double DRONE_CLUTTER_PER_FRAME = 2;

    private static final TrackerParameters DRONE_PARAMS =
            TrackerParameters.defaults()
                    .withSensors(
                            List.of(
                                    new SensorPrior(
                                            "D1",
                                            0.85,
                                            DRONE_CLUTTER_PER_FRAME
                                                    / (Math.PI * DRONE_RADIUS_M * DRONE_RADIUS_M),
                                            new SensorCoverage.Disc(
                                                    CrossingScenario.PLANE.surfacePoint(
                                                            -8000, -5000),
                                                    DRONE_RADIUS_M))));

    /** A drone fix (σ 10 m) at the point (east, north) of the scenario plane at t. */
    private Observation fix(int t, double east, double north) {
        return new Observation(
                "f" + id++,
                "US",
                "D1",
                SensorKind.DRONE,
                CrossingScenario.T0.plusSeconds(t),
                new PositionFix(CrossingScenario.PLANE.surfacePoint(east, north), 100, 0, 100),
                null,
                null,
                null,
                Marking.releasableTo(List.of("US")));
    }

    /**
     * The initial existence of each track that a drone frame of {@code count} detections 1.5 km
     * apart starts at t = 62 s, after {@code quietS} s of empty frames (every 2 s).
     */
    private double[] existencesOfAFrame(int quietS, int count) {
        MultiTargetTracker tracker = new MultiTargetTracker(DRONE_PARAMS, CrossingScenario.REF);
        tracker.reportTentative(true); // the tests read the new tracks' existence
        for (int t = 0; t < quietS; t += 2) {
            tracker.emptyScan("D1", CrossingScenario.T0.plusSeconds(t));
        }
        List<Observation> frame = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            frame.add(fix(quietS, -11500 + 1000 * (k % 7), -8000 + 1500 * (k / 7)));
        }
        List<EntityTrack> out = tracker.update(frame);
        double[] existences = new double[count];
        for (int k = 0; k < count; k++) {
            Observation o = frame.get(k);
            String newId = TrackIds.derive("D1", o.eventTime(), o.observationId());
            assertThat(out).anyMatch(e -> e.trackId().equals(newId));
            existences[k] = tracker.existenceProbability(newId);
        }
        return existences;
    }

    @Test
    void aBurstOfClutterInADroneFrameIsNotTakenForNewTargets() {
        // Seven unassigned plots where two clutter plots are expected: 7 - 2 - 2 √2 = 2.17 beyond
        // the margin, so each is a target with probability 2.17 / 7 = 0.31, not the 0.52 that
        // 2.17 targets spread over the footprint against its clutter density gave.
        double excessShare = (7 - 2 - 2 * Math.sqrt(2)) / 7;
        for (double existence : existencesOfAFrame(60, 7)) {
            assertThat(existence).isBetween(0.8 * excessShare, excessShare + 1e-9);
        }
        // A frame full of new targets (start-up: 28 plots) still starts credible tracks.
        for (double existence : existencesOfAFrame(0, 28)) {
            assertThat(existence).isGreaterThan(0.8);
        }
    }
}
