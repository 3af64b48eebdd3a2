package io.cordon.pipeline.flink.distribute;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.Topics;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.PartnerDelivery;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.sharing.AlertRelease;
import io.cordon.pipeline.sharing.DeliveredAlert;
import io.cordon.pipeline.sharing.SharingPolicy;
import java.time.Duration;
import java.util.HashMap;
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
 * Keyed by alert id: for every alert message and every partner of the policy in force, asks {@link
 * SharingPolicy#release} what the partner receives, given what it received of this alert before
 * (keyed state, cleared when the alert closes for the partner). Emits the redacted alert to the
 * partner's Kafka topic, to the {@link DistributionOutputs#ENDPOINTS} output when the partner has
 * CoT or GeoJSON outputs, and one audit record per decision with the policy version. The policy
 * comes from {@link PartnerPolicies} (broadcast state, live-updatable).
 *
 * <p>Alerts that never close (a crossing is a single NEW) would keep their state forever, so the
 * state expires {@value #STATE_TTL_DAYS} days after its last write: a message of an alert older
 * than that is decided as a first message.
 */
public class AlertRoutingFunction
        extends KeyedBroadcastProcessFunction<String, KeyedPayload, RawRecord, KeyedPayload> {
    public static final String STAGE = "distribution.route";
    public static final String CONFIG_STAGE = "distribution.config";
    static final int STATE_TTL_DAYS = 7;

    private final ConfigText config;
    private final PartnerPolicies policies;

    private transient Topics topics;
    private transient MapState<String, String> delivered;
    private transient Map<String, Counter> deliveredCount;
    private transient MetricGroup metrics;
    private transient Counter withheld;
    private transient Counter retracted;

    /**
     * @param config the configuration (topics; version 0 of the partners)
     * @param policyVersion label of version 0 in audit records
     */
    public AlertRoutingFunction(ConfigText config, String policyVersion) {
        this.config = config;
        this.policies = new PartnerPolicies(config, policyVersion);
    }

    @Override
    public void open(OpenContext openContext) {
        topics = config.parse().topics();
        MapStateDescriptor<String, String> d =
                new MapStateDescriptor<>("delivered-to", Types.STRING, Types.STRING);
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofDays(STATE_TTL_DAYS)).build());
        delivered = getRuntimeContext().getMapState(d);
        metrics = getRuntimeContext().getMetricGroup();
        deliveredCount = new HashMap<>();
        withheld = metrics.counter("alertDecisionsWithheld");
        retracted = metrics.counter("alertsRetracted");
    }

    @Override
    public void processElement(KeyedPayload in, ReadOnlyContext ctx, Collector<KeyedPayload> out)
            throws Exception {
        Alert alert = ((DecodeResult.Ok<Alert>) AlertCodec.parse(in.payload)).value();
        SharingPolicy policy = policies.current(ctx.getBroadcastState(PartnerPolicies.STATE));
        long now = System.currentTimeMillis();
        for (PartnerConfig partner : policy.partners()) {
            String before = delivered.get(partner.id());
            AlertRelease r =
                    policy.release(
                            partner, alert, before == null ? null : DeliveredAlert.decode(before));
            if (r.next() == null) {
                if (before != null) {
                    delivered.remove(partner.id());
                }
            } else {
                delivered.put(partner.id(), r.next().encode());
            }
            String topic = "";
            if (r.message() != null) {
                topic =
                        PartnerEmitter.emit(
                                partner,
                                PartnerDelivery.ALERT,
                                topics.partnerAlerts(partner.id()),
                                alert.alertId(),
                                in.eventTimeMs,
                                AlertCodec.toBytes(r.message()),
                                policy.version(),
                                now,
                                out,
                                d -> ctx.output(DistributionOutputs.ENDPOINTS, d));
                counter(partner.id()).inc();
                if (r.decision().outcome() == io.cordon.pipeline.sharing.Decision.Outcome.RETRACT) {
                    retracted.inc();
                }
            } else {
                withheld.inc();
            }
            ctx.output(
                    Outputs.AUDIT,
                    new KeyedPayload(
                            topics.audit(),
                            alert.alertId() + "/" + partner.id(),
                            in.eventTimeMs,
                            Audit.record(
                                    alert.alertId(),
                                    partner,
                                    r.decision(),
                                    policy.version(),
                                    topic,
                                    now)));
        }
    }

    @Override
    public void processBroadcastElement(RawRecord raw, Context ctx, Collector<KeyedPayload> out)
            throws Exception {
        PartnerPolicies.Applied applied =
                PartnerPolicies.apply(raw, ctx.getBroadcastState(PartnerPolicies.STATE));
        if (applied.refused() && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            ctx.output(
                    Outputs.DEAD_LETTERS,
                    DeadLetterRecord.of(
                            raw, CONFIG_STAGE, applied.reason(), "", System.currentTimeMillis()));
        }
    }

    private Counter counter(String partnerId) {
        return deliveredCount.computeIfAbsent(
                partnerId, id -> metrics.addGroup("partner", id).counter("alertsDelivered"));
    }
}
