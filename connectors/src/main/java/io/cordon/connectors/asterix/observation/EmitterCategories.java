package io.cordon.connectors.asterix.observation;

import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.TargetClass;

/**
 * What an ADS-B emitter category (CAT021 I020, EUROCONTROL-SPEC-0149-12 edition 2.6, from RTCA
 * DO-260B) says about the target's class. The category is self-declared by the installer, so it is
 * strong but not certain evidence.
 */
final class EmitterCategories {
    /** Confidence in a self-declared category. */
    static final double SELF_DECLARED = 0.9;

    private EmitterCategories() {}

    static Classification classify(int category) {
        TargetClass c =
                switch (category) {
                    case 1, 2, 3, 4, 5, 6, 10, 11, 12, 14, 15 -> TargetClass.AIRCRAFT;
                    case 13 -> TargetClass.DRONE;
                    case 16 -> TargetClass.PERSON; // parachutist / skydiver
                    case 20, 21 -> TargetClass.LAND_VEHICLE;
                    default -> TargetClass.UNKNOWN;
                };
        return c == TargetClass.UNKNOWN
                ? Classification.UNKNOWN
                : new Classification(c, SELF_DECLARED);
    }
}
