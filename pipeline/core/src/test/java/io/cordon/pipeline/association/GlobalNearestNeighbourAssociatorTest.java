package io.cordon.pipeline.association;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.assignment.JonkerVolgenantSolver;
import java.util.List;
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
}
