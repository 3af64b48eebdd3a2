package io.cordon.pipeline.fusion.tiling;

import static io.cordon.pipeline.fusion.tiling.TileScenario.line;
import static io.cordon.pipeline.fusion.tiling.TileScenario.weave;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.observation.Observation;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Targets crossing tile edges and corners (10 km tiles, 2 km halos): each keeps one id and is never
 * published twice at one time. The id is the single tracker's whenever the tile that starts the
 * track makes the same start as the single tracker; it may not when the single tracker's start
 * depends on the rest of the scan (its birth density counts the whole scan's unassigned detections,
 * a tile's only its share).
 */
class TiledFusionTest {
    private static final TileGrid GRID = new TileGrid(10_000, 2_000);

    /** Across the edge e = 0, from well inside one tile to well inside the next. */
    static final TileScenario.Path EDGE = line(-6000, 3000, 6000, 3000, 0, 800);

    /** Through the corner (10 km, -10 km) diagonally. */
    static final TileScenario.Path CORNER = line(4000, -16000, 16000, -4000, 0, 900);

    /** Back and forth across the edge n = 10 km, 800 m either side, every 200 s. */
    static final TileScenario.Path WEAVE = weave(-16000, 2000, 10000, 800, 200, 0, 900);

    /** From tile (-3, -1) to tile (-1, -3), diagonally through three tiles and two corners. */
    static final TileScenario.Path JOURNEY = line(-25000, -5000, -5000, -25000, 0, 900);

    static final List<TileScenario.Path> TARGETS = List.of(EDGE, CORNER, WEAVE, JOURNEY);

    @Test
    void targetsCrossingEdgesAndCornersKeepOneIdAndAppearOnce() {
        for (long seed = 1; seed <= 2; seed++) {
            TreeMap<Instant, List<Observation>> obs = TileScenario.observations(TARGETS, seed, 900);
            TiledFusion fusion = new TiledFusion(GRID, TileScenario.parameters(), TileScenario.REF);
            Picture tiled = Picture.tiled(fusion, TileScenario.REF, obs, 5);
            Picture single = Picture.single(TileScenario.parameters(), TileScenario.REF, obs, 5);
            int sameIds = 0;
            for (TileScenario.Path target : TARGETS) {
                // Tiles add no id and no second track to what the single tracker makes of it.
                var ids = tiled.idsNear(target, 500);
                var singleIds = single.idsNear(target, 500);
                assertThat(ids).hasSizeBetween(1, singleIds.size());
                assertThat(tiled.mostTracksAtOnce(target, 500))
                        .isLessThanOrEqualTo(single.mostTracksAtOnce(target, 500));
                if (ids.equals(singleIds)) {
                    sameIds++;
                }
            }
            assertThat(sameIds)
                    .as("targets with the single tracker's ids")
                    .isGreaterThanOrEqualTo(3);
            assertThat(tiled.streamViolations()).isEmpty();
            // EDGE crosses one edge, CORNER one corner, WEAVE two edges (its weave stays inside
            // the hand-over margin), JOURNEY two corners. (Before tiles learnt of empty scans,
            // clutter tracks that lived on in the tiles added dozens of owner changes: the upper
            // bound catches that; a corner may be handed over through an edge neighbour.)
            assertThat(fusion.resolver().stats().handovers())
                    .as("owners changed at tile edges")
                    .isBetween(6L, 8L);
            assertThat(fusion.load().resolverUpdates())
                    .as("the resolver sees a fraction of the tiles' updates")
                    .isLessThan(fusion.load().tileUpdates() / 2);
        }
    }

    @Test
    void everyUpdateOfTheSameRunIsTheSame() {
        TreeMap<Instant, List<Observation>> obs = TileScenario.observations(TARGETS, 3, 600);
        Picture a =
                Picture.tiled(
                        new TiledFusion(GRID, TileScenario.parameters(), TileScenario.REF),
                        TileScenario.REF,
                        obs,
                        5);
        Picture b =
                Picture.tiled(
                        new TiledFusion(GRID, TileScenario.parameters(), TileScenario.REF),
                        TileScenario.REF,
                        obs,
                        5);
        assertThat(a.stream).isNotEmpty().isEqualTo(b.stream);
    }
}
