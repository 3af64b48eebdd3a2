package io.cordon.pipeline.fusion;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.tracker.ProcessNoise;
import io.cordon.pipeline.tracker.SensorCoverage;
import io.cordon.pipeline.tracker.SensorPrior;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tracker's sensor priors from the sensor registry: each sensor's detection probability,
 * coverage disc and clutter density (false detections per scan spread uniformly over the disc). The
 * fusion job and every offline replay build the tracker from the same configuration this way, so
 * they make the same decisions. The process noise by target class is the defaults' with the classes
 * of {@code fusion.processNoise} replaced.
 */
public final class SensorRegistryPriors {
    /**
     * Floor for sensors declared without clutter: the likelihood ratio needs a positive density.
     */
    static final double MIN_CLUTTER_DENSITY_PER_M2 = 1e-12;

    private SensorRegistryPriors() {}

    public static TrackerParameters trackerParameters(CordonConfig config) {
        TrackerParameters defaults = TrackerParameters.defaults();
        Map<TargetClass, ProcessNoise> noise = new EnumMap<>(TargetClass.class);
        noise.putAll(defaults.classNoise());
        noise.putAll(config.fusion().processNoise());
        return defaults.withClassNoise(noise).withSensors(priors(config.sensors()));
    }

    public static List<SensorPrior> priors(List<SensorConfig> sensors) {
        List<SensorPrior> priors = new ArrayList<>(sensors.size());
        for (SensorConfig s : sensors) {
            double areaM2 = Math.PI * s.rangeM() * s.rangeM();
            double pd = Math.min(Math.max(s.detectionProbability(), 1e-6), 1 - 1e-6);
            priors.add(
                    new SensorPrior(
                            s.id(),
                            pd,
                            Math.max(s.clutterPerScan() / areaM2, MIN_CLUTTER_DENSITY_PER_M2),
                            new SensorCoverage.Disc(s.position(), s.rangeM()),
                            s.kind()));
        }
        return priors;
    }
}
