package io.cordon.pipeline.flink.fusion;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/** The tracking operator's metrics; per-sensor counters are registered on first sight. */
final class FusionMetrics {
    /** Samples each latency histogram keeps (its percentiles are over the latest ones). */
    static final int HISTOGRAM_WINDOW = 10_000;

    /** One sensor's counters, in group {@code sensor.<id>}; each also counts into the total. */
    final class Sensor {
        private final Counter in;
        private final Counter fused;
        private final Counter late;

        private Sensor(MetricGroup sensorGroup) {
            in = sensorGroup.counter("observationsIn");
            fused = sensorGroup.counter("observationsFused");
            late = sensorGroup.counter("lateObservations");
        }

        void received() {
            in.inc();
            totalIn.inc();
        }

        void fused() {
            fused.inc();
            totalFused.inc();
        }

        void late() {
            late.inc();
            totalLate.inc();
        }
    }

    private final MetricGroup group;
    private final Map<String, Sensor> sensors = new HashMap<>();
    private final Counter totalIn;
    private final Counter totalFused;
    private final Counter totalLate;
    final Counter deadLettered;
    final Counter tracksOut;
    final Histogram eventTimeToEmit;
    final Histogram ingestionToEmit;

    FusionMetrics(MetricGroup group, Supplier<Integer> liveTracks) {
        this.group = group;
        totalIn = group.counter("observationsIn");
        totalFused = group.counter("observationsFused");
        totalLate = group.counter("lateObservations");
        deadLettered = group.counter("observationsDeadLettered");
        tracksOut = group.counter("trackUpdatesOut");
        group.gauge("liveTracks", liveTracks::get);
        eventTimeToEmit =
                group.histogram(
                        "eventTimeToEmitMs", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        ingestionToEmit =
                group.histogram(
                        "ingestionToEmitMs", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
    }

    /** The counters of a sensor. */
    Sensor sensor(String sensorId) {
        return sensors.computeIfAbsent(sensorId, id -> new Sensor(group.addGroup("sensor", id)));
    }
}
