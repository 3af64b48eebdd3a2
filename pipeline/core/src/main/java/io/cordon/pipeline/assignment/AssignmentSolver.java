package io.cordon.pipeline.assignment;

/** Solves the rectangular linear sum assignment problem exactly. */
public interface AssignmentSolver {
    /**
     * The least-cost assignment of every row to a distinct column.
     *
     * @throws IllegalArgumentException when rows exceed columns
     * @throws InfeasibleAssignmentException when forbidden pairs leave no complete assignment
     */
    Assignment solve(CostMatrix costs);
}
