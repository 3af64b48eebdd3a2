package io.cordon.pipeline.tracker;

/**
 * White-noise acceleration densities of the tracker's IMM for one kind of target.
 *
 * @param straightM2PerS3 q of the near-constant velocity model, m²/s³
 * @param turnM2PerS3 q of the coordinated-turn models, m²/s³
 */
public record ProcessNoise(double straightM2PerS3, double turnM2PerS3) {
    public ProcessNoise {
        requirePositive("straightM2PerS3", straightM2PerS3);
        requirePositive("turnM2PerS3", turnM2PerS3);
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
        }
    }
}
