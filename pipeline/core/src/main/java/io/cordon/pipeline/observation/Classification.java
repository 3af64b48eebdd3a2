package io.cordon.pipeline.observation;

/**
 * A class with the reporting sensor's confidence.
 *
 * @param targetClass the believed class
 * @param confidence probability in [0, 1]
 */
public record Classification(TargetClass targetClass, double confidence) {
    public static final Classification UNKNOWN = new Classification(TargetClass.UNKNOWN, 0.0);

    public Classification {
        if (targetClass == null) {
            throw new IllegalArgumentException("targetClass is required");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
    }
}
