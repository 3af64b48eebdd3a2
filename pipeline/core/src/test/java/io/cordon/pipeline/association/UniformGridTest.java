package io.cordon.pipeline.association;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UniformGridTest {
    @Test
    void queryReturnsEveryPointWithinTheRadiusAcrossNegativeAndPositiveCells() {
        Random random = new Random(7);
        int n = 2000;
        double[] e = new double[n];
        double[] north = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = (random.nextDouble() - 0.5) * 80000;
            north[i] = (random.nextDouble() - 0.5) * 60000;
        }
        UniformGrid grid = new UniformGrid(1000, e, north, n);
        for (int q = 0; q < 200; q++) {
            double qe = (random.nextDouble() - 0.5) * 80000;
            double qn = (random.nextDouble() - 0.5) * 60000;
            double radius = random.nextDouble() * 5000;
            Set<Integer> found = new HashSet<>();
            grid.query(qe, qn, radius, found::add);
            int inside = 0;
            for (int i = 0; i < n; i++) {
                if (Math.hypot(e[i] - qe, north[i] - qn) <= radius) {
                    inside++;
                    assertThat(found).contains(i);
                }
            }
            // It visits cells, not the whole set: far fewer than all points for small radii.
            if (radius < 2000) {
                assertThat(found.size()).isLessThan(n / 10 + inside);
            }
        }
    }

    @Test
    void positionsAreTheOrderInWhichQueriesListPoints() {
        Random random = new Random(11);
        int n = 500;
        double[] e = new double[n];
        double[] north = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = (random.nextDouble() - 0.5) * 20000;
            north[i] = (random.nextDouble() - 0.5) * 20000;
        }
        UniformGrid grid = new UniformGrid(1000, e, north, n);
        int[] position = new int[n];
        grid.positions(position);
        // A query covering everything lists every point once, each at its position.
        int found = grid.collect(0, 0, 20000);
        assertThat(found).isEqualTo(n);
        for (int k = 0; k < found; k++) {
            assertThat(position[grid.found(k)]).isEqualTo(k);
        }
        // Any smaller query lists its points in increasing position.
        for (int q = 0; q < 50; q++) {
            int count =
                    grid.collect(
                            (random.nextDouble() - 0.5) * 20000,
                            (random.nextDouble() - 0.5) * 20000,
                            random.nextDouble() * 3000);
            for (int k = 1; k < count; k++) {
                assertThat(position[grid.found(k)]).isGreaterThan(position[grid.found(k - 1)]);
            }
        }
    }

    @Test
    void chiSquareGateThresholdIsTheQuantile() {
        // 2 degrees of freedom: γ = -2 ln(1 - P_G).
        ChiSquareGate gate = ChiSquareGate.of(0.99, 2);
        assertThat(gate.threshold())
                .isCloseTo(-2 * Math.log(0.01), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(gate.accepts(9.0)).isTrue();
        assertThat(gate.accepts(9.3)).isFalse();
    }
}
