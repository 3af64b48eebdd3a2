package io.cordon.jobs;

import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.detect.TrackDecodeFunction;
import io.cordon.pipeline.flink.detect.TrackDetectorFactory;
import io.cordon.pipeline.flink.detect.TrackDetectorFunction;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.flink.record.TrackEnvelope;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * tracks → decode → every per-track detector, each its own keyed operator → alerts. A track's
 * updates share one Kafka key, hence one partition and their order; the detectors rely on it.
 */
public final class DetectionJob {
    private final Source<RawRecord, ?, ?> tracks;
    private final Sink<KeyedPayload> alerts;
    private final Sink<DeadLetterRecord> deadLetters;
    private final ConfigText config;
    private final String borderGeoJson;
    private final List<TrackDetectorFactory.Named> detectors;

    public DetectionJob(
            Source<RawRecord, ?, ?> tracks,
            Sink<KeyedPayload> alerts,
            Sink<DeadLetterRecord> deadLetters,
            ConfigText config,
            String borderGeoJson,
            List<TrackDetectorFactory.Named> detectors) {
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException("a detection job needs at least one detector");
        }
        this.tracks = tracks;
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.config = config;
        this.borderGeoJson = borderGeoJson;
        this.detectors = List.copyOf(detectors);
    }

    public void addTo(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<TrackEnvelope> decoded =
                env.fromSource(tracks, WatermarkStrategy.noWatermarks(), "tracks")
                        .uid("detection-tracks-source")
                        .name("tracks source")
                        .process(new TrackDecodeFunction())
                        .uid("detection-decode")
                        .name("decode tracks");
        decoded.keyBy(e -> e.trackId, Types.STRING)
                .process(
                        new TrackDetectorFunction(
                                config, borderGeoJson, TrackDetectorFactory.borderCrossing()))
                .uid("detection-border-crossing")
                .name("border crossing detector")
                .sinkTo(alerts)
                .uid("detection-alerts-sink")
                .name("alerts sink");
        decoded.getSideOutput(Outputs.DEAD_LETTERS)
                .sinkTo(deadLetters)
                .uid("detection-dead-letter-sink")
                .name("dead-letter sink");
    }
}
