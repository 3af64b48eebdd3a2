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
 * <p>The scenarios have clutter dense enough that every tile receives part of every scan. Where a
 * tile receives nothing of a scan, its tracker does not learn that the sensor looked and saw
 * nothing there (the tracker takes no empty scans), so its tracks miss fewer looks than in the
 * single tracker and clutter tracks live longer: docs/benchmarks.md measures that effect on sparser
 * scenarios and with smaller tiles.
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
}
