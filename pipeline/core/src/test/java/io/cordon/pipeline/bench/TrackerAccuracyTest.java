package io.cordon.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.metrics.TrackingScore;
import org.junit.jupiter.api.Test;

/**
 * Accuracy regression tests: the tracker on seeded scenarios of the project's own generator (the
 * benchmark's sensors, kinds of targets and clutter), scored in Java as the benchmark scores it.
 * Each threshold is the value measured when the test was written plus a stated margin: about 5 % on
 * GOSPA and a few counts on the identity metrics, enough for a last-bit difference in floating
 * point between JVMs and not enough to hide a regression. A deliberate change that moves a figure
 * updates the measured value here, with the reason in the commit.
 */
class TrackerAccuracyTest {

    private static TrackingScore run(ScenarioSpec spec) {
        GeneratedScenario generated = ScenarioGenerator.generate(spec);
        BenchScenario scenario = generated.scenario();
        BenchTrackRunner.Result result =
                BenchTrackRunner.track(scenario, BenchPriors.parametersFor(scenario));
        return ScenarioScorer.score(generated, result);
    }

    @Test
    void sixtyTargetsOverFiveMinutes() {
        TrackingScore score = run(ScenarioSpec.border(21, 60, 300));
        // Measured 2026-11-27: GOSPA 683.6 m, 1 ID switch, 6 fragmentations, 70 track ids
        // (684.8 m, 0 switches and 71 ids before close tracks stopped being deleted as
        // duplicates and the velocity prior was retuned). 2026-11-28: 684.4 m after the turn-model
        // noise change; with the least new-target density following the tracker's own births
        // 683.4 m, the rest equal (thresholds kept: 720 m is 683.4 + 5.4 %).
        assertThat(score.gospaMeanM()).isLessThan(720.0);
        assertThat(score.idSwitches()).isLessThanOrEqualTo(2);
        assertThat(score.fragmentations()).isLessThanOrEqualTo(8);
        assertThat(score.trackIds()).isLessThanOrEqualTo(74);
        // Reporting nothing would cost c·√(n/2) ≈ 2 600 m with about 55 targets alive.
        assertThat(score.missedMeanM2()).isLessThan(0.2 * 55 * 500.0 * 500.0 / 2);
    }

    @Test
    void aThousandTargetsOverTwoMinutes() {
        TrackingScore score = run(ScenarioSpec.border(22, 1000, 120));
        // Measured 2026-11-27: GOSPA 3 817 m, 24 ID switches, 43 fragmentations, 1 088 track ids
        // (2026-11-28, tracks outside the scenario's box not reported: 1 087 ids, the rest equal;
        // 3 813 m after the turn-model noise change, unchanged by the least new-target density
        // following the tracker's own births)
        // (the benchmark's t1000s: 4 068 m against an oracle bound of 3 702 m). Before close
        // tracks stopped being deleted as duplicates and the velocity prior was retuned: 3 855 m,
        // 50, 56 and 1 111.
        assertThat(score.gospaMeanM()).isLessThan(4000.0);
        assertThat(score.idSwitches()).isLessThanOrEqualTo(28);
        assertThat(score.fragmentations()).isLessThanOrEqualTo(48);
        // The bound: no more ids than truths + 10 %.
        assertThat(score.trackIds()).isLessThanOrEqualTo(1095);
    }
}
