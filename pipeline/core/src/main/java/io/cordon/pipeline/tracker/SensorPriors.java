package io.cordon.pipeline.tracker;

import io.cordon.pipeline.filter.MeasurementModel;
import io.cordon.pipeline.filter.RangeAzimuthMeasurement;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.SensorKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sensor priors of a tracker, with coverages placed in its reference plane. A sensor without a
 * prior gets the default P_D and clutter density, and its coverage is unknown: a track counts as in
 * its view only once the sensor has contributed to it. Known sensors are numbered (their order in
 * the parameters) so the hot path looks them up once per batch.
 */
final class SensorPriors {
    static final int UNKNOWN = -1;
    private static final int EVERYWHERE = 0, DISC = 1, RECTANGLE = 2;

    private final Map<String, Integer> index = new HashMap<>();
    private final double[] pd, clutter, e, n, a, b;
    private final int[] kind;
    // each sensor's kind when it is cooperative (AIS, ADS-B), else null
    private final SensorKind[] cooperative;
    private final double defaultPd;
    private final double defaultClutter;
    private final boolean anyKnown;

    SensorPriors(
            List<SensorPrior> priors,
            double defaultPd,
            double defaultClutter,
            LocalTangentPlane plane) {
        this.defaultPd = defaultPd;
        this.defaultClutter = defaultClutter;
        int count = priors.size();
        pd = new double[count];
        clutter = new double[count];
        e = new double[count];
        n = new double[count];
        a = new double[count];
        b = new double[count];
        kind = new int[count];
        cooperative = new SensorKind[count];
        for (int k = 0; k < count; k++) {
            SensorPrior p = priors.get(k);
            cooperative[k] = p.kind() != null && p.kind().cooperative() ? p.kind() : null;
            pd[k] = p.detectionProbability();
            clutter[k] = p.clutterDensityPerM2();
            SensorCoverage c = p.coverage();
            if (c instanceof SensorCoverage.Disc d) {
                EnuPoint centre = plane.toEnu(d.centre());
                e[k] = centre.eastM();
                n[k] = centre.northM();
                a[k] = d.radiusM();
                kind[k] = DISC;
            } else if (c instanceof SensorCoverage.Rectangle r) {
                EnuPoint centre = plane.toEnu(r.centre());
                e[k] = centre.eastM();
                n[k] = centre.northM();
                a[k] = r.halfEastM();
                b[k] = r.halfNorthM();
                kind[k] = RECTANGLE;
            } else {
                kind[k] = EVERYWHERE;
            }
            index.put(p.sensorId(), k);
        }
        anyKnown = count > 0;
        soleArea = new double[count];
        java.util.Arrays.fill(soleArea, -1);
        grid = new SensorGrid(priors, plane, this);
    }

    /**
     * These sensors on a coarse grid: the areas below ask it which sensors cover a sample point
     * (the same answers as asking every sensor, at the cost of the few near the point).
     */
    private final SensorGrid grid;

    /** These sensors on a coarse grid ({@link SensorGrid}), answering as this class's passes. */
    SensorGrid grid() {
        return grid;
    }

    /**
     * Sole areas by sensor, computed on first use (a tracker restored often pays nothing) and then
     * shared by every tracker with the same coverages ({@link #AREAS}).
     */
    private final double[] soleArea;

    /**
     * Areas already sampled, by coverage geometry (kinds, centres, sizes of all known sensors, and
     * the sensor, or {@link #ALL_SENSORS} for the area all of them cover): a restored tracker, as
     * the fusion job makes one per checkpoint restore and the benchmark per invocation, finds them
     * here instead of sampling 25 600 points per sensor (sole areas) or 65 536 (the covered area)
     * again. The value depends only on the key, so sharing it changes nothing; bounded, cleared
     * when full.
     */
    private static final Map<Geometry, Double> AREAS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final int AREAS_MAX = 1024;

    /** The sensor of the key of {@link #coveredAreaM2}'s area in {@link #AREAS}. */
    private static final int ALL_SENSORS = -1;

    private record Geometry(int sensor, Shape shape) {}

    /** Kinds, centres and sizes of all known sensors, hashed once. */
    private static final class Shape {
        private final double[] values;
        private final int hash;

        Shape(double[] values) {
            this.values = values;
            this.hash = java.util.Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o == this
                    || o instanceof Shape other
                            && other.hash == hash
                            && java.util.Arrays.equals(other.values, values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    // this tracker's Shape, built on first use and shared by the keys of all its sensors (with
    // hundreds of sensors a shape per key cost more than the lookups it saved)
    private Shape shape;

    private Geometry geometryKey(int sensor) {
        if (shape == null) {
            double[] values = new double[5 * kind.length];
            for (int k = 0; k < kind.length; k++) {
                values[5 * k] = kind[k];
                values[5 * k + 1] = e[k];
                values[5 * k + 2] = n[k];
                values[5 * k + 3] = a[k];
                values[5 * k + 4] = b[k];
            }
            shape = new Shape(values);
        }
        return new Geometry(sensor, shape);
    }

    /** Samples per side of the grid over a sensor's bounding box ({@link #sampleGrid}). */
    private static final int GRID_SAMPLES = 160;

    /** A point of the sampling grid of {@link #sampleGrid}. */
    private interface GridPoint {
        void at(double pe, double pn);
    }

    /** Half the east and north extent of sensor k's bounding box, m; null when unbounded. */
    private double[] halfExtent(int k) {
        return switch (kind[k]) {
            case DISC -> new double[] {a[k], a[k]};
            case RECTANGLE -> new double[] {a[k], b[k]};
            default -> null;
        };
    }

    /**
     * Visits the cell centres of a {@link #GRID_SAMPLES}² grid over sensor k's bounding box of
     * {@link #halfExtent} {@code half}, row by row; a cell is {@code (2 half[0] / GRID_SAMPLES) (2
     * half[1] / GRID_SAMPLES)} m².
     */
    private void sampleGrid(int k, double[] half, GridPoint point) {
        for (int i = 0; i < GRID_SAMPLES; i++) {
            double pe = e[k] - half[0] + (i + 0.5) * 2 * half[0] / GRID_SAMPLES;
            for (int j = 0; j < GRID_SAMPLES; j++) {
                double pn = n[k] - half[1] + (j + 0.5) * 2 * half[1] / GRID_SAMPLES;
                point.at(pe, pn);
            }
        }
    }

    /** The part of sensor k's coverage no other known sensor covers, m², by sampling a grid. */
    private double soleArea(int k) {
        double[] half = halfExtent(k);
        if (half == null) {
            return Double.NaN;
        }
        int[] alone = {0};
        sampleGrid(
                k,
                half,
                (pe, pn) -> {
                    if (covers(k, pe, pn) && !grid.coveredByOther(k, pe, pn)) {
                        alone[0]++;
                    }
                });
        return alone[0] * (2 * half[0] / GRID_SAMPLES) * (2 * half[1] / GRID_SAMPLES);
    }

    /**
     * Sensor k's coverage within {@code region}, by sampling the grid {@link #soleArea} samples:
     * area, the part of it no other known sensor covers, and the clutter expected per scan over
     * each ({@link #clutterAtRange}: a radar's falls off with range). NaNs when the coverage is
     * unbounded.
     */
    double[] partWithin(int k, MultiTargetTracker.Region region) {
        double[] half = halfExtent(k);
        if (half == null) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double cell = (2 * half[0] / GRID_SAMPLES) * (2 * half[1] / GRID_SAMPLES);
        double[] sums = new double[4]; // area, sole area, clutter over each
        sampleGrid(
                k,
                half,
                (pe, pn) -> {
                    if (covers(k, pe, pn) && region.contains(pe, pn)) {
                        double c =
                                kind[k] == DISC
                                        ? clutterAtRange(k, Math.hypot(pe - e[k], pn - n[k]))
                                        : clutter[k];
                        sums[0] += cell;
                        sums[2] += c * cell;
                        if (!grid.coveredByOther(k, pe, pn)) {
                            sums[1] += cell;
                            sums[3] += c * cell;
                        }
                    }
                });
        return sums;
    }

    /** Whether a known sensor other than k covers plane point (pe, pn). */
    boolean coveredByOther(int k, double pe, double pn) {
        for (int o = 0; o < kind.length; o++) {
            if (o != k && covers(o, pe, pn)) {
                return true;
            }
        }
        return false;
    }

    /** Area of sensor k's coverage that no other known sensor sees, m²; NaN when unknown. */
    double soleAreaM2(int k) {
        if (k == UNKNOWN) {
            return Double.NaN;
        }
        if (soleArea[k] < 0 && !Double.isNaN(soleArea[k])) {
            soleArea[k] = sharedArea(k, () -> soleArea(k));
        }
        return soleArea[k];
    }

    /** The kind of sensor k when its prior says it is cooperative (AIS, ADS-B), else null. */
    SensorKind cooperativeKind(int k) {
        return k == UNKNOWN ? null : cooperative[k];
    }

    /** The number of a sensor with a prior, or {@link #UNKNOWN}. */
    int indexOf(String sensorId) {
        Integer k = index.get(sensorId);
        return k == null ? UNKNOWN : k;
    }

    double detectionProbability(String sensorId) {
        return detectionProbability(indexOf(sensorId));
    }

    double detectionProbability(int k) {
        return k == UNKNOWN ? defaultPd : pd[k];
    }

    double clutterDensity(String sensorId) {
        return clutterDensity(indexOf(sensorId));
    }

    double clutterDensity(int k) {
        return k == UNKNOWN ? defaultClutter : clutter[k];
    }

    /**
     * False alarms per scan per m² near a measurement. A radar's detector keeps a constant false
     * alarm rate per range-azimuth resolution cell, so its clutter is uniform in range and azimuth,
     * not in area: for a radar plot from a sensor with a disc coverage of radius R and mean density
     * ρ (clutter per scan over πR²), the density at range r is {@code ρ R / (2 r)} (the same count
     * per scan, r at least 1 % of R). Position fixes see the sensor's uniform density.
     */
    double clutterDensityAt(int k, MeasurementModel measurement) {
        if (k != UNKNOWN
                && kind[k] == DISC
                && measurement instanceof RangeAzimuthMeasurement plot) {
            return clutterAtRange(k, plot.rangeM());
        }
        return clutterDensity(k);
    }

    /** {@link #clutterDensityAt} of disc sensor k at horizontal range {@code rangeM}. */
    private double clutterAtRange(int k, double rangeM) {
        double r = Math.max(rangeM, 0.01 * a[k]);
        return clutter[k] * a[k] / (2 * r);
    }

    /** Coverage area of a sensor with a known, bounded coverage, m²; NaN otherwise. */
    double coverageAreaM2(int k) {
        if (k == UNKNOWN) {
            return Double.NaN;
        }
        return switch (kind[k]) {
            case DISC -> Math.PI * a[k] * a[k];
            case RECTANGLE -> 4 * a[k] * b[k];
            default -> Double.NaN;
        };
    }

    /**
     * The area covered by at least one sensor and inside {@code region} (everywhere when null), m²,
     * sampled on a 256 × 256 grid over the sensors' bounding box (everywhere's: once per set of
     * coverages, {@link #AREAS}); NaN when a sensor's coverage is unbounded or no sensor is known.
     */
    double coveredAreaM2(MultiTargetTracker.Region region) {
        if (!anyKnown) {
            return Double.NaN;
        }
        // A region is a tile's, made by its job: sampled each time (once per restore).
        return region == null
                ? sharedArea(ALL_SENSORS, () -> sampleCoveredArea(null))
                : sampleCoveredArea(region);
    }

    /**
     * The area of {@link #AREAS} for sensor k (or {@link #ALL_SENSORS}) with these coverages,
     * sampled when not there yet.
     */
    private double sharedArea(int k, java.util.function.DoubleSupplier sample) {
        Geometry key = geometryKey(k);
        Double known = AREAS.get(key);
        if (known == null) {
            known = sample.getAsDouble();
            if (AREAS.size() >= AREAS_MAX) {
                AREAS.clear();
            }
            AREAS.put(key, known);
        }
        return known;
    }

    private double sampleCoveredArea(MultiTargetTracker.Region region) {
        double minE = Double.POSITIVE_INFINITY, maxE = Double.NEGATIVE_INFINITY;
        double minN = Double.POSITIVE_INFINITY, maxN = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < kind.length; k++) {
            if (kind[k] == EVERYWHERE) {
                return Double.NaN;
            }
            double halfN = kind[k] == DISC ? a[k] : b[k];
            minE = Math.min(minE, e[k] - a[k]);
            maxE = Math.max(maxE, e[k] + a[k]);
            minN = Math.min(minN, n[k] - halfN);
            maxN = Math.max(maxN, n[k] + halfN);
        }
        int steps = 256;
        double de = (maxE - minE) / steps, dn = (maxN - minN) / steps;
        int inside = 0;
        for (int i = 0; i < steps; i++) {
            double pe = minE + (i + 0.5) * de;
            for (int j = 0; j < steps; j++) {
                double pn = minN + (j + 0.5) * dn;
                if (grid.anyCovers(pe, pn) && (region == null || region.contains(pe, pn))) {
                    inside++;
                }
            }
        }
        return inside * de * dn;
    }

    /** Whether a target at plane point (pe, pn) is in view of the sensor. */
    boolean covers(String sensorId, double pe, double pn, TrackRecord track) {
        int k = indexOf(sensorId);
        return k == UNKNOWN ? track.sensorIds.contains(sensorId) : covers(k, pe, pn);
    }

    /** Whether plane point (pe, pn) is in the coverage of known sensor k. */
    boolean covers(int k, double pe, double pn) {
        return switch (kind[k]) {
            case DISC -> {
                double de = pe - e[k], dn = pn - n[k];
                yield de * de + dn * dn <= a[k] * a[k];
            }
            case RECTANGLE -> Math.abs(pe - e[k]) <= a[k] && Math.abs(pn - n[k]) <= b[k];
            default -> true;
        };
    }

    /**
     * Whether plane point (pe, pn) is within {@code marginM} of the coverage of known sensor k (a
     * superset of {@link #covers(int, double, double)}).
     */
    boolean near(int k, double pe, double pn, double marginM) {
        return switch (kind[k]) {
            case DISC -> {
                double de = pe - e[k], dn = pn - n[k], r = a[k] + marginM;
                yield de * de + dn * dn <= r * r;
            }
            case RECTANGLE ->
                    Math.abs(pe - e[k]) <= a[k] + marginM && Math.abs(pn - n[k]) <= b[k] + marginM;
            default -> true;
        };
    }

    /**
     * Whether some known sensor covers (pe, pn); true when no sensor has a known coverage (then the
     * surveillance region is unknown and nothing is outside it).
     */
    boolean anyCovers(double pe, double pn) {
        if (!anyKnown) {
            return true;
        }
        for (int k = 0; k < kind.length; k++) {
            if (covers(k, pe, pn)) {
                return true;
            }
        }
        return false;
    }
}
