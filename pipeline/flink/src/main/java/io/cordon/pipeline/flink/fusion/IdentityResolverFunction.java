package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.fusion.tiling.IdentityDecision;
import io.cordon.pipeline.fusion.tiling.IdentityResolver;
import io.cordon.pipeline.fusion.tiling.ReplicaState;
import io.cordon.pipeline.fusion.tiling.TileGrid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Stage 2 of tiled fusion: the {@link IdentityResolver}, at parallelism 1 (one key, {@link #KEY}).
 * Replica updates wait in keyed state until the watermark passes their time; then all updates of
 * that time go through the resolver together, so the decisions do not depend on arrival order.
 *
 * <p>The resolver's state is held in memory and written to operator state at each checkpoint (not
 * after every step: it holds every live replica, and one snapshot per event time would cost more
 * than the resolving). Both are consistent at the barrier, so a restore resumes exactly.
 */
public class IdentityResolverFunction
        extends KeyedProcessFunction<String, TileTrackEnvelope, DecisionEnvelope>
        implements CheckpointedFunction {
    /** The one key: the resolver is a single instance. */
    public static final String KEY = "identity";

    private final ConfigText config;

    private transient TileGrid grid;
    private transient IdentityResolver resolver;
    private transient ListState<byte[]> resolverState;
    private transient MapState<Long, List<TileTrackEnvelope>> pending;
    private transient Counter updatesIn;
    private transient Counter decisionsOut;

    public IdentityResolverFunction(ConfigText config) {
        this.config = config;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        grid = grid(config.parse());
        resolverState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "identity-resolver",
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        resolver = new IdentityResolver(grid);
        if (context.isRestored()) {
            for (byte[] snapshot : resolverState.get()) {
                resolver =
                        IdentityResolver.restore(
                                grid, IdentityResolver.Parameters.defaultsFor(grid), snapshot);
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        resolverState.update(List.of(resolver.snapshot()));
    }

    @Override
    public void open(OpenContext openContext) {
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending-replica-updates",
                                        Types.LONG,
                                        Types.LIST(TypeInformation.of(TileTrackEnvelope.class))));
        var metrics = getRuntimeContext().getMetricGroup();
        updatesIn = metrics.counter("replicaUpdatesIn");
        decisionsOut = metrics.counter("identityDecisionsOut");
        metrics.gauge("replicas", () -> resolver.replicaCount());
        metrics.gauge("entities", () -> resolver.entityCount());
    }

    @Override
    public void processElement(TileTrackEnvelope e, Context ctx, Collector<DecisionEnvelope> out)
            throws Exception {
        updatesIn.inc();
        List<TileTrackEnvelope> atTime = pending.get(e.eventTimeMs);
        if (atTime == null) {
            atTime = new ArrayList<>();
            ctx.timerService().registerEventTimeTimer(e.eventTimeMs);
        }
        atTime.add(e);
        pending.put(e.eventTimeMs, atTime);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DecisionEnvelope> out)
            throws Exception {
        List<TileTrackEnvelope> batch = pending.get(timestamp);
        pending.remove(timestamp);
        if (batch == null) {
            return;
        }
        List<ReplicaState> updates = new ArrayList<>(batch.size());
        for (TileTrackEnvelope e : batch) {
            updates.add(e.replica());
        }
        for (IdentityDecision d : resolver.step(Instant.ofEpochMilli(timestamp), updates)) {
            decisionsOut.inc();
            out.collect(DecisionEnvelope.of(d));
        }
    }

    static TileGrid grid(CordonConfig cfg) {
        if (!cfg.fusion().tiled()) {
            throw new IllegalStateException(
                    "identity resolution needs fusion.tileSizeM in the configuration");
        }
        return new TileGrid(cfg.fusion().tileSizeM(), cfg.fusion().haloM());
    }
}
