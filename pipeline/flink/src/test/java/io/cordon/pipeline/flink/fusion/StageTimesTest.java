package io.cordon.pipeline.flink.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StageTimesTest {
    @AfterEach
    void off() {
        StageTimes.disable();
    }

    @Test
    void recordsNothingUnlessEnabled() {
        StageTimes.step(1_000, 1_010, 1_060, 1_065);
        StageTimes.sinkWrite(1_000);

        assertThat(StageTimes.enabled()).isFalse();
        assertThat(StageTimes.steps()).isEmpty();
        assertThat(StageTimes.sinkWrites()).isEmpty();
    }

    @Test
    void keepsTheLatestOfEachStageOverPartitions() {
        StageTimes.enable();
        StageTimes.step(1_000, 1_010, 1_060, 1_065);
        StageTimes.step(1_000, 1_012, 1_058, 1_070); // another partition's step of the same time
        StageTimes.step(1_050, 1_055, 1_110, 1_112);

        assertThat(StageTimes.steps())
                .containsEntry(1_000L, new StageTimes.Step(1_012, 1_060, 1_070))
                .containsEntry(1_050L, new StageTimes.Step(1_055, 1_110, 1_112))
                .hasSize(2);
    }

    @Test
    void sinkWritesRecordWhenTheyHappenedPerEventTime() {
        StageTimes.enable();
        long before = System.currentTimeMillis();
        StageTimes.sinkWrite(1_000);
        StageTimes.sinkWrite(1_050);
        long after = System.currentTimeMillis();

        assertThat(StageTimes.sinkWrites()).containsOnlyKeys(1_000L, 1_050L);
        assertThat(StageTimes.sinkWrites().get(1_000L)).isBetween(before, after);
    }

    @Test
    void enablingAgainForgetsEarlierRecords() {
        StageTimes.enable();
        StageTimes.step(1_000, 1_010, 1_060, 1_065);
        StageTimes.sinkWrite(1_000);

        StageTimes.enable();

        assertThat(StageTimes.steps()).isEmpty();
        assertThat(StageTimes.sinkWrites()).isEmpty();
    }

    @Test
    void aWritersRecorderKeepsTheSameMaximaAndNothingWhenDisabled() {
        StageTimes.SinkWrites writer = new StageTimes.SinkWrites();
        writer.record(1_000);
        assertThat(StageTimes.sinkWrites()).isEmpty();

        StageTimes.enable();
        long before = System.currentTimeMillis();
        for (int i = 0; i < 1_000; i++) {
            writer.record(1_000);
        }
        writer.record(1_050);
        writer.record(1_000); // a time again after another: recorded again, its maximum kept
        long after = System.currentTimeMillis();

        assertThat(StageTimes.sinkWrites()).containsOnlyKeys(1_000L, 1_050L);
        assertThat(StageTimes.sinkWrites().get(1_000L)).isBetween(before, after);
        assertThat(StageTimes.sinkWrites().get(1_050L)).isBetween(before, after);
        assertThat(StageTimes.sinkWrites().get(1_000L))
                .isGreaterThanOrEqualTo(StageTimes.sinkWrites().get(1_050L));
    }
}
