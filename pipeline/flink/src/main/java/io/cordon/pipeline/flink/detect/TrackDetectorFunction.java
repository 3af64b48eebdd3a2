package io.cordon.pipeline.flink.detect;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.TrackDetector;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.TrackEnvelope;
import io.cordon.pipeline.track.EntityTrack;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs one core {@link TrackDetector} per track key: loads the track's state, calls the detector,
 * stores the new state (cleared when the detector clears it, as it does for a deleted track) and
 * emits the alerts. All decisions are the detector's; this operator only keeps state.
 */
public class TrackDetectorFunction
        extends KeyedProcessFunction<String, TrackEnvelope, KeyedPayload> {
    private final ConfigText config;
    private final String borderGeoJson;
    private final TrackDetectorFactory factory;

    private transient TrackDetector<Object> detector;
    private transient ValueState<byte[]> state;
    private transient Counter alertsOut;

    public TrackDetectorFunction(
            ConfigText config, String borderGeoJson, TrackDetectorFactory factory) {
        this.config = config;
        this.borderGeoJson = borderGeoJson;
        this.factory = factory;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(OpenContext openContext) {
        CordonConfig cfg = config.parse();
        BorderMap borders = BorderMap.fromGeoJson(borderGeoJson, cfg.borders());
        detector = (TrackDetector<Object>) factory.create(cfg, borders);
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "detector-" + detector.name(),
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        alertsOut =
                getRuntimeContext()
                        .getMetricGroup()
                        .addGroup("detector", detector.name())
                        .counter("alerts");
    }

    @Override
    public void processElement(TrackEnvelope e, Context ctx, Collector<KeyedPayload> out)
            throws Exception {
        if (!(EntityTrackCodec.parse(e.payload) instanceof DecodeResult.Ok<EntityTrack> ok)) {
            return; // validated upstream by TrackDecodeFunction
        }
        byte[] stored = state.value();
        DetectorResult<Object> result =
                detector.onTrackUpdate(
                        stored == null ? null : detector.decodeState(stored), ok.value());
        if (result.stateCleared()) {
            state.clear();
        } else {
            state.update(detector.encodeState(result.newState()));
        }
        for (Alert alert : result.alerts()) {
            alertsOut.inc();
            out.collect(
                    new KeyedPayload(
                            "",
                            alert.alertId(),
                            alert.windowStart().toEpochMilli(),
                            AlertCodec.toProto(alert).toByteArray()));
        }
    }
}
