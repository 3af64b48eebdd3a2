package io.cordon.pipeline.tracker;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sensor priors of a tracker, with coverages placed in its reference plane. A sensor without a
 * prior gets the default P_D and clutter density, and its coverage is unknown: a track counts as in
 * its view only once the sensor has contributed to it.
 */
final class SensorPriors {
    private final Map<String, Placed> bySensor = new HashMap<>();
    private final double defaultPd;
    private final double defaultClutter;
    private final boolean anyKnown;

    private record Placed(SensorPrior prior, double e, double n, double a, double b, int kind) {}

    SensorPriors(
            List<SensorPrior> priors,
            double defaultPd,
            double defaultClutter,
            LocalTangentPlane plane) {
        this.defaultPd = defaultPd;
        this.defaultClutter = defaultClutter;
        for (SensorPrior p : priors) {
            SensorCoverage c = p.coverage();
            Placed placed;
            if (c instanceof SensorCoverage.Disc d) {
                EnuPoint centre = plane.toEnu(d.centre());
                placed = new Placed(p, centre.eastM(), centre.northM(), d.radiusM(), 0, 1);
            } else if (c instanceof SensorCoverage.Rectangle r) {
                EnuPoint centre = plane.toEnu(r.centre());
                placed =
                        new Placed(
                                p,
                                centre.eastM(),
                                centre.northM(),
                                r.halfEastM(),
                                r.halfNorthM(),
                                2);
            } else {
                placed = new Placed(p, 0, 0, 0, 0, 0);
            }
            bySensor.put(p.sensorId(), placed);
        }
        anyKnown = !priors.isEmpty();
    }

    double detectionProbability(String sensorId) {
        Placed p = bySensor.get(sensorId);
        return p == null ? defaultPd : p.prior.detectionProbability();
    }

    double clutterDensity(String sensorId) {
        Placed p = bySensor.get(sensorId);
        return p == null ? defaultClutter : p.prior.clutterDensityPerM2();
    }

    /** Coverage area of a sensor with a known, bounded coverage, m²; NaN otherwise. */
    double coverageAreaM2(String sensorId) {
        Placed p = bySensor.get(sensorId);
        if (p == null) {
            return Double.NaN;
        }
        return switch (p.kind) {
            case 1 -> Math.PI * p.a * p.a;
            case 2 -> 4 * p.a * p.b;
            default -> Double.NaN;
        };
    }

    /** Whether a target at plane point (e, n) is in view of the sensor. */
    boolean covers(String sensorId, double e, double n, TrackRecord track) {
        Placed p = bySensor.get(sensorId);
        if (p == null) {
            return track.sensorIds.contains(sensorId);
        }
        return switch (p.kind) {
            case 1 -> Math.hypot(e - p.e, n - p.n) <= p.a;
            case 2 -> Math.abs(e - p.e) <= p.a && Math.abs(n - p.n) <= p.b;
            default -> true;
        };
    }

    /**
     * Whether some known sensor covers (e, n); true when no sensor has a known coverage (then the
     * surveillance region is unknown and nothing is outside it).
     */
    boolean anyCovers(double e, double n) {
        if (!anyKnown) {
            return true;
        }
        for (Placed p : bySensor.values()) {
            boolean in =
                    switch (p.kind) {
                        case 1 -> Math.hypot(e - p.e, n - p.n) <= p.a;
                        case 2 -> Math.abs(e - p.e) <= p.a && Math.abs(n - p.n) <= p.b;
                        default -> true;
                    };
            if (in) {
                return true;
            }
        }
        return false;
    }
}
