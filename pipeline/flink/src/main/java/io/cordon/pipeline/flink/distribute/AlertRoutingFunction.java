package io.cordon.pipeline.flink.distribute;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.sharing.Decision;
import io.cordon.pipeline.sharing.SharingPolicy;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decides, for every alert and every partner, whether the partner's agreement and the alert's
 * marking allow delivery; emits the alert to each entitled partner's topic and one audit record per
 * decision. Undecodable alerts go to the dead-letter output.
 */
public class AlertRoutingFunction extends ProcessFunction<RawRecord, KeyedPayload> {
    public static final String STAGE = "distribution.route";

    private final ConfigText config;
    private final String policyVersion;

    private transient CordonConfig cfg;
    private transient SharingPolicy policy;
    private transient Map<String, Counter> delivered;
    private transient Counter refused;

    public AlertRoutingFunction(ConfigText config, String policyVersion) {
        this.config = config;
        this.policyVersion = policyVersion;
    }

    @Override
    public void open(OpenContext openContext) {
        cfg = config.parse();
        policy = new SharingPolicy(cfg.partners());
        delivered = new HashMap<>();
        var metrics = getRuntimeContext().getMetricGroup();
        for (PartnerConfig p : cfg.partners()) {
            delivered.put(p.id(), metrics.addGroup("partner", p.id()).counter("alertsDelivered"));
        }
        refused = metrics.counter("alertsDeadLettered");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<KeyedPayload> out) {
        DecodeResult<Alert> result = AlertCodec.parse(raw.value);
        if (result instanceof DecodeResult.Failed<Alert> failed) {
            refused.inc();
            ctx.output(
                    Outputs.DEAD_LETTERS,
                    DeadLetterRecord.of(
                            raw, STAGE, failed.reason(), "", System.currentTimeMillis()));
            return;
        }
        Alert alert = ((DecodeResult.Ok<Alert>) result).value();
        long eventTimeMs = alert.windowStart().toEpochMilli();
        for (PartnerConfig partner : cfg.partners()) {
            Decision decision = policy.decide(partner, alert);
            String topic = cfg.topics().partnerAlerts(partner.id());
            if (decision.delivered()) {
                delivered.get(partner.id()).inc();
                out.collect(new KeyedPayload(topic, alert.alertId(), eventTimeMs, raw.value));
            }
            ctx.output(
                    Outputs.AUDIT,
                    new KeyedPayload(
                            cfg.topics().audit(),
                            alert.alertId() + "/" + partner.id(),
                            eventTimeMs,
                            auditRecord(alert, partner, decision, decision.delivered() ? topic : "")
                                    .toByteArray()));
        }
    }

    private io.cordon.proto.v1.AuditRecord auditRecord(
            Alert alert, PartnerConfig partner, Decision decision, String topic) {
        long now = System.currentTimeMillis();
        return io.cordon.proto.v1.AuditRecord.newBuilder()
                .setAlertId(alert.alertId())
                .setPartnerId(partner.id())
                .setDelivered(decision.delivered())
                .setReason(decision.reason())
                .setPolicyVersion(policyVersion)
                .setDecidedAt(
                        com.google.protobuf.Timestamp.newBuilder()
                                .setSeconds(Math.floorDiv(now, 1000))
                                .setNanos((int) Math.floorMod(now, 1000) * 1_000_000))
                .setOutputTopic(topic)
                .build();
    }
}
