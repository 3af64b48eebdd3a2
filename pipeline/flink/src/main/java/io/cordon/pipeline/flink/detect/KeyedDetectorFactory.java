package io.cordon.pipeline.flink.detect;

import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.KeyedTrackDetector;
import io.cordon.pipeline.detect.convoy.ConvoyDetector;
import io.cordon.pipeline.detect.convoy.ConvoyParameters;
import io.cordon.pipeline.detect.identity.IdentityConflictDetector;
import io.cordon.pipeline.detect.identity.IdentityConflictParameters;
import io.cordon.pipeline.detect.rendezvous.RendezvousDetector;
import io.cordon.pipeline.detect.rendezvous.RendezvousVariants;
import io.cordon.pipeline.detect.rendezvous.TileGrid;
import java.io.Serializable;
import java.util.List;

/**
 * Builds a core {@link KeyedTrackDetector} on the task manager from the parsed configuration, as
 * {@link TrackDetectorFactory} does for the per-track detectors.
 */
@FunctionalInterface
public interface KeyedDetectorFactory extends Serializable {
    KeyedTrackDetector<?> create(CordonConfig config, BorderMap borders);

    /** A factory with the detector's name, which also names its operators and state. */
    record Named(String name, KeyedDetectorFactory factory) implements Serializable {}

    /**
     * The detectors over several tracks the detection job runs: rendezvous, identity conflict,
     * convoy.
     */
    static List<Named> all() {
        return List.of(
                new Named(RendezvousDetector.NAME, rendezvous()),
                new Named(IdentityConflictDetector.NAME, identityConflict()),
                new Named(ConvoyDetector.NAME, convoy()));
    }

    /** Several tracks moving together, keyed by spatial tile (its own, larger grid). */
    static KeyedDetectorFactory convoy() {
        return (config, borders) ->
                new ConvoyDetector(ConvoyParameters.from(config.detectors().of("convoy")));
    }

    /** Two tracks together for a while at low speed, keyed by spatial tile. */
    static KeyedDetectorFactory rendezvous() {
        return (config, borders) ->
                new RendezvousDetector(
                        RendezvousVariants.from(config.detectors().of(RendezvousDetector.NAME)),
                        TileGrid.DEFAULT);
    }

    /** The same cooperative identity in two places at once, keyed by identity. */
    static KeyedDetectorFactory identityConflict() {
        return (config, borders) ->
                new IdentityConflictDetector(
                        IdentityConflictParameters.from(
                                config.detectors().of(IdentityConflictDetector.NAME)));
    }
}
