package io.cordon.connectors.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.observation.TargetClass;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CotObservationMapperTest {
    static final SensorDefaults GCS =
            new SensorDefaults("mx", "uav-gcs-2", Marking.UNRESTRICTED, 30.0);

    private final CotXmlDecoder decoder = new CotXmlDecoder();
    private final CotObservationMapper mapper = new CotObservationMapper(GCS);

    @Test
    void mapsPointTrackAndIdentity() {
        Observation o = map(CotXmlDecoderTest.DRONE);

        assertThat(o.sensorKind()).isEqualTo(SensorKind.DRONE);
        assertThat(o.eventTime()).isEqualTo(Instant.parse("2026-03-01T12:00:00.250Z"));
        assertThat(o.identity().cotUid()).isEqualTo("uav-7");
        assertThat(o.identity().callsign()).isEqualTo("RAVEN 1");
        assertThat(o.classification().targetClass()).isEqualTo(TargetClass.DRONE);
        PositionFix fix = (PositionFix) o.measurement();
        assertThat(fix.position().altM()).isEqualTo(120.5);
        assertThat(fix.covEastEastM2()).isEqualTo(7.5 * 7.5);
        assertThat(fix.covNorthNorthM2()).isEqualTo(7.5 * 7.5);
        // 12.5 m/s at slope -2 deg, course 90 (east)
        double slope = Math.toRadians(-2);
        assertThat(o.velocity().eastMps()).isCloseTo(12.5 * Math.cos(slope), within(1e-9));
        assertThat(o.velocity().northMps()).isCloseTo(0.0, within(1e-9));
        assertThat(o.velocity().upMps()).isCloseTo(12.5 * Math.sin(slope), within(1e-9));
    }

    @Test
    void haeWithItsLinearErrorIsAMeasuredHeight_withoutEitherNone() {
        PositionFix measured = (PositionFix) map(CotXmlDecoderTest.DRONE).measurement();
        assertThat(measured.hasHeight()).isTrue();
        assertThat(measured.sigmaAltM()).isEqualTo(3.0);
        PositionFix noLe =
                (PositionFix)
                        map(CotXmlDecoderTest.DRONE.replace("le='3.0'", "le='9999999.0'"))
                                .measurement();
        assertThat(noLe.hasHeight()).isFalse();
        assertThat(noLe.position().altM()).isEqualTo(120.5);
        PositionFix noHae =
                (PositionFix)
                        map(CotXmlDecoderTest.DRONE.replace("hae='120.5'", "hae='9999999.0'"))
                                .measurement();
        assertThat(noHae.hasHeight()).isFalse();
    }

    @Test
    void anImplausibleMeasuredHaeIsADeadLetterWithItsReason() {
        for (String hae : new String[] {"-1500.0", "250000.0"}) {
            DecodeResult<Observation> r =
                    mapper.map(
                            decoder.decode(
                                            CotXmlDecoderTest.bytes(
                                                    CotXmlDecoderTest.DRONE.replace(
                                                            "hae='120.5'", "hae='" + hae + "'")))
                                    .values()
                                    .get(0));
            assertThat(r.values()).isEmpty();
            assertThat(r.errors())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason()).contains("point hae", hae, "plausible"));
        }
        // with an unknown le the same hae is no measurement: the fix stays, without a height
        PositionFix unmeasured =
                (PositionFix)
                        map(CotXmlDecoderTest.DRONE
                                        .replace("hae='120.5'", "hae='250000.0'")
                                        .replace("le='3.0'", "le='9999999.0'"))
                                .measurement();
        assertThat(unmeasured.hasHeight()).isFalse();
    }

    @Test
    void unknownCircularErrorFallsBackToSensorDefault() {
        Observation o = map(CotXmlDecoderTest.DRONE.replace("ce='7.5'", "ce='9999999.0'"));
        assertThat(((PositionFix) o.measurement()).covEastEastM2()).isEqualTo(900.0);
    }

    @Test
    void fusedOrRelayedEventsAreSensorTracks() {
        Observation o = map(CotXmlDecoderTest.DRONE.replace("how='m-g'", "how='m-f'"));
        assertThat(o.measurement()).isInstanceOf(SensorTrackUpdate.class);
        assertThat(((SensorTrackUpdate) o.measurement()).localTrackId()).isEqualTo("uav-7");
    }

    @Test
    void nonAtomEventsYieldNothing() {
        CotEvent route =
                decoder.decode(
                                CotXmlDecoderTest.bytes(
                                        CotXmlDecoderTest.DRONE.replace("a-h-A-M-F-Q", "b-m-r")))
                        .values()
                        .get(0);
        DecodeResult<Observation> r = mapper.map(route);
        assertThat(r.values()).isEmpty();
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void classFollowsTypeDimensionAndFunction() {
        assertThat(CotObservationMapper.classification(CotType.parse("a-f-G-E-V-C")).targetClass())
                .isEqualTo(TargetClass.LAND_VEHICLE);
        assertThat(CotObservationMapper.classification(CotType.parse("a-h-S")).targetClass())
                .isEqualTo(TargetClass.VESSEL);
        assertThat(CotObservationMapper.classification(CotType.parse("a-u-A-C-F")).targetClass())
                .isEqualTo(TargetClass.AIRCRAFT);
        assertThat(CotObservationMapper.classification(CotType.parse("a-h-G-U-C-I")).targetClass())
                .isEqualTo(TargetClass.PERSON);
        assertThat(CotObservationMapper.classification(CotType.parse("a-u-G")))
                .isEqualTo(Classification.UNKNOWN);
    }

    private Observation map(String xml) {
        DecodeResult<CotEvent> e = decoder.decode(CotXmlDecoderTest.bytes(xml));
        assertThat(e.errors()).isEmpty();
        DecodeResult<Observation> r = mapper.map(e.values().get(0));
        assertThat(r.errors()).isEmpty();
        return r.values().get(0);
    }
}
