package io.cordon.pipeline.flink.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.SensorWatermarks;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    private int sent;

    /** An observation of {@code sensor} at {@code timeMs}, its record keyed by the sensor id. */
    private void event(String sensor, long timeMs) {
        event(sensor, timeMs, sensor);
    }

    /**
     * An observation of {@code sensor} at {@code timeMs} in a record with the given key; the
     * timestamp comes from the job's assigner, as at the source.
     */
    private void event(String sensor, long timeMs, String key) {
        Observation o =
                new Observation(
                        "o-" + ++sent,
                        "usa",
                        sensor,
                        SensorKind.DRONE,
                        Instant.ofEpochMilli(timeMs),
                        PositionFix.isotropic(new GeoPoint(31.33, -110.94, 0), 10),
                        null,
                        null,
                        null,
                        Marking.UNRESTRICTED);
        RawRecord r =
                new RawRecord(
                        "obs",
                        0,
                        sent,
                        timeMs,
                        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                        ObservationCodec.toProto(o).toByteArray());
        long timestamp = STRATEGY.createTimestampAssigner(null).extractTimestamp(r, timeMs);
        generator.onEvent(r, timestamp, output);
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
        RawRecord garbage = new RawRecord("obs", 0, 1, 30_000, null, new byte[] {1});
        generator.onEvent(
                garbage,
                STRATEGY.createTimestampAssigner(null).extractTimestamp(garbage, 30_000),
                output);
        assertThat(last()).isEqualTo(7_999);
        event("unknown", 20_000); // the default bound: 60 s out of order
        event("drone", 21_000);
        assertThat(last()).isEqualTo(7_999);
        int before = emitted.size();
        generator.onPeriodicEmit(output);
        assertThat(emitted).hasSize(before + 1);
        assertThat(last()).isEqualTo(7_999);
    }

    @Test
    void theObservationNamesTheSensorWhateverTheRecordsKey() {
        // keyed by observation id: still two sensors, each with its own bound
        for (long t = 10_000; t <= 20_000; t += 1_000) {
            event("drone", t, "obs-drone-" + t);
            event("radar", t, "obs-radar-" + t);
            // the drone's 2 s hold the watermark back (taking each key for a sensor, every record
            // would be a new sensor with the default 60 s)
            assertThat(last()).isEqualTo(t - 2_001);
        }
        // a key naming another sensor, or none, changes nothing
        event("radar", 21_000, "drone");
        event("drone", 21_000, null);
        assertThat(last()).isEqualTo(18_999);
        // the radar ahead: the drone, still active, holds the watermark back
        event("radar", 30_000, "drone");
        assertThat(last()).isEqualTo(18_999);
        event("drone", 30_000, "radar");
        assertThat(last()).isEqualTo(27_999);
    }
}
