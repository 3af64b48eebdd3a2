package io.cordon.pipeline.fusion.tiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TileGridTest {
    private static final TileGrid GRID = new TileGrid(10_000, 2_000);

    @Test
    void coreTileIsTheFloorOfTheCoordinates() {
        assertThat(GRID.tileOf(0, 0)).isEqualTo(new Tile(0, 0));
        assertThat(GRID.tileOf(-0.001, 9_999.9)).isEqualTo(new Tile(-1, 0));
        assertThat(GRID.tileOf(25_000, -10_000)).isEqualTo(new Tile(2, -1));
    }

    @Test
    void depthIsTheSignedDistanceToTheCoreBoundary() {
        Tile t = new Tile(0, 0);
        assertThat(GRID.depthM(t, 5_000, 5_000)).isEqualTo(5_000);
        assertThat(GRID.depthM(t, 1_000, 7_000)).isEqualTo(1_000);
        assertThat(GRID.depthM(t, -300, 5_000)).isEqualTo(-300);
        // Outside a corner: Euclidean distance to it.
        assertThat(GRID.depthM(t, -300, -400)).isCloseTo(-500, within(1e-9));
    }

    @Test
    void aPointBelongsToItsCoreTileAndEveryTileWhoseHaloHoldsIt() {
        assertThat(GRID.tilesCovering(5_000, 5_000)).containsExactly(new Tile(0, 0));
        assertThat(GRID.tilesCovering(500, 5_000)).containsExactly(new Tile(0, 0), new Tile(-1, 0));
        assertThat(GRID.tilesCovering(500, 500))
                .containsExactly(
                        new Tile(0, 0), new Tile(-1, -1), new Tile(-1, 0), new Tile(0, -1));
        // 1.5 km from both edges: 2.1 km from the diagonal tile's corner, beyond its 2 km halo.
        assertThat(GRID.tilesCovering(1_500, 1_500))
                .containsExactly(new Tile(0, 0), new Tile(-1, 0), new Tile(0, -1));
    }

    @Test
    void theInteriorStartsOneAndAHalfHalosInside() {
        assertThat(GRID.interiorDepthM()).isEqualTo(3_000);
        assertThat(GRID.interior(3_000)).isFalse();
        assertThat(GRID.interior(3_001)).isTrue();
    }

    @Test
    void rejectsHalosThatLeaveNoInterior() {
        assertThatThrownBy(() -> new TileGrid(9_000, 3_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("haloM must be in (0, tileSizeM / 3)");
        assertThatThrownBy(() -> new TileGrid(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tileSizeM");
    }

    @Test
    void tileKeysRoundTrip() {
        Tile t = new Tile(-3, 12);
        assertThat(t.key()).isEqualTo("-3:12");
        assertThat(Tile.parse(t.key())).isEqualTo(t);
        assertThatThrownBy(() -> Tile.parse("all")).isInstanceOf(IllegalArgumentException.class);
    }
}
