package io.cordon.pipeline.flink.distribute;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.proto.v1.AuditRecord;
import io.cordon.proto.v1.ConfigUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The routing operator: state per alert, audit per decision, live policy via broadcast state. */
class AlertRoutingFunctionTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:05:00Z");
    static final String PARTNERS =
            """
            - {id: usa, name: US, country: USA}
            - {id: mex, name: Mexico, country: MEX, sharing: {language: es}}
            """;
    static final ConfigText CONFIG =
            new ConfigText(
                    "reference: {latDeg: 31.3, lonDeg: -110.6}\npartners:\n" + PARTNERS, ".");

    KeyedBroadcastOperatorTestHarness<String, KeyedPayload, RawRecord, KeyedPayload> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new AlertRoutingFunction(CONFIG, "file-1a2b"),
                        p -> p.key,
                        Types.STRING,
                        PartnerPolicies.STATE);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static Alert alert(String id, AlertType type, AlertState state) {
        return new Alert(
                id,
                type,
                Severity.HIGH,
                state,
                T0,
                T0,
                GeoPoint.of(31.33, -110.6),
                List.of("T1"),
                "test",
                "1",
                Alert.evidence(Map.of(Evidence.SOURCE_PARTNERS, "usa")),
                Marking.UNRESTRICTED,
                "Track T1 crossed.");
    }

    void send(Alert a) throws Exception {
        harness.processElement(
                new StreamRecord<>(
                        new KeyedPayload(
                                "", a.alertId(), T0.toEpochMilli(), AlertCodec.toBytes(a))));
    }

    void update(long version, String yaml) throws Exception {
        ConfigUpdate u = ConfigUpdate.newBuilder().setVersion(version).setYaml(yaml).build();
        harness.processBroadcastElement(
                new StreamRecord<>(
                        new RawRecord(
                                "cordon.config.v1",
                                0,
                                version,
                                0,
                                "partners".getBytes(StandardCharsets.UTF_8),
                                u.toByteArray())));
    }

    List<KeyedPayload> partnerOutputs() {
        List<KeyedPayload> out = new ArrayList<>();
        for (Object o : harness.getOutput()) {
            if (o instanceof StreamRecord<?> r && r.getValue() instanceof KeyedPayload p) {
                out.add(p);
            }
        }
        return out;
    }

    List<AuditRecord> audit() throws InvalidProtocolBufferException {
        List<AuditRecord> out = new ArrayList<>();
        for (StreamRecord<KeyedPayload> r : harness.getSideOutput(Outputs.AUDIT)) {
            out.add(AuditRecord.parseFrom(r.getValue().payload));
        }
        return out;
    }

    @Test
    void everyPartnerGetsItsRedactedCopyAndEveryDecisionIsAuditedWithTheFileVersion()
            throws Exception {
        send(alert("c1", AlertType.BORDER_CROSSING, AlertState.NEW));

        assertThat(partnerOutputs())
                .extracting(p -> p.topic)
                .containsExactly("cordon.partner.usa.alerts.v1", "cordon.partner.mex.alerts.v1");
        Alert toMex =
                ((io.cordon.pipeline.flink.codec.DecodeResult.Ok<Alert>)
                                AlertCodec.parse(partnerOutputs().get(1).payload))
                        .value();
        assertThat(toMex.summary()).startsWith("Cruce de frontera");
        assertThat(audit()).extracting(AuditRecord::getPolicyVersion).containsOnly("file-1a2b");
        assertThat(audit()).extracting(AuditRecord::getDelivered).containsOnly(true);
    }

    @Test
    void theLifeCycleStateIsKeptUntilTheClosure() throws Exception {
        send(alert("l1", AlertType.LOITERING, AlertState.NEW));
        send(alert("l1", AlertType.LOITERING, AlertState.CLOSED));
        send(alert("l1", AlertType.LOITERING, AlertState.CLOSED));

        assertThat(partnerOutputs()).as("NEW and the first CLOSED to both").hasSize(4);
        List<AuditRecord> audit = audit();
        assertThat(audit.get(audit.size() - 1).getReason())
                .as("the state went with the first closure")
                .startsWith("closes an alert never delivered");
    }

    @Test
    void aNewerPolicyTakesEffectAtOnceAndRetractsWhatItExcludes() throws Exception {
        send(alert("l1", AlertType.LOITERING, AlertState.NEW));
        update(
                3,
                PARTNERS.replace(
                        "sharing: {language: es}",
                        "sharing: {language: es, alertTypes: [BORDER_CROSSING]}"));

        send(alert("l1", AlertType.LOITERING, AlertState.UPDATE));
        send(alert("l2", AlertType.LOITERING, AlertState.NEW));

        List<AuditRecord> audit = audit();
        AuditRecord retraction = audit.get(audit.size() - 3);
        assertThat(retraction.getPartnerId()).isEqualTo("mex");
        assertThat(retraction.getPolicyVersion()).isEqualTo("3");
        assertThat(retraction.getReason())
                .startsWith("withdrawn: type LOITERING not in alertTypes");
        AuditRecord l2 = audit.get(audit.size() - 1);
        assertThat(l2.getPartnerId()).isEqualTo("mex");
        assertThat(l2.getDelivered()).isFalse();
    }

    @Test
    void invalidAndOlderUpdatesLeaveThePolicyInForce() throws Exception {
        update(2, PARTNERS);
        update(3, "- {id: usa, name: US, country: usa}");
        update(1, "- {id: usa, name: US, country: USA}");

        send(alert("c1", AlertType.BORDER_CROSSING, AlertState.NEW));

        assertThat(audit()).extracting(AuditRecord::getPolicyVersion).containsOnly("2");
        assertThat(audit()).hasSize(2);
        List<DeadLetterRecord> refused = new ArrayList<>();
        harness.getSideOutput(Outputs.DEAD_LETTERS).forEach(r -> refused.add(r.getValue()));
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).stage).isEqualTo(AlertRoutingFunction.CONFIG_STAGE);
        assertThat(refused.get(0).reason).startsWith("partners version 3: partners[0].country");
    }
}
