package io.cordon.pipeline.fusion.tiling;

import io.cordon.pipeline.bench.BenchPriors;
import io.cordon.pipeline.bench.BenchScenario;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.metrics.Gospa;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Mean GOSPA of tiled fusion and of the single tracker on a benchmark scenario (truth from
 * truth.csv, for scoring only), and the identity resolver's load. Not a test: a measurement for
 * docs/benchmarks.md.
 *
 * <pre>
 * java -cp ... io.cordon.pipeline.fusion.tiling.TiledBenchComparison SCENARIO_DIR [TILE_M HALO_M]...
 * </pre>
 */
public final class TiledBenchComparison {
    /** A shared benchmark scenario with its truth (for scoring only), ready for {@link Picture}. */
    record Loaded(
            BenchScenario scenario,
            TrackerParameters parameters,
            GeoPoint ref,
            TreeMap<Instant, List<Observation>> obs,
            Picture.Truth truth,
            Instant end) {
        /** Mean GOSPA of one tracker over the whole scenario. */
        double single() {
            return new Picture()
                    .from(scenario.epoch(), end)
                    .runSingle(parameters, ref, obs, scenario.evalDtS())
                    .meanGospa(truth, scenario.gospaCutoffM());
        }

        /** Mean GOSPA of tiled fusion over the whole scenario. */
        double tiled(TiledFusion fusion) {
            return new Picture()
                    .from(scenario.epoch(), end)
                    .runTiled(fusion, ref, obs, scenario.evalDtS())
                    .meanGospa(truth, scenario.gospaCutoffM());
        }
    }

    static Loaded load(Path dir) throws IOException {
        BenchScenario scenario = BenchScenario.read(dir);
        TrackerParameters parameters = BenchPriors.parametersFor(scenario);
        GeoPoint ref = scenario.referencePoint();
        TreeMap<Instant, List<Observation>> obs = new TreeMap<>();
        for (List<Observation> batch : scenario.batches()) {
            obs.computeIfAbsent(batch.get(0).eventTime(), t -> new ArrayList<>()).addAll(batch);
        }
        LocalTangentPlane plane = new LocalTangentPlane(ref);
        TreeMap<Instant, List<Gospa.Point>> truth = new TreeMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("truth.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Instant t = scenario.epoch().plusNanos(Math.round(Double.parseDouble(f[0]) * 1e9));
            EnuPoint p =
                    plane.toEnu(
                            new GeoPoint(
                                    Double.parseDouble(f[2]),
                                    Double.parseDouble(f[3]),
                                    ref.altM()));
            truth.computeIfAbsent(t, k -> new ArrayList<>())
                    .add(new Gospa.Point(p.eastM(), p.northM()));
        }
        Picture.Truth at = t -> truth.getOrDefault(t, List.of());
        Instant end = scenario.epoch().plusNanos(Math.round(scenario.durationS() * 1e9));
        return new Loaded(scenario, parameters, ref, obs, at, end);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Loaded loaded = load(dir);
        BenchScenario scenario = loaded.scenario();
        TrackerParameters parameters = loaded.parameters();
        GeoPoint ref = loaded.ref();
        TreeMap<Instant, List<Observation>> obs = loaded.obs();
        Picture.Truth at = loaded.truth();
        Instant end = loaded.end();
        double c = scenario.gospaCutoffM();
        long s0 = System.nanoTime();
        Picture ps =
                new Picture()
                        .from(scenario.epoch(), end)
                        .runSingle(parameters, ref, obs, scenario.evalDtS());
        double single = ps.meanGospa(at, c);
        double singleS = (System.nanoTime() - s0) * 1e-9;
        System.out.printf(
                Locale.ROOT,
                "%s single: GOSPA %.2f m (%.1f s)%n",
                dir.getFileName(),
                single,
                singleS);
        for (int i = 1; i + 1 < args.length; i += 2) {
            TileGrid grid =
                    new TileGrid(Double.parseDouble(args[i]), Double.parseDouble(args[i + 1]));
            TiledFusion fusion = new TiledFusion(grid, parameters, ref);
            long t0 = System.nanoTime();
            Picture pt =
                    new Picture()
                            .from(scenario.epoch(), end)
                            .runTiled(fusion, ref, obs, scenario.evalDtS());
            double tiled = pt.meanGospa(at, c);
            double[] stages = stageSeconds(grid, parameters, ref, obs);
            System.out.printf(
                    Locale.ROOT,
                    "%s tiles %.0f/%.0f m: tile trackers %.2f s, resolver %.3f s for %.0f updates"
                            + " (%.1f us each, %.1f %% of the tracking time)%n",
                    dir.getFileName(),
                    grid.tileSizeM(),
                    grid.haloM(),
                    stages[0],
                    stages[1],
                    stages[2],
                    1e6 * stages[1] / Math.max(1, stages[2]),
                    100 * stages[1] / stages[0]);
            if (System.getenv("DIFF") != null) {
                pt.diff(ps, c);
            }
            double tiledS = (System.nanoTime() - t0) * 1e-9;
            TiledFusion.Load load = fusion.load();
            System.out.printf(
                    Locale.ROOT,
                    "%s tiles %.0f/%.0f m: GOSPA %.2f m (%+.2f %%), %d tiles, tile updates %d,"
                            + " to resolver %d (%.0f %%), published %d, %s (%.1f s)%n",
                    dir.getFileName(),
                    grid.tileSizeM(),
                    grid.haloM(),
                    tiled,
                    100 * (tiled - single) / single,
                    fusion.tileCount(),
                    load.tileUpdates(),
                    load.resolverUpdates(),
                    100.0 * load.resolverUpdates() / Math.max(1, load.tileUpdates()),
                    load.published(),
                    fusion.resolver().stats(),
                    tiledS);
        }
    }

    /**
     * Stages 1 and 2 as {@link TiledFusion} runs them, timed apart: seconds in the tile trackers,
     * seconds in the resolver, and updates routed to it.
     */
    static double[] stageSeconds(
            TileGrid grid,
            TrackerParameters parameters,
            GeoPoint ref,
            TreeMap<Instant, List<Observation>> obs) {
        TilePartitioning partitioning = new TilePartitioning(grid, ref);
        TreeMap<Tile, TileTracker> tiles = new TreeMap<>();
        IdentityResolver resolver = new IdentityResolver(grid);
        long tileNanos = 0, resolverNanos = 0, routedCount = 0;
        for (var e : obs.entrySet()) {
            TreeMap<Tile, List<Observation>> byTile = new TreeMap<>();
            for (Observation o : e.getValue()) {
                for (Tile t : partitioning.tilesOf(o)) {
                    byTile.computeIfAbsent(t, k -> new ArrayList<>()).add(o);
                }
            }
            long t0 = System.nanoTime();
            List<ReplicaState> routed = new ArrayList<>();
            for (Tile t : byTile.keySet()) {
                tiles.computeIfAbsent(t, k -> new TileTracker(k, grid, parameters, ref));
            }
            var scanned = TiledFusion.scannedSensors(e.getValue());
            for (var b : tiles.entrySet()) {
                List<Observation> mine = byTile.getOrDefault(b.getKey(), List.of());
                if (mine.isEmpty() && scanned.isEmpty()) {
                    continue;
                }
                for (TileTrackUpdate u : b.getValue().step(e.getKey(), mine, scanned)) {
                    if (u.toResolver()) {
                        routed.add(u.replica());
                    }
                }
            }
            long t1 = System.nanoTime();
            resolver.step(e.getKey(), routed);
            long t2 = System.nanoTime();
            tileNanos += t1 - t0;
            resolverNanos += t2 - t1;
            routedCount += routed.size();
        }
        return new double[] {tileNanos * 1e-9, resolverNanos * 1e-9, routedCount};
    }

    private TiledBenchComparison() {}
}
