package io.cordon.jobs.bench;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A load generator for the fusion benchmark: {@code targets} targets at constant velocity spread
 * over a box around the reference, reported as position fixes with 10 m noise by one of four
 * quadrant sensors, every target once per frame. The frame period sets the rate: rate = targets /
 * period. Deterministic for a seed.
 */
final class SyntheticTargets {
    static final double HALF_EAST_M = 40_000;
    static final double HALF_NORTH_M = 30_000;
    static final double SIGMA_M = 10;

    private final LocalTangentPlane plane;
    private final double[] east;
    private final double[] north;
    private final double[] velocityEast;
    private final double[] velocityNorth;
    private final SplittableRandom noise;

    SyntheticTargets(GeoPoint reference, int targets, long seed) {
        plane = new LocalTangentPlane(reference);
        SplittableRandom rnd = new SplittableRandom(seed);
        east = new double[targets];
        north = new double[targets];
        velocityEast = new double[targets];
        velocityNorth = new double[targets];
        for (int i = 0; i < targets; i++) {
            east[i] = rnd.nextDouble(-HALF_EAST_M, HALF_EAST_M);
            north[i] = rnd.nextDouble(-HALF_NORTH_M, HALF_NORTH_M);
            double speed = rnd.nextDouble(3, 15);
            double heading = rnd.nextDouble(0, 2 * Math.PI);
            velocityEast[i] = speed * Math.sin(heading);
            velocityNorth[i] = speed * Math.cos(heading);
        }
        noise = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    int targets() {
        return east.length;
    }

    /**
     * One frame at {@code time}, {@code dtS} seconds after the previous: every target reported
     * once.
     */
    List<Observation> frame(Instant time, double dtS, long frameIndex) {
        List<Observation> out = new ArrayList<>(east.length);
        for (int i = 0; i < east.length; i++) {
            east[i] += velocityEast[i] * dtS;
            north[i] += velocityNorth[i] * dtS;
            if (Math.abs(east[i]) > HALF_EAST_M) {
                velocityEast[i] = -velocityEast[i];
            }
            if (Math.abs(north[i]) > HALF_NORTH_M) {
                velocityNorth[i] = -velocityNorth[i];
            }
            String sensor = "bench-" + (east[i] < 0 ? "w" : "e") + (north[i] < 0 ? "s" : "n");
            GeoPoint measured =
                    plane.surfacePoint(
                            east[i] + gaussian() * SIGMA_M, north[i] + gaussian() * SIGMA_M);
            out.add(
                    new Observation(
                            sensor + "-" + frameIndex + "-" + i,
                            "bench",
                            sensor,
                            SensorKind.DRONE,
                            time,
                            PositionFix.isotropic(measured, SIGMA_M),
                            null,
                            null,
                            null,
                            Marking.UNRESTRICTED));
        }
        return out;
    }

    private double gaussian() {
        double u1 = 1.0 - noise.nextDouble();
        double u2 = noise.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
