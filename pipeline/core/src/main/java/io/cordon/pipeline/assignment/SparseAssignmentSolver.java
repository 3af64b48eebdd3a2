package io.cordon.pipeline.assignment;

import java.util.Arrays;

/**
 * Optimal assignment on a sparse bipartite graph where every row may also stay unassigned at cost
 * 0: the shortest augmenting path method of {@link JonkerVolgenantSolver} (Jonker & Volgenant 1987;
 * Crouse 2016) with the row-by-row Dijkstra search run over the given edges only, a binary heap
 * picking the nearest column, after a row reduction that gives each row whose cheapest column is
 * not taken by an earlier row that column (Jonker & Volgenant's initialisation, simplified). The
 * "unassigned" option is a private zero-cost column per row, so every row always has an augmenting
 * path. Cost is about O(R · E log E) in the worst case and close to linear in the number of edges
 * on the sparse, loosely coupled problems of tracking, where the dense solver would be cubic in a
 * large cluster.
 *
 * <p>Ties go to the lower column index (real columns before the "unassigned" ones), so the result
 * is deterministic. Not thread-safe: scratch arrays are reused across calls.
 */
public final class SparseAssignmentSolver {
    private double[] u = new double[0];
    private double[] v = new double[0];
    private double[] shortest = new double[0];
    private int[] path = new int[0];
    private int[] row4col = new int[0];
    private boolean[] settled = new boolean[0];
    private int[] touched = new int[0];
    private int[] visitedRows = new int[0];
    private int[] heapCol = new int[0];
    private double[] heapKey = new double[0];
    private int heapSize;

    /**
     * Solves the problem and writes each row's column (in [0, cols)) or -1 (unassigned) into {@code
     * col4row}.
     *
     * @param rows number of rows
     * @param cols number of real columns
     * @param rowStart edges of row r are {@code [rowStart[r], rowStart[r + 1])}
     * @param edgeCol column of each edge, in [0, cols), at most one edge per row and column
     * @param edgeCost finite cost of each edge
     */
    public void solve(
            int rows, int cols, int[] rowStart, int[] edgeCol, double[] edgeCost, int[] col4row) {
        int columns = cols + rows;
        ensure(rows, columns, rowStart[rows] + rows);
        Arrays.fill(v, 0, columns, 0.0);
        Arrays.fill(row4col, 0, columns, -1);
        Arrays.fill(col4row, 0, rows, -1);
        Arrays.fill(shortest, 0, columns, Double.POSITIVE_INFINITY);
        // Row reduction: each row's potential is its cheapest option (an edge or its own
        // "unassigned" column at 0), which keeps every reduced cost non-negative, and a row whose
        // cheapest column (the lowest index among equals) is still free takes it at reduced cost
        // 0. Only the rows left over need a search: in tracking most rows of even a large
        // component have a cheapest measurement of their own.
        for (int r = 0; r < rows; r++) {
            int best = cols + r;
            double bestCost = 0.0;
            for (int e = rowStart[r], end = rowStart[r + 1]; e < end; e++) {
                double c = edgeCost[e];
                if (c < bestCost || (c == bestCost && edgeCol[e] < best)) {
                    bestCost = c;
                    best = edgeCol[e];
                }
            }
            u[r] = bestCost;
            if (row4col[best] == -1) {
                row4col[best] = r;
                col4row[r] = best;
            }
        }
        for (int cur = 0; cur < rows; cur++) {
            if (col4row[cur] != -1) {
                continue;
            }
            int touchedCount = 0;
            int visited = 0;
            heapSize = 0;
            double minVal = 0;
            int sink = -1;
            int i = cur;
            while (true) {
                visitedRows[visited++] = i;
                // Relax the edges of row i (and its "unassigned" column cols + i).
                for (int e = rowStart[i], end = rowStart[i + 1]; e <= end; e++) {
                    int j = e < end ? edgeCol[e] : cols + i;
                    if (settled[j]) {
                        continue;
                    }
                    double c = e < end ? edgeCost[e] : 0.0;
                    double r = minVal + c - u[i] - v[j];
                    if (r < shortest[j]) {
                        if (shortest[j] == Double.POSITIVE_INFINITY) {
                            touched[touchedCount++] = j;
                        }
                        shortest[j] = r;
                        path[j] = i;
                        push(j, r);
                    }
                }
                int j = -1;
                while (heapSize > 0) {
                    int top = heapCol[0];
                    double key = heapKey[0];
                    pop();
                    if (!settled[top] && key == shortest[top]) {
                        j = top;
                        break;
                    }
                }
                if (j < 0) {
                    throw new InfeasibleAssignmentException("row " + cur + " has no path");
                }
                settled[j] = true;
                minVal = shortest[j];
                if (row4col[j] == -1) {
                    sink = j;
                    break;
                }
                i = row4col[j];
            }
            u[cur] += minVal;
            for (int k = 1; k < visited; k++) {
                int r = visitedRows[k];
                u[r] += minVal - shortest[col4row[r]];
            }
            for (int k = 0; k < touchedCount; k++) {
                int j = touched[k];
                if (settled[j]) {
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
                if (r == cur) {
                    break;
                }
            }
            for (int k = 0; k < touchedCount; k++) {
                int t = touched[k];
                settled[t] = false;
                shortest[t] = Double.POSITIVE_INFINITY;
            }
        }
        for (int r = 0; r < rows; r++) {
            if (col4row[r] >= cols) {
                col4row[r] = -1;
            }
        }
    }

    private void ensure(int rows, int columns, int edges) {
        if (u.length < rows) {
            u = new double[Math.max(rows, 2 * u.length)];
            visitedRows = new int[u.length];
        }
        if (v.length < columns) {
            int n = Math.max(columns, 2 * v.length);
            v = new double[n];
            shortest = new double[n];
            path = new int[n];
            row4col = new int[n];
            settled = new boolean[n];
            touched = new int[n];
        }
        if (heapCol.length < edges + 1) {
            int n = Math.max(edges + 1, 2 * heapCol.length);
            heapCol = new int[n];
            heapKey = new double[n];
        }
    }

    private boolean less(double ka, int ca, double kb, int cb) {
        return ka < kb || (ka == kb && ca < cb);
    }

    private void push(int col, double key) {
        if (heapSize == heapCol.length) {
            heapCol = Arrays.copyOf(heapCol, 2 * heapSize);
            heapKey = Arrays.copyOf(heapKey, 2 * heapSize);
        }
        int k = heapSize++;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!less(key, col, heapKey[parent], heapCol[parent])) {
                break;
            }
            heapCol[k] = heapCol[parent];
            heapKey[k] = heapKey[parent];
            k = parent;
        }
        heapCol[k] = col;
        heapKey[k] = key;
    }

    private void pop() {
        int last = --heapSize;
        if (last == 0) {
            return;
        }
        int col = heapCol[last];
        double key = heapKey[last];
        int k = 0;
        while (true) {
            int child = 2 * k + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last
                    && less(
                            heapKey[child + 1],
                            heapCol[child + 1],
                            heapKey[child],
                            heapCol[child])) {
                child++;
            }
            if (!less(heapKey[child], heapCol[child], key, col)) {
                break;
            }
            heapCol[k] = heapCol[child];
            heapKey[k] = heapKey[child];
            k = child;
        }
        heapCol[k] = col;
        heapKey[k] = key;
    }
}
