package io.cordon.jobs;

import io.cordon.jobs.output.PartnerEndpointFunction;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.distribute.AlertDecodeFunction;
import io.cordon.pipeline.flink.distribute.AlertRoutingFunction;
import io.cordon.pipeline.flink.distribute.DistributionOutputs;
import io.cordon.pipeline.flink.distribute.PartnerPolicies;
import io.cordon.pipeline.flink.distribute.TrackRoutingFunction;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * alerts and tracks → the sharing policy per partner → each partner's outputs, plus one audit
 * record per alert decision.
 *
 * <pre>
 * cordon.config.v1 (key "partners") ──broadcast──┬──────────────────┬──────────────────┐
 * cordon.alerts.v1 → decode → keyBy alert id → route alerts ──┐     │                  │
 * cordon.tracks.v1 → keyBy track id ─────────→ route tracks ──┴─→ partner Kafka topics (exactly once)
 *                                 releases for CoT/GeoJSON/SSE partners → keyBy partner → endpoints (at least once)
 *                                 audit records → cordon.audit.v1 (exactly once)
 * </pre>
 */
public final class DistributionJob {
    private final Source<RawRecord, ?, ?> alerts;
    private final Source<RawRecord, ?, ?> tracks;
    private final Source<RawRecord, ?, ?> configUpdates;
    private final Sink<KeyedPayload> partnerOutputs;
    private final Sink<KeyedPayload> audit;
    private final Sink<DeadLetterRecord> deadLetters;
    private final ConfigText config;
    private final String policyVersion;

    /**
     * @param alerts {@code cordon.alerts.v1}
     * @param tracks {@code cordon.tracks.v1}, for the partner track feeds
     * @param configUpdates {@code cordon.config.v1}: live updates of the partners section
     * @param partnerOutputs the partner topics (each record names its topic)
     * @param audit the audit topic
     * @param deadLetters the dead-letter topic
     * @param config the configuration; its partners are policy version 0
     * @param policyVersion the label of version 0 in audit records
     */
    public DistributionJob(
            Source<RawRecord, ?, ?> alerts,
            Source<RawRecord, ?, ?> tracks,
            Source<RawRecord, ?, ?> configUpdates,
            Sink<KeyedPayload> partnerOutputs,
            Sink<KeyedPayload> audit,
            Sink<DeadLetterRecord> deadLetters,
            ConfigText config,
            String policyVersion) {
        this.alerts = alerts;
        this.tracks = tracks;
        this.configUpdates = configUpdates;
        this.partnerOutputs = partnerOutputs;
        this.audit = audit;
        this.deadLetters = deadLetters;
        this.config = config;
        this.policyVersion = policyVersion;
    }

    public void addTo(StreamExecutionEnvironment env) {
        BroadcastStream<RawRecord> policy =
                env.fromSource(configUpdates, WatermarkStrategy.noWatermarks(), "config updates")
                        .uid("distribution-config-source")
                        .name("config updates source")
                        .broadcast(PartnerPolicies.STATE);
        SingleOutputStreamOperator<KeyedPayload> decoded =
                env.fromSource(alerts, WatermarkStrategy.noWatermarks(), "alerts")
                        .uid("distribution-alerts-source")
                        .name("alerts source")
                        .process(new AlertDecodeFunction())
                        .uid("distribution-decode")
                        .name("decode alerts");
        SingleOutputStreamOperator<KeyedPayload> routedAlerts =
                decoded.keyBy(p -> p.key, Types.STRING)
                        .connect(policy)
                        .process(new AlertRoutingFunction(config, policyVersion))
                        .uid("distribution-route")
                        .name("route alerts by sharing agreement");
        SingleOutputStreamOperator<KeyedPayload> routedTracks =
                env.fromSource(tracks, WatermarkStrategy.noWatermarks(), "tracks")
                        .uid("distribution-tracks-source")
                        .name("tracks source")
                        .keyBy(DistributionJob::recordKey, Types.STRING)
                        .connect(policy)
                        .process(new TrackRoutingFunction(config, policyVersion))
                        .uid("distribution-route-tracks")
                        .name("route tracks by sharing agreement");
        routedAlerts
                .union(routedTracks)
                .sinkTo(partnerOutputs)
                .uid("distribution-partner-sink")
                .name("partner topics sink");
        routedAlerts
                .getSideOutput(Outputs.AUDIT)
                .sinkTo(audit)
                .uid("distribution-audit-sink")
                .name("audit sink");
        SingleOutputStreamOperator<DeadLetterRecord> endpoints =
                routedAlerts
                        .getSideOutput(DistributionOutputs.ENDPOINTS)
                        .union(routedTracks.getSideOutput(DistributionOutputs.ENDPOINTS))
                        .keyBy(d -> d.partnerId, Types.STRING)
                        .connect(policy)
                        .process(new PartnerEndpointFunction(config, policyVersion))
                        .uid("distribution-endpoints")
                        .name("partner endpoints (CoT, GeoJSON webhook and server-sent events)");
        DataStream<DeadLetterRecord> refused =
                decoded.getSideOutput(Outputs.DEAD_LETTERS)
                        .union(
                                routedAlerts.getSideOutput(Outputs.DEAD_LETTERS),
                                routedTracks.getSideOutput(Outputs.DEAD_LETTERS),
                                endpoints);
        refused.sinkTo(deadLetters).uid("distribution-dead-letter-sink").name("dead-letter sink");
    }

    private static String recordKey(RawRecord r) {
        return r.key == null ? "" : new String(r.key, StandardCharsets.UTF_8);
    }
}
