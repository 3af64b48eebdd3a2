package io.cordon.pipeline.fusion.tiling;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.tracker.SensorCoverage;
import io.cordon.pipeline.tracker.SensorPrior;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Named fixture: targets on scripted paths in the fusion plane, seen by a distant radar every 4 s
 * (range-azimuth plots, P_D 0.9) and by a wide-area position sensor every 2 s at odd seconds (fixes
 * with 30 m noise, P_D 0.8), with seeded noise and Poisson clutter uniform over the 60 km × 60 km
 * region ({@link #SPARSE}: 4 plots per radar scan and 0.5 fixes per frame; {@link #DENSE}: 60 and
 * 30, so that every tile of the region receives some of every scan).
 */
final class TileScenario {
    static final GeoPoint REF = new GeoPoint(31.3333, -110.6, 1200.0);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final LocalTangentPlane PLANE = new LocalTangentPlane(REF);
    static final GeoPoint RADAR = PLANE.surfacePoint(-5000, -45000);
    static final double REGION_HALF_M = 30000;

    /** Mean clutter per radar scan and per wide-area frame over the whole region. */
    record Clutter(double perRadarScan, double perFrame) {}

    static final Clutter SPARSE = new Clutter(4, 0.5);
    static final Clutter DENSE = new Clutter(60, 30);

    /** A target's position at t seconds, or null while it does not exist. */
    interface Path {
        double[] at(double tS);
    }

    /** A straight line from (e0, n0) at time born to (e1, n1) at time dies. */
    static Path line(double e0, double n0, double e1, double n1, double bornS, double diesS) {
        return t -> {
            if (t < bornS || t > diesS) {
                return null;
            }
            double f = (t - bornS) / (diesS - bornS);
            return new double[] {e0 + f * (e1 - e0), n0 + f * (n1 - n0)};
        };
    }

    /**
     * Along the parallel {@code northM} from e0 to e1, weaving across it with the given amplitude
     * and period: a target going back and forth over a tile edge.
     */
    static Path weave(
            double e0,
            double e1,
            double northM,
            double amplitudeM,
            double periodS,
            double bornS,
            double diesS) {
        return t -> {
            if (t < bornS || t > diesS) {
                return null;
            }
            double f = (t - bornS) / (diesS - bornS);
            return new double[] {
                e0 + f * (e1 - e0),
                northM + amplitudeM * Math.sin(2 * Math.PI * (t - bornS) / periodS)
            };
        };
    }

    /**
     * {@code count} targets on straight lines at 3 to 15 m/s in random directions, born in the
     * first 200 s at random places of the inner 50 km × 50 km, living 300 to 800 s.
     */
    static List<Path> randomTargets(long seed, int count) {
        Random random = new Random(seed);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double e0 = (random.nextDouble() * 2 - 1) * 25000;
            double n0 = (random.nextDouble() * 2 - 1) * 25000;
            double speed = 3 + 12 * random.nextDouble();
            double heading = random.nextDouble() * 2 * Math.PI;
            double born = random.nextDouble() * 200;
            double life = 300 + 500 * random.nextDouble();
            out.add(
                    line(
                            e0,
                            n0,
                            e0 + speed * life * Math.sin(heading),
                            n0 + speed * life * Math.cos(heading),
                            born,
                            born + life));
        }
        return out;
    }

    static TrackerParameters parameters() {
        return parameters(SPARSE);
    }

    static TrackerParameters parameters(Clutter clutter) {
        double area = 4 * REGION_HALF_M * REGION_HALF_M;
        return TrackerParameters.defaults()
                .withSensors(
                        List.of(
                                new SensorPrior(
                                        "R1",
                                        0.9,
                                        clutter.perRadarScan() / area,
                                        new SensorCoverage.Disc(RADAR, 90000)),
                                new SensorPrior(
                                        "W1",
                                        0.8,
                                        clutter.perFrame() / area,
                                        new SensorCoverage.Rectangle(
                                                REF, REGION_HALF_M, REGION_HALF_M))));
    }

    /** Observations by event time up to durationS. */
    static TreeMap<Instant, List<Observation>> observations(
            List<Path> targets, long seed, double durationS) {
        return observations(targets, seed, durationS, SPARSE);
    }

    static TreeMap<Instant, List<Observation>> observations(
            List<Path> targets, long seed, double durationS, Clutter clutter) {
        Random random = new Random(seed);
        LocalTangentPlane radarPlane = new LocalTangentPlane(RADAR);
        TreeMap<Instant, List<Observation>> out = new TreeMap<>();
        int id = 0;
        for (int t = 0; t <= durationS; t++) {
            List<Observation> batch = new ArrayList<>();
            if (t % 4 == 0) {
                for (Path p : targets) {
                    double[] x = p.at(t);
                    if (x != null && random.nextDouble() < 0.9) {
                        batch.add(radarPlot(id++, t, x, random, radarPlane));
                    }
                }
                for (int k = poisson(random, clutter.perRadarScan()); k > 0; k--) {
                    batch.add(radarPlot(id++, t, uniform(random), random, radarPlane));
                }
            } else if (t % 2 == 1) {
                for (Path p : targets) {
                    double[] x = p.at(t);
                    if (x != null && random.nextDouble() < 0.8) {
                        batch.add(fix(id++, t, x, random));
                    }
                }
                for (int k = poisson(random, clutter.perFrame()); k > 0; k--) {
                    batch.add(fix(id++, t, uniform(random), random));
                }
            }
            if (!batch.isEmpty()) {
                out.put(T0.plusSeconds(t), batch);
            }
        }
        return out;
    }

    private static int poisson(Random random, double mean) {
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static double[] uniform(Random random) {
        return new double[] {
            (random.nextDouble() * 2 - 1) * REGION_HALF_M,
            (random.nextDouble() * 2 - 1) * REGION_HALF_M
        };
    }

    private static Observation radarPlot(
            int id, int t, double[] p, Random random, LocalTangentPlane radarPlane) {
        EnuPoint q = radarPlane.toEnu(PLANE.surfacePoint(p[0], p[1]));
        double range = Math.hypot(q.eastM(), q.northM()) + 15 * random.nextGaussian();
        double az = Math.toDegrees(Math.atan2(q.eastM(), q.northM())) + 0.1 * random.nextGaussian();
        az = ((az % 360) + 360) % 360;
        return new Observation(
                "r" + id,
                "usa",
                "R1",
                SensorKind.GROUND_RADAR,
                T0.plusSeconds(t),
                new RadarPlot(RADAR, range, az, 15, 0.1),
                null,
                null,
                null,
                null);
    }

    private static Observation fix(int id, int t, double[] p, Random random) {
        GeoPoint g =
                PLANE.surfacePoint(
                        p[0] + 30 * random.nextGaussian(), p[1] + 30 * random.nextGaussian());
        return new Observation(
                "w" + id,
                "mex",
                "W1",
                SensorKind.DRONE,
                T0.plusSeconds(t),
                PositionFix.isotropic(g, 30),
                null,
                null,
                null,
                null);
    }

    private TileScenario() {}
}
