package io.cordon.pipeline.tracker;

import java.util.Arrays;

/** Per-batch arrays of {@link MultiTargetTracker}'s JPDA step, grown as needed and reused. */
final class JointAssociationScratch {
    /** Detections claimed by tracks with at least this total probability start no track. */
    static final double CLAIMED = 0.5;

    /**
     * A track whose gated detections are its target's with less probability than this is left at
     * its last update (a miss): its time stays, so it coasts and ages as a missed track does.
     */
    static final double MIN_UPDATE = 0.1;

    boolean[] confirmed = new boolean[16];
    double[] miss = new double[16];
    int[] from = new int[16], to = new int[16];
    double[] beta = new double[64];
    double[] claim = new double[16];
    int[] gnnTrack = new int[64], gnnMeasurement = new int[64];
    double[] gnnCost = new double[64];
    double[] hypotheses = new double[0];
    double[] weights = new double[16];

    void ensure(int tracks, int pairs) {
        if (confirmed.length < tracks) {
            int size = Math.max(tracks, 2 * confirmed.length);
            confirmed = new boolean[size];
            miss = new double[size];
            from = new int[size];
            to = new int[size];
        }
        if (beta.length < pairs) {
            int size = Math.max(pairs, 2 * beta.length);
            beta = new double[size];
            gnnTrack = new int[size];
            gnnMeasurement = new int[size];
            gnnCost = new double[size];
        }
    }

    void ensureMeasurements(int measurements) {
        if (claim.length < measurements) {
            claim = new double[Math.max(measurements, 2 * claim.length)];
        }
    }

    void ensureHypotheses(int count, int stateLength) {
        if (hypotheses.length < count * stateLength) {
            hypotheses = new double[count * stateLength];
        }
        if (weights.length < count + 1) {
            weights = Arrays.copyOf(weights, count + 1);
        }
    }
}
