package io.cordon.pipeline.flink.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.SensorWatermarks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** The per-sensor watermark generator of one Kafka partition. */
class SensorWatermarkStrategyTest {
    static final SensorWatermarks.Bounds DEFAULTS = new SensorWatermarks.Bounds(60_000, 600_000);

    /** radar: in order, idle after 5 s; drone: 2 s out of order; others: the defaults. */
    static final SensorWatermarkStrategy STRATEGY =
            new SensorWatermarkStrategy(
                    Map.of(
                            "radar", new SensorWatermarks.Bounds(0, 5_000),
                            "drone", new SensorWatermarks.Bounds(2_000, 600_000)),
                    DEFAULTS);

    private final List<Long> emitted = new ArrayList<>();
    private final WatermarkOutput output =
            new WatermarkOutput() {
                @Override
                public void emitWatermark(Watermark watermark) {
                    emitted.add(watermark.getTimestamp());
                }

                @Override
                public void markIdle() {}

                @Override
                public void markActive() {}
            };

    private final WatermarkGenerator<RawRecord> generator = STRATEGY.createWatermarkGenerator(null);

    private void event(String sensor, long timeMs) {
        RawRecord r =
                new RawRecord(
                        "obs", 0, 0, timeMs, sensor.getBytes(StandardCharsets.UTF_8), new byte[0]);
        generator.onEvent(r, timeMs, output);
    }

    private long last() {
        return emitted.get(emitted.size() - 1);
    }

    @Test
    void eachSensorsOwnBoundCountsAndTheSlowestActiveSensorHoldsBack() {
        event("radar", 10_000);
        assertThat(last()).isEqualTo(9_999); // in order: all before 10 s is done
        event("drone", 10_000);
        event("radar", 11_000);
        assertThat(last()).isEqualTo(9_999); // the drone may still send up to 2 s late
        event("drone", 12_000);
        assertThat(last()).isEqualTo(9_999);
        event("radar", 13_000);
        assertThat(last()).isEqualTo(9_999);
        event("drone", 14_000);
        assertThat(last()).isEqualTo(11_999);
    }

    @Test
    void aSensorSilentForItsIdlenessIsLeftOutAndInvalidRecordsMoveNothing() {
        event("radar", 0);
        event("drone", 10_000);
        // the radar has been silent for more than its 5 s: only the drone's bound counts
        assertThat(last()).isEqualTo(7_999);
        generator.onEvent(
                new RawRecord("obs", 0, 1, 0, null, new byte[] {1}), Long.MIN_VALUE, output);
        assertThat(last()).isEqualTo(7_999);
        event("unknown", 20_000); // the default bound: 60 s out of order
        event("drone", 21_000);
        assertThat(last()).isEqualTo(7_999);
        int before = emitted.size();
        generator.onPeriodicEmit(output);
        assertThat(emitted).hasSize(before + 1);
        assertThat(last()).isEqualTo(7_999);
    }
}
