package io.cordon.pipeline.bench;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Measurement;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.tracker.SensorCoverage;
import io.cordon.pipeline.tracker.SensorPrior;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A constant-density world for {@link TrackerBenchmark}: the benchmark's 100-target scenario (an 80
 * km × 60 km box with two radars, two drones and a satellite) replicated on a grid of cells placed
 * edge to edge, each cell with its own five sensors and its own generator seed, so that 100 targets
 * are one cell, 1 000 ten and 10 000 a hundred, at the same density of targets, detections and
 * sensors everywhere. Where the box world ({@link ScenarioGenerator} with {@code targets}) measures
 * density (every gate fills up as targets are added to one box), this one measures scaling.
 *
 * <p>Cell k is {@link ScenarioGenerator}'s scenario of {@code seed + k} with 100 targets, moved by
 * the cell's offset in the scenario frame: position fixes are moved in the plane; a radar and its
 * plots are moved together (the plot's point is moved in the plane and its range and azimuth taken
 * again from the moved radar), so all sensors of a cell keep agreeing far from the frame's origin,
 * where the moved radar's north is no longer the frame's. Cell 0 keeps its sensor and detection
 * ids; the others' carry {@code @k}. A single cell is therefore exactly the box world's 100-target
 * scenario. The batches of all cells are merged by time, then sensor id. Radar coverage reaches
 * into the neighbour cells; the generator ends a target where it leaves its own cell's box.
 *
 * @param referencePoint the scenario frame's origin (cell 0's scenario.json)
 * @param parameters the tracker defaults with every cell's sensor priors
 * @param batches the detections of one sensor at one time, by time then sensor id
 * @param cells the number of cells
 */
public record CellWorld(
        GeoPoint referencePoint,
        TrackerParameters parameters,
        List<List<Observation>> batches,
        int cells) {
    static final int TARGETS_PER_CELL = 100;
    static final double CELL_EAST_M = 2 * ScenarioGenerator.HALF_EAST_M;
    static final double CELL_NORTH_M = 2 * ScenarioGenerator.HALF_NORTH_M;

    /**
     * The world of {@code targets} (a positive multiple of 100) targets over {@code durationS}: the
     * cells on the most nearly square grid of rows × columns with rows × columns = cells (10: 2 ×
     * 5), centred on the frame's origin.
     */
    public static CellWorld generate(long seed, int targets, int durationS, double clutterScale) {
        if (targets <= 0 || targets % TARGETS_PER_CELL != 0) {
            throw new IllegalArgumentException(
                    "targets must be a positive multiple of "
                            + TARGETS_PER_CELL
                            + ", was "
                            + targets);
        }
        int cells = targets / TARGETS_PER_CELL;
        int rows = (int) Math.floor(Math.sqrt(cells));
        while (cells % rows != 0) {
            rows--;
        }
        int columns = cells / rows;
        LocalTangentPlane plane = new LocalTangentPlane(ScenarioGenerator.REFERENCE);
        List<SensorPrior> priors = new ArrayList<>();
        List<List<Observation>> batches = new ArrayList<>();
        GeoPoint reference = null;
        for (int k = 0; k < cells; k++) {
            double de = (k % columns - 0.5 * (columns - 1)) * CELL_EAST_M;
            double dn = (k / columns - 0.5 * (rows - 1)) * CELL_NORTH_M;
            BenchScenario cell =
                    ScenarioGenerator.generate(
                                    ScenarioSpec.border(seed + k, TARGETS_PER_CELL, durationS)
                                            .withLateBirthShare(0)
                                            .withClutterScale(clutterScale))
                            .scenario();
            if (k == 0) {
                reference = cell.referencePoint();
            }
            Shift shift = new Shift(plane, de, dn, k == 0 ? "" : "@" + k);
            for (BenchSensor s : cell.sensors()) {
                SensorCoverage coverage =
                        Double.isNaN(s.radiusM())
                                ? new SensorCoverage.Rectangle(
                                        de == 0 && dn == 0
                                                ? cell.referencePoint()
                                                : plane.surfacePoint(de, dn),
                                        s.halfEastM(),
                                        s.halfNorthM())
                                : new SensorCoverage.Disc(
                                        plane.surfacePoint(s.eastM() + de, s.northM() + dn),
                                        s.radiusM());
                priors.add(
                        new SensorPrior(
                                s.id() + shift.suffix,
                                s.detectionProbability(),
                                s.clutterDensityPerM2(),
                                coverage));
            }
            for (List<Observation> batch : cell.batches()) {
                List<Observation> moved = new ArrayList<>(batch.size());
                for (Observation o : batch) {
                    moved.add(shift.apply(o));
                }
                batches.add(moved);
            }
        }
        batches.sort(
                Comparator.comparing((List<Observation> b) -> b.get(0).eventTime())
                        .thenComparing(b -> b.get(0).sensorId()));
        return new CellWorld(
                reference, TrackerParameters.defaults().withSensors(priors), batches, cells);
    }

    /** Moves one cell's observations by (de, dn) in the scenario frame. */
    private static final class Shift {
        final LocalTangentPlane plane;
        final double de;
        final double dn;
        final String suffix;
        final Map<GeoPoint, LocalTangentPlane[]> radars = new HashMap<>();

        Shift(LocalTangentPlane plane, double de, double dn, String suffix) {
            this.plane = plane;
            this.de = de;
            this.dn = dn;
            this.suffix = suffix;
        }

        Observation apply(Observation o) {
            if (suffix.isEmpty()) {
                return o;
            }
            Measurement m = o.measurement();
            Measurement moved;
            if (m instanceof RadarPlot plot) {
                moved = radar(plot);
            } else {
                PositionFix fix = (PositionFix) m;
                moved =
                        new PositionFix(
                                point(fix.position()),
                                fix.covEastEastM2(),
                                fix.covEastNorthM2(),
                                fix.covNorthNorthM2(),
                                fix.sigmaAltM());
            }
            return new Observation(
                    o.observationId() + suffix,
                    o.partnerId(),
                    o.sensorId() + suffix,
                    o.sensorKind(),
                    o.eventTime(),
                    moved,
                    o.velocity(),
                    o.identity(),
                    o.classification(),
                    o.marking());
        }

        /** A point moved in the plane, at its own height. */
        private GeoPoint point(GeoPoint p) {
            EnuPoint q = plane.toEnu(p);
            GeoPoint s = plane.surfacePoint(q.eastM() + de, q.northM() + dn);
            return new GeoPoint(s.latDeg(), s.lonDeg(), p.altM());
        }

        private RadarPlot radar(RadarPlot plot) {
            LocalTangentPlane[] frames =
                    radars.computeIfAbsent(
                            plot.sensorPosition(),
                            at ->
                                    new LocalTangentPlane[] {
                                        new LocalTangentPlane(at), new LocalTangentPlane(point(at))
                                    });
            double az = Math.toRadians(plot.azimuthDeg());
            LocalTangentPlane from = frames[0], to = frames[1];
            double e = plot.rangeM() * Math.sin(az), n = plot.rangeM() * Math.cos(az);
            GeoPoint target = from.toGeodetic(new EnuPoint(e, n, from.surfaceUpM(e, n)));
            EnuPoint q = to.toEnu(point(target));
            double range = Math.hypot(q.eastM(), q.northM());
            double azDeg = Math.toDegrees(Math.atan2(q.eastM(), q.northM()));
            azDeg = ((azDeg % 360.0) + 360.0) % 360.0;
            if (azDeg >= 360.0) {
                azDeg = 0.0;
            }
            return new RadarPlot(
                    to.origin(), range, azDeg, plot.sigmaRangeM(), plot.sigmaAzimuthDeg());
        }
    }
}
