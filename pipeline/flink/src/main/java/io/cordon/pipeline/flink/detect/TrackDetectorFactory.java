package io.cordon.pipeline.flink.detect;

import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.border.ZoneMap;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.TrackDetector;
import io.cordon.pipeline.detect.crossing.BorderCrossingDetector;
import io.cordon.pipeline.detect.crossing.BorderCrossingParameters;
import io.cordon.pipeline.detect.dark.CooperativeSilenceDetector;
import io.cordon.pipeline.detect.dark.CooperativeSilenceParameters;
import io.cordon.pipeline.detect.dark.DarkTargetDetector;
import io.cordon.pipeline.detect.dark.DarkTargetParameters;
import io.cordon.pipeline.detect.dark.SensorCoverageModel;
import io.cordon.pipeline.detect.loitering.LoiteringDetector;
import io.cordon.pipeline.detect.loitering.LoiteringParameters;
import io.cordon.pipeline.detect.lowslow.LowSlowFlyerDetector;
import io.cordon.pipeline.detect.lowslow.LowSlowFlyerParameters;
import io.cordon.pipeline.detect.zone.ZoneIntrusionDetector;
import io.cordon.pipeline.detect.zone.ZoneIntrusionParameters;
import java.io.Serializable;
import java.util.List;

/**
 * Builds a core detector on the task manager from the parsed configuration and borders; it is what
 * a job ships instead of the detector itself, whose parts are plain (not serializable) core
 * objects.
 */
@FunctionalInterface
public interface TrackDetectorFactory extends Serializable {
    TrackDetector<?> create(CordonConfig config, BorderMap borders);

    /** A factory with the detector's name, which also names its operator and state. */
    record Named(String name, TrackDetectorFactory factory) implements Serializable {}

    /**
     * The per-track detectors the detection job runs: border crossing, loitering, zone intrusion,
     * dark target, cooperative silence (dark in the AIS/ADS-B sense), low-slow flyer.
     */
    static List<Named> perTrack() {
        return allPerTrack();
    }

    /** Every per-track detector, with the configuration's parameters. */
    static List<Named> allPerTrack() {
        return List.of(
                new Named(BorderCrossingDetector.NAME, borderCrossing()),
                new Named(LoiteringDetector.NAME, loitering()),
                new Named(ZoneIntrusionDetector.NAME, zoneIntrusion()),
                new Named(DarkTargetDetector.NAME, darkTarget()),
                new Named(CooperativeSilenceDetector.NAME, cooperativeSilence()),
                new Named(LowSlowFlyerDetector.NAME, lowSlowFlyer()));
    }

    /** Border crossing away from a port of entry. */
    static TrackDetectorFactory borderCrossing() {
        return (config, borders) ->
                new BorderCrossingDetector(
                        borders,
                        BorderCrossingParameters.from(
                                config.detectors().of(BorderCrossingDetector.NAME)));
    }

    /** Loitering near the border. */
    static TrackDetectorFactory loitering() {
        return (config, borders) ->
                new LoiteringDetector(
                        borders,
                        LoiteringParameters.from(config.detectors().of(LoiteringDetector.NAME)));
    }

    /** Entering a restricted zone. */
    static TrackDetectorFactory zoneIntrusion() {
        return (config, borders) ->
                new ZoneIntrusionDetector(
                        ZoneMap.of(config.zones()),
                        ZoneIntrusionParameters.from(
                                config.detectors().of(ZoneIntrusionDetector.NAME)));
    }

    /**
     * An air track low, slow, without ADS-B, heading for the border ({@code
     * detectors.lowSlowFlyer}).
     */
    static TrackDetectorFactory lowSlowFlyer() {
        return (config, borders) ->
                new LowSlowFlyerDetector(
                        borders,
                        LowSlowFlyerParameters.from(
                                config.detectors().of(LowSlowFlyerDetector.NAME)));
    }

    /** A track whose cooperative identity stops, or never was, inside cooperative coverage. */
    static TrackDetectorFactory darkTarget() {
        return (config, borders) ->
                new DarkTargetDetector(
                        new SensorCoverageModel(config.sensors()),
                        DarkTargetParameters.from(config.detectors().of(DarkTargetDetector.NAME)));
    }

    /**
     * A track whose AIS / ADS-B reports stop inside the cooperative receivers' coverage while other
     * sensors still hold it ({@code detectors.cooperativeSilence}).
     */
    static TrackDetectorFactory cooperativeSilence() {
        return (config, borders) ->
                new CooperativeSilenceDetector(
                        config.sensors(),
                        CooperativeSilenceParameters.from(
                                config.detectors().of(CooperativeSilenceDetector.NAME)));
    }
}
