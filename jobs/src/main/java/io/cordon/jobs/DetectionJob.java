package io.cordon.jobs;

import io.cordon.pipeline.detect.convoy.ConvoyDetector;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.detect.ConvoyReconcileFunction;
import io.cordon.pipeline.flink.detect.KeyedDetectorFactory;
import io.cordon.pipeline.flink.detect.KeyedTrackDetectorFunction;
import io.cordon.pipeline.flink.detect.TrackDecodeFunction;
import io.cordon.pipeline.flink.detect.TrackDetectorFactory;
import io.cordon.pipeline.flink.detect.TrackDetectorFunction;
import io.cordon.pipeline.flink.detect.TrackEventTime;
import io.cordon.pipeline.flink.detect.TrackRouteFunction;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.flink.record.TrackEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * tracks → decode → every per-track detector, each its own operator keyed by track id, and every
 * detector over several tracks (rendezvous, convoy, identity conflict), each routed to its keys
 * (tiles, identities) and keyed by them → alerts. A track's updates share one Kafka key, hence one
 * partition and their order; the per-track detectors rely on it. The keyed detectors see updates of
 * many tracks from several partitions and order them by event time: the source's watermark (the
 * updates' own event times read at the source by {@link TrackEventTime}, with {@code
 * maxOutOfOrderness} and {@code sourceIdleness}) releases them (see {@link
 * KeyedTrackDetectorFunction}). The convoy tiles' alerts then pass one {@link
 * ConvoyReconcileFunction} (keyed by a constant), so that a convoy keeps its id across tiles.
 */
public final class DetectionJob {
    private final Source<RawRecord, ?, ?> tracks;
    private final Sink<KeyedPayload> alerts;
    private final Sink<DeadLetterRecord> deadLetters;
    private final ConfigText config;
    private final String borderGeoJson;
    private final List<TrackDetectorFactory.Named> detectors;
    private final List<KeyedDetectorFactory.Named> keyedDetectors;
    private final Duration maxOutOfOrderness;
    private final Duration sourceIdleness;

    public DetectionJob(
            Source<RawRecord, ?, ?> tracks,
            Sink<KeyedPayload> alerts,
            Sink<DeadLetterRecord> deadLetters,
            ConfigText config,
            String borderGeoJson,
            List<TrackDetectorFactory.Named> detectors,
            List<KeyedDetectorFactory.Named> keyedDetectors,
            Duration maxOutOfOrderness,
            Duration sourceIdleness) {
        if (detectors.isEmpty() && keyedDetectors.isEmpty()) {
            throw new IllegalArgumentException("a detection job needs at least one detector");
        }
        this.tracks = tracks;
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.config = config;
        this.borderGeoJson = borderGeoJson;
        this.detectors = List.copyOf(detectors);
        this.keyedDetectors = List.copyOf(keyedDetectors);
        this.maxOutOfOrderness = maxOutOfOrderness;
        this.sourceIdleness = sourceIdleness;
    }

    public void addTo(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<TrackEnvelope> decoded =
                env.fromSource(
                                tracks,
                                WatermarkStrategy.<RawRecord>forBoundedOutOfOrderness(
                                                maxOutOfOrderness)
                                        .withTimestampAssigner(new TrackEventTime())
                                        .withIdleness(sourceIdleness),
                                "tracks")
                        .uid("detection-tracks-source")
                        .name("tracks source")
                        .process(new TrackDecodeFunction())
                        .uid("detection-decode")
                        .name("decode tracks");
        List<DataStream<KeyedPayload>> outputs = new ArrayList<>();
        for (TrackDetectorFactory.Named d : detectors) {
            outputs.add(
                    decoded.keyBy(e -> e.trackId, Types.STRING)
                            .process(new TrackDetectorFunction(config, borderGeoJson, d.factory()))
                            .uid("detection-" + d.name())
                            .name(d.name() + " detector"));
        }
        for (KeyedDetectorFactory.Named d : keyedDetectors) {
            SingleOutputStreamOperator<KeyedPayload> raised =
                    decoded.flatMap(new TrackRouteFunction(config, borderGeoJson, d.factory()))
                            .uid("detection-route-" + d.name())
                            .name(d.name() + " keys")
                            .keyBy(r -> r.key, Types.STRING)
                            .process(
                                    new KeyedTrackDetectorFunction(
                                            config,
                                            borderGeoJson,
                                            d.factory(),
                                            KeyedTrackDetectorFunction.DEFAULT_FLUSH_AFTER_MS))
                            .uid("detection-" + d.name())
                            .name(d.name() + " detector");
            if (d.name().equals(ConvoyDetector.NAME)) {
                // one convoy, one id across the tiles (ConvoyAlertReconciler), as offline
                raised =
                        raised.keyBy(p -> ConvoyReconcileFunction.KEY, Types.STRING)
                                .process(
                                        new ConvoyReconcileFunction(
                                                config,
                                                KeyedTrackDetectorFunction.DEFAULT_FLUSH_AFTER_MS))
                                .uid("detection-convoy-reconcile")
                                .name("convoy reconciler");
            }
            outputs.add(raised);
        }
        DataStream<KeyedPayload> all = outputs.get(0);
        for (int i = 1; i < outputs.size(); i++) {
            all = all.union(outputs.get(i));
        }
        all.sinkTo(alerts).uid("detection-alerts-sink").name("alerts sink");
        decoded.getSideOutput(Outputs.DEAD_LETTERS)
                .sinkTo(deadLetters)
                .uid("detection-dead-letter-sink")
                .name("dead-letter sink");
    }
}
