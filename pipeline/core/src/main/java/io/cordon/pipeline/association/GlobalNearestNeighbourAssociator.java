package io.cordon.pipeline.association;

import io.cordon.pipeline.assignment.AssignmentSolver;
import io.cordon.pipeline.assignment.CostMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Global nearest neighbour: the joint assignment of measurements to tracks with least total cost,
 * where leaving a track or a measurement unassigned costs 0 (so a pair is taken only if its cost,
 * the negative log-likelihood ratio, makes the total lower). The gated pairs are first split into
 * connected components (tracks linked through shared measurements), each solved exactly on its own:
 * with well separated targets every component is tiny and the whole step is linear in the number of
 * pairs.
 */
public final class GlobalNearestNeighbourAssociator {
    private final AssignmentSolver solver;

    public GlobalNearestNeighbourAssociator(AssignmentSolver solver) {
        this.solver = solver;
    }

    /**
     * The measurement index assigned to each of {@code trackCount} tracks, or -1.
     *
     * @param pairs gated pairs in any order (at most one per track-measurement combination)
     */
    public int[] associate(int trackCount, int measurementCount, List<GatedPair> pairs) {
        int[] result = new int[trackCount];
        Arrays.fill(result, -1);
        if (pairs.isEmpty()) {
            return result;
        }
        // Union-find over tracks [0, T) and measurements [T, T + M).
        int[] parent = new int[trackCount + measurementCount];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (GatedPair p : pairs) {
            union(parent, p.track(), trackCount + p.measurement());
        }
        // Group pairs by component root, in first-seen order of the (sorted) pairs.
        List<GatedPair> sorted = new ArrayList<>(pairs);
        sorted.sort(
                (a, b) ->
                        a.track() != b.track()
                                ? Integer.compare(a.track(), b.track())
                                : Integer.compare(a.measurement(), b.measurement()));
        int[] componentOf = new int[parent.length];
        Arrays.fill(componentOf, -1);
        List<List<GatedPair>> components = new ArrayList<>();
        for (GatedPair p : sorted) {
            int root = find(parent, p.track());
            if (componentOf[root] < 0) {
                componentOf[root] = components.size();
                components.add(new ArrayList<>());
            }
            components.get(componentOf[root]).add(p);
        }
        for (List<GatedPair> component : components) {
            solve(component, measurementCount, result);
        }
        return result;
    }

    private void solve(List<GatedPair> component, int measurementCount, int[] result) {
        if (component.size() == 1) {
            GatedPair p = component.get(0);
            if (p.cost() < 0) {
                result[p.track()] = p.measurement();
            }
            return;
        }
        int[] rowOf = new int[result.length];
        int[] colOf = new int[measurementCount];
        List<Integer> trackIds = new ArrayList<>();
        List<Integer> measIds = new ArrayList<>();
        Arrays.fill(rowOf, -1);
        Arrays.fill(colOf, -1);
        for (GatedPair p : component) {
            if (rowOf[p.track()] < 0) {
                rowOf[p.track()] = trackIds.size();
                trackIds.add(p.track());
            }
            if (colOf[p.measurement()] < 0) {
                colOf[p.measurement()] = measIds.size();
                measIds.add(p.measurement());
            }
        }
        int rows = trackIds.size();
        int cols = measIds.size();
        CostMatrix costs = new CostMatrix(rows, cols + rows);
        for (GatedPair p : component) {
            costs.set(rowOf[p.track()], colOf[p.measurement()], p.cost());
        }
        for (int r = 0; r < rows; r++) {
            costs.set(r, cols + r, 0.0);
        }
        var assignment = solver.solve(costs);
        for (int r = 0; r < rows; r++) {
            int c = assignment.columnOf(r);
            if (c < cols) {
                result[trackIds.get(r)] = measIds.get(c);
            }
        }
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
