package io.cordon.pipeline.flink.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.flink.record.KeyedPayload;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class TrackOrderFunctionTest {
    @Test
    void releasesEachTracksUpdatesInEventTimeOrderAndKeepsNothing() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, KeyedPayload, KeyedPayload> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new TrackOrderFunction(), p -> p.key, Types.STRING);
        harness.open();
        // Two publishers of one track: the later update arrives first.
        harness.processElement(
                new StreamRecord<>(new KeyedPayload("", "T-a", 8000, new byte[] {2}), 8000));
        harness.processElement(
                new StreamRecord<>(new KeyedPayload("", "T-a", 4000, new byte[] {1}), 4000));
        harness.processWatermark(new Watermark(8000));
        assertThat(harness.extractOutputValues())
                .extracting(p -> p.eventTimeMs)
                .containsExactly(4000L, 8000L);
        assertThat(harness.numKeyedStateEntries()).isZero();
        harness.close();
    }
}
