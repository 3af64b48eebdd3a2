package io.cordon.pipeline.filter;

/**
 * A coordinated turn whose rate ω is estimated with the position and velocity: state (e, n, ve, vn,
 * ω), ω a random walk (Bar-Shalom, Li &amp; Kirubarajan 2001, §11.7.2; in an IMM with near-constant
 * velocity, §11.7.3). The prediction is the turn at the current estimate of ω, linearised in ω
 * (extended Kalman), so a target keeps turning at the rate it was seen turning, and a target seen
 * going straight is predicted straight however long it coasts.
 *
 * <p>Only {@link FlatImm} runs it, as one of its models: the turn rate and its covariance with the
 * other four components are kept beside the model's Gaussian block.
 *
 * @param noiseDensityM2PerS3 q of the white-noise acceleration, m²/s³, as the other models
 * @param turnRateNoiseRad2PerS3 q_ω, density of the turn rate's random walk, rad²/s³ (> 0)
 * @param initialTurnRateSigmaRadPerS standard deviation of a new track's turn rate (its mean is 0),
 *     rad/s
 * @param maxTurnRateRadPerS the prediction turns at most this fast (the estimate is clamped), so
 *     that the tracker's bounds on how far a track can turn hold, rad/s
 */
public record EstimatedTurnModel(
        double noiseDensityM2PerS3,
        double turnRateNoiseRad2PerS3,
        double initialTurnRateSigmaRadPerS,
        double maxTurnRateRadPerS) {
    public EstimatedTurnModel {
        requirePositive("noiseDensityM2PerS3", noiseDensityM2PerS3);
        requirePositive("turnRateNoiseRad2PerS3", turnRateNoiseRad2PerS3);
        requirePositive("initialTurnRateSigmaRadPerS", initialTurnRateSigmaRadPerS);
        requirePositive("maxTurnRateRadPerS", maxTurnRateRadPerS);
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
        }
    }
}
