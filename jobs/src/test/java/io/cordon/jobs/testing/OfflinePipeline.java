package io.cordon.jobs.testing;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.flink.detect.KeyedDetectorFactory;
import io.cordon.pipeline.flink.detect.TrackDetectorFactory;
import io.cordon.pipeline.fusion.FusionStep;
import io.cordon.pipeline.fusion.SensorRegistryPriors;
import io.cordon.pipeline.fusion.tiling.TileGrid;
import io.cordon.pipeline.fusion.tiling.TiledFusion;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.sharing.SharingPolicy;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The same core the jobs call, run in a plain loop over the same observations: what the streaming
 * pipeline must produce, alert for alert, whatever happens to the cluster. Records pass through the
 * same protobuf round trips as on the topics.
 */
public final class OfflinePipeline {
    private OfflinePipeline() {}

    /** What the pipeline should write. */
    public record Expected(
            List<EntityTrack> trackUpdates,
            List<Alert> alerts,
            Map<String, TreeSet<String>> alertIdsByPartner) {}

    public static Expected run(CordonConfig config, List<Observation> observations) {
        TreeMap<Instant, List<Observation>> byTime = new TreeMap<>();
        for (Observation o : observations) {
            Observation wire =
                    ((DecodeResult.Ok<Observation>)
                                    ObservationCodec.parse(
                                            ObservationCodec.toProto(o).toByteArray()))
                            .value();
            byTime.computeIfAbsent(wire.eventTime(), t -> new ArrayList<>()).add(wire);
        }
        Fusion fusion = fusion(config);
        List<EntityTrack> updates = new ArrayList<>();
        for (var e : byTime.entrySet()) {
            for (EntityTrack t : fusion.step(e.getKey(), e.getValue())) {
                updates.add(
                        ((DecodeResult.Ok<EntityTrack>)
                                        EntityTrackCodec.parse(
                                                EntityTrackCodec.toProto(t).toByteArray()))
                                .value());
            }
        }
        List<Alert> alerts = new ArrayList<>();
        BorderMap borders = BorderMap.load(config.borders());
        List<Alert> raised = new ArrayList<>();
        for (TrackDetectorFactory.Named named : TrackDetectorFactory.perTrack()) {
            raised.addAll(
                    DetectorReplay.perTrack(named.factory().create(config, borders), updates));
        }
        for (KeyedDetectorFactory.Named named : KeyedDetectorFactory.all()) {
            raised.addAll(DetectorReplay.keyed(named.factory().create(config, borders), updates));
        }
        for (Alert a : raised) {
            alerts.add(
                    ((DecodeResult.Ok<Alert>) AlertCodec.parse(AlertCodec.toProto(a).toByteArray()))
                            .value());
        }
        SharingPolicy policy = new SharingPolicy(config.partners());
        Map<String, TreeSet<String>> byPartner = new TreeMap<>();
        for (PartnerConfig p : config.partners()) {
            TreeSet<String> ids = new TreeSet<>();
            for (Alert a : alerts) {
                if (policy.decide(p, a).delivered()) {
                    ids.add(a.alertId());
                }
            }
            byPartner.put(p.id(), ids);
        }
        return new Expected(updates, alerts, byPartner);
    }

    /** One event time of fusion, as the job runs it. */
    private interface Fusion {
        List<EntityTrack> step(Instant time, List<Observation> observations);
    }

    /**
     * The fusion the configuration asks for: one tracker through {@link FusionStep}, or, with a
     * {@code fusion} section, the tiled stages in one loop ({@link TiledFusion}).
     */
    private static Fusion fusion(CordonConfig config) {
        if (config.fusion().tiled()) {
            TiledFusion tiled =
                    new TiledFusion(
                            new TileGrid(config.fusion().tileSizeM(), config.fusion().haloM()),
                            SensorRegistryPriors.trackerParameters(config),
                            config.reference());
            return tiled::step;
        }
        MultiTargetTracker tracker =
                new MultiTargetTracker(
                        SensorRegistryPriors.trackerParameters(config), config.reference());
        return new FusionStep(tracker)::step;
    }
}
