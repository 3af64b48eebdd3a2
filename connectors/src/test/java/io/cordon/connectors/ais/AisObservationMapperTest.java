package io.cordon.connectors.ais;

import static io.cordon.connectors.ais.AisStreamDecoderTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.ais.message.LongRangePositionReport;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AisObservationMapperTest {
    static final SensorDefaults COASTAL =
            new SensorDefaults("pt", "ais-rx-1", Marking.releasableTo(List.of("pt", "es")), 25.0);
    static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:40Z");

    private final AisStreamDecoder decoder = new AisStreamDecoder();
    private final AisObservationMapper mapper = new AisObservationMapper(COASTAL);

    @Test
    void mapsClassAPositionToObservation() {
        Observation o = map(AisStreamDecoderTest.TYPE1, RECEIVED);

        assertThat(o.sensorKind()).isEqualTo(SensorKind.AIS);
        assertThat(o.partnerId()).isEqualTo("pt");
        assertThat(o.sensorId()).isEqualTo("ais-rx-1");
        assertThat(o.marking()).isEqualTo(COASTAL.marking());
        assertThat(o.identity().mmsi()).isEqualTo("371798000");
        assertThat(o.classification().targetClass()).isEqualTo(TargetClass.VESSEL);
        // the report's UTC second is 33: taken at 12:00:33, received at 12:00:40
        assertThat(o.eventTime()).isEqualTo(Instant.parse("2026-03-01T12:00:33Z"));
        PositionFix fix = (PositionFix) o.measurement();
        assertThat(fix.position().latDeg()).isCloseTo(48.38163333, within(1e-7));
        // accuracy flag set: sigma 10 m / sqrt(5.9915) plus quantisation (0.185 m)^2 / 12
        double sigma2 = 100.0 / 5.991464547107979;
        double stepNorth = 1852.0 / 10_000.0;
        assertThat(fix.covNorthNorthM2())
                .isCloseTo(sigma2 + stepNorth * stepNorth / 12, within(1e-9));
        assertThat(fix.covEastNorthM2()).isZero();
        // 12.3 kn on course 224 deg
        double speed = 12.3 * 1852.0 / 3600.0;
        assertThat(o.velocity().eastMps())
                .isCloseTo(speed * Math.sin(Math.toRadians(224)), within(1e-9));
        assertThat(o.velocity().northMps())
                .isCloseTo(speed * Math.cos(Math.toRadians(224)), within(1e-9));
        assertThat(o.velocity().courseDeg()).isCloseTo(224.0, within(1e-9));
        assertThat(o.observationId())
                .isEqualTo("ais/ais-rx-1/371798000/" + o.eventTime().toEpochMilli() + "/1");
    }

    @Test
    void longRangeReportCarriesItsCoarseResolution() {
        Observation o = map("!AIVDM,1,1,,A,K3KLehP0rPTJ10Qr,0*2A", RECEIVED);
        PositionFix fix = (PositionFix) o.measurement();
        double stepNorth = 185.2;
        double sigma = 25.0; // accuracy flag clear: the sensor default
        assertThat(fix.covNorthNorthM2())
                .isCloseTo(sigma * sigma + stepNorth * stepNorth / 12, within(1e-6));
        double stepEast = stepNorth * Math.cos(Math.toRadians(fix.position().latDeg()));
        assertThat(fix.covEastEastM2())
                .isCloseTo(sigma * sigma + stepEast * stepEast / 12, within(1e-6));
        assertThat(o.eventTime()).isEqualTo(RECEIVED);
    }

    @Test
    void staticDataYieldsNoObservationAndNoError() {
        AisReport report =
                decoder.decode(
                                bytes(
                                        AisStreamDecoderTest.TYPE5_PART1
                                                + "\n"
                                                + AisStreamDecoderTest.TYPE5_PART2),
                                RECEIVED)
                        .values()
                        .get(0);
        DecodeResult<Observation> r = mapper.map(report);
        assertThat(r.values()).isEmpty();
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void positionWithoutReceiveTimeIsAnErrorWithReason() {
        AisReport report = decoder.decode(bytes(AisStreamDecoderTest.TYPE1)).values().get(0);
        assertThat(mapper.map(report).errors().get(0).reason())
                .isEqualTo(
                        "AIS type 1 from 371798000 has no receive time (no TAG block c: and none supplied)");
    }

    @Test
    void positionNotAvailableIsAnErrorWithReason() {
        // the same type 27 with its position "not available"
        AisReport report =
                decoder.decode(bytes("!AIVDM,1,1,,A,K3KLehP0rPTJ10Qr,0*2A"), RECEIVED)
                        .values()
                        .get(0);
        var m = (LongRangePositionReport) report.message();
        var noPosition =
                new LongRangePositionReport(
                        m.messageType(),
                        m.repeatIndicator(),
                        m.mmsi(),
                        false,
                        false,
                        m.navigationStatus(),
                        Optional.empty(),
                        m.speedOverGroundKnots(),
                        m.courseOverGroundDeg(),
                        false);
        DecodeResult<Observation> r =
                mapper.map(new AisReport(noPosition, report.receivedAt(), "", "A", false));
        assertThat(r.errors().get(0).reason())
                .isEqualTo("AIS type 27 from 230108610 has no position");
    }

    @Test
    void eventTimeTakesTheLatestMatchingSecond() {
        Instant received = Instant.parse("2026-03-01T12:00:03Z");
        assertThat(AisEventTime.of(received, OptionalInt.of(58)))
                .isEqualTo(Instant.parse("2026-03-01T11:59:58Z"));
        assertThat(AisEventTime.of(received, OptionalInt.of(7)))
                .as("a receiver clock a few seconds behind")
                .isEqualTo(Instant.parse("2026-03-01T12:00:07Z"));
        assertThat(AisEventTime.of(received, OptionalInt.empty())).isEqualTo(received);
    }

    private Observation map(String line, Instant receivedAt) {
        AisReport report = decoder.decode(bytes(line), receivedAt).values().get(0);
        DecodeResult<Observation> r = mapper.map(report);
        assertThat(r.errors()).isEmpty();
        return r.values().get(0);
    }
}
