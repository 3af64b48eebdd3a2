package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.flink.record.ObservationEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tiled fusion: sends every scan marker (a sensor reported plots or fixes at an event time) to
 * every tile that exists by then, so that each tile's tracker learns of the scan even when none of
 * the sensor's detections fell in the tile (an empty scan: its tracks in the sensor's view miss a
 * look), as {@code TiledFusion} does offline. Runs at parallelism 1 under one key ({@link #KEY}).
 *
 * <p>A tile exists from its first observation on: the decode step sends a notice with that
 * observation's event time. Markers are kept until the watermark passes them, and a tile noticed
 * late gets those at or after its first observation, so the order in which notices and markers
 * arrive does not matter. Known tiles and kept markers are keyed state.
 */
public class ScanRouterFunction
        extends KeyedProcessFunction<String, ObservationEnvelope, ObservationEnvelope> {
    public static final String KEY = "scans";

    private transient MapState<String, Long> tiles;
    private transient MapState<Long, List<String>> markers;

    @Override
    public void open(OpenContext openContext) {
        tiles =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("tiles", Types.STRING, Types.LONG));
        markers =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "scan-markers", Types.LONG, Types.LIST(Types.STRING)));
    }

    @Override
    public void processElement(
            ObservationEnvelope e, Context ctx, Collector<ObservationEnvelope> out)
            throws Exception {
        if (e.scanSensor == null) { // a tile's notice
            if (tiles.contains(e.partitionKey)) {
                return;
            }
            tiles.put(e.partitionKey, e.eventTimeMs);
            for (Map.Entry<Long, List<String>> m : markers.entries()) {
                if (m.getKey() >= e.eventTimeMs) {
                    for (String sensor : m.getValue()) {
                        out.collect(marker(e.partitionKey, m.getKey(), sensor));
                    }
                }
            }
            return;
        }
        if (e.eventTimeMs <= ctx.timerService().currentWatermark()) {
            return; // its observations are late too: dead-lettered by the decode's consumers
        }
        List<String> sensors = markers.get(e.eventTimeMs);
        if (sensors == null) {
            sensors = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(e.eventTimeMs);
        } else if (sensors.contains(e.scanSensor)) {
            return;
        }
        sensors.add(e.scanSensor);
        markers.put(e.eventTimeMs, sensors);
        for (String tile : tiles.keys()) {
            out.collect(marker(tile, e.eventTimeMs, e.scanSensor));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ObservationEnvelope> out)
            throws Exception {
        markers.remove(timestamp);
    }

    private static ObservationEnvelope marker(String tile, long timeMs, String sensor) {
        ObservationEnvelope m = new ObservationEnvelope();
        m.partitionKey = tile;
        m.eventTimeMs = timeMs;
        m.scanSensor = sensor;
        return m;
    }
}
