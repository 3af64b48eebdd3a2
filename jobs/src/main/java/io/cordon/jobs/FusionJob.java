package io.cordon.jobs;

import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.fusion.DecisionEnvelope;
import io.cordon.pipeline.flink.fusion.IdentityResolverFunction;
import io.cordon.pipeline.flink.fusion.ObservationDecodeFunction;
import io.cordon.pipeline.flink.fusion.PublishFunction;
import io.cordon.pipeline.flink.fusion.ScanRouterFunction;
import io.cordon.pipeline.flink.fusion.SensorWatermarkStrategy;
import io.cordon.pipeline.flink.fusion.TileTrackEnvelope;
import io.cordon.pipeline.flink.fusion.TileTrackingFunction;
import io.cordon.pipeline.flink.fusion.TileTrackingOperator;
import io.cordon.pipeline.flink.fusion.TrackOrderFunction;
import io.cordon.pipeline.flink.fusion.TrackingFunction;
import io.cordon.pipeline.flink.fusion.TrackingOperator;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.ObservationEnvelope;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.Partitioning;
import io.cordon.pipeline.fusion.SensorWatermarks;
import io.cordon.pipeline.fusion.tiling.TilePartitioning;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * observations (watermarks per sensor within each Kafka partition, {@link SensorWatermarkStrategy})
 * → decode and validate → tracker per fusion partition ({@link TrackingFunction}) → tracks. Refused
 * and late observations go to the dead-letter sink.
 *
 * <p>With {@link TilePartitioning} (the configuration's {@code fusion} section) the tracker runs
 * per tile, told of every sensor's scans by {@link ScanRouterFunction} (parallelism 1), and three
 * stages follow: the identity resolver (parallelism 1) gives tile tracks global ids and one owner
 * per entity, the owners' updates are published under the global ids, and each track's updates are
 * put in event-time order (docs/architecture.md, "Fusion partitioning").
 */
public final class FusionJob {
    /**
     * Longest time, ms, a record waits in a network buffer between two operators before it is sent
     * (Flink's default is 100 ms, most of a 250 ms latency budget). Set for the whole job, so that
     * every edge has it, the tiled topology's five hops included.
     */
    static final long BUFFER_TIMEOUT_MS = 5;

    /**
     * How often, ms, the source emits its watermark even when it did not advance (it is emitted at
     * once when it does; Flink's default period is 200 ms).
     */
    static final long WATERMARK_INTERVAL_MS = 20;

    /**
     * Watermark alignment of the observations source: a Kafka partition whose watermark runs more
     * than this ahead of the slowest partition's (over all source subtasks) is paused until that
     * one catches up. Without it, a partition that carries less data per second of event time (a
     * topic keyed by sensor puts a different number of sensors on each partition) is read ahead of
     * the watermark, and everything read ahead waits in the trackers' state and is checkpointed: at
     * 10 000 targets in the benchmark, 40 % of what the job read, growing without bound
     * (docs/benchmarks.md). The drift bounds that to about this much event time of input, plus what
     * the source has already fetched when the pause takes effect (one poll per partition).
     */
    public static final Duration MAX_WATERMARK_DRIFT = Duration.ofSeconds(1);

    /**
     * How often the source subtasks report their watermarks for the alignment and learn its bound.
     */
    static final Duration WATERMARK_ALIGNMENT_INTERVAL = Duration.ofMillis(100);

    /** The alignment group of the observations source (the job's only source). */
    static final String WATERMARK_ALIGNMENT_GROUP = "fusion-observations";

    private final Source<RawRecord, ?, ?> observations;
    private final Sink<KeyedPayload> tracks;
    private final Sink<DeadLetterRecord> deadLetters;
    private final ConfigText config;
    private final Partitioning partitioning;
    private final JobRuntime runtime;

    public FusionJob(
            Source<RawRecord, ?, ?> observations,
            Sink<KeyedPayload> tracks,
            Sink<DeadLetterRecord> deadLetters,
            ConfigText config,
            Partitioning partitioning,
            JobRuntime runtime) {
        this.observations = observations;
        this.tracks = tracks;
        this.deadLetters = deadLetters;
        this.config = config;
        this.partitioning = partitioning;
        this.runtime = runtime;
    }

    public void addTo(StreamExecutionEnvironment env) {
        SensorWatermarks.Bounds defaults =
                SensorWatermarks.Bounds.of(runtime.maxOutOfOrderness(), runtime.sourceIdleness());
        env.getConfig().setAutoWatermarkInterval(WATERMARK_INTERVAL_MS);
        env.setBufferTimeout(BUFFER_TIMEOUT_MS);
        SingleOutputStreamOperator<ObservationEnvelope> decoded =
                observations(
                                env,
                                observations,
                                SensorWatermarks.fromRegistry(config.parse().sensors(), defaults),
                                defaults,
                                runtime.sourceIdleness())
                        .process(new ObservationDecodeFunction(partitioning))
                        .uid("fusion-decode")
                        .name("decode observations");
        if (partitioning instanceof TilePartitioning) {
            addTiled(decoded);
            return;
        }
        SingleOutputStreamOperator<KeyedPayload> tracked =
                decoded.keyBy(e -> e.partitionKey, Types.STRING)
                        .transform(
                                "track per partition",
                                KeyedPayload.TYPE_INFO,
                                new TrackingOperator(new TrackingFunction(config, defaults)))
                        .uid("fusion-tracker")
                        .name("track per partition");
        // Not chained to the tracker: at every checkpoint the transactional sink flushes, commits
        // and starts a transaction, round trips to the broker that would stall the tracker.
        tracked.sinkTo(tracks).uid("fusion-tracks-sink").name("tracks sink").disableChaining();
        decoded.getSideOutput(Outputs.DEAD_LETTERS)
                .union(tracked.getSideOutput(Outputs.DEAD_LETTERS))
                .sinkTo(deadLetters)
                .uid("fusion-dead-letter-sink")
                .name("dead-letter sink");
    }

    /**
     * The job's observations source with its event time: watermarks per sensor within each Kafka
     * partition ({@link SensorWatermarkStrategy}), a partition without records for {@code idleness}
     * (wall-clock) left out, and the partitions' watermarks aligned within {@link
     * #MAX_WATERMARK_DRIFT}.
     */
    public static SingleOutputStreamOperator<RawRecord> observations(
            StreamExecutionEnvironment env,
            Source<RawRecord, ?, ?> source,
            Map<String, SensorWatermarks.Bounds> registry,
            SensorWatermarks.Bounds defaults,
            Duration idleness) {
        return env.fromSource(
                        source,
                        new SensorWatermarkStrategy(registry, defaults)
                                .withIdleness(idleness)
                                .withWatermarkAlignment(
                                        WATERMARK_ALIGNMENT_GROUP,
                                        MAX_WATERMARK_DRIFT,
                                        WATERMARK_ALIGNMENT_INTERVAL),
                        "observations")
                .uid("fusion-observations-source")
                .name("observations source");
    }

    private void addTiled(SingleOutputStreamOperator<ObservationEnvelope> decoded) {
        // every sensor's scans to every tile that exists by then (empty scans), as TiledFusion
        SingleOutputStreamOperator<ObservationEnvelope> scans =
                decoded.getSideOutput(ObservationDecodeFunction.SCANS)
                        .keyBy(e -> ScanRouterFunction.KEY, Types.STRING)
                        .process(new ScanRouterFunction())
                        .uid("fusion-scan-router")
                        .name("route scans to tiles")
                        .setParallelism(1);
        SingleOutputStreamOperator<TileTrackEnvelope> tileUpdates =
                decoded.union(scans)
                        .keyBy(e -> e.partitionKey, Types.STRING)
                        .transform(
                                "track per partition",
                                TypeInformation.of(TileTrackEnvelope.class),
                                new TileTrackingOperator(new TileTrackingFunction(config)))
                        .uid("fusion-tile-tracker")
                        .name("track per partition");
        SingleOutputStreamOperator<DecisionEnvelope> decisions =
                tileUpdates
                        .getSideOutput(TileTrackingFunction.TO_RESOLVER)
                        .keyBy(e -> IdentityResolverFunction.KEY, Types.STRING)
                        .process(new IdentityResolverFunction(config))
                        .uid("fusion-identity")
                        .name("resolve identities")
                        .setParallelism(1);
        SingleOutputStreamOperator<KeyedPayload> published =
                tileUpdates
                        .keyBy(TileTrackEnvelope::replicaKey, Types.STRING)
                        .connect(decisions.keyBy(DecisionEnvelope::replicaKey, Types.STRING))
                        .process(new PublishFunction())
                        .uid("fusion-publish")
                        .name("publish owners under global ids");
        published
                .keyBy(p -> p.key, Types.STRING)
                .process(new TrackOrderFunction())
                .uid("fusion-track-order")
                .name("order per track")
                .sinkTo(tracks)
                .uid("fusion-tracks-sink")
                .name("tracks sink");
        decoded.getSideOutput(Outputs.DEAD_LETTERS)
                .union(tileUpdates.getSideOutput(Outputs.DEAD_LETTERS))
                .sinkTo(deadLetters)
                .uid("fusion-dead-letter-sink")
                .name("dead-letter sink");
    }
}
