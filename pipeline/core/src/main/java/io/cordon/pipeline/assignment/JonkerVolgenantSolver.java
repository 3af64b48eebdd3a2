package io.cordon.pipeline.assignment;

/**
 * Shortest augmenting path assignment in the Jonker–Volgenant family (Jonker & Volgenant, "A
 * shortest augmenting path algorithm for dense and sparse linear assignment problems", Computing
 * 38, 1987; rectangular form as in Crouse, "On implementing 2D rectangular assignment algorithms",
 * IEEE TAES 52(4), 2016). Each row is added by a Dijkstra search over reduced costs {@code c(i, j)
 * - u(i) - v(j)} kept non-negative by the dual variables u, v; O(rows² · columns) worst case, far
 * less on the sparse gated problems of tracking. Ties go to unassigned columns first, then to the
 * lowest column index, so the result is deterministic.
 */
public final class JonkerVolgenantSolver implements AssignmentSolver {

    @Override
    public Assignment solve(CostMatrix costs) {
        int n = costs.rows();
        int m = costs.columns();
        if (n > m) {
            throw new IllegalArgumentException(
                    "rows must not exceed columns, was " + n + "x" + m + " (transpose it)");
        }
        double[] c = costs.values;
        double[] u = new double[n];
        double[] v = new double[m];
        double[] shortest = new double[m];
        int[] path = new int[m];
        int[] col4row = new int[n];
        int[] row4col = new int[m];
        boolean[] sr = new boolean[n];
        boolean[] sc = new boolean[m];
        int[] remaining = new int[m];
        java.util.Arrays.fill(col4row, -1);
        java.util.Arrays.fill(row4col, -1);

        for (int curRow = 0; curRow < n; curRow++) {
            double minVal = 0;
            int numRemaining = m;
            for (int it = 0; it < m; it++) {
                remaining[it] = m - it - 1;
            }
            java.util.Arrays.fill(sr, false);
            java.util.Arrays.fill(sc, false);
            java.util.Arrays.fill(shortest, Double.POSITIVE_INFINITY);
            int sink = -1;
            int i = curRow;
            while (sink == -1) {
                sr[i] = true;
                int index = -1;
                double lowest = Double.POSITIVE_INFINITY;
                int lowestCol = Integer.MAX_VALUE;
                for (int it = 0; it < numRemaining; it++) {
                    int j = remaining[it];
                    double r = minVal + c[i * m + j] - u[i] - v[j];
                    if (r < shortest[j]) {
                        path[j] = i;
                        shortest[j] = r;
                    }
                    double s = shortest[j];
                    if (s < lowest
                            || (s == lowest
                                    && s != Double.POSITIVE_INFINITY
                                    && better(j, lowestCol, row4col))) {
                        lowest = s;
                        index = it;
                        lowestCol = j;
                    }
                }
                minVal = lowest;
                if (minVal == Double.POSITIVE_INFINITY) {
                    throw new InfeasibleAssignmentException(
                            "row " + curRow + " cannot be assigned without a forbidden pair");
                }
                int j = remaining[index];
                if (row4col[j] == -1) {
                    sink = j;
                } else {
                    i = row4col[j];
                }
                sc[j] = true;
                remaining[index] = remaining[--numRemaining];
            }
            u[curRow] += minVal;
            for (int r = 0; r < n; r++) {
                if (sr[r] && r != curRow) {
                    u[r] += minVal - shortest[col4row[r]];
                }
            }
            for (int j = 0; j < m; j++) {
                if (sc[j]) {
                    v[j] -= minVal - shortest[j];
                }
            }
            int j = sink;
            while (true) {
                int r = path[j];
                row4col[j] = r;
                int previous = col4row[r];
                col4row[r] = j;
                j = previous;
                if (r == curRow) {
                    break;
                }
            }
        }
        double total = 0;
        for (int r = 0; r < n; r++) {
            total += c[r * m + col4row[r]];
        }
        return new Assignment(col4row, total);
    }

    /** Tie-break: a free column before an assigned one, then the lower index. */
    private static boolean better(int j, int incumbent, int[] row4col) {
        if (incumbent == Integer.MAX_VALUE) {
            return true;
        }
        boolean jFree = row4col[j] == -1;
        boolean incFree = row4col[incumbent] == -1;
        if (jFree != incFree) {
            return jFree;
        }
        return j < incumbent;
    }
}
