package io.cordon.pipeline.detect.bench;

import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.detect.KeyedTrackDetector;
import io.cordon.pipeline.detect.TrackDetector;
import io.cordon.pipeline.fusion.FusionStep;
import io.cordon.pipeline.fusion.SensorRegistryPriors;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.simulation.BorderSimulation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The border simulation's observations through the core tracker and a detector, as the fusion and
 * detection jobs run them offline: the tracker stepped by event time through {@link FusionStep}
 * with the configuration's sensor priors (what {@code ./cordon local} runs in the fusion job), the
 * detector replayed over the published track updates ({@link DetectorReplay}). Each alert is kept
 * as first raised ({@code NEW}) with the event time of the update that raised it.
 */
final class SimulationRun {
    private SimulationRun() {}

    /**
     * The border simulation of {@code sensors} at the configuration's reference, with its crossing
     * share: {@code targets} ground targets over {@code durationS} from {@code epoch}.
     */
    static BorderSimulation simulation(
            CordonConfig config,
            List<SensorConfig> sensors,
            Instant epoch,
            long seed,
            int targets,
            double durationS) {
        return new BorderSimulation(
                sensors,
                config.reference(),
                epoch,
                seed,
                targets,
                config.simulation().crossingFraction(),
                durationS);
    }

    /** A score over the seeds: events labelled, alerts raised, alerts matched, their latencies. */
    interface Score {
        int events();

        int alerts();

        int matched();

        /** Latencies of the matched alerts, s, sorted. */
        double[] latenciesS();

        default double precision() {
            return alerts() == 0 ? 1.0 : (double) matched() / alerts();
        }

        default double recall() {
            return events() == 0 ? 1.0 : (double) matched() / events();
        }

        default double medianLatencyS() {
            return latenciesS()[latenciesS().length / 2];
        }
    }

    /** The observations through the tracker, by event time: the published track updates. */
    static List<EntityTrack> fuse(CordonConfig config, List<Observation> observations) {
        FusionStep fusion =
                new FusionStep(
                        new MultiTargetTracker(
                                SensorRegistryPriors.trackerParameters(config),
                                config.reference()));
        TreeMap<Instant, List<Observation>> byTime = new TreeMap<>();
        for (Observation o : observations) {
            byTime.computeIfAbsent(o.eventTime(), k -> new ArrayList<>()).add(o);
        }
        List<EntityTrack> updates = new ArrayList<>();
        byTime.forEach((time, batch) -> updates.addAll(fusion.step(time, batch)));
        return updates;
    }

    /** The {@code NEW} alerts of a per-track detector over {@code updates}. */
    static <S> List<BenchDetection.Raised> perTrack(
            TrackDetector<S> detector, List<EntityTrack> updates) {
        List<BenchDetection.Raised> out = new ArrayList<>();
        DetectorReplay.perTrack(
                detector,
                updates,
                (by, a) -> {
                    if (a.state() == AlertState.NEW) {
                        out.add(new BenchDetection.Raised(a, by.time()));
                    }
                });
        return out;
    }

    /** The {@code NEW} alerts of a keyed detector over {@code updates}. */
    static <S> List<BenchDetection.Raised> keyed(
            KeyedTrackDetector<S> detector, List<EntityTrack> updates) {
        List<BenchDetection.Raised> out = new ArrayList<>();
        DetectorReplay.keyed(
                detector,
                updates,
                (key, by, a) -> {
                    if (a.state() == AlertState.NEW) {
                        out.add(new BenchDetection.Raised(a, by.time()));
                    }
                });
        return out;
    }
}
