package io.cordon.pipeline.flink.detect;

import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.TrackDetector;
import io.cordon.pipeline.detect.crossing.BorderCrossingDetector;
import io.cordon.pipeline.detect.crossing.BorderCrossingParameters;
import java.io.Serializable;

/**
 * Builds a core detector on the task manager from the parsed configuration and borders; it is what
 * a job ships instead of the detector itself, whose parts are plain (not serializable) core
 * objects.
 */
@FunctionalInterface
public interface TrackDetectorFactory extends Serializable {
    TrackDetector<?> create(CordonConfig config, BorderMap borders);

    /** Border crossing away from a port of entry, with the configuration's parameters. */
    static TrackDetectorFactory borderCrossing() {
        return (config, borders) ->
                new BorderCrossingDetector(
                        borders,
                        BorderCrossingParameters.from(
                                config.detectors().of(BorderCrossingDetector.NAME)));
    }
}
