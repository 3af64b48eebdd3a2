package io.cordon.pipeline.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorWatermarksTest {
    static final SensorWatermarks.Bounds DEFAULTS = new SensorWatermarks.Bounds(200, 5_000);
    static final Map<String, SensorWatermarks.Bounds> REGISTRY =
            Map.of(
                    "radar", new SensorWatermarks.Bounds(0, 10_000),
                    "satellite", new SensorWatermarks.Bounds(30_000, 60_000));

    @Test
    void thePartitionWaitsForItsSlowestActiveSensor() {
        SensorWatermarks w = new SensorWatermarks(REGISTRY, DEFAULTS);
        assertThat(w.current()).isEqualTo(Long.MIN_VALUE);
        assertThat(w.observe("radar", 1_000)).isEqualTo(999);
        assertThat(w.observe("drone", 1_000)).isEqualTo(999); // 1 000 - 200 - 1 < 999: kept
        assertThat(w.observe("radar", 2_000)).isEqualTo(999);
        assertThat(w.observe("drone", 2_000)).isEqualTo(1_799);
        assertThat(w.isLate(1_799)).isTrue();
        assertThat(w.isLate(1_800)).isFalse();
    }

    @Test
    void aSensorIdleInEventTimeIsExcludedUntilItReportsAgain() {
        SensorWatermarks w = new SensorWatermarks(REGISTRY, DEFAULTS);
        w.observe("satellite", 0);
        w.observe("radar", 0);
        assertThat(w.observe("radar", 59_000)).isEqualTo(-30_001);
        assertThat(w.observe("radar", 60_001)).isEqualTo(60_000); // satellite idle after 60 s
        assertThat(w.newestBySensor()).containsOnlyKeys("radar");
        // back, in time: it holds back again (the watermark never goes back)
        assertThat(w.observe("satellite", 70_000)).isEqualTo(60_000);
        assertThat(w.observe("radar", 100_000)).isEqualTo(60_000);
    }

    @Test
    void withOneBoundForAllItIsNeverAheadOfTheWholeStreamsBoundAndLateDataIsRefused() {
        SensorWatermarks w =
                new SensorWatermarks(Map.of(), new SensorWatermarks.Bounds(2_000, 3_000));
        long[][] stream = {{1, 0}, {2, 500}, {1, 1_000}, {2, 2_900}, {1, 4_000}, {2, 4_100}};
        long newest = Long.MIN_VALUE;
        for (long[] r : stream) {
            newest = Math.max(newest, r[1]);
            long watermark = w.observe("s" + r[0], r[1]);
            assertThat(watermark).isLessThanOrEqualTo(newest - 2_000 - 1);
        }
        // s1 (4 000) and s2 (4 100) both active: 4 000 - 2 000 - 1
        assertThat(w.current()).isEqualTo(1_999);
        assertThat(w.isLate(1_999)).isTrue();
        assertThatThrownBy(() -> w.observe("s3", 1_500))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundsComeFromTheRegistryElseTheDefaults() {
        SensorWatermarks w = new SensorWatermarks(REGISTRY, DEFAULTS);
        assertThat(w.bounds("radar").maxOutOfOrdernessMs()).isZero();
        assertThat(w.bounds("unknown")).isEqualTo(DEFAULTS);
        assertThat(SensorWatermarks.largestOutOfOrderness(REGISTRY, DEFAULTS).toMillis())
                .isEqualTo(30_000);
    }
}
