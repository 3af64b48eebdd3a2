package io.cordon.pipeline.flink.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publication per replica: decisions apply from their time, owners publish under global ids. */
class PublishFunctionTest {
    static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    KeyedTwoInputStreamOperatorTestHarness<
                    String, TileTrackEnvelope, DecisionEnvelope, KeyedPayload>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                        new PublishFunction(),
                        TileTrackEnvelope::replicaKey,
                        DecisionEnvelope::replicaKey,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static TileTrackEnvelope update(String localId, long ms, TrackStatus status) {
        EntityTrack t =
                new EntityTrack(
                        localId,
                        status,
                        Instant.ofEpochMilli(ms),
                        GeoPoint.of(31.33, -110.6),
                        null,
                        StateCovariance.diagonal(50, 2),
                        null,
                        null,
                        null,
                        null,
                        null,
                        3);
        TileTrackEnvelope e = new TileTrackEnvelope();
        e.tileKey = "0:0";
        e.localId = localId;
        e.eventTimeMs = ms;
        e.status = status.ordinal();
        e.covariance = StateCovariance.diagonal(50, 2).toRowMajor();
        e.payload = EntityTrackCodec.toProto(t).toByteArray();
        return e;
    }

    static DecisionEnvelope decision(String localId, long ms, String globalId, boolean owner) {
        DecisionEnvelope d = new DecisionEnvelope();
        d.tileKey = "0:0";
        d.localId = localId;
        d.eventTimeMs = ms;
        d.globalId = globalId;
        d.owner = owner;
        return d;
    }

    private List<String> published() throws Exception {
        return harness.extractOutputValues().stream()
                .map(
                        p -> {
                            try {
                                var t = io.cordon.proto.v1.EntityTrack.parseFrom(p.payload);
                                return p.key + "=" + t.getTrackId() + "@" + (p.eventTimeMs - T0);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                .toList();
    }

    @Test
    void anOwnersUpdatesArePublishedUnderTheGlobalIdFromTheDecisionsTimeOn() throws Exception {
        // The update of t arrives before the decision of t: both wait for the watermark.
        harness.processElement1(new StreamRecord<>(update("T-b", T0, TrackStatus.CONFIRMED), T0));
        harness.processElement2(new StreamRecord<>(decision("T-b", T0, "T-a", false), T0));
        harness.processElement1(
                new StreamRecord<>(update("T-b", T0 + 4000, TrackStatus.CONFIRMED), T0 + 4000));
        harness.processElement2(
                new StreamRecord<>(decision("T-b", T0 + 4000, "T-a", true), T0 + 4000));
        harness.processElement1(
                new StreamRecord<>(update("T-b", T0 + 8000, TrackStatus.CONFIRMED), T0 + 8000));
        harness.processBothWatermarks(new Watermark(T0 + 8000));
        assertThat(published()).containsExactly("T-a=T-a@4000", "T-a=T-a@8000");
    }

    @Test
    void stateIsClearedAfterTheReplicasDeletion() throws Exception {
        harness.processElement2(new StreamRecord<>(decision("T-c", T0, "T-c", true), T0));
        harness.processElement1(new StreamRecord<>(update("T-c", T0, TrackStatus.CONFIRMED), T0));
        harness.processElement1(
                new StreamRecord<>(update("T-c", T0 + 4000, TrackStatus.DELETED), T0 + 4000));
        harness.processBothWatermarks(new Watermark(T0 + 4000));
        assertThat(published()).containsExactly("T-c=T-c@0", "T-c=T-c@4000");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aReplicaRemappedToAnotherEntityPublishesUnderItsIdFromThatTime() throws Exception {
        // The resolver re-maps a replica that went over to another target (IdentityResolver).
        harness.processElement2(new StreamRecord<>(decision("T-e", T0, "T-e", true), T0));
        harness.processElement1(new StreamRecord<>(update("T-e", T0, TrackStatus.CONFIRMED), T0));
        harness.processElement2(
                new StreamRecord<>(decision("T-e", T0 + 4000, "T-f", true), T0 + 4000));
        harness.processElement1(
                new StreamRecord<>(update("T-e", T0 + 4000, TrackStatus.CONFIRMED), T0 + 4000));
        harness.processBothWatermarks(new Watermark(T0 + 4000));
        assertThat(published()).containsExactly("T-e=T-e@0", "T-f=T-f@4000");
    }

    @Test
    void aReplicaThatLeavesAnEntityThatEndsPublishesItsDeletion() throws Exception {
        // T-g published entity T-g, then went over to T-h's target, and T-g has nothing left to
        // publish it (IdentityResolver: the decision names it in ends).
        harness.processElement2(new StreamRecord<>(decision("T-g", T0, "T-g", true), T0));
        harness.processElement1(new StreamRecord<>(update("T-g", T0, TrackStatus.CONFIRMED), T0));
        DecisionEnvelope leaves = decision("T-g", T0 + 4000, "T-h", false);
        leaves.ends = "T-g";
        harness.processElement2(new StreamRecord<>(leaves, T0 + 4000));
        harness.processElement1(
                new StreamRecord<>(update("T-g", T0 + 4000, TrackStatus.CONFIRMED), T0 + 4000));
        harness.processElement1(
                new StreamRecord<>(update("T-g", T0 + 8000, TrackStatus.CONFIRMED), T0 + 8000));
        harness.processBothWatermarks(new Watermark(T0 + 8000));
        assertThat(published()).containsExactly("T-g=T-g@0", "T-g=T-g@4000");
        var end =
                io.cordon.proto.v1.EntityTrack.parseFrom(
                        harness.extractOutputValues().get(1).payload);
        assertThat(end.getStatus()).isEqualTo(io.cordon.proto.v1.TrackStatus.TRACK_STATUS_DELETED);
        assertThat(end)
                .isEqualTo(
                        io.cordon.proto.v1.EntityTrack.parseFrom(
                                        update("T-g", T0 + 4000, TrackStatus.DELETED).payload)
                                .toBuilder()
                                .setTrackId("T-g")
                                .build());
    }

    @Test
    void aReplicaThatLosesOwnershipStopsPublishingAtThatTime() throws Exception {
        harness.processElement2(new StreamRecord<>(decision("T-d", T0, "T-d", true), T0));
        harness.processElement1(new StreamRecord<>(update("T-d", T0, TrackStatus.CONFIRMED), T0));
        harness.processElement2(
                new StreamRecord<>(decision("T-d", T0 + 4000, "T-d", false), T0 + 4000));
        harness.processElement1(
                new StreamRecord<>(update("T-d", T0 + 4000, TrackStatus.DELETED), T0 + 4000));
        harness.processBothWatermarks(new Watermark(T0 + 4000));
        assertThat(published()).containsExactly("T-d=T-d@0");
    }

    @Test
    void relabellingGivesTheBytesOfTheRebuiltMessage() throws Exception {
        byte[] payload = update("T-0a1b2c3d4e5f", T0, TrackStatus.CONFIRMED).payload;
        for (String id : List.of("T-9f8e7d6c5b4a", "x", "T-" + "é".repeat(70), "T-0a1b2c3d4e5f")) {
            byte[] rebuilt =
                    io.cordon.proto.v1.EntityTrack.parseFrom(payload).toBuilder()
                            .setTrackId(id)
                            .build()
                            .toByteArray();
            assertThat(PublishFunction.relabel(payload, id)).as(id).isEqualTo(rebuilt);
        }
    }

    @Test
    void bytesWithoutALeadingTrackIdAreParsedAndRebuilt() throws Exception {
        var t =
                io.cordon.proto.v1.EntityTrack.parseFrom(
                        update("T-a", T0, TrackStatus.CONFIRMED).payload);
        byte[] noId = t.toBuilder().clearTrackId().build().toByteArray();
        assertThat(PublishFunction.afterTrackId(noId)).isEqualTo(-1);
        assertThat(io.cordon.proto.v1.EntityTrack.parseFrom(PublishFunction.relabel(noId, "G-1")))
                .isEqualTo(t.toBuilder().setTrackId("G-1").build());
        byte[] truncated = {0x0A, 0x05, 'T', '-'};
        assertThat(PublishFunction.afterTrackId(truncated)).isEqualTo(-1);
    }
}
