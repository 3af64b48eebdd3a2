package io.cordon.pipeline.metrics;

import io.cordon.pipeline.assignment.AssignmentSolver;
import io.cordon.pipeline.assignment.CostMatrix;
import io.cordon.pipeline.assignment.JonkerVolgenantSolver;
import java.util.List;

/**
 * GOSPA with α = 2 between a set of estimates and a set of truths in the plane (Rahmathullah,
 * García-Fernández & Svensson, "Generalized optimal sub-pattern assignment metric", FUSION 2017):
 *
 * <pre>
 * d = ( min over assignments γ of  Σ_(i,j)∈γ d(x_i, y_j)^p  +  c^p/2 (|X| - |γ| + |Y| - |γ|) )^(1/p)
 * </pre>
 *
 * where only pairs closer than c may be assigned. Solved exactly as a linear assignment on {@code
 * min(d, c)^p} (a pair at the cut-off costs the same as leaving both unassigned). Components as in
 * Stone Soup's GOSPAMetric and the benchmark's scorer: localisation Σ d^p over assigned pairs,
 * missed c^p/2 per missed truth, false c^p/2 per false estimate.
 *
 * @param cutoffM c, metres, > 0
 * @param p the order p >= 1
 */
public record Gospa(double cutoffM, double p) {
    private static final AssignmentSolver SOLVER = new JonkerVolgenantSolver();

    public Gospa {
        if (!(cutoffM > 0) || !(p >= 1)) {
            throw new IllegalArgumentException("need c > 0 and p >= 1, were " + cutoffM + ", " + p);
        }
    }

    /** A point in the plane, metres (for example east and north in a scenario frame). */
    public record Point(double eastM, double northM) {}

    /**
     * The metric and its parts.
     *
     * @param distance the GOSPA distance, m
     * @param localisation Σ d^p over assigned pairs
     * @param missed c^p/2 per missed truth
     * @param falseTracks c^p/2 per false estimate
     * @param assigned number of assigned pairs
     */
    public record Result(
            double distance,
            double localisation,
            double missed,
            double falseTracks,
            int assigned) {}

    public Result between(List<Point> estimates, List<Point> truths) {
        int m = estimates.size();
        int n = truths.size();
        double cp = Math.pow(cutoffM, p);
        double loc = 0;
        int assigned = 0;
        if (m > 0 && n > 0) {
            boolean estimatesAsRows = m <= n;
            int rows = estimatesAsRows ? m : n;
            int cols = estimatesAsRows ? n : m;
            CostMatrix costs = new CostMatrix(rows, cols);
            double[][] d = new double[m][n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    d[i][j] =
                            Math.hypot(
                                    estimates.get(i).eastM() - truths.get(j).eastM(),
                                    estimates.get(i).northM() - truths.get(j).northM());
                    double cost = Math.pow(Math.min(d[i][j], cutoffM), p);
                    if (estimatesAsRows) {
                        costs.set(i, j, cost);
                    } else {
                        costs.set(j, i, cost);
                    }
                }
            }
            var assignment = SOLVER.solve(costs);
            for (int r = 0; r < rows; r++) {
                int c = assignment.columnOf(r);
                int i = estimatesAsRows ? r : c;
                int j = estimatesAsRows ? c : r;
                if (d[i][j] < cutoffM) {
                    loc += Math.pow(d[i][j], p);
                    assigned++;
                }
            }
        }
        double missed = (n - assigned) * cp / 2;
        double falseTracks = (m - assigned) * cp / 2;
        return new Result(
                Math.pow(loc + missed + falseTracks, 1 / p), loc, missed, falseTracks, assigned);
    }
}
