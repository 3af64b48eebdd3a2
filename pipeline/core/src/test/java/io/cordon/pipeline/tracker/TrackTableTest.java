package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tracker's table of live tracks by id answers as a map from id to record. */
class TrackTableTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static TrackRecord record(String id) {
        return new TrackRecord(id, TrackStatus.TENTATIVE, T0, 4);
    }

    @Test
    void agreesWithAHashMapThroughBirthsDeletionsAndGrowth() {
        TrackTable table = new TrackTable();
        Map<String, TrackRecord> expected = new HashMap<>();
        List<String> ids = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        // Ids of the tracker's form, and pairs of distinct ids with the same String hash ("Aa"
        // and "BB" hash alike, so do any two strings built of them in the same positions), so that
        // probe runs hold equal hashes and the backward shift moves records across them.
        for (int q = 0; q < 60_000; q++) {
            int op = random.nextInt(10);
            if (op < 6 || ids.isEmpty()) {
                String id =
                        random.nextInt(4) == 0
                                ? collidingId(random.nextInt(1 << 12))
                                : TrackIds.derive("R1", T0.plusSeconds(q), "o" + q);
                TrackRecord r = record(new String(id)); // a new instance, as a decoded id is
                table.put(r);
                if (expected.put(id, r) == null) {
                    ids.add(id);
                }
            } else if (op < 9) {
                String id = ids.remove(random.nextInt(ids.size()));
                assertThat(table.remove(new String(id))).isSameAs(expected.remove(id));
                assertThat(table.remove(id)).isNull();
            } else {
                String id = ids.get(random.nextInt(ids.size()));
                assertThat(table.get(new String(id))).isSameAs(expected.get(id));
            }
            assertThat(table.size()).isEqualTo(expected.size());
        }
        assertThat(expected.size()).isGreaterThan(10_000);
        for (Map.Entry<String, TrackRecord> e : expected.entrySet()) {
            assertThat(table.get(e.getKey())).isSameAs(e.getValue());
            assertThat(table.containsKey(e.getKey())).isTrue();
        }
        for (int q = 0; q < 5_000; q++) {
            String id = TrackIds.derive("R2", T0.plusSeconds(q), "x" + q);
            assertThat(table.get(id)).isNull();
            assertThat(table.containsKey(id)).isFalse();
        }
    }

    @Test
    void putReplacesTheTrackOfTheSameIdAndRemoveEmptiesTheTable() {
        TrackTable table = new TrackTable();
        TrackRecord first = record("T-000000000001");
        TrackRecord second = record("T-000000000001");
        table.put(first);
        table.put(second);
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.get("T-000000000001")).isSameAs(second);
        assertThat(table.remove("T-000000000001")).isSameAs(second);
        assertThat(table.size()).isZero();
        assertThat(table.get("T-000000000001")).isNull();
    }

    /** A string of twelve "Aa"/"BB" pairs by the bits of k: all of them share one hash code. */
    private static String collidingId(int k) {
        StringBuilder b = new StringBuilder("C-");
        for (int i = 0; i < 12; i++) {
            b.append((k >>> i & 1) == 0 ? "Aa" : "BB");
        }
        return b.toString();
    }
}
