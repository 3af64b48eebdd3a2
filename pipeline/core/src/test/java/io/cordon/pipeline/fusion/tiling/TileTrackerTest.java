package io.cordon.pipeline.fusion.tiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One tile's tracker on a target that crosses from the tile's interior into its halo. */
class TileTrackerTest {
    private static final TileGrid GRID = new TileGrid(10_000, 2_000);
    private static final Tile TILE = new Tile(0, 0);

    /** From the tile's interior east across its edge at e = 10 km into the neighbour. */
    private static final TileScenario.Path OUTWARD =
            TileScenario.line(4000, 5000, 13000, 5000, 0, 600);

    private static TreeMap<Instant, List<Observation>> tileObservations(long seed) {
        TilePartitioning tiles = new TilePartitioning(GRID, TileScenario.REF);
        TreeMap<Instant, List<Observation>> mine = new TreeMap<>();
        for (Map.Entry<Instant, List<Observation>> e :
                TileScenario.observations(List.of(OUTWARD), seed, 600).entrySet()) {
            for (Observation o : e.getValue()) {
                if (tiles.tilesOf(o).contains(TILE)) {
                    mine.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(o);
                }
            }
        }
        return mine;
    }

    @Test
    void theResolverHearsFirstUpdatesZoneChangesAndARefreshButNotInteriorUpdates() {
        TileTracker tile = new TileTracker(TILE, GRID, TileScenario.parameters(), TileScenario.REF);
        List<TileTrackUpdate> all = new ArrayList<>();
        tileObservations(1).forEach((t, obs) -> all.addAll(tile.step(t, obs)));
        List<TileTrackUpdate> target =
                all.stream().filter(u -> u.localId().equals(all.get(0).localId())).toList();
        assertThat(target.get(0).replica().first()).isTrue();
        assertThat(target.get(0).toResolver()).isTrue();
        assertThat(target.subList(1, target.size()))
                .allSatisfy(u -> assertThat(u.replica().first()).isFalse());
        for (int i = 1; i < target.size(); i++) {
            TileTrackUpdate u = target.get(i);
            boolean interior = GRID.interior(u.replica().depthM());
            boolean wasInterior = GRID.interior(target.get(i - 1).replica().depthM());
            if (interior && wasInterior) {
                assertThat(u.toResolver()).as("interior update %d", i).isFalse();
            }
            if (interior != wasInterior) {
                assertThat(u.toResolver()).as("zone change at %d", i).isTrue();
            }
            if (u.track().status() == TrackStatus.DELETED) {
                assertThat(u.toResolver()).isTrue();
            }
        }
        // In the overlap zone an update is held back only within 10 s of the last one sent.
        Instant last = null;
        for (TileTrackUpdate u : target) {
            if (!GRID.interior(u.replica().depthM()) && !u.toResolver()) {
                assertThat(u.track().time()).isBefore(last.plusSeconds(10));
            }
            if (u.toResolver()) {
                last = u.track().time();
            }
        }
        long routed = target.stream().filter(TileTrackUpdate::toResolver).count();
        assertThat(routed).isLessThan(target.size() / 2);
    }

    @Test
    void aRestoredTileTrackerCarriesOnIdentically() {
        TreeMap<Instant, List<Observation>> obs = tileObservations(2);
        List<Instant> times = new ArrayList<>(obs.keySet());
        int half = times.size() / 2;
        TileTracker original =
                new TileTracker(TILE, GRID, TileScenario.parameters(), TileScenario.REF);
        for (Instant t : times.subList(0, half)) {
            original.step(t, obs.get(t));
        }
        TileTracker restored =
                TileTracker.restore(TILE, GRID, TileScenario.parameters(), original.snapshot());
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        for (Instant t : times.subList(half, times.size())) {
            assertThat(restored.step(t, obs.get(t))).isEqualTo(original.step(t, obs.get(t)));
        }
    }

    @Test
    void restoreRejectsForeignBytes() {
        assertThatThrownBy(
                        () ->
                                TileTracker.restore(
                                        TILE,
                                        GRID,
                                        TileScenario.parameters(),
                                        new byte[] {1, 2, 3, 4, 5}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
