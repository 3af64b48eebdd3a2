package io.cordon.pipeline.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class JonkerVolgenantSolverTest {
    private final AssignmentSolver solver = new JonkerVolgenantSolver();
    private static final Random RANDOM = new Random(20260101);

    @RepeatedTest(300)
    void matchesBruteForceOnRandomRectangularMatrices() {
        int rows = 1 + RANDOM.nextInt(6);
        int cols = rows + RANDOM.nextInt(3);
        CostMatrix c = new CostMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                // Integer costs make ties common, which exercises the tie-breaks.
                if (RANDOM.nextDouble() < 0.8 || j == i) {
                    c.set(
                            i,
                            j,
                            RANDOM.nextBoolean()
                                    ? RANDOM.nextInt(10) - 5
                                    : RANDOM.nextGaussian() * 100);
                }
            }
        }
        Assignment a = solver.solve(c);
        double best = bruteForce(c, 0, new boolean[cols]);
        assertThat(a.totalCost()).isCloseTo(best, within(1e-9));
        Set<Integer> used = new HashSet<>();
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            assertThat(used.add(a.columnOf(i))).isTrue();
            sum += c.get(i, a.columnOf(i));
        }
        assertThat(sum).isCloseTo(a.totalCost(), within(1e-9));
    }

    @Test
    void forbiddenEverywhereIsInfeasible() {
        CostMatrix c = new CostMatrix(2, 2);
        c.set(0, 0, 1).set(1, 0, 1);
        assertThatThrownBy(() -> solver.solve(c)).isInstanceOf(InfeasibleAssignmentException.class);
    }

    @Test
    void moreRowsThanColumnsIsRejected() {
        assertThatThrownBy(() -> solver.solve(new CostMatrix(3, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classicExample() {
        // Row 1 and row 0 both want column 1; the optimum is 1 + 2 + 2 = 5.
        CostMatrix c = new CostMatrix(3, 3);
        double[][] v = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c.set(i, j, v[i][j]);
            }
        }
        Assignment a = solver.solve(c);
        assertThat(a.totalCost()).isEqualTo(5.0);
        assertThat(new int[] {a.columnOf(0), a.columnOf(1), a.columnOf(2)})
                .containsExactly(1, 0, 2);
    }

    private static double bruteForce(CostMatrix c, int row, boolean[] used) {
        if (row == c.rows()) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.columns(); j++) {
            if (!used[j] && c.get(row, j) != Double.POSITIVE_INFINITY) {
                used[j] = true;
                best = Math.min(best, c.get(row, j) + bruteForce(c, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
