package io.cordon.pipeline.detect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.bench.GeneratedScenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingObservabilityTest {
    private static final TruthEvent MEETING =
            new TruthEvent("r1", "RENDEZVOUS", 100, 160, 31.3, -110.8, List.of(2, 3));

    /** Detections of (time, target) pairs, with a clutter plot at every time as well. */
    private static GeneratedScenario looks(double[][] timeAndTarget) {
        List<String> detections = new ArrayList<>(List.of("det_id,time_s,sensor_id"));
        List<String> labels = new ArrayList<>(List.of("det_id,truth_id"));
        int id = 0;
        for (double[] d : timeAndTarget) {
            detections.add(id + "," + d[0] + ",S");
            labels.add(id + "," + (int) d[1]);
            id++;
            detections.add(id + "," + d[0] + ",S");
            labels.add(id + ",-1");
            id++;
        }
        return new GeneratedScenario(
                "{}", detections, List.of(), List.of(), labels, List.of(), List.of());
    }

    @Test
    void bothSeenAtTheStartAndTheEndOfTheMinimumDurationIsObserved() {
        var g = looks(new double[][] {{104, 2}, {106, 3}, {140, 2}, {137, 3}});
        // Together from 106 to 137: 31 s.
        assertThat(new MeetingObservability(g).observed(MEETING, 30)).isTrue();
        assertThat(new MeetingObservability(g).observed(MEETING, 32)).isFalse();
    }

    @Test
    void oneSatellitePassDuringTheMeetingIsNotObserved() {
        // One look at each in the meeting; the passes before and after it do not count.
        var g = looks(new double[][] {{40, 2}, {40, 3}, {130, 2}, {130, 3}, {220, 2}, {220, 3}});
        assertThat(new MeetingObservability(g).observed(MEETING, 30)).isFalse();
    }

    @Test
    void aTargetNeverSeenInTheMeetingMakesItUnobserved() {
        var g = looks(new double[][] {{100, 2}, {160, 2}, {150, 4}});
        assertThat(new MeetingObservability(g).observed(MEETING, 30)).isFalse();
    }

    @Test
    void aLabelForADetectionThatDoesNotExistIsAnError() {
        var g =
                new GeneratedScenario(
                        "{}",
                        List.of("det_id,time_s"),
                        List.of(),
                        List.of(),
                        List.of("det_id,truth_id", "7,2"),
                        List.of(),
                        List.of());
        assertThatThrownBy(() -> new MeetingObservability(g))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detection 7");
    }
}
