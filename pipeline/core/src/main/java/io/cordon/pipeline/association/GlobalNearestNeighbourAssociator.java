package io.cordon.pipeline.association;

import io.cordon.pipeline.assignment.AssignmentSolver;
import io.cordon.pipeline.assignment.CostMatrix;
import io.cordon.pipeline.assignment.SparseAssignmentSolver;
import java.util.Arrays;
import java.util.List;

/**
 * Global nearest neighbour: the joint assignment of measurements to tracks with least total cost,
 * where leaving a track or a measurement unassigned costs 0 (so a pair is taken only if its cost,
 * the negative log-likelihood ratio, makes the total lower). Pairs of positive cost are set aside
 * first (no optimal assignment takes one: leaving both unassigned costs less). The other pairs are
 * split into connected components (tracks linked through shared measurements), each solved exactly
 * on its own: with well separated targets every component is tiny and the whole step is linear in
 * the number of pairs. Components of one track or one measurement are solved directly (the cheapest
 * negative pair); larger ones with the injected solver on a matrix padded with a zero-cost
 * "unassigned" column per track, and components of more than a dozen tracks (dense clutter, a
 * satellite pass over many uncertain tracks) with a {@link SparseAssignmentSolver} over the gated
 * pairs only, so that a large component costs about its number of pairs rather than the cube of its
 * size.
 *
 * <p>Not thread-safe: scratch arrays are reused across calls.
 */
public final class GlobalNearestNeighbourAssociator {
    /** Components with more tracks than this go to the sparse solver. */
    private static final int DENSE_ROWS = 12;

    private final AssignmentSolver solver;
    private final SparseAssignmentSolver sparse = new SparseAssignmentSolver();
    private int[] rowStart = new int[0];
    private int[] edgeCol = new int[0];
    private double[] edgeCost = new double[0];
    private int[] sparseResult = new int[0];
    private int[] parent = new int[0];
    private int[] componentOf = new int[0];
    private int[] start = new int[0];
    private int[] order = new int[0];
    private int[] pairComponent = new int[0];
    private int[] rowOf = new int[0];
    private int[] colOf = new int[0];
    private int[] rowTrack = new int[0];
    private int[] colMeasurement = new int[0];

    public GlobalNearestNeighbourAssociator(AssignmentSolver solver) {
        this.solver = solver;
    }

    /**
     * The measurement index assigned to each of {@code trackCount} tracks, or -1.
     *
     * @param pairs gated pairs in any order (at most one per track-measurement combination)
     */
    public int[] associate(int trackCount, int measurementCount, List<GatedPair> pairs) {
        int k = pairs.size();
        int[] pt = new int[k];
        int[] pm = new int[k];
        double[] pc = new double[k];
        for (int i = 0; i < k; i++) {
            pt[i] = pairs.get(i).track();
            pm[i] = pairs.get(i).measurement();
            pc[i] = pairs.get(i).cost();
        }
        int[] result = new int[trackCount];
        associate(trackCount, measurementCount, k, pt, pm, pc, result);
        return result;
    }

    /**
     * As {@link #associate(int, int, List)} on pairs given as parallel arrays (the first {@code
     * pairCount} entries), writing the measurement of each track (or -1) into {@code result}.
     */
    public void associate(
            int trackCount,
            int measurementCount,
            int pairCount,
            int[] pairTrack,
            int[] pairMeasurement,
            double[] pairCost,
            int[] result) {
        Arrays.fill(result, 0, trackCount, -1);
        if (pairCount == 0) {
            return;
        }
        int nodes = trackCount + measurementCount;
        if (parent.length < nodes) {
            parent = new int[nodes];
            componentOf = new int[nodes];
            rowOf = new int[Math.max(trackCount, 16)];
            colOf = new int[Math.max(measurementCount, 16)];
        }
        if (rowOf.length < trackCount) {
            rowOf = new int[trackCount];
        }
        if (colOf.length < measurementCount) {
            colOf = new int[measurementCount];
        }
        for (int i = 0; i < nodes; i++) {
            parent[i] = i;
            componentOf[i] = -1;
        }
        // A pair of positive cost is in no optimal assignment (leaving its track and measurement
        // unassigned costs less), so it neither links components nor goes to a solver: in dense
        // clutter about half the gated pairs are such, and they chain tracks into components of
        // thousands (10 000 targets: largest 5 202 tracks with them).
        for (int p = 0; p < pairCount; p++) {
            if (!(pairCost[p] > 0)) {
                union(parent, pairTrack[p], trackCount + pairMeasurement[p]);
            }
        }
        if (pairComponent.length < pairCount) {
            int size = Math.max(pairCount, 2 * pairComponent.length);
            pairComponent = new int[size];
            order = new int[size];
            start = new int[size + 1];
        }
        // Components numbered in order of their first pair; pairs grouped by a stable counting
        // sort.
        int components = 0;
        for (int p = 0; p < pairCount; p++) {
            if (pairCost[p] > 0) {
                pairComponent[p] = -1;
                continue;
            }
            int root = find(parent, pairTrack[p]);
            int c = componentOf[root];
            if (c < 0) {
                c = components++;
                componentOf[root] = c;
            }
            pairComponent[p] = c;
        }
        Arrays.fill(start, 0, components + 1, 0);
        for (int p = 0; p < pairCount; p++) {
            if (pairComponent[p] >= 0) {
                start[pairComponent[p] + 1]++;
            }
        }
        for (int c = 0; c < components; c++) {
            start[c + 1] += start[c];
        }
        for (int p = 0; p < pairCount; p++) {
            if (pairComponent[p] >= 0) {
                order[start[pairComponent[p]]++] = p;
            }
        }
        for (int c = components; c > 0; c--) {
            start[c] = start[c - 1];
        }
        start[0] = 0;
        for (int c = 0; c < components; c++) {
            solve(start[c], start[c + 1], pairTrack, pairMeasurement, pairCost, result);
        }
    }

    private void solve(int from, int to, int[] pt, int[] pm, double[] pc, int[] result) {
        int first = order[from];
        boolean oneTrack = true, oneMeasurement = true;
        for (int q = from + 1; q < to; q++) {
            int p = order[q];
            oneTrack &= pt[p] == pt[first];
            oneMeasurement &= pm[p] == pm[first];
        }
        if (oneTrack || oneMeasurement) {
            // A star: at most one pair can be taken, the cheapest if it is worth taking.
            int best = -1;
            double bestCost = 0;
            for (int q = from; q < to; q++) {
                int p = order[q];
                if (pc[p] < bestCost) {
                    bestCost = pc[p];
                    best = p;
                }
            }
            if (best >= 0) {
                result[pt[best]] = pm[best];
            }
            return;
        }
        if (solvedByBestPairs(from, to, pt, pm, pc, result)) {
            return;
        }
        int rows = 0, cols = 0;
        for (int q = from; q < to; q++) {
            int p = order[q];
            rowOf[pt[p]] = -1;
            colOf[pm[p]] = -1;
        }
        int size = to - from;
        if (rowTrack.length < size) {
            rowTrack = new int[2 * size];
            colMeasurement = new int[2 * size];
        }
        for (int q = from; q < to; q++) {
            int p = order[q];
            if (rowOf[pt[p]] < 0) {
                rowOf[pt[p]] = rows;
                rowTrack[rows++] = pt[p];
            }
            if (colOf[pm[p]] < 0) {
                colOf[pm[p]] = cols;
                colMeasurement[cols++] = pm[p];
            }
        }
        if (rows > DENSE_ROWS) {
            solveSparse(from, to, rows, cols, pt, pm, pc, result);
            return;
        }
        CostMatrix costs = new CostMatrix(rows, cols + rows);
        for (int q = from; q < to; q++) {
            int p = order[q];
            costs.set(rowOf[pt[p]], colOf[pm[p]], pc[p]);
        }
        for (int r = 0; r < rows; r++) {
            costs.set(r, cols + r, 0.0);
        }
        var assignment = solver.solve(costs);
        for (int r = 0; r < rows; r++) {
            int c = assignment.columnOf(r);
            if (c < cols) {
                result[rowTrack[r]] = colMeasurement[c];
            }
        }
    }

    private void solveSparse(
            int from, int to, int rows, int cols, int[] pt, int[] pm, double[] pc, int[] result) {
        int edges = to - from;
        if (rowStart.length < rows + 1) {
            rowStart = new int[Math.max(rows + 1, 2 * rowStart.length)];
        }
        if (edgeCol.length < edges) {
            edgeCol = new int[Math.max(edges, 2 * edgeCol.length)];
            edgeCost = new double[edgeCol.length];
        }
        if (sparseResult.length < rows) {
            sparseResult = new int[Math.max(rows, 2 * sparseResult.length)];
        }
        Arrays.fill(rowStart, 0, rows + 1, 0);
        for (int q = from; q < to; q++) {
            rowStart[rowOf[pt[order[q]]] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            rowStart[r + 1] += rowStart[r];
        }
        int[] next = Arrays.copyOf(rowStart, rows);
        for (int q = from; q < to; q++) {
            int p = order[q];
            int e = next[rowOf[pt[p]]]++;
            edgeCol[e] = colOf[pm[p]];
            edgeCost[e] = pc[p];
        }
        sparse.solve(rows, cols, rowStart, edgeCol, edgeCost, sparseResult);
        for (int r = 0; r < rows; r++) {
            int c = sparseResult[r];
            if (c >= 0) {
                result[rowTrack[r]] = colMeasurement[c];
            }
        }
    }

    /**
     * When every track's cheapest option (its cheapest pair, or staying unassigned at cost 0) uses
     * a different measurement, taking those is optimal: each row is at its own minimum. Most
     * components in tracking are like that; only real conflicts need the solver.
     */
    private boolean solvedByBestPairs(
            int from, int to, int[] pt, int[] pm, double[] pc, int[] result) {
        for (int q = from; q < to; q++) {
            int p = order[q];
            rowOf[pt[p]] = -1; // best pair of the track
            colOf[pm[p]] = -1; // track claiming the measurement
        }
        for (int q = from; q < to; q++) {
            int p = order[q];
            int best = rowOf[pt[p]];
            if (pc[p] < 0 && (best < 0 || pc[p] < pc[best])) {
                rowOf[pt[p]] = p;
            }
        }
        for (int q = from; q < to; q++) {
            int p = order[q];
            int best = rowOf[pt[p]];
            if (best == p) {
                if (colOf[pm[p]] >= 0) {
                    return false;
                }
                colOf[pm[p]] = pt[p];
            }
        }
        for (int q = from; q < to; q++) {
            int p = order[q];
            if (rowOf[pt[p]] == p) {
                result[pt[p]] = pm[p];
            }
        }
        return true;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) {
            if (ra < rb) {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    }
}
