package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.flink.record.KeyedPayload;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by track id, releases each track's published updates in event-time order when the watermark
 * passes them. With tiles, consecutive updates of one track can come from two tiles' publishing
 * operators; this puts them back in order before the sink, so that the track's Kafka partition
 * holds them in the order of their times.
 */
public class TrackOrderFunction extends KeyedProcessFunction<String, KeyedPayload, KeyedPayload> {
    private transient MapState<Long, List<KeyedPayload>> pending;

    @Override
    public void open(OpenContext openContext) {
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending-track-updates",
                                        Types.LONG,
                                        Types.LIST(TypeInformation.of(KeyedPayload.class))));
    }

    @Override
    public void processElement(KeyedPayload p, Context ctx, Collector<KeyedPayload> out)
            throws Exception {
        List<KeyedPayload> atTime = pending.get(p.eventTimeMs);
        if (atTime == null) {
            atTime = new ArrayList<>(1);
            ctx.timerService().registerEventTimeTimer(p.eventTimeMs);
        }
        atTime.add(p);
        pending.put(p.eventTimeMs, atTime);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<KeyedPayload> out)
            throws Exception {
        List<KeyedPayload> atTime = pending.get(timestamp);
        pending.remove(timestamp);
        if (atTime != null) {
            atTime.forEach(out::collect);
        }
    }
}
