package io.cordon.pipeline.tracker;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Named fixture: two targets crossing in an X at the plane origin, seen by a radar every 4 s (batch
 * times 0, 4, 8, ...) and by a drone every 2 s at odd seconds, with seeded noise and a little
 * clutter. Target A heads north-east, target B north-west; they cross at t = 100 s.
 */
final class CrossingScenario {
    static final GeoPoint REF = new GeoPoint(31.3333, -110.6, 1200.0);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final LocalTangentPlane PLANE = new LocalTangentPlane(REF);
    static final GeoPoint RADAR = PLANE.toGeodetic(new EnuPoint(-15000, 2000, 30));
    static final double SPEED_MPS = 12.0;

    private CrossingScenario() {}

    /** Truth (e, n) of target 0 (A) or 1 (B) at time t seconds. */
    static double[] truth(int target, double t) {
        double s = SPEED_MPS / Math.sqrt(2);
        double dt = t - 100.0;
        return target == 0 ? new double[] {s * dt, s * dt} : new double[] {-s * dt, s * dt};
    }

    /** Batches in time order up to durationS, each from one sensor at one time. */
    static List<List<Observation>> batches(long seed, double durationS) {
        Random random = new Random(seed);
        List<List<Observation>> out = new ArrayList<>();
        int id = 0;
        for (int t = 0; t <= durationS; t++) {
            if (t % 4 == 0) {
                List<Observation> scan = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    if (random.nextDouble() < 0.95) {
                        scan.add(radarPlot(id++, t, truth(k, t), random, k));
                    }
                }
                if (random.nextDouble() < 0.5) {
                    double[] c = {
                        (random.nextDouble() - 0.5) * 20000, (random.nextDouble() - 0.5) * 20000
                    };
                    scan.add(radarPlot(id++, t, c, random, -1));
                }
                Collections.shuffle(scan, random);
                out.add(scan);
            } else if (t % 2 == 1) {
                List<Observation> frame = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    double[] p = truth(k, t);
                    if (Math.hypot(p[0], p[1]) < 6000 && random.nextDouble() < 0.9) {
                        frame.add(droneFix(id++, t, p, random));
                    }
                }
                Collections.shuffle(frame, random);
                out.add(frame);
            }
        }
        return out;
    }

    private static Observation radarPlot(int id, double t, double[] p, Random random, int target) {
        LocalTangentPlane radarPlane = new LocalTangentPlane(RADAR);
        EnuPoint q = radarPlane.toEnu(PLANE.surfacePoint(p[0], p[1]));
        double range = Math.hypot(q.eastM(), q.northM()) + 15 * random.nextGaussian();
        double az =
                Math.toDegrees(Math.atan2(q.eastM(), q.northM())) + 0.25 * random.nextGaussian();
        az = ((az % 360) + 360) % 360;
        CooperativeIdentity identity =
                target == 0
                        ? new CooperativeIdentity("367000001", "", "", "")
                        : CooperativeIdentity.NONE;
        return new Observation(
                "r" + id,
                "US",
                "R1",
                SensorKind.GROUND_RADAR,
                T0.plusSeconds((long) t),
                new RadarPlot(RADAR, range, az, 15, 0.25),
                null,
                identity,
                null,
                Marking.releasableTo(List.of("US", "MX")));
    }

    private static Observation droneFix(int id, double t, double[] p, Random random) {
        GeoPoint g =
                PLANE.surfacePoint(
                        p[0] + 10 * random.nextGaussian(), p[1] + 10 * random.nextGaussian());
        return new Observation(
                "d" + id,
                "MX",
                "D1",
                SensorKind.DRONE,
                T0.plusSeconds((long) t),
                PositionFix.isotropic(g, 10),
                null,
                null,
                null,
                Marking.releasableTo(List.of("MX")));
    }
}
