package io.cordon.pipeline.fusion.tiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.metrics.Gospa;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Tiled fusion (20 km tiles, 3 km halos) against the single tracker on seeded scenarios: the mean
 * GOSPA (c = 500 m, p = 2, tracks reported by the benchmark's policy) of the two pictures agrees
 * within 1 %.
 *
 * <p>With dense clutter every tile receives part of every scan. With sparse clutter and smaller
 * tiles many tiles receive nothing of a scan; {@link TiledFusion} then tells them the sensor
 * scanned ({@link io.cordon.pipeline.tracker.Tracker#emptyScan}), without which their tracks missed
 * fewer looks than in the single tracker and clutter tracks lived longer (docs/benchmarks.md,
 * "Tiled fusion against one tracker").
 */
class TiledFusionGospaTest {
    @Test
    void tiledGospaEqualsTheSingleTrackersWithinOnePercent() {
        TrackerParameters parameters = TileScenario.parameters(TileScenario.DENSE);
        TileGrid grid = new TileGrid(20_000, 3_000);
        for (long seed = 1; seed <= 3; seed++) {
            List<TileScenario.Path> targets = TileScenario.randomTargets(seed, 40);
            TreeMap<Instant, List<Observation>> obs =
                    TileScenario.observations(targets, seed, 900, TileScenario.DENSE);
            Picture.Truth truth =
                    t -> {
                        double s = (t.toEpochMilli() - TileScenario.T0.toEpochMilli()) / 1000.0;
                        List<Gospa.Point> points = new ArrayList<>();
                        for (TileScenario.Path p : targets) {
                            double[] x = p.at(s);
                            if (x != null) {
                                points.add(new Gospa.Point(x[0], x[1]));
                            }
                        }
                        return points;
                    };
            TiledFusion fusion = new TiledFusion(grid, parameters, TileScenario.REF);
            double tiled = Picture.tiled(fusion, TileScenario.REF, obs, 5).meanGospa(truth, 500);
            double single =
                    Picture.single(parameters, TileScenario.REF, obs, 5).meanGospa(truth, 500);
            assertThat(fusion.resolver().stats().handovers())
                    .as("targets cross tiles")
                    .isPositive();
            assertThat(tiled)
                    .as("seed %d", seed)
                    .isCloseTo(single, org.assertj.core.data.Percentage.withPercentage(1));
        }
    }

    @Test
    void tilesThatReceiveNothingOfAScanStillCountItsMisses() {
        TrackerParameters parameters = TileScenario.parameters(TileScenario.SPARSE);
        for (TileGrid grid : List.of(new TileGrid(20_000, 3_000), new TileGrid(10_000, 2_000))) {
            double tiledSum = 0, singleSum = 0;
            for (long seed = 1; seed <= 3; seed++) {
                List<TileScenario.Path> targets = TileScenario.randomTargets(seed, 40);
                TreeMap<Instant, List<Observation>> obs =
                        TileScenario.observations(targets, seed, 900, TileScenario.SPARSE);
                Picture.Truth truth = truthOf(targets);
                TiledFusion fusion = new TiledFusion(grid, parameters, TileScenario.REF);
                assertThat(scansMissingATile(fusion.partitioning(), obs))
                        .as("tiles that receive nothing of a scan")
                        .isPositive();
                double tiled =
                        Picture.tiled(fusion, TileScenario.REF, obs, 5).meanGospa(truth, 500);
                double single =
                        Picture.single(parameters, TileScenario.REF, obs, 5).meanGospa(truth, 500);
                if (grid.tileSizeM() == 20_000) {
                    assertThat(tiled)
                            .as("seed %d", seed)
                            .isCloseTo(single, org.assertj.core.data.Percentage.withPercentage(1));
                }
                tiledSum += tiled;
                singleSum += single;
            }
            // 10 km tiles with 2 km halos: one seed of three is 1.1 % above the single tracker
            // (docs/benchmarks.md); without empty scans all three were 35-44 % above. With the
            // few-clutter birth rule and tiles' tracks lost outside what they receive no longer
            // raising the density beside them, seeds -0.5 / -1.2 / -1.0 %, summed -0.9 % (20 km:
            // +0.3 / -0.1 / +0.5 %; with the rule in the single tracker alone seed 1 was +2.2 %).
            assertThat(tiledSum)
                    .as("tiles %.0f m, three seeds", grid.tileSizeM())
                    .isCloseTo(singleSum, org.assertj.core.data.Percentage.withPercentage(1));
        }
    }

    private static Picture.Truth truthOf(List<TileScenario.Path> targets) {
        return t -> {
            double s = (t.toEpochMilli() - TileScenario.T0.toEpochMilli()) / 1000.0;
            List<Gospa.Point> points = new ArrayList<>();
            for (TileScenario.Path p : targets) {
                double[] x = p.at(s);
                if (x != null) {
                    points.add(new Gospa.Point(x[0], x[1]));
                }
            }
            return points;
        };
    }

    /** (time, tile) pairs where a tile with observations at some time had none of a scan. */
    private static int scansMissingATile(
            TilePartitioning partitioning, TreeMap<Instant, List<Observation>> obs) {
        java.util.Set<Tile> seen = new java.util.HashSet<>();
        int missing = 0;
        for (List<Observation> step : obs.values()) {
            java.util.Set<Tile> hit = new java.util.HashSet<>();
            for (Observation o : step) {
                hit.addAll(partitioning.tilesOf(o));
            }
            seen.addAll(hit);
            for (Tile t : seen) {
                if (!hit.contains(t)) {
                    missing++;
                }
            }
        }
        return missing;
    }
}
