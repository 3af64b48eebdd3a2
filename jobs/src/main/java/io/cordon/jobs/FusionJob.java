package io.cordon.jobs;

import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.fusion.ObservationDecodeFunction;
import io.cordon.pipeline.flink.fusion.ObservationEventTime;
import io.cordon.pipeline.flink.fusion.TrackingFunction;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.ObservationEnvelope;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.Partitioning;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * observations (watermarks per Kafka partition, from each record's event time) → decode and
 * validate → tracker per fusion partition → tracks. Refused and late observations go to the
 * dead-letter sink.
 */
public final class FusionJob {
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
        SingleOutputStreamOperator<ObservationEnvelope> decoded =
                env.fromSource(
                                observations,
                                WatermarkStrategy.<RawRecord>forBoundedOutOfOrderness(
                                                runtime.maxOutOfOrderness())
                                        .withTimestampAssigner(new ObservationEventTime())
                                        .withIdleness(runtime.sourceIdleness()),
                                "observations")
                        .uid("fusion-observations-source")
                        .name("observations source")
                        .process(new ObservationDecodeFunction(partitioning))
                        .uid("fusion-decode")
                        .name("decode observations");
        SingleOutputStreamOperator<KeyedPayload> tracked =
                decoded.keyBy(e -> e.partitionKey, Types.STRING)
                        .process(new TrackingFunction(config))
                        .uid("fusion-tracker")
                        .name("track per partition");
        tracked.sinkTo(tracks).uid("fusion-tracks-sink").name("tracks sink");
        decoded.getSideOutput(Outputs.DEAD_LETTERS)
                .union(tracked.getSideOutput(Outputs.DEAD_LETTERS))
                .sinkTo(deadLetters)
                .uid("fusion-dead-letter-sink")
                .name("dead-letter sink");
    }
}
