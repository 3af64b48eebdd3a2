package io.cordon.pipeline.flink.detect;

import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.KeyedTrackDetector;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.record.TrackEnvelope;
import io.cordon.pipeline.track.EntityTrack;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Sends each track update to every key its {@link KeyedTrackDetector} asks for ({@link
 * KeyedTrackDetector#keysFor}); the next operator is keyed by {@link RoutedTrack#key}.
 */
public class TrackRouteFunction extends RichFlatMapFunction<TrackEnvelope, RoutedTrack> {
    private final ConfigText config;
    private final String borderGeoJson;
    private final KeyedDetectorFactory factory;
    private transient KeyedTrackDetector<?> detector;

    public TrackRouteFunction(
            ConfigText config, String borderGeoJson, KeyedDetectorFactory factory) {
        this.config = config;
        this.borderGeoJson = borderGeoJson;
        this.factory = factory;
    }

    @Override
    public void open(OpenContext openContext) {
        CordonConfig cfg = config.parse();
        detector = factory.create(cfg, BorderMap.fromGeoJson(borderGeoJson, cfg.borders()));
    }

    @Override
    public void flatMap(TrackEnvelope e, Collector<RoutedTrack> out) {
        if (!(EntityTrackCodec.parse(e.payload) instanceof DecodeResult.Ok<EntityTrack> ok)) {
            return; // validated upstream by TrackDecodeFunction
        }
        for (String key : detector.keysFor(ok.value())) {
            out.collect(new RoutedTrack(key, e.trackId, e.eventTimeMs, e.payload));
        }
    }
}
