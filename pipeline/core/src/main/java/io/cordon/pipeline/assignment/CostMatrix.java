package io.cordon.pipeline.assignment;

import java.util.Arrays;

/**
 * A dense rows × columns cost matrix; {@link Double#POSITIVE_INFINITY} marks a forbidden pair.
 * Mutable while being filled, then handed to an {@link AssignmentSolver}.
 */
public final class CostMatrix {
    private final int rows;
    private final int columns;
    final double[] values;

    /** A matrix with every pair forbidden. */
    public CostMatrix(int rows, int columns) {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("dimensions must be >= 0: " + rows + "x" + columns);
        }
        this.rows = rows;
        this.columns = columns;
        this.values = new double[rows * columns];
        Arrays.fill(values, Double.POSITIVE_INFINITY);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public double get(int row, int column) {
        return values[row * columns + column];
    }

    public CostMatrix set(int row, int column, double cost) {
        if (Double.isNaN(cost) || cost == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("cost must be finite or +inf, was " + cost);
        }
        values[row * columns + column] = cost;
        return this;
    }
}
