package io.cordon.pipeline.bench;

import io.cordon.pipeline.track.EntityTrack;

/**
 * Reports a confirmed track only while reporting it is expected to cost less GOSPA than staying
 * silent. With cut-off c and p = 2, a reported track on a target costs min(d², c²) and an absent
 * one c²/2. For a position error with covariance P, d² has mean m = trace(P) and, for an isotropic
 * error, an exponential distribution, so {@code E[min(d², c²)] = m (1 - exp(-c²/m))}; report when
 * that is below c²/2, i.e. while the position standard deviation is under about 0.56 c When the
 * track may be false (existence P < 1) the saving must also beat the cost of a false track
 * (Rahmathullah, García-Fernández & Svensson, "Generalized optimal sub-pattern assignment metric",
 * FUSION 2017; the benchmark's oracle uses the same rule).
 *
 * @param cutoffM the GOSPA cut-off c, m
 */
public record GospaReportingPolicy(double cutoffM) {
    /**
     * The weight of the false-track term for a track reported at the previous step (1 for the
     * others).
     */
    public static final double KEPT_FALSE_TRACK_WEIGHT = 0.3;

    /**
     * Whether to report a track that exists with probability {@code existence}: when {@code P (c²/2
     * - E[min(d², c²)]) > (1 - P) c²/2}, i.e. the expected saving on a real target outweighs the
     * expected cost of a false one.
     */
    /**
     * A position variance (trace, m²) beyond which no track is ever reported, with a margin of 4
     * for estimates of it: {@code E[min(d², c²)] ≥ c²/2} once the trace exceeds about 0.8 c², so 4
     * c² is safely out.
     */
    public double neverBeyondTraceM2() {
        return 4 * cutoffM * cutoffM;
    }

    public boolean report(EntityTrack track, double existence) {
        return report(track, existence, 1.0);
    }

    /**
     * As {@link #report(EntityTrack, double)} for a track that was reported at the previous
     * evaluation step when {@code reportedBefore}: then the false-track term weighs {@link
     * #KEPT_FALSE_TRACK_WEIGHT} of its value (hysteresis), so that a track is not dropped for one
     * step by the existence it loses at a single missed look. Measured on the shared scenarios
     * (docs/benchmarks.md, "{@code cordon track} on the shared scenarios"): a track reported at the
     * previous step is on a target more often than its existence says, so this lowers GOSPA as well
     * as fragmentations.
     */
    public boolean report(EntityTrack track, double existence, boolean reportedBefore) {
        return report(track, existence, reportedBefore ? KEPT_FALSE_TRACK_WEIGHT : 1.0);
    }

    private boolean report(EntityTrack track, double existence, double falseWeight) {
        double m =
                track.covariance().positionEastEastM2() + track.covariance().positionNorthNorthM2();
        double c2 = cutoffM * cutoffM;
        double expected = m * (1 - Math.exp(-c2 / m));
        return existence * (c2 / 2 - expected) > falseWeight * (1 - existence) * c2 / 2;
    }
}
