package io.cordon.pipeline.flink.codec;

import static io.cordon.pipeline.flink.codec.CodecFixtures.T0;
import static io.cordon.pipeline.flink.codec.CodecFixtures.WALKER_NORTH_OF_FENCE;
import static io.cordon.pipeline.flink.codec.CodecFixtures.geo;
import static io.cordon.pipeline.flink.codec.CodecFixtures.ts;
import static io.cordon.pipeline.flink.codec.CodecFixtures.unrestrictedProto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AlertCodecTest {

    static Alert crossing(AlertType type, Severity severity, AlertState state, GeoPoint location) {
        List<String> tracks = List.of("trk-b", "trk-a");
        return new Alert(
                AlertIds.of(type, "border-crossing", tracks, "1773500966535"),
                type,
                severity,
                state,
                T0,
                T0.plus(Duration.ofMinutes(3)),
                location,
                tracks,
                "border-crossing",
                "1.0.0",
                Alert.evidence(
                        Map.of("from_country", "MEX", "to_country", "USA", "speed_mps", "1.4")),
                Marking.releasableTo(List.of("us-cbp")),
                "Walker crossed MEX -> USA 600 m east of the Nogales port of entry");
    }

    @ParameterizedTest
    @EnumSource(AlertType.class)
    void everyTypeRoundTrips(AlertType type) {
        Alert alert = crossing(type, Severity.HIGH, AlertState.NEW, WALKER_NORTH_OF_FENCE);

        assertThat(AlertCodec.parse(AlertCodec.toBytes(alert)).orElseThrow()).isEqualTo(alert);
        assertThat(AlertCodec.toProto(alert).getType().name())
                .isEqualTo("ALERT_TYPE_" + type.name());
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void everySeverityRoundTrips(Severity severity) {
        Alert alert =
                crossing(AlertType.LOITERING, severity, AlertState.UPDATE, WALKER_NORTH_OF_FENCE);

        assertThat(AlertCodec.fromProto(AlertCodec.toProto(alert)).orElseThrow()).isEqualTo(alert);
    }

    @ParameterizedTest
    @EnumSource(AlertState.class)
    void everyStateRoundTrips(AlertState state) {
        Alert alert = crossing(AlertType.CONVOY, Severity.LOW, state, WALKER_NORTH_OF_FENCE);

        assertThat(AlertCodec.fromProto(AlertCodec.toProto(alert)).orElseThrow()).isEqualTo(alert);
    }

    @Test
    void alertWithoutLocationRoundTrips() {
        Alert alert = crossing(AlertType.IDENTITY_CONFLICT, Severity.MEDIUM, AlertState.NEW, null);

        io.cordon.proto.v1.Alert proto = AlertCodec.toProto(alert);

        assertThat(proto.hasLocation()).isFalse();
        assertThat(AlertCodec.fromProto(proto).orElseThrow()).isEqualTo(alert);
    }

    @Test
    void trackOrderAndEvidenceSurvive() {
        Alert alert = crossing(AlertType.RENDEZVOUS, Severity.CRITICAL, AlertState.CLOSED, null);

        Alert decoded = AlertCodec.fromProto(AlertCodec.toProto(alert)).orElseThrow();

        assertThat(decoded.trackIds()).containsExactly("trk-b", "trk-a");
        assertThat(decoded.evidence()).containsEntry("speed_mps", "1.4").hasSize(3);
        assertThat(decoded.windowEnd()).isEqualTo(T0.plusSeconds(180));
    }

    static io.cordon.proto.v1.Alert.Builder minimal() {
        return io.cordon.proto.v1.Alert.newBuilder()
                .setAlertId("loitering-0123456789abcdef0123")
                .setType(io.cordon.proto.v1.AlertType.ALERT_TYPE_LOITERING)
                .setSeverity(io.cordon.proto.v1.Severity.SEVERITY_INFO)
                .setState(io.cordon.proto.v1.AlertState.ALERT_STATE_NEW)
                .setWindowStart(ts(1000, 0))
                .setWindowEnd(ts(1000, 0))
                .setMarking(unrestrictedProto());
    }

    @Test
    void instantaneousAlertWithOnlyRequiredFieldsDecodes() {
        Alert alert = AlertCodec.fromProto(minimal().build()).orElseThrow();

        assertThat(alert.windowStart()).isEqualTo(alert.windowEnd());
        assertThat(alert.location()).isNull();
        assertThat(alert.trackIds()).isEmpty();
        assertThat(alert.summary()).isEmpty();
    }

    static Stream<Arguments> invalidAlerts() {
        return Stream.of(
                bad("no id", b -> b.clearAlertId(), "alert_id is required"),
                bad(
                        "unspecified type",
                        b -> b.clearType(),
                        "type is required (was ALERT_TYPE_UNSPECIFIED)"),
                bad(
                        "type from a newer schema",
                        b -> b.setTypeValue(50),
                        "type has unknown value 50"),
                bad(
                        "unspecified severity",
                        b -> b.clearSeverity(),
                        "severity is required (was SEVERITY_UNSPECIFIED)"),
                bad(
                        "severity from a newer schema",
                        b -> b.setSeverityValue(9),
                        "severity has unknown value 9"),
                bad(
                        "unspecified state",
                        b -> b.clearState(),
                        "state is required (was ALERT_STATE_UNSPECIFIED)"),
                bad(
                        "state from a newer schema",
                        b -> b.setStateValue(4),
                        "state has unknown value 4"),
                bad("no window start", b -> b.clearWindowStart(), "window_start is required"),
                bad("no window end", b -> b.clearWindowEnd(), "window_end is required"),
                bad(
                        "end before start",
                        b -> b.setWindowEnd(ts(999, 999_999_999)),
                        "window_end 1970-01-01T00:16:39.999999999Z is before window_start"
                                + " 1970-01-01T00:16:40Z"),
                bad(
                        "invalid start",
                        b -> b.setWindowStart(ts(-62_135_596_801L, 0)),
                        "window_start must lie in 0001-01-01..9999-12-31"),
                bad(
                        "location out of range",
                        b -> b.setLocation(geo(0, 200, 0)),
                        "location.lon_deg must be in [-180, 180], was 200.0"),
                bad(
                        "blank track id",
                        b -> b.addTrackIds("trk-1").addTrackIds(""),
                        "track_ids[1] is blank"),
                bad(
                        "evidence with empty key",
                        b -> b.putEvidence("", "x"),
                        "evidence has an entry with an empty key"),
                bad("no marking", b -> b.clearMarking(), "marking is required"),
                bad(
                        "marking both open and listed",
                        b -> b.setMarking(unrestrictedProto().toBuilder().addPartners("us-cbp")),
                        "marking is releasable_to_all but also lists partners [us-cbp]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAlerts")
    void invalidValuesAreRefusedWithAReason(
            String name,
            UnaryOperator<io.cordon.proto.v1.Alert.Builder> breakIt,
            String expectedReason) {
        io.cordon.proto.v1.Alert proto = breakIt.apply(minimal()).build();

        DecodeResult<Alert> result = AlertCodec.parse(proto.toByteArray());

        assertThat(result).isInstanceOf(DecodeResult.Failed.class);
        assertThat(((DecodeResult.Failed<Alert>) result).reason()).startsWith(expectedReason);
    }

    @Test
    void garbageBytesAreRefusedWithoutThrowing() {
        assertThat(AlertCodec.parse(new byte[] {(byte) 0x80}))
                .isInstanceOfSatisfying(
                        DecodeResult.Failed.class,
                        f -> assertThat(f.reason()).startsWith("not a cordon.v1.Alert: "));
        assertThat(AlertCodec.parse(null)).isInstanceOf(DecodeResult.Failed.class);
        assertThat(AlertCodec.fromProto(null)).isInstanceOf(DecodeResult.Failed.class);
    }

    private static Arguments bad(
            String name,
            UnaryOperator<io.cordon.proto.v1.Alert.Builder> breakIt,
            String expectedReason) {
        return arguments(name, breakIt, expectedReason);
    }
}
