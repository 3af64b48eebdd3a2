package io.cordon.pipeline.simulation;

import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Targets near a border that runs east-west through the reference point, seen by the configured
 * sensors.
 *
 * <p>Targets: a fraction cross the border (start 0.3 to 2 km from it and head across at 2 to 12
 * m/s, the speeds of people on foot and vehicles off road); the others move roughly parallel to it.
 * All are born in the first 20 % of the run and live to its end.
 *
 * <p>Sensors: each scans every {@code periodS} with a phase derived from its id. A target within
 * {@code rangeM} of the sensor is detected with probability {@code detectionProbability}; radars
 * report range and azimuth in their own tangent plane with Gaussian noise, other sensors a position
 * fix with isotropic noise {@code sigmaPositionM}. Clutter is Poisson with mean {@code
 * clutterPerScan}, uniform over the coverage disc. Every random draw depends only on the seed, the
 * sensor and the scan, so observations for any time window are reproducible in any order of calls.
 */
public final class BorderSimulation {
    private final List<SensorConfig> sensors;
    private final LocalTangentPlane plane;
    private final Instant epoch;
    private final long seed;
    private final List<SimulatedTarget> targets;

    /**
     * @param sensors the sensors that observe
     * @param reference origin of the simulation plane; the border is the parallel through it
     * @param epoch time zero of the simulation
     * @param seed random seed
     * @param targetCount number of targets
     * @param crossingFraction fraction of targets that cross the border, [0, 1]
     * @param durationS length of the run, seconds
     */
    public BorderSimulation(
            List<SensorConfig> sensors,
            GeoPoint reference,
            Instant epoch,
            long seed,
            int targetCount,
            double crossingFraction,
            double durationS) {
        this.sensors = List.copyOf(sensors);
        this.plane = new LocalTangentPlane(reference);
        this.epoch = epoch;
        this.seed = seed;
        this.targets = generateTargets(seed, targetCount, crossingFraction, durationS);
    }

    public List<SimulatedTarget> targets() {
        return targets;
    }

    public Instant epoch() {
        return epoch;
    }

    /** The truth: each crossing target's crossing time, seconds since epoch (NaN if none). */
    public double crossingTimeS(SimulatedTarget target) {
        return target.crossingTimeS(0.0);
    }

    private List<SimulatedTarget> generateTargets(
            long seed, int count, double crossingFraction, double durationS) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int crossers = (int) Math.round(count * crossingFraction);
        List<SimulatedTarget> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double born = rnd.nextDouble(0, 0.2 * durationS);
            double east = rnd.nextDouble(-20_000, 20_000);
            double speed = rnd.nextDouble(2, 12);
            boolean northbound = rnd.nextBoolean();
            if (i < crossers) {
                double distance = rnd.nextDouble(300, 2_000);
                double heading = Math.toRadians(rnd.nextDouble(-30, 30));
                double sign = northbound ? 1 : -1;
                result.add(
                        new SimulatedTarget(
                                "truth-" + i,
                                speed > 6 ? TargetClass.LAND_VEHICLE : TargetClass.PERSON,
                                east,
                                -sign * distance,
                                speed * Math.sin(heading),
                                sign * speed * Math.cos(heading),
                                born,
                                durationS));
            } else {
                double north = (northbound ? 1 : -1) * rnd.nextDouble(3_000, 12_000);
                double heading =
                        Math.toRadians(90 + rnd.nextDouble(-20, 20)) * (rnd.nextBoolean() ? 1 : -1);
                result.add(
                        new SimulatedTarget(
                                "truth-" + i,
                                TargetClass.LAND_VEHICLE,
                                east,
                                north,
                                speed * Math.sin(heading),
                                // keep parallel movers on their side of the border for the whole
                                // run
                                Math.signum(north) * Math.abs(speed * Math.cos(heading)),
                                born,
                                durationS));
            }
        }
        return List.copyOf(result);
    }

    /** Every observation with scan time in (fromS, toS], ordered by time then sensor. */
    public List<Observation> observationsBetween(double fromS, double toS) {
        List<Observation> out = new ArrayList<>();
        List<double[]> scans = new ArrayList<>();
        for (int s = 0; s < sensors.size(); s++) {
            SensorConfig sensor = sensors.get(s);
            double period = sensor.periodS();
            double phase = phaseS(sensor);
            long first = (long) Math.floor((fromS - phase) / period) + 1;
            for (long k = Math.max(first, 0); phase + k * period <= toS; k++) {
                double t = phase + k * period;
                if (t > fromS) {
                    scans.add(new double[] {t, s});
                }
            }
        }
        scans.sort(
                (a, b) ->
                        a[0] != b[0]
                                ? Double.compare(a[0], b[0])
                                : sensors.get((int) a[1])
                                        .id()
                                        .compareTo(sensors.get((int) b[1]).id()));
        for (double[] scan : scans) {
            scan(sensors.get((int) scan[1]), scan[0], out);
        }
        return out;
    }

    private static double phaseS(SensorConfig sensor) {
        return Math.floorMod(sensor.id().hashCode(), 1000) / 1000.0 * sensor.periodS();
    }

    private void scan(SensorConfig sensor, double tS, List<Observation> out) {
        long millis = Math.round(tS * 1000);
        Instant time = epoch.plusMillis(millis);
        SplittableRandom rnd =
                new SplittableRandom(
                        seed ^ (sensor.id().hashCode() * 0x9E3779B97F4A7C15L) ^ millis);
        LocalTangentPlane sensorPlane = new LocalTangentPlane(sensor.position());
        EnuPoint sensorInRef = plane.toEnu(sensor.position());
        int index = 0;
        for (SimulatedTarget target : targets) {
            if (!target.aliveAt(tS)) {
                continue;
            }
            double e = target.eastAt(tS);
            double n = target.northAt(tS);
            if (Math.hypot(e - sensorInRef.eastM(), n - sensorInRef.northM()) > sensor.rangeM()
                    || rnd.nextDouble() > sensor.detectionProbability()) {
                continue;
            }
            GeoPoint truth = plane.surfacePoint(e, n);
            out.add(observation(sensor, time, millis, index++, truth, sensorPlane, rnd));
        }
        int clutter = poisson(rnd, sensor.clutterPerScan());
        for (int c = 0; c < clutter; c++) {
            double r = sensor.rangeM() * Math.sqrt(rnd.nextDouble());
            double a = rnd.nextDouble(0, 2 * Math.PI);
            GeoPoint where =
                    plane.surfacePoint(
                            sensorInRef.eastM() + r * Math.sin(a),
                            sensorInRef.northM() + r * Math.cos(a));
            out.add(observation(sensor, time, millis, index++, where, sensorPlane, rnd));
        }
    }

    private Observation observation(
            SensorConfig sensor,
            Instant time,
            long millis,
            int index,
            GeoPoint truth,
            LocalTangentPlane sensorPlane,
            SplittableRandom rnd) {
        String id = sensor.id() + "-" + millis + "-" + index;
        if (sensor.kind() == SensorKind.GROUND_RADAR) {
            EnuPoint local = sensorPlane.toEnu(truth);
            double range =
                    Math.max(0, local.horizontalRangeM() + gaussian(rnd) * sensor.sigmaRangeM());
            double azimuth =
                    Math.toDegrees(Math.atan2(local.eastM(), local.northM()))
                            + gaussian(rnd) * sensor.sigmaAzimuthDeg();
            azimuth = ((azimuth % 360) + 360) % 360;
            if (azimuth >= 360) {
                azimuth = 0;
            }
            return new Observation(
                    id,
                    sensor.partnerId(),
                    sensor.id(),
                    sensor.kind(),
                    time,
                    new RadarPlot(
                            sensor.position(),
                            range,
                            azimuth,
                            sensor.sigmaRangeM(),
                            sensor.sigmaAzimuthDeg()),
                    null,
                    null,
                    null,
                    sensor.releasability());
        }
        EnuPoint p = plane.toEnu(truth);
        double sigma = sensor.sigmaPositionM();
        GeoPoint measured =
                plane.surfacePoint(
                        p.eastM() + gaussian(rnd) * sigma, p.northM() + gaussian(rnd) * sigma);
        return new Observation(
                id,
                sensor.partnerId(),
                sensor.id(),
                sensor.kind(),
                time,
                PositionFix.isotropic(measured, sigma),
                null,
                null,
                null,
                sensor.releasability());
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int poisson(SplittableRandom rnd, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l && k < 10_000);
        return k - 1;
    }
}
