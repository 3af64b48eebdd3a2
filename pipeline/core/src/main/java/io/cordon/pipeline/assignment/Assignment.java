package io.cordon.pipeline.assignment;

/** An optimal assignment: the column chosen for each row, and the total cost. */
public final class Assignment {
    private final int[] columnOfRow;
    private final double totalCost;

    Assignment(int[] columnOfRow, double totalCost) {
        this.columnOfRow = columnOfRow;
        this.totalCost = totalCost;
    }

    /** The column assigned to {@code row}. */
    public int columnOf(int row) {
        return columnOfRow[row];
    }

    public int rows() {
        return columnOfRow.length;
    }

    public double totalCost() {
        return totalCost;
    }
}
