package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.ObservationEnvelope;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.SensorRegistryPriors;
import io.cordon.pipeline.fusion.tiling.Tile;
import io.cordon.pipeline.fusion.tiling.TileGrid;
import io.cordon.pipeline.fusion.tiling.TileTrackUpdate;
import io.cordon.pipeline.fusion.tiling.TileTracker;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Stage 1 of tiled fusion: one {@link TileTracker} per tile (the key), driven by event time like
 * {@link TrackingFunction}. Every update of the tile's tracks goes to the main output (for
 * publication); those the identity resolver needs also go, without their payload, to {@link
 * #TO_RESOLVER}. Late observations are dead-lettered with the tile in the reason. Scan markers
 * ({@link ScanRouterFunction}) name the sensors that scanned at a time: for those without an
 * observation in the tile then, the tile's tracker takes an empty scan ({@code TileTracker.step}).
 *
 * <p>The tile trackers live on the heap and are written to keyed state only when a checkpoint is
 * taken ({@link #writeState}, called by {@link TileTrackingOperator}), for the tiles that stepped
 * since the last one, instead of after every step.
 */
public class TileTrackingFunction
        extends KeyedProcessFunction<String, ObservationEnvelope, TileTrackEnvelope> {
    public static final String STAGE = "fusion.track";

    /** Updates for the identity resolver (no payload). */
    public static final OutputTag<TileTrackEnvelope> TO_RESOLVER =
            new OutputTag<>("to-identity-resolver") {};

    private final ConfigText config;

    private transient GeoPoint reference;
    private transient TileGrid grid;
    private transient TrackerParameters parameters;
    private transient MapState<Long, List<ObservationEnvelope>> pending;
    private transient ValueState<byte[]> tileState;
    private transient Map<String, TileTracker> tiles;
    private transient Set<String> dirty;
    private transient Counter observationsIn;
    private transient Counter lateObservations;
    private transient Counter updatesOut;
    private transient Counter updatesToResolver;

    public TileTrackingFunction(ConfigText config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        CordonConfig cfg = config.parse();
        if (!cfg.fusion().tiled()) {
            throw new IllegalStateException(
                    "tile tracking needs fusion.tileSizeM in the configuration");
        }
        reference = cfg.reference();
        grid = new TileGrid(cfg.fusion().tileSizeM(), cfg.fusion().haloM());
        parameters = SensorRegistryPriors.trackerParameters(cfg);
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending-observations",
                                        Types.LONG,
                                        Types.LIST(TypeInformation.of(ObservationEnvelope.class))));
        tileState =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "tile-tracker",
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        tiles = new HashMap<>();
        dirty = new HashSet<>();
        var metrics = getRuntimeContext().getMetricGroup();
        observationsIn = metrics.counter("observationsIn");
        lateObservations = metrics.counter("lateObservations");
        updatesOut = metrics.counter("tileTrackUpdatesOut");
        updatesToResolver = metrics.counter("tileTrackUpdatesToResolver");
        metrics.gauge(
                "liveTracks",
                () -> tiles.values().stream().mapToInt(t -> t.tracker().liveTrackCount()).sum());
    }

    @Override
    public void processElement(ObservationEnvelope e, Context ctx, Collector<TileTrackEnvelope> out)
            throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (e.observation == null) { // a scan marker
            if (e.eventTimeMs > watermark) {
                pend(e, ctx);
            }
            return;
        }
        if (e.eventTimeMs <= watermark) {
            lateObservations.inc();
            RawRecord raw = new RawRecord("", -1, -1, e.eventTimeMs, null, e.payload);
            ctx.output(
                    Outputs.DEAD_LETTERS,
                    DeadLetterRecord.of(
                            raw,
                            STAGE,
                            "late: event time "
                                    + Instant.ofEpochMilli(e.eventTimeMs)
                                    + " is "
                                    + (watermark - e.eventTimeMs)
                                    + " ms behind the watermark of tile "
                                    + ctx.getCurrentKey(),
                            "",
                            System.currentTimeMillis()));
            return;
        }
        observationsIn.inc();
        // The raw bytes are only for a dead letter: not kept (nor checkpointed) while it waits.
        ObservationEnvelope kept = ObservationEnvelope.Serializer.INSTANCE.copy(e);
        kept.payload = null;
        pend(kept, ctx);
    }

    private void pend(ObservationEnvelope e, Context ctx) throws Exception {
        List<ObservationEnvelope> atTime = pending.get(e.eventTimeMs);
        if (atTime == null) {
            atTime = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(e.eventTimeMs);
        }
        atTime.add(e);
        pending.put(e.eventTimeMs, atTime);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TileTrackEnvelope> out)
            throws Exception {
        List<ObservationEnvelope> batch = pending.get(timestamp);
        pending.remove(timestamp);
        if (batch == null) {
            return;
        }
        List<Observation> observations = new ArrayList<>(batch.size());
        SortedSet<String> scanned = new TreeSet<>();
        for (ObservationEnvelope e : batch) {
            if (e.observation != null) {
                observations.add(e.observation);
            } else {
                scanned.add(e.scanSensor);
            }
        }
        TileTracker tile = tile(ctx.getCurrentKey());
        List<TileTrackUpdate> updates =
                tile.step(Instant.ofEpochMilli(timestamp), observations, scanned);
        dirty.add(ctx.getCurrentKey());
        for (TileTrackUpdate u : updates) {
            TileTrackEnvelope e = TileTrackEnvelope.of(u, EntityTrackCodec.toBytes(u.track()));
            updatesOut.inc();
            out.collect(e);
            if (u.toResolver()) {
                updatesToResolver.inc();
                ctx.output(TO_RESOLVER, e.withoutPayload());
            }
        }
    }

    /**
     * Writes the tile trackers that stepped since the last call to keyed state; {@code selectKey}
     * makes a tile's key the current one. Called before each checkpoint ({@link
     * TileTrackingOperator}).
     */
    public void writeState(Consumer<String> selectKey) throws Exception {
        for (String key : dirty) {
            selectKey.accept(key);
            tileState.update(tiles.get(key).snapshot());
        }
        dirty.clear();
    }

    private TileTracker tile(String key) throws Exception {
        TileTracker cached = tiles.get(key);
        if (cached == null) {
            byte[] snapshot = tileState.value();
            Tile t = Tile.parse(key);
            cached =
                    snapshot == null
                            ? new TileTracker(t, grid, parameters, reference)
                            : TileTracker.restore(t, grid, parameters, snapshot);
            tiles.put(key, cached);
        }
        return cached;
    }
}
