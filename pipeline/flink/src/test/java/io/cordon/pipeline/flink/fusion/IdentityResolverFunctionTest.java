package io.cordon.pipeline.flink.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.fusion.tiling.Tile;
import io.cordon.pipeline.fusion.tiling.TileGrid;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The resolver operator: decisions per event time, and its state through a checkpoint. */
class IdentityResolverFunctionTest {
    static final ConfigText CONFIG =
            new ConfigText(
                    "reference: {latDeg: 31.3333, lonDeg: -110.6}\n"
                            + "fusion: {tileSizeM: 10000, haloM: 2000}\n",
                    ".");
    static final TileGrid GRID = new TileGrid(10_000, 2_000);
    static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    static KeyedOneInputStreamOperatorTestHarness<String, TileTrackEnvelope, DecisionEnvelope>
            harness(OperatorSubtaskState restoreFrom) throws Exception {
        var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new IdentityResolverFunction(CONFIG)),
                        e -> IdentityResolverFunction.KEY,
                        Types.STRING);
        h.setup();
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }

    static StreamRecord<TileTrackEnvelope> replica(
            String tile, String id, long s, double e, double n, boolean first) {
        TileTrackEnvelope u = new TileTrackEnvelope();
        u.tileKey = tile;
        u.localId = id;
        u.eventTimeMs = T0 + 1000 * s;
        u.status = TrackStatus.CONFIRMED.ordinal();
        u.eastM = e;
        u.northM = n;
        u.velocityEastMps = 10;
        u.covariance = StateCovariance.diagonal(50, 2).toRowMajor();
        u.depthM = GRID.depthM(Tile.parse(tile), e, n);
        u.first = first;
        return new StreamRecord<>(u, u.eventTimeMs);
    }

    static List<String> decisions(
            KeyedOneInputStreamOperatorTestHarness<String, TileTrackEnvelope, DecisionEnvelope> h) {
        return h.extractOutputValues().stream()
                .map(d -> d.replicaKey() + "->" + d.globalId + (d.owner ? " owner" : ""))
                .toList();
    }

    @Test
    void identitiesSurviveACheckpointAndRestore() throws Exception {
        var before = harness(null);
        before.processElement(replica("0:0", "T-a", 0, 9_000, 5_000, true));
        before.processWatermark(new Watermark(T0));
        // B's new track at 4 s, not yet decided when the checkpoint is taken.
        before.processElement(replica("0:0", "T-a", 4, 9_040, 5_000, false));
        before.processElement(replica("1:0", "T-b", 4, 9_045, 5_010, true));
        OperatorSubtaskState snapshot = before.snapshot(1, T0 + 5000);
        assertThat(decisions(before)).containsExactly("0:0/T-a->T-a owner");
        before.close();

        var after = harness(snapshot);
        after.processWatermark(new Watermark(T0 + 4000));
        after.processElement(replica("0:0", "T-a", 200, 11_200, 5_000, false));
        after.processElement(replica("1:0", "T-b", 200, 11_200, 5_000, false));
        after.processWatermark(new Watermark(T0 + 200_000));
        assertThat(decisions(after))
                .containsExactly("1:0/T-b->T-a", "0:0/T-a->T-a", "1:0/T-b->T-a owner");
        after.close();
    }
}
