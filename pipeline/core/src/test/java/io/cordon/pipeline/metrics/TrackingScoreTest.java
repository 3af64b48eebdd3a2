package io.cordon.pipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingScoreTest {
    private static TrackingScore.Frame frame(Object... idEastNorth) {
        List<String> ids = new ArrayList<>();
        int n = idEastNorth.length / 3;
        double[] e = new double[n];
        double[] north = new double[n];
        for (int k = 0; k < n; k++) {
            ids.add((String) idEastNorth[3 * k]);
            e[k] = ((Number) idEastNorth[3 * k + 1]).doubleValue();
            north[k] = ((Number) idEastNorth[3 * k + 2]).doubleValue();
        }
        return new TrackingScore.Frame(ids, e, north);
    }

    @Test
    void countsSwitchesFragmentationsAndGospaAsTheBenchmarkDoes() {
        // Truth "a" at the origin throughout; tracks: A, A, none, A, B (B alone at step 4).
        List<TrackingScore.Frame> truths =
                List.of(
                        frame("a", 0, 0),
                        frame("a", 0, 0),
                        frame("a", 0, 0),
                        frame("a", 0, 0),
                        frame("a", 0, 0));
        List<TrackingScore.Frame> tracks =
                List.of(
                        frame("A", 30, 40),
                        frame("A", 0, 0),
                        frame(),
                        frame("A", 0, 0),
                        frame("B", 0, 0, "A", 5000, 0));
        TrackingScore s = TrackingScore.of(truths, tracks, 500);
        assertThat(s.fragmentations()).isEqualTo(1);
        assertThat(s.idSwitches()).isEqualTo(1);
        assertThat(s.trackIds()).isEqualTo(2);
        // Per step: 50, 0, √(c²/2), 0, √(c²/2) (the far track is false).
        double half = Math.sqrt(500.0 * 500.0 / 2);
        assertThat(s.gospaMeanM()).isCloseTo((50 + half + half) / 5, within(1e-9));
        assertThat(s.localisationMeanM2()).isCloseTo(2500.0 / 5, within(1e-9));
        assertThat(s.missedMeanM2()).isCloseTo(500.0 * 500.0 / 2 / 5, within(1e-9));
        assertThat(s.falseMeanM2()).isCloseTo(500.0 * 500.0 / 2 / 5, within(1e-9));
    }

    @Test
    void aTruthKeepsItsTrackWhileWithinTheCutOffEvenIfAnotherIsCloser() {
        List<TrackingScore.Frame> truths = List.of(frame("a", 0, 0), frame("a", 0, 0));
        List<TrackingScore.Frame> tracks =
                List.of(frame("A", 10, 0), frame("A", 400, 0, "B", 1, 0));
        TrackingScore s = TrackingScore.of(truths, tracks, 500);
        assertThat(s.idSwitches()).isZero();
    }
}
