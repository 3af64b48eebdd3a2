package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
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
}
