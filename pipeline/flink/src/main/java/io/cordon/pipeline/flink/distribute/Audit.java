package io.cordon.pipeline.flink.distribute;

import com.google.protobuf.Timestamp;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.PartnerOutputs;
import io.cordon.pipeline.sharing.Decision;
import io.cordon.proto.v1.AuditRecord;

/** Builds the {@code cordon.v1.AuditRecord} of one delivery decision. */
final class Audit {
    private Audit() {}

    static byte[] record(
            String alertId,
            PartnerConfig partner,
            Decision decision,
            String policyVersion,
            String outputTopic,
            long decidedAtMs) {
        String reason = decision.reason();
        if (decision.delivered()) {
            reason += "; outputs " + outputs(partner.outputs());
        }
        return AuditRecord.newBuilder()
                .setAlertId(alertId)
                .setPartnerId(partner.id())
                .setDelivered(decision.delivered())
                .setReason(reason)
                .setPolicyVersion(policyVersion)
                .setDecidedAt(
                        Timestamp.newBuilder()
                                .setSeconds(Math.floorDiv(decidedAtMs, 1000))
                                .setNanos((int) Math.floorMod(decidedAtMs, 1000) * 1_000_000))
                .setOutputTopic(outputTopic)
                .build()
                .toByteArray();
    }

    private static String outputs(PartnerOutputs o) {
        StringBuilder sb = new StringBuilder();
        if (o.kafka()) {
            sb.append("kafka");
        }
        if (o.cot() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("cot");
        }
        if (o.geojson() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("geojson");
        }
        if (o.sse() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("sse");
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
