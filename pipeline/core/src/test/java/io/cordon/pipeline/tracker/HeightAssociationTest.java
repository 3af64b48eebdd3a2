package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A measured height is association evidence ({@link TrackHeight#associationLogRatio}): two drones
 * flying side by side 30 m apart, 250 m apart in height, 15 km from a 3-D radar whose cross-range
 * error (0.25° there: 65 m) is as large as their distance. Their tracks start from a drone sensor's
 * fixes with heights; then only the radar sees them. Each track must keep its own drone's height.
 */
class HeightAssociationTest {
    private static final Instant T0 = CrossingScenario.T0;
    private static final GeoPoint RADAR = CrossingScenario.RADAR;
    private static final LocalTangentPlane AT_RADAR = new LocalTangentPlane(RADAR);
    private static final double LOW_M = RADAR.altM() + 200, HIGH_M = RADAR.altM() + 450;
    private static final double SIGMA_HEIGHT_M = 60;

    /** Drone k's position at t s: 15 km north of the radar, flying east at 12 m/s. */
    private static GeoPoint drone(int k, double t) {
        GeoPoint s = AT_RADAR.surfacePoint(-600 + 12 * t, 15_000 + 30 * k);
        return new GeoPoint(s.latDeg(), s.lonDeg(), k == 0 ? LOW_M : HIGH_M);
    }

    private static Observation radarPlot(GeoPoint target, double t, int k, Random random) {
        EnuPoint p = AT_RADAR.toEnu(target);
        double range = Math.hypot(p.eastM(), p.northM());
        double el = Math.atan2(p.upM(), range);
        double sigmaEl = SIGMA_HEIGHT_M * Math.cos(el) * Math.cos(el) / range;
        double az =
                Math.toDegrees(Math.atan2(p.eastM(), p.northM())) + 0.25 * random.nextGaussian();
        return new Observation(
                "r-" + t + "-" + k,
                "US",
                "R3D",
                SensorKind.GROUND_RADAR,
                T0.plusMillis(Math.round(t * 1000)),
                new RadarPlot(
                        RADAR,
                        range + 15 * random.nextGaussian(),
                        (az + 360) % 360,
                        15,
                        0.25,
                        Math.toDegrees(el + sigmaEl * random.nextGaussian()),
                        Math.toDegrees(sigmaEl)),
                null,
                null,
                null,
                Marking.UNRESTRICTED);
    }

    private static Observation droneFix(GeoPoint target, double t, int k, Random random) {
        EnuPoint p = AT_RADAR.toEnu(target);
        GeoPoint s =
                AT_RADAR.surfacePoint(
                        p.eastM() + 5 * random.nextGaussian(),
                        p.northM() + 5 * random.nextGaussian());
        GeoPoint at =
                new GeoPoint(s.latDeg(), s.lonDeg(), target.altM() + 10 * random.nextGaussian());
        return new Observation(
                "d-" + t + "-" + k,
                "US",
                "D1",
                SensorKind.DRONE,
                T0.plusMillis(Math.round(t * 1000)),
                PositionFix.withHeight(at, 5, 10),
                null,
                null,
                null,
                Marking.UNRESTRICTED);
    }

    /**
     * Over {@code seeds} runs: the share of the radar phase's track updates whose height is within
     * 3 σ of the height of the drone the track started on; [0] that share, [1] updates.
     */
    static double[] ownHeightShare(int seeds) {
        int own = 0, updates = 0;
        for (int seed = 0; seed < seeds; seed++) {
            Random random = new Random(seed);
            MultiTargetTracker tracker =
                    new MultiTargetTracker(TrackerParameters.defaults(), CrossingScenario.REF);
            Map<String, Integer> droneOf = new HashMap<>();
            for (double t = 0; t <= 20; t += 2) {
                List<Observation> batch = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    batch.add(droneFix(drone(k, t), t, k, random));
                }
                for (EntityTrack e : tracker.update(batch)) {
                    double h = e.position().altM();
                    droneOf.put(e.trackId(), Math.abs(h - LOW_M) < Math.abs(h - HIGH_M) ? 0 : 1);
                }
            }
            for (double t = 22; t <= 200; t += 4) {
                List<Observation> batch = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    batch.add(radarPlot(drone(k, t), t, k, random));
                }
                for (EntityTrack e : tracker.update(batch)) {
                    Integer k = droneOf.get(e.trackId());
                    if (k == null || !e.hasMeasuredHeight()) {
                        continue;
                    }
                    updates++;
                    if (Math.abs(e.position().altM() - (k == 0 ? LOW_M : HIGH_M))
                            < 3 * SIGMA_HEIGHT_M) {
                        own++;
                    }
                }
            }
        }
        return new double[] {own / (double) updates, updates};
    }

    @Test
    void eachTrackKeepsItsOwnDronesHeight() {
        // Measured: 100 % of 1 800 updates over 20 seeds; without the height's evidence 71 % (a
        // plot of one drone taken by the other's track pulls it 250 m), 66 % at 15 m apart.
        double[] share = ownHeightShare(20);
        assertThat(share[1]).as("radar-phase updates").isGreaterThan(1500);
        assertThat(share[0]).isGreaterThan(0.98);
    }

    @Test
    void theEvidenceFavoursTheTrackAtTheDetectionsHeight() {
        TrackHeight h = TrackHeight.start(1_500, 20, 0);
        double near = h.associationLogRatio(0, 1_510, 60 * 60);
        double far = h.associationLogRatio(0, 1_760, 60 * 60);
        // ln N(10; 0, 20² + 60²) + ln 3000 against the same at 260 m
        double s = 20 * 20 + 60 * 60;
        assertThat(near)
                .isCloseTo(
                        -0.5 * (100 / s + Math.log(2 * Math.PI * s)) + Math.log(3000),
                        within(1e-12));
        assertThat(near - far).isCloseTo((260.0 * 260 - 100) / (2 * s), within(1e-9));
        assertThat(near).isGreaterThan(0);
        assertThat(far).isLessThan(0);
    }
}
