package io.cordon.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link TrackIdTable} keeps per id what a map from id string to flags keeps. */
class TrackIdTableTest {
    @Test
    void keepsTheFlagsOfEveryIdAsAMapDoesThroughGrowth() {
        Random r = new Random(5);
        TrackIdTable table = new TrackIdTable();
        Map<String, Integer> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            String id = "bench-" + r.nextInt(40_000) + (r.nextBoolean() ? "" : "-\u00e9");
            int slot = table.slot(TrackIdTable.hash(id));
            int expected = reference.getOrDefault(id, 0);
            assertThat(table.flags(slot)).as(id).isEqualTo(expected);
            int next = r.nextInt(4);
            table.set(slot, next);
            reference.put(id, next);
            if (i == 100_000) {
                table.clear(TrackIdTable.IN_RUN);
                reference.replaceAll((k, v) -> v & ~TrackIdTable.IN_RUN);
            }
        }
        assertThat(table.size()).isEqualTo(reference.size()).isGreaterThan(70_000);
    }

    @Test
    void hashesOfDistinctIdsDiffer() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(hashes.add(TrackIdTable.hash("trk-" + i))).isTrue();
            assertThat(TrackIdTable.hash("trk-" + i)).isNotZero();
        }
        assertThat(TrackIdTable.hash("ab")).isNotEqualTo(TrackIdTable.hash("ba"));
    }
}
