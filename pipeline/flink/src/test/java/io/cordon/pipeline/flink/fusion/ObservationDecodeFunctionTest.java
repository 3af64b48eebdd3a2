package io.cordon.pipeline.flink.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.DecodedObservation;
import io.cordon.pipeline.flink.record.ObservationEnvelope;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.fusion.Partitioning;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ObservationDecodeFunctionTest {
    static final Observation OBS =
            new Observation(
                    "o-1",
                    "usa",
                    "drone-1",
                    SensorKind.DRONE,
                    Instant.parse("2026-11-27T22:00:00.250Z"),
                    PositionFix.isotropic(new GeoPoint(31.33, -110.94, 0), 10),
                    null,
                    null,
                    null,
                    Marking.UNRESTRICTED);

    static OneInputStreamOperatorTestHarness<RawRecord, ObservationEnvelope> harness(
            Partitioning partitioning) throws Exception {
        return ProcessFunctionTestHarnesses.forProcessFunction(
                new ObservationDecodeFunction(partitioning));
    }

    static List<ObservationEnvelope> out(
            OneInputStreamOperatorTestHarness<RawRecord, ObservationEnvelope> h) {
        return h.extractOutputValues();
    }

    @Test
    void validRecordBecomesOneEnvelopePerPartitionCarryingTheObservation() throws Exception {
        var h = harness(o -> "a");
        byte[] bytes = ObservationCodec.toProto(OBS).toByteArray();
        h.processElement(new StreamRecord<>(new RawRecord("obs", 0, 5, 0, null, bytes)));

        assertThat(out(h)).hasSize(1);
        ObservationEnvelope e = out(h).get(0);
        assertThat(e.partitionKey).isEqualTo("a");
        assertThat(e.observation).isEqualTo(OBS);
        assertThat(e.eventTimeMs).isEqualTo(OBS.eventTime().toEpochMilli());
        assertThat(e.payload).isEqualTo(bytes);
        assertThat(h.getSideOutput(Outputs.DEAD_LETTERS)).isNullOrEmpty();
    }

    @Test
    void malformedRecordIsDeadLetteredWithItsReasonAndOffset() throws Exception {
        var h = harness(o -> "a");
        byte[] garbage = {(byte) 0xff, 0x01, 0x02};
        h.processElement(new StreamRecord<>(new RawRecord("obs", 3, 77, 0, null, garbage)));

        assertThat(out(h)).isEmpty();
        List<DeadLetterRecord> dead =
                h.getSideOutput(Outputs.DEAD_LETTERS).stream().map(r -> r.getValue()).toList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).stage).isEqualTo(ObservationDecodeFunction.STAGE);
        assertThat(dead.get(0).reason).startsWith("not a cordon.v1.Observation");
        assertThat(dead.get(0).raw).isEqualTo(garbage);
        assertThat(dead.get(0).sourcePartition).isEqualTo(3);
        assertThat(dead.get(0).sourceOffset).isEqualTo(77);
    }

    @Test
    void usesWhatTheSourceAlreadyDecodedInsteadOfParsingAgain() throws Exception {
        var h = harness(o -> "a");
        // bytes that do not parse: only the decoded result on the record can give OBS
        RawRecord r = new RawRecord("obs", 0, 5, 0, null, new byte[] {(byte) 0xff});
        r.decoded = DecodedObservation.of(DecodeResult.ok(OBS));
        h.processElement(new StreamRecord<>(r));
        assertThat(out(h)).extracting(e -> e.observation).containsExactly(OBS);

        // and a refusal recorded at the source is dead-lettered with that reason
        RawRecord refused = new RawRecord("obs", 0, 6, 0, null, new byte[] {1});
        refused.decoded = DecodedObservation.of(DecodeResult.failed("event_time is required"));
        h.processElement(new StreamRecord<>(refused));
        assertThat(h.getSideOutput(Outputs.DEAD_LETTERS))
                .extracting(x -> x.getValue().reason)
                .containsExactly("event_time is required");
    }

    @Test
    void timestampAssignerDecodesOnceAndKeepsTheResultOnTheRecord() {
        ObservationEventTime assigner = new ObservationEventTime();
        RawRecord r =
                new RawRecord("obs", 0, 5, 0, null, ObservationCodec.toProto(OBS).toByteArray());
        assertThat(assigner.extractTimestamp(r, -1)).isEqualTo(OBS.eventTime().toEpochMilli());
        assertThat(r.decoded.observation()).isEqualTo(OBS);

        RawRecord bad = new RawRecord("obs", 0, 6, 0, null, new byte[] {(byte) 0xff});
        assertThat(assigner.extractTimestamp(bad, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(bad.decoded.refusal()).startsWith("not a cordon.v1.Observation");
    }

    @Test
    void observationInTwoTilesGoesToBoth() throws Exception {
        var h =
                harness(
                        new Partitioning() {
                            @Override
                            public String partitionOf(Observation o) {
                                return "t1";
                            }

                            @Override
                            public List<String> partitionsOf(Observation o) {
                                return List.of("t1", "t2");
                            }
                        });
        h.processElement(
                new StreamRecord<>(
                        new RawRecord(
                                "obs",
                                0,
                                5,
                                0,
                                null,
                                ObservationCodec.toProto(OBS).toByteArray())));
        assertThat(out(h)).extracting(e -> e.partitionKey).containsExactly("t1", "t2");
        assertThat(out(h)).allSatisfy(e -> assertThat(e.observation).isEqualTo(OBS));
    }
}
