package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.DecodedObservation;
import io.cordon.pipeline.flink.record.ObservationEnvelope;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.Partitioning;
import io.cordon.pipeline.fusion.tiling.TilePartitioning;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decodes and validates {@code cordon.v1.Observation} records (or takes what the source's {@link
 * ObservationEventTime} already decoded); anything that does not decode or fails validation goes to
 * the dead-letter output with the reason, and the job goes on. A valid observation goes out once
 * per fusion partition that fuses it (with tiles: its core tile and each tile whose halo holds it).
 *
 * <p>With tiles it also tells {@link ScanRouterFunction} ({@link #SCANS}) which tiles it sent
 * observations to, once per tile, and which sensors scanned when, once per sensor and event time
 * (records of one sensor arrive in order), so that every tile learns of a sensor's scan even when
 * none of its detections fell in the tile.
 */
public class ObservationDecodeFunction extends ProcessFunction<RawRecord, ObservationEnvelope> {
    public static final String STAGE = "fusion.decode";

    /**
     * With tiles: notices (a tile received an observation; {@link ObservationEnvelope#partitionKey}
     * the tile) and scan markers (a sensor reported a plot or fix at an event time; {@link
     * ObservationEnvelope#scanSensor}) for {@link ScanRouterFunction}.
     */
    public static final OutputTag<ObservationEnvelope> SCANS = new OutputTag<>("scans") {};

    private final Partitioning partitioning;
    private transient Set<String> noticedTiles;
    private transient Map<String, Long> lastScan;
    private transient Counter decoded;
    private transient Counter refused;

    public ObservationDecodeFunction(Partitioning partitioning) {
        this.partitioning = partitioning;
    }

    @Override
    public void open(OpenContext openContext) {
        decoded = getRuntimeContext().getMetricGroup().counter("observationsDecoded");
        refused = getRuntimeContext().getMetricGroup().counter("observationsDeadLettered");
        noticedTiles = new HashSet<>();
        lastScan = new HashMap<>();
    }

    private boolean tiled() {
        return partitioning instanceof TilePartitioning;
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<ObservationEnvelope> out) {
        DecodedObservation result = ObservationEventTime.decode(raw);
        Observation o = result.observation();
        if (o != null) {
            decoded.inc();
            long now = System.currentTimeMillis();
            for (String partition : partitioning.partitionsOf(o)) {
                ObservationEnvelope e = new ObservationEnvelope();
                e.partitionKey = partition;
                e.eventTimeMs = o.eventTime().toEpochMilli();
                e.ingestedAtMs = now;
                e.payload = raw.value;
                e.observation = o;
                out.collect(e);
                if (tiled() && noticedTiles.add(partition)) {
                    ObservationEnvelope notice = new ObservationEnvelope();
                    notice.partitionKey = partition;
                    notice.eventTimeMs = e.eventTimeMs;
                    ctx.output(SCANS, notice);
                }
            }
            long t = o.eventTime().toEpochMilli();
            if (tiled()
                    && !(o.measurement() instanceof SensorTrackUpdate)
                    && !Long.valueOf(t).equals(lastScan.put(o.sensorId(), t))) {
                ObservationEnvelope marker = new ObservationEnvelope();
                marker.partitionKey = "";
                marker.eventTimeMs = t;
                marker.scanSensor = o.sensorId();
                ctx.output(SCANS, marker);
            }
        } else {
            refused.inc();
            ctx.output(
                    Outputs.DEAD_LETTERS,
                    DeadLetterRecord.of(
                            raw, STAGE, result.refusal(), "", System.currentTimeMillis()));
        }
    }
}
