package io.cordon.connectors.output.cot;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.cot.Affiliation;
import io.cordon.connectors.cot.BattleDimension;
import io.cordon.connectors.cot.CotEvent;
import io.cordon.connectors.cot.CotXmlDecoder;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What Cordon writes, read back with Cordon's own CoT decoder (the MITRE schema's rules). */
class CotEventWriterTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:05:00.250Z");

    static Alert crossing(AlertState state, GeoPoint where, String summary) {
        return new Alert(
                "border-crossing-0123456789abcdef0123",
                AlertType.BORDER_CROSSING,
                Severity.HIGH,
                state,
                T0,
                T0,
                where,
                List.of("T1", "T2"),
                "border-crossing",
                "1",
                Alert.evidence(Map.of("fromCountry", "MEX", "toCountry", "USA")),
                Marking.UNRESTRICTED,
                summary);
    }

    static EntityTrack track(
            TrackStatus status, TargetClass c, CooperativeIdentity id, StateCovariance cov) {
        return new EntityTrack(
                "T1",
                status,
                T0,
                new GeoPoint(31.3333, -110.6, 1200),
                new Velocity(3, 4, 0),
                cov,
                new TreeSet<>(Set.of("usa-radar-1")),
                new TreeSet<>(Set.of("usa")),
                id,
                new Classification(c, 0.9),
                Marking.UNRESTRICTED,
                7);
    }

    static CotEvent decode(byte[] xml) {
        DecodeResult<CotEvent> r = new CotXmlDecoder().decode(xml);
        assertThat(r.errors()).as(new String(xml, StandardCharsets.UTF_8)).isEmpty();
        return r.values().get(0);
    }

    @Test
    void anAlertIsAGeofenceAlarmThatStaysValidForTheConfiguredTime() {
        byte[] xml =
                CotEventWriter.alert(
                        crossing(
                                AlertState.NEW,
                                GeoPoint.of(31.3333, -110.6),
                                "Cruce <MEX> & \"USA\" — 'alta'"),
                        Duration.ofMinutes(30),
                        "7");
        CotEvent e = decode(xml);

        assertThat(e.uid()).isEqualTo("cordon.alert.border-crossing-0123456789abcdef0123");
        assertThat(e.type().value()).isEqualTo("b-a-g");
        assertThat(e.how()).isEqualTo("m-f");
        assertThat(e.time()).isEqualTo(T0);
        assertThat(e.start()).isEqualTo(T0);
        assertThat(e.stale()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(e.point().latDeg()).isEqualTo(31.3333);
        assertThat(e.point().lonDeg()).isEqualTo(-110.6);
        assertThat(e.point().ceM()).isEmpty();
        assertThat(e.callsign()).isEqualTo("BORDER CROSSING HIGH");
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text)
                .contains(
                        "<remarks>Cruce &lt;MEX&gt; &amp; &quot;USA&quot; — &apos;alta&apos;</remarks>")
                .contains("<link uid=\"cordon.track.T1\" relation=\"p-p\"")
                .contains("policyVersion=\"7\"")
                .endsWith("</event>\n");
    }

    @Test
    void aClosedAlertIsStaleAtOnceAndAHiddenLocationIsUnknown() {
        CotEvent e =
                decode(
                        CotEventWriter.alert(
                                crossing(AlertState.CLOSED, null, "x"), Duration.ofHours(1), "1"));

        assertThat(e.stale()).isEqualTo(e.start());
        assertThat(e.point().latDeg()).isEqualTo(0.0);
        assertThat(e.point().haeM()).isEmpty();
        assertThat(e.point().ceM()).isEmpty();
    }

    @Test
    void aFusedTrackIsMachineFusedWithItsErrorCourseAndSpeed() {
        CotEvent e =
                decode(
                        CotEventWriter.track(
                                track(
                                        TrackStatus.CONFIRMED,
                                        TargetClass.LAND_VEHICLE,
                                        CooperativeIdentity.NONE,
                                        StateCovariance.diagonal(12, 1)),
                                Duration.ofSeconds(60),
                                Double.NaN,
                                "3"));

        assertThat(e.uid()).isEqualTo("cordon.track.T1");
        assertThat(e.type().value()).isEqualTo("a-u-G-E-V");
        assertThat(e.type().affiliation()).isEqualTo(Affiliation.UNKNOWN);
        assertThat(e.type().dimension()).isEqualTo(BattleDimension.GROUND);
        assertThat(e.how()).isEqualTo("m-f");
        assertThat(e.stale()).isEqualTo(T0.plusSeconds(60));
        // the height was never measured: 1 200 m is the fusion's reference height, not sent
        assertThat(e.point().haeM()).isEmpty();
        assertThat(e.point().leM()).isEmpty();
        assertThat(e.point().ceM()).hasValue(12.0);
        assertThat(e.track()).isPresent();
        assertThat(e.track().get().courseDeg())
                .isCloseTo(36.9, org.assertj.core.data.Offset.offset(0.05));
        assertThat(e.track().get().speedMps()).isEqualTo(5.0);
        assertThat(e.callsign()).isEqualTo("Cordon T1");
    }

    @Test
    void aCoastingTrackIsPredictedAndACooperativeOneNeutral() {
        CotEvent e =
                decode(
                        CotEventWriter.track(
                                track(
                                        TrackStatus.COASTING,
                                        TargetClass.VESSEL,
                                        new CooperativeIdentity("366123456", "", "SEA WOLF", ""),
                                        null),
                                Duration.ofSeconds(60),
                                408.2,
                                "3"));

        assertThat(e.how()).isEqualTo("m-p");
        assertThat(e.type().value()).isEqualTo("a-n-S");
        assertThat(e.point().ceM()).hasValue(408.2);
        assertThat(e.callsign()).isEqualTo("SEA WOLF");
    }

    @ParameterizedTest
    @EnumSource(TargetClass.class)
    void everyClassMapsToATypeWithItsDimension(TargetClass c) {
        CotEvent e =
                decode(
                        CotEventWriter.track(
                                track(TrackStatus.CONFIRMED, c, CooperativeIdentity.NONE, null),
                                Duration.ofSeconds(5),
                                Double.NaN,
                                "1"));

        BattleDimension expected =
                switch (c) {
                    case DRONE, AIRCRAFT -> BattleDimension.AIR;
                    case VESSEL -> BattleDimension.SEA_SURFACE;
                    default -> BattleDimension.GROUND;
                };
        assertThat(e.type().dimension()).isEqualTo(expected);
        assertThat(e.type().hasFunction("M-F-Q")).isEqualTo(c == TargetClass.DRONE);
        assertThat(e.type().hasFunction("U-C-I")).isEqualTo(c == TargetClass.PERSON);
    }

    @Test
    void aDeletedTrackIsStaleAtOnce() {
        CotEvent e =
                decode(
                        CotEventWriter.track(
                                track(
                                        TrackStatus.DELETED,
                                        TargetClass.PERSON,
                                        CooperativeIdentity.NONE,
                                        null),
                                Duration.ofSeconds(60),
                                Double.NaN,
                                "1"));

        assertThat(e.stale()).isEqualTo(e.start());
        assertThat(e.how()).isEqualTo("m-p");
    }

    @Test
    void controlCharactersThatXmlCannotCarryAreDropped() {
        assertThat(CotEventWriter.escape("a\u0001b\tc")).isEqualTo("ab\tc");
    }

    @Test
    void aMeasuredHeightIsSentWithItsError() {
        EntityTrack flat =
                track(
                        TrackStatus.CONFIRMED,
                        TargetClass.DRONE,
                        CooperativeIdentity.NONE,
                        StateCovariance.diagonal(12, 1));
        EntityTrack measured =
                new EntityTrack(
                        flat.trackId(),
                        flat.status(),
                        flat.time(),
                        new GeoPoint(31.3333, -110.6, 1_450.5),
                        flat.velocity(),
                        flat.covariance(),
                        flat.sensorIds(),
                        flat.partnerIds(),
                        flat.identity(),
                        flat.classification(),
                        flat.marking(),
                        flat.updateCount(),
                        null,
                        null,
                        8.25);

        CotEvent e =
                decode(CotEventWriter.track(measured, Duration.ofSeconds(60), Double.NaN, "3"));

        assertThat(e.point().haeM()).hasValue(1_450.5);
        assertThat(e.point().leM()).hasValue(8.3); // written to 0.1 m
    }
}
