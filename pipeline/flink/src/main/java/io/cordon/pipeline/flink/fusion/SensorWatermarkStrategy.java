package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.SensorWatermarks;
import io.cordon.pipeline.observation.Observation;
import java.util.Map;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks of {@code cordon.observations.v1} judged per sensor ({@link SensorWatermarks}), one
 * generator per Kafka partition: each sensor has its own bounded out-of-orderness and idleness
 * (sensor registry, else the job's defaults), a partition's watermark is the minimum over its
 * active sensors, and Flink takes the minimum over partitions (a partition without data for the
 * job's source idleness, in wall-clock time, is left out).
 *
 * <p>Within one Kafka partition records arrive in the order they were appended, so a sensor whose
 * newest observation falls more than its idleness behind the partition's newest really has been
 * silent in that stream, and leaving it out cannot make data late that a single bound for the whole
 * partition would have accepted. The sensor is the one the observation names ({@code sensor_id}),
 * not the record's key: Cordon's producers key by sensor id (DESIGN.md), but a topic keyed
 * otherwise (by observation id, by track, or not at all) must be judged the same way. Keyed by
 * observation id, a generator that took the key for the sensor saw every record as a new sensor:
 * the watermark trailed the newest record by the whole idleness, and each record cost a pass over
 * every record of that idleness (the fusion job's watermark stood still). Event times come from
 * {@link ObservationEventTime}, which decodes the record once: a record that does not validate
 * never moves a watermark. The watermark is emitted as soon as it advances (no wait for the
 * periodic emission).
 */
public class SensorWatermarkStrategy implements WatermarkStrategy<RawRecord> {
    private static final long serialVersionUID = 1L;

    private final Map<String, SensorWatermarks.Bounds> registry;
    private final SensorWatermarks.Bounds defaults;

    public SensorWatermarkStrategy(
            Map<String, SensorWatermarks.Bounds> registry, SensorWatermarks.Bounds defaults) {
        this.registry = Map.copyOf(registry);
        this.defaults = defaults;
    }

    @Override
    public WatermarkGenerator<RawRecord> createWatermarkGenerator(
            WatermarkGeneratorSupplier.Context context) {
        return new Generator(new SensorWatermarks(registry, defaults));
    }

    @Override
    public TimestampAssigner<RawRecord> createTimestampAssigner(
            TimestampAssignerSupplier.Context context) {
        return new ObservationEventTime();
    }

    /** The generator of one Kafka partition. */
    static final class Generator implements WatermarkGenerator<RawRecord> {
        private final SensorWatermarks clock;
        private long emitted = Long.MIN_VALUE;

        Generator(SensorWatermarks clock) {
            this.clock = clock;
        }

        @Override
        public void onEvent(RawRecord record, long eventTimestamp, WatermarkOutput output) {
            if (eventTimestamp == Long.MIN_VALUE || clock.isLate(eventTimestamp)) {
                return; // invalid (dead-lettered by decode) or late (by the tracker)
            }
            Observation o = ObservationEventTime.decode(record).observation();
            if (o == null) {
                return; // not an observation (a timestamp assigner other than the job's)
            }
            if (clock.observe(o.sensorId(), eventTimestamp) > emitted) {
                emitted = clock.current();
                output.emitWatermark(new Watermark(emitted));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (emitted > Long.MIN_VALUE) {
                output.emitWatermark(new Watermark(emitted));
            }
        }
    }
}
