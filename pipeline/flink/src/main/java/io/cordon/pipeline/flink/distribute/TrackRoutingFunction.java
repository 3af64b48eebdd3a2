package io.cordon.pipeline.flink.distribute;

import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.Topics;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.PartnerDelivery;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.sharing.SharingPolicy;
import io.cordon.pipeline.sharing.TrackFeedState;
import io.cordon.pipeline.sharing.TrackRelease;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import io.cordon.proto.v1.EntityTrack.Builder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by track id (the record key of {@code cordon.tracks.v1}): the per-partner fused-track
 * feeds. Records are decoded only when some partner has a feed; undecodable ones then go to the
 * dead-letter output (stage {@value #STAGE}). For every track update and every partner of the
 * policy in force, {@link SharingPolicy#releaseTrack} decides (areas, marking, sources, field
 * rules, rate limit) given the partner's feed state for this track (keyed state, cleared when the
 * feed ends). Released updates go to {@code cordon.partner.<id>.tracks.v1} and, when the partner's
 * CoT, GeoJSON or server-sent events output asks for tracks, to {@link
 * DistributionOutputs#ENDPOINTS}.
 *
 * <p>Track decisions are counted (metrics), not audited one by one: a feed is thousands of updates
 * per minute, the audit topic is for alert releases.
 */
public class TrackRoutingFunction
        extends KeyedBroadcastProcessFunction<String, RawRecord, RawRecord, KeyedPayload> {
    public static final String STAGE = "distribution.tracks";
    static final int STATE_TTL_HOURS = 24;

    private final ConfigText config;
    private final PartnerPolicies policies;

    private transient Topics topics;
    private transient MapState<String, String> feeds;
    private transient MetricGroup metrics;
    private transient Map<String, Counter> sent;
    private transient Counter ended;
    private transient Counter refused;

    public TrackRoutingFunction(ConfigText config, String policyVersion) {
        this.config = config;
        this.policies = new PartnerPolicies(config, policyVersion);
    }

    @Override
    public void open(OpenContext openContext) {
        topics = config.parse().topics();
        MapStateDescriptor<String, String> d =
                new MapStateDescriptor<>("track-feeds", Types.STRING, Types.STRING);
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(STATE_TTL_HOURS)).build());
        feeds = getRuntimeContext().getMapState(d);
        metrics = getRuntimeContext().getMetricGroup();
        sent = new HashMap<>();
        ended = metrics.counter("trackFeedsEnded");
        refused = metrics.counter("tracksDeadLettered");
    }

    @Override
    public void processElement(RawRecord in, ReadOnlyContext ctx, Collector<KeyedPayload> out)
            throws Exception {
        SharingPolicy policy = policies.current(ctx.getBroadcastState(PartnerPolicies.STATE));
        io.cordon.proto.v1.EntityTrack proto = null;
        EntityTrack track = null;
        long now = System.currentTimeMillis();
        for (PartnerConfig partner : policy.partners()) {
            if (!partner.sharing().tracks().enabled() && !feeds.contains(partner.id())) {
                continue; // the common case for partners without a feed: no parsing, no state
            }
            if (track == null) {
                DecodeResult<EntityTrack> decoded = EntityTrackCodec.parse(in.value);
                if (decoded instanceof DecodeResult.Failed<EntityTrack> failed) {
                    refused.inc();
                    ctx.output(
                            Outputs.DEAD_LETTERS,
                            DeadLetterRecord.of(in, STAGE, failed.reason(), "", now));
                    return;
                }
                track = ((DecodeResult.Ok<EntityTrack>) decoded).value();
                proto = io.cordon.proto.v1.EntityTrack.parseFrom(in.value);
            }
            String before = feeds.get(partner.id());
            TrackRelease r =
                    policy.releaseTrack(
                            partner, track, before == null ? null : TrackFeedState.decode(before));
            if (r.next() == null) {
                if (before != null) {
                    feeds.remove(partner.id());
                }
            } else if (r.outcome() != TrackRelease.Outcome.SKIP) {
                feeds.put(partner.id(), r.next().encode());
            }
            if (r.message() == null) {
                continue;
            }
            PartnerEmitter.emit(
                    partner,
                    PartnerDelivery.TRACK,
                    topics.partnerTracks(partner.id()),
                    track.trackId(),
                    r.message().time().toEpochMilli(),
                    encode(r, proto),
                    policy.version(),
                    now,
                    out,
                    d -> ctx.output(DistributionOutputs.ENDPOINTS, d));
            sent.computeIfAbsent(
                            partner.id(),
                            id -> metrics.addGroup("partner", id).counter("trackUpdatesSent"))
                    .inc();
            if (r.outcome() == TrackRelease.Outcome.END) {
                ended.inc();
            }
        }
    }

    /** The released track; country and zones are kept for a delivered update, not for an end. */
    private static byte[] encode(TrackRelease r, io.cordon.proto.v1.EntityTrack original) {
        EntityTrack m = r.message();
        boolean end = r.outcome() == TrackRelease.Outcome.END;
        Builder b =
                EntityTrackCodec.toProto(
                        m,
                        end ? "" : original.getCountryIsoA3(),
                        end ? List.of() : original.getZonesList())
                        .toBuilder();
        if (m.status() == TrackStatus.DELETED && end) {
            b.clearVelocity();
        }
        return b.build().toByteArray();
    }

    @Override
    public void processBroadcastElement(RawRecord raw, Context ctx, Collector<KeyedPayload> out)
            throws Exception {
        // the alert routing function reports refused updates; here they are only applied
        PartnerPolicies.apply(raw, ctx.getBroadcastState(PartnerPolicies.STATE));
    }
}
