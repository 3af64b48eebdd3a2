package io.cordon.pipeline.association;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * A validation gate on the squared Mahalanobis distance of an innovation: accept when {@code yᵀ S⁻¹
 * y ≤ γ}, with γ the chi-square quantile of the gate probability P_G for the measurement's degrees
 * of freedom (Bar-Shalom et al. 2001, §3.7.2).
 *
 * @param probability P_G in (0, 1): probability that a correct measurement falls inside
 * @param degreesOfFreedom measurement dimension
 * @param threshold γ (derived)
 */
public record ChiSquareGate(double probability, int degreesOfFreedom, double threshold) {
    public ChiSquareGate {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), was " + probability);
        }
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException(
                    "degreesOfFreedom must be >= 1, was " + degreesOfFreedom);
        }
    }

    /** The gate for P_G and the given degrees of freedom. */
    public static ChiSquareGate of(double probability, int degreesOfFreedom) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), was " + probability);
        }
        double gamma =
                new ChiSquaredDistribution(null, degreesOfFreedom)
                        .inverseCumulativeProbability(probability);
        return new ChiSquareGate(probability, degreesOfFreedom, gamma);
    }

    public boolean accepts(double mahalanobisSquared) {
        return mahalanobisSquared <= threshold;
    }
}
