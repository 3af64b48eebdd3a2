package io.cordon.pipeline.association;

import java.util.Arrays;

/**
 * Joint probabilistic data association (Fortmann, Bar-Shalom & Scheffe, IEEE JOE 8(3), 1983; Bar-
 * Shalom, Willett & Tian, <i>Tracking and Data Fusion</i>, 2011, §6.5): for each cluster of tracks
 * linked through shared gated measurements, the marginal probability β_tj that measurement j is
 * track t's, and β_t0 that none of this scan's measurements is, over every feasible joint event
 * (each track takes at most one measurement, each measurement at most one track).
 *
 * <p>A joint event θ has probability proportional to {@code Π_{(t,j) ∈ θ} P_D,t g_tj / λ_j × Π_{t
 * undetected in θ} (1 − P_D,t P_G)}, with g_tj the Gaussian likelihood of the innovation, λ_j the
 * density of clutter and new targets at measurement j and P_D,t the track's probability of being
 * detected (visible × the sensor's P_D). Dividing by {@code Π_t (1 − P_D,t P_G)} leaves a product
 * over the event's pairs of {@code r_tj = P_D,t g_tj / (λ_j (1 − P_D,t P_G))}. The caller gives
 * each pair's cost as in {@link GlobalNearestNeighbourAssociator}, the negative log of {@code P_D,t
 * g_tj / (λ_j (1 − P_D,t))}, and P_D,t; the gate probability turns it into r_tj.
 *
 * <p>Enumeration is exact for clusters of at most {@link #MAX_TRACKS} tracks and {@link
 * #MAX_MEASUREMENTS} measurements (at most about 93 000 joint events); larger clusters, clusters
 * without a confirmed track and unambiguous ones (one track, one measurement) are left to the
 * global nearest neighbour assignment (their pairs get β = NaN). With {@code bestPermutationOnly}
 * it is JPDA* (Blom & Bloem, IEEE TAC 45(2), 2000): of the joint events that detect the same tracks
 * with the same measurements, only the most likely permutation is kept, so that two tracks on
 * crossing targets are not both pulled towards the pair's midpoint (coalescence).
 *
 * <p>Deterministic: clusters, tracks and measurements are visited in index order, no hashing. Not
 * thread-safe: scratch arrays are reused across calls.
 */
public final class JointProbabilisticAssociator {
    /** Largest cluster enumerated exactly: tracks. */
    public static final int MAX_TRACKS = 6;

    /** Largest cluster enumerated exactly: measurements. */
    public static final int MAX_MEASUREMENTS = 8;

    private final boolean bestPermutationOnly;
    private final double gateProbability;

    // Clustering (union-find over tracks and measurements).
    private int[] parent = new int[0];
    private int[] clusterOf = new int[0];
    private int[] start = new int[1];
    private int[] order = new int[0];
    private int[] pairCluster = new int[0];
    private int[] localOf = new int[0];

    // One cluster: its tracks' options, local indices.
    private final int[] trackOptions = new int[MAX_TRACKS + 1];
    private final int[] optionMeasurement = new int[MAX_TRACKS * MAX_MEASUREMENTS];
    private final int[] optionPair = new int[MAX_TRACKS * MAX_MEASUREMENTS];
    private final double[] optionRatio = new double[MAX_TRACKS * MAX_MEASUREMENTS];
    private final double[] missRatio = new double[MAX_TRACKS];
    private final int[] chosen = new int[MAX_TRACKS];
    private final int[] trackIndex = new int[MAX_TRACKS];
    private final int[] next = new int[MAX_TRACKS];
    private final double[] maxLog = new double[MAX_TRACKS];
    private final double[] mass = new double[MAX_TRACKS * MAX_MEASUREMENTS];
    private double total;
    private int clusterTracks, clusterMeasurements;
    // JPDA*: the best event per (detected tracks, used measurements).
    private final double[] bestWeight = new double[1 << (MAX_TRACKS + MAX_MEASUREMENTS)];
    private final int[] bestChoice = new int[(1 << (MAX_TRACKS + MAX_MEASUREMENTS)) * MAX_TRACKS];
    private final int[] keys = new int[1 << (MAX_TRACKS + MAX_MEASUREMENTS)];
    private int keyCount;

    /**
     * @param gateProbability P_G of the validation gate, in (0, 1]
     * @param bestPermutationOnly JPDA*: keep only the most likely permutation of each set of
     *     assignments
     */
    public JointProbabilisticAssociator(double gateProbability, boolean bestPermutationOnly) {
        if (!(gateProbability > 0 && gateProbability <= 1)) {
            throw new IllegalArgumentException(
                    "gateProbability must be in (0, 1], was " + gateProbability);
        }
        this.gateProbability = gateProbability;
        this.bestPermutationOnly = bestPermutationOnly;
        Arrays.fill(bestWeight, -1.0);
    }

    /**
     * The marginal association probabilities of the gated pairs (the first {@code pairCount}
     * entries of the parallel arrays, at most one per track-measurement combination).
     *
     * @param pairCost negative log of {@code P_D,t g_tj / (λ_j (1 − P_D,t))} per pair
     * @param pairDetection P_D,t per pair (the track's probability of detection by the pair's
     *     sensor), in (0, 1)
     * @param confirmed whether each track is confirmed: clusters without one are left to the
     *     caller's global nearest neighbour assignment
     * @param pairBeta out: β_tj per pair; NaN for pairs of clusters left to the global nearest
     *     neighbour assignment
     * @param trackMiss out: β_t0 per track of an enumerated cluster; NaN for other tracks
     * @return the number of tracks whose β were enumerated
     */
    public int associate(
            int trackCount,
            int measurementCount,
            int pairCount,
            int[] pairTrack,
            int[] pairMeasurement,
            double[] pairCost,
            double[] pairDetection,
            boolean[] confirmed,
            double[] pairBeta,
            double[] trackMiss) {
        Arrays.fill(trackMiss, 0, trackCount, Double.NaN);
        Arrays.fill(pairBeta, 0, pairCount, Double.NaN);
        if (pairCount == 0) {
            return 0;
        }
        int clusters = cluster(trackCount, measurementCount, pairCount, pairTrack, pairMeasurement);
        int enumerated = 0;
        for (int c = 0; c < clusters; c++) {
            enumerated +=
                    solve(
                            start[c],
                            start[c + 1],
                            trackCount,
                            pairTrack,
                            pairMeasurement,
                            pairCost,
                            pairDetection,
                            confirmed,
                            pairBeta,
                            trackMiss);
        }
        return enumerated;
    }

    /** Groups the pairs by cluster into {@link #order}; clusters in order of their first pair. */
    private int cluster(int n, int m, int pairCount, int[] pairTrack, int[] pairMeasurement) {
        int nodes = n + m;
        if (parent.length < nodes) {
            parent = new int[Math.max(nodes, 2 * parent.length)];
            clusterOf = new int[parent.length];
            localOf = new int[parent.length];
        }
        for (int i = 0; i < nodes; i++) {
            parent[i] = i;
            clusterOf[i] = -1;
        }
        for (int p = 0; p < pairCount; p++) {
            union(pairTrack[p], n + pairMeasurement[p]);
        }
        if (pairCluster.length < pairCount) {
            int size = Math.max(pairCount, 2 * pairCluster.length);
            pairCluster = new int[size];
            order = new int[size];
            start = new int[size + 1];
        }
        int clusters = 0;
        for (int p = 0; p < pairCount; p++) {
            int root = find(pairTrack[p]);
            int c = clusterOf[root];
            if (c < 0) {
                c = clusters++;
                clusterOf[root] = c;
            }
            pairCluster[p] = c;
        }
        Arrays.fill(start, 0, clusters + 1, 0);
        for (int p = 0; p < pairCount; p++) {
            start[pairCluster[p] + 1]++;
        }
        for (int c = 0; c < clusters; c++) {
            start[c + 1] += start[c];
        }
        for (int p = 0; p < pairCount; p++) {
            order[start[pairCluster[p]]++] = p;
        }
        for (int c = clusters; c > 0; c--) {
            start[c] = start[c - 1];
        }
        start[0] = 0;
        return clusters;
    }

    private int solve(
            int from,
            int to,
            int n,
            int[] pt,
            int[] pm,
            double[] cost,
            double[] detection,
            boolean[] confirmed,
            double[] pairBeta,
            double[] trackMiss) {
        // Local indices: tracks in index order of first appearance (pairs are grouped by track
        // when the tracker lists them), measurements likewise; localOf holds them, -1 unseen.
        for (int q = from; q < to; q++) {
            int p = order[q];
            localOf[pt[p]] = -1;
            localOf[n + pm[p]] = -1;
        }
        int tracks = 0, measurements = 0;
        boolean anyConfirmed = false;
        for (int q = from; q < to; q++) {
            int p = order[q];
            if (localOf[pt[p]] < 0) {
                localOf[pt[p]] = tracks++;
                anyConfirmed |= confirmed[pt[p]];
            }
            if (localOf[n + pm[p]] < 0) {
                localOf[n + pm[p]] = measurements++;
            }
        }
        if (!anyConfirmed
                || to - from < 2
                || tracks > MAX_TRACKS
                || measurements > MAX_MEASUREMENTS) {
            return 0;
        }
        // Options per local track, with per-track scaling: every option of track t (its pairs
        // and missing) is divided by s_t = max(1, max r_tj), which scales every joint event by
        // the same Π 1/s_t, so the marginals are unchanged and no product overflows.
        Arrays.fill(trackOptions, 0, tracks + 1, 0);
        for (int q = from; q < to; q++) {
            trackOptions[localOf[pt[order[q]]] + 1]++;
        }
        for (int t = 0; t < tracks; t++) {
            trackOptions[t + 1] += trackOptions[t];
        }
        System.arraycopy(trackOptions, 0, next, 0, tracks);
        Arrays.fill(maxLog, 0, tracks, 0.0);
        for (int q = from; q < to; q++) {
            int p = order[q];
            int t = localOf[pt[p]];
            trackIndex[t] = pt[p];
            int o = next[t]++;
            double pd = detection[p];
            double logRatio = -cost[p] + Math.log1p(-pd) - Math.log1p(-pd * gateProbability);
            optionMeasurement[o] = localOf[n + pm[p]];
            optionPair[o] = p;
            optionRatio[o] = logRatio;
            maxLog[t] = Math.max(maxLog[t], logRatio);
        }
        for (int t = 0; t < tracks; t++) {
            missRatio[t] = Math.exp(-maxLog[t]);
            for (int o = trackOptions[t]; o < trackOptions[t + 1]; o++) {
                optionRatio[o] = Math.exp(optionRatio[o] - maxLog[t]);
            }
        }
        clusterTracks = tracks;
        clusterMeasurements = measurements;
        Arrays.fill(mass, 0, to - from, 0.0);
        total = 0;
        keyCount = 0;
        enumerate(0, 0, 0, 1.0);
        if (bestPermutationOnly) {
            for (int k = 0; k < keyCount; k++) {
                int key = keys[k];
                double w = bestWeight[key];
                total += w;
                for (int t = 0; t < tracks; t++) {
                    int o = bestChoice[key * MAX_TRACKS + t];
                    if (o >= 0) {
                        mass[o] += w;
                    }
                }
                bestWeight[key] = -1.0;
            }
        }
        // Marginals: β_tj = mass of the events with (t, j) / total; β_t0 = 1 − Σ_j β_tj.
        for (int t = 0; t < tracks; t++) {
            double detected = 0;
            for (int o = trackOptions[t]; o < trackOptions[t + 1]; o++) {
                double beta = mass[o] / total;
                pairBeta[optionPair[o]] = beta;
                detected += beta;
            }
            trackMiss[trackIndex[t]] = Math.max(0.0, 1.0 - detected);
        }
        return tracks;
    }

    /**
     * Depth-first over the local tracks from {@code t}: each misses or takes one of its gated
     * measurements not yet taken ({@code used}, a bit set of local measurements).
     */
    private void enumerate(int t, int used, int detected, double weight) {
        if (t == clusterTracks) {
            if (bestPermutationOnly) {
                int key = (detected << clusterMeasurements) | used;
                if (bestWeight[key] < 0) {
                    keys[keyCount++] = key;
                }
                if (weight > bestWeight[key]) {
                    bestWeight[key] = weight;
                    System.arraycopy(chosen, 0, bestChoice, key * MAX_TRACKS, clusterTracks);
                }
                return;
            }
            total += weight;
            for (int s = 0; s < clusterTracks; s++) {
                if (chosen[s] >= 0) {
                    mass[chosen[s]] += weight;
                }
            }
            return;
        }
        chosen[t] = -1;
        enumerate(t + 1, used, detected, weight * missRatio[t]);
        for (int o = trackOptions[t]; o < trackOptions[t + 1]; o++) {
            int bit = 1 << optionMeasurement[o];
            if ((used & bit) == 0) {
                chosen[t] = o;
                enumerate(t + 1, used | bit, detected | (1 << t), weight * optionRatio[o]);
            }
        }
        chosen[t] = -1;
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra != rb) {
            if (ra < rb) {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    }
}
