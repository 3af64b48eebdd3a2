package io.cordon.pipeline.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.assignment.CostMatrix;
import io.cordon.pipeline.assignment.JonkerVolgenantSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GlobalNearestNeighbourAssociatorTest {
    private final GlobalNearestNeighbourAssociator gnn =
            new GlobalNearestNeighbourAssociator(new JonkerVolgenantSolver());

    @Test
    void jointOptimumBeatsGreedy() {
        // Track 0 prefers measurement 0 (cost -10) but track 1 only fits measurement 0 well:
        // greedy would give -10 + (-1); the joint optimum is -9 + (-8).
        List<GatedPair> pairs =
                List.of(
                        new GatedPair(0, 0, -10),
                        new GatedPair(0, 1, -9),
                        new GatedPair(1, 0, -8),
                        new GatedPair(1, 1, -1));
        assertThat(gnn.associate(2, 2, pairs)).containsExactly(1, 0);
    }

    @Test
    void aPairWithPositiveCostIsLeftUnassigned() {
        List<GatedPair> pairs = List.of(new GatedPair(0, 0, 2.0), new GatedPair(1, 1, -1.0));
        assertThat(gnn.associate(2, 2, pairs)).containsExactly(-1, 1);
    }

    @Test
    void independentClustersAreSolvedSeparately() {
        List<GatedPair> pairs =
                List.of(
                        new GatedPair(2, 3, -5),
                        new GatedPair(0, 0, -1),
                        new GatedPair(0, 1, -2),
                        new GatedPair(1, 1, -3));
        assertThat(gnn.associate(3, 4, pairs)).containsExactly(0, 1, 3);
    }

    @Test
    void reachesTheJointOptimumOnRandomProblemsWithPairsOfEitherSign() {
        // Positive-cost pairs link tracks that no optimal assignment links; the optimum over all
        // pairs (dense solver, every pair in one matrix with an unassigned column per track) is
        // what the associator must reach, in components small and large (more than a dozen
        // tracks go to the sparse solver).
        Random random = new Random(11);
        JonkerVolgenantSolver dense = new JonkerVolgenantSolver();
        for (int trial = 0; trial < 300; trial++) {
            int tracks = 1 + random.nextInt(40);
            int measurements = 1 + random.nextInt(40);
            double density = 0.05 + 0.2 * random.nextDouble();
            List<GatedPair> pairs = new ArrayList<>();
            CostMatrix matrix = new CostMatrix(tracks, measurements + tracks);
            double[][] cost = new double[tracks][measurements];
            for (int t = 0; t < tracks; t++) {
                for (int m = 0; m < measurements; m++) {
                    cost[t][m] = Double.NaN;
                    if (random.nextDouble() < density) {
                        double c = random.nextGaussian() * 5;
                        pairs.add(new GatedPair(t, m, c));
                        matrix.set(t, m, c);
                        cost[t][m] = c;
                    }
                }
                matrix.set(t, measurements + t, 0.0);
            }
            int[] result = gnn.associate(tracks, measurements, pairs);
            boolean[] used = new boolean[measurements];
            double total = 0;
            for (int t = 0; t < tracks; t++) {
                int m = result[t];
                if (m >= 0) {
                    assertThat(cost[t][m]).as("trial %d: track %d has a pair", trial, t).isNotNaN();
                    assertThat(used[m]).as("trial %d: measurement %d twice", trial, m).isFalse();
                    used[m] = true;
                    total += cost[t][m];
                }
            }
            assertThat(total)
                    .as("trial %d", trial)
                    .isCloseTo(dense.solve(matrix).totalCost(), within(1e-9));
        }
    }
}
