package io.cordon.pipeline.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseAssignmentSolverTest {

    /** Total cost of a solution (unassigned rows cost 0). */
    private static double total(
            int rows, int[] rowStart, int[] edgeCol, double[] edgeCost, int[] col4row) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            if (col4row[r] >= 0) {
                boolean found = false;
                for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                    if (edgeCol[e] == col4row[r]) {
                        sum += edgeCost[e];
                        found = true;
                    }
                }
                assertThat(found).as("row %d uses an edge it has", r).isTrue();
            }
        }
        return sum;
    }

    @Test
    void matchesTheDenseSolverOnRandomSparseProblemsWithAnUnassignedOption() {
        Random random = new Random(3);
        SparseAssignmentSolver sparse = new SparseAssignmentSolver();
        JonkerVolgenantSolver dense = new JonkerVolgenantSolver();
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + random.nextInt(40);
            int cols = 1 + random.nextInt(40);
            int[] rowStart = new int[rows + 1];
            List<Integer> colsList = new ArrayList<>();
            List<Double> costList = new ArrayList<>();
            CostMatrix matrix = new CostMatrix(rows, cols + rows);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (random.nextDouble() < 0.15) {
                        double cost = random.nextGaussian() * 5 - 2;
                        colsList.add(c);
                        costList.add(cost);
                        matrix.set(r, c, cost);
                    }
                }
                matrix.set(r, cols + r, 0.0);
                rowStart[r + 1] = colsList.size();
            }
            int[] edgeCol = colsList.stream().mapToInt(Integer::intValue).toArray();
            double[] edgeCost = costList.stream().mapToDouble(Double::doubleValue).toArray();
            int[] col4row = new int[rows];
            sparse.solve(rows, cols, rowStart, edgeCol, edgeCost, col4row);
            boolean[] used = new boolean[cols];
            for (int c : col4row) {
                if (c >= 0) {
                    assertThat(used[c]).as("column %d used twice", c).isFalse();
                    used[c] = true;
                }
            }
            double expected = dense.solve(matrix).totalCost();
            assertThat(total(rows, rowStart, edgeCol, edgeCost, col4row))
                    .as("trial %d", trial)
                    .isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void aRowWithoutEdgesStaysUnassigned() {
        int[] col4row = new int[2];
        new SparseAssignmentSolver()
                .solve(2, 1, new int[] {0, 0, 1}, new int[] {0}, new double[] {-3.0}, col4row);
        assertThat(col4row).containsExactly(-1, 0);
    }
}
