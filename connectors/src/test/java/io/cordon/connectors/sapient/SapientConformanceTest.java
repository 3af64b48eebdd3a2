package io.cordon.connectors.sapient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.util.JsonFormat;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.proto.sapient.v2.SapientMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public SAPIENT samples, serialized with Cordon's v2.0 definitions and framed as on TCP,
 * decode to the values of their JSON; the JSON → binary → JSON round trip keeps every field.
 */
class SapientConformanceTest {
    @Test
    @SuppressWarnings("unchecked")
    void theDetectionSampleDecodesToItsJsonValues() throws Exception {
        SapientMessage message = SapientSamples.detection();
        DecodeResult<SapientReport> result =
                SapientDecoder.decodeFrames(SapientFraming.frame(message.toByteArray()));

        assertThat(result.errors()).isEmpty();
        SapientDetection d = (SapientDetection) result.values().get(0);
        Map<String, Object> json = SapientSamples.json("detection_proto.json");
        Map<String, Object> report = (Map<String, Object>) json.get("detectionReport");
        Map<String, Object> location = (Map<String, Object>) report.get("location");
        assertThat(d.sentTime()).isEqualTo(Instant.parse((String) json.get("timestamp")));
        assertThat(d.nodeId()).isEqualTo(json.get("nodeId"));
        assertThat(d.reportId()).isEqualTo(report.get("reportId"));
        assertThat(d.objectId()).isEqualTo(report.get("objectId"));
        assertThat(d.taskId()).isEqualTo(report.get("taskId"));
        assertThat(d.location().lonDeg()).isEqualTo(location.get("x"));
        assertThat(d.location().latDeg()).isEqualTo(location.get("y"));
        assertThat(d.location().altM()).isNaN();
        assertThat(d.rangeBearing()).isNull();
        // float on the wire: within float resolution.
        assertThat(d.detectionConfidence()).isCloseTo(0.9, within(1e-7));
        assertThat(d.classifications())
                .extracting(SapientClassification::type)
                .containsExactly("Human", "Unknown");
        assertThat(d.classifications().get(0).confidence()).isCloseTo(0.8, within(1e-7));
        assertThat(d.mostLikelyClass().type()).isEqualTo("Human");
        assertThat(d.colour()).isEqualTo(report.get("colour"));
        assertThat(d.eastMps()).isNaN();

        String printed = JsonFormat.printer().print(message);
        SapientMessage.Builder again = SapientMessage.newBuilder();
        JsonFormat.parser().merge(printed, again);
        assertThat(again.build()).isEqualTo(message);
    }

    @Test
    void theRegistrationSampleDecodesToItsJsonValues() throws Exception {
        SapientMessage message = SapientSamples.registration();
        DecodeResult<SapientReport> result =
                SapientDecoder.decodeFrames(SapientFraming.frame(message.toByteArray()));

        assertThat(result.errors()).isEmpty();
        SapientRegistration r = (SapientRegistration) result.values().get(0);
        assertThat(r.nodeId()).isEqualTo("ea54bd43-304f-4d11-a80a-6e5a401bdb7d");
        assertThat(r.icdVersion()).isEqualTo("BSI Flex 335 v1.0");
        assertThat(r.name()).isEqualTo("Test Radar");
        assertThat(r.shortName()).isEqualTo("Radar");
        assertThat(r.nodeTypes()).containsExactly("NODE_TYPE_OTHER");
        assertThat(r.statusIntervalSeconds()).isEqualTo(5.0);
        assertThat(r.modeNames()).containsExactly("test");
        // Nested definitions survive the binary round trip.
        var mode = message.getRegistration().getModeDefinition(0);
        assertThat(
                        mode.getDetectionDefinition(0)
                                .getGeometricError()
                                .getPerformanceValue(1)
                                .getUnitValue())
                .isEqualTo("0.5");
        assertThat(mode.getTask().getCommandList())
                .extracting(c -> c.getType().name())
                .containsExactly(
                        "COMMAND_TYPE_REQUEST", "COMMAND_TYPE_LOOK_AT", "COMMAND_TYPE_REQUEST");
        assertThat(SapientMessage.parseFrom(message.toByteArray())).isEqualTo(message);
    }

    @Test
    void severalFramesInOneBufferDecodeInOrder() {
        byte[] a = SapientFraming.frame(SapientSamples.registration().toByteArray());
        byte[] b = SapientFraming.frame(SapientSamples.detection().toByteArray());
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);

        List<SapientReport> reports = SapientDecoder.decodeFrames(both).values();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).isInstanceOf(SapientRegistration.class);
        assertThat(reports.get(1)).isInstanceOf(SapientDetection.class);
    }
}
