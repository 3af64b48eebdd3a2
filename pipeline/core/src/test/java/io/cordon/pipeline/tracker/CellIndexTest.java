package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cell numbering of the tracker's grids answers as a map from key to first-added order. */
class CellIndexTest {

    @Test
    void numbersCellsInTheOrderFirstAddedAndFindsThemAgainThroughGrowth() {
        CellIndex index = new CellIndex();
        Map<Long, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(5);
        // Grid keys as the grids make them (cx * 2 000 003 + cy) around the origin and far out,
        // with repeats, through several doublings of the table.
        for (int q = 0; q < 20_000; q++) {
            int cx = random.nextInt(-150, 150), cy = random.nextInt(-150, 150);
            if (q % 7 == 0) {
                cx = random.nextInt(-1_000_000_000, 1_000_000_000);
            }
            long key = cx * 2_000_003L + cy;
            Integer before = expected.putIfAbsent(key, expected.size());
            int got = index.add(key);
            assertThat(got).isEqualTo(before == null ? expected.size() - 1 : before);
        }
        assertThat(index.size()).isEqualTo(expected.size()).isGreaterThan(10_000);
        for (Map.Entry<Long, Integer> e : expected.entrySet()) {
            assertThat(index.get(e.getKey())).isEqualTo(e.getValue());
        }
        for (int q = 0; q < 20_000; q++) {
            long key = random.nextLong();
            if (key != Long.MIN_VALUE && !expected.containsKey(key)) {
                assertThat(index.get(key)).isEqualTo(-1);
            }
        }
    }

    @Test
    void anEmptyIndexHasNoCellAndRefusesTheReservedKey() {
        CellIndex index = new CellIndex();
        assertThat(index.size()).isZero();
        assertThat(index.get(0L)).isEqualTo(-1);
        assertThat(index.add(0L)).isZero();
        assertThat(index.add(-1L)).isEqualTo(1);
        assertThat(index.get(0L)).isZero();
        assertThatThrownBy(() -> index.add(Long.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(Long.MIN_VALUE));
    }
}
