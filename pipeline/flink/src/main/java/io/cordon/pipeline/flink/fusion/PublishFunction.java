package io.cordon.pipeline.flink.fusion;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cordon.pipeline.flink.record.KeyedPayload;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Stage 3 of tiled fusion, keyed by replica (tile and local id): joins a tile's track updates with
 * the resolver's decisions and publishes the owner's updates under the global id.
 *
 * <p>Both inputs wait for the watermark: at time t the decision of t (if any) is applied first,
 * then the update of t. The resolver emits its decisions of t before its watermark passes t, so by
 * then every decision that holds at t is here; in particular the mapping that every replica gets at
 * its first update. A decision that ends the entity the replica published until then ({@link
 * io.cordon.pipeline.fusion.tiling.IdentityDecision#ends}) publishes that entity's deletion, from
 * the replica's update of t. After a replica's deletion its state is cleared.
 */
public class PublishFunction
        extends KeyedCoProcessFunction<String, TileTrackEnvelope, DecisionEnvelope, KeyedPayload> {
    private transient MapState<Long, TileTrackEnvelope> updates;
    private transient MapState<Long, DecisionEnvelope> decisions;
    private transient ValueState<String> globalId;
    private transient ValueState<Boolean> owner;
    private transient Counter published;
    private transient Counter withheld;
    private transient Counter withoutIdentity;

    @Override
    public void open(OpenContext openContext) {
        var rc = getRuntimeContext();
        updates =
                rc.getMapState(
                        new MapStateDescriptor<>(
                                "pending-tile-updates",
                                Types.LONG,
                                TypeInformation.of(TileTrackEnvelope.class)));
        decisions =
                rc.getMapState(
                        new MapStateDescriptor<>(
                                "pending-decisions",
                                Types.LONG,
                                TypeInformation.of(DecisionEnvelope.class)));
        globalId = rc.getState(new ValueStateDescriptor<>("global-id", Types.STRING));
        owner = rc.getState(new ValueStateDescriptor<>("owner", Types.BOOLEAN));
        var metrics = rc.getMetricGroup();
        published = metrics.counter("trackUpdatesOut");
        withheld = metrics.counter("replicaUpdatesWithheld");
        withoutIdentity = metrics.counter("replicaUpdatesWithoutIdentity");
    }

    @Override
    public void processElement1(TileTrackEnvelope e, Context ctx, Collector<KeyedPayload> out)
            throws Exception {
        updates.put(e.eventTimeMs, e);
        ctx.timerService().registerEventTimeTimer(e.eventTimeMs);
    }

    @Override
    public void processElement2(DecisionEnvelope d, Context ctx, Collector<KeyedPayload> out)
            throws Exception {
        decisions.put(d.eventTimeMs, d);
        ctx.timerService().registerEventTimeTimer(d.eventTimeMs);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<KeyedPayload> out)
            throws Exception {
        DecisionEnvelope d = decisions.get(timestamp);
        if (d != null) {
            decisions.remove(timestamp);
            globalId.update(d.globalId);
            owner.update(d.owner);
        }
        TileTrackEnvelope u = updates.get(timestamp);
        if (u == null) {
            return;
        }
        updates.remove(timestamp);
        if (d != null && d.ends != null) {
            // the entity this replica published until now ends: its deletion, from this update
            published.inc();
            out.collect(new KeyedPayload("", d.ends, u.eventTimeMs, deletion(u.payload, d.ends)));
        }
        String id = globalId.value();
        if (id == null) {
            withoutIdentity.inc(); // cannot happen while the resolver decides at first updates
        } else if (Boolean.TRUE.equals(owner.value())) {
            published.inc();
            out.collect(new KeyedPayload("", id, u.eventTimeMs, relabel(u.payload, id)));
        } else {
            withheld.inc();
        }
        if (u.deleted()) {
            globalId.clear();
            owner.clear();
        }
    }

    /**
     * The track bytes under the global id. Protobuf writes known fields in field-number order, so
     * the tile's bytes start with field 1, {@code track_id}: it is swapped for the global id and
     * the rest copied, the bytes parsing and rebuilding the message would give, without doing that
     * for every published update. Bytes that do not start with a track id (not from {@link
     * TileTrackingFunction}) are parsed and rebuilt.
     */
    static byte[] relabel(byte[] payload, String trackId) throws InvalidProtocolBufferException {
        int rest = afterTrackId(payload);
        if (rest < 0) {
            io.cordon.proto.v1.EntityTrack t = io.cordon.proto.v1.EntityTrack.parseFrom(payload);
            if (t.getTrackId().equals(trackId)) {
                return payload;
            }
            return t.toBuilder().setTrackId(trackId).build().toByteArray();
        }
        byte[] id = trackId.getBytes(StandardCharsets.UTF_8);
        int head = 1 + varintSize(id.length) + id.length;
        byte[] out = new byte[head + payload.length - rest];
        int i = 0;
        out[i++] = TRACK_ID_TAG;
        for (int v = id.length; ; v >>>= 7) {
            if ((v & ~0x7F) == 0) {
                out[i++] = (byte) v;
                break;
            }
            out[i++] = (byte) ((v & 0x7F) | 0x80);
        }
        System.arraycopy(id, 0, out, i, id.length);
        System.arraycopy(payload, rest, out, head, payload.length - rest);
        return out;
    }

    /** The track bytes under {@code trackId} with the status DELETED. */
    static byte[] deletion(byte[] payload, String trackId) throws InvalidProtocolBufferException {
        return io.cordon.proto.v1.EntityTrack.parseFrom(payload).toBuilder()
                .setTrackId(trackId)
                .setStatus(io.cordon.proto.v1.TrackStatus.TRACK_STATUS_DELETED)
                .build()
                .toByteArray();
    }

    /** Field 1, length-delimited. */
    private static final byte TRACK_ID_TAG = 0x0A;

    /**
     * Where the bytes after a leading field 1 ({@code track_id}) start, or -1 when the bytes do not
     * start with one.
     */
    static int afterTrackId(byte[] payload) {
        if (payload.length == 0 || payload[0] != TRACK_ID_TAG) {
            return -1;
        }
        long length = 0;
        int i = 1;
        for (int shift = 0; ; shift += 7) {
            if (i >= payload.length || shift > 28) {
                return -1;
            }
            byte b = payload[i++];
            length |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
        }
        long end = i + length;
        return end <= payload.length ? (int) end : -1;
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7F) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }
}
