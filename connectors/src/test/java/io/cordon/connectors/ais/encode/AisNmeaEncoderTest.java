package io.cordon.connectors.ais.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.ais.AisObservationMapper;
import io.cordon.connectors.ais.AisReport;
import io.cordon.connectors.ais.AisStreamDecoder;
import io.cordon.connectors.ais.message.ClassAPositionReport;
import io.cordon.connectors.ais.message.ClassBPositionReport;
import io.cordon.connectors.ais.message.StaticAndVoyageData;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.simulation.BorderSimulation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Simulated vessel positions → !AIVDM types 1, 18 and 5 → the real decoder and mapper. */
class AisNmeaEncoderTest {
    private static final GeoPoint REFERENCE = new GeoPoint(31.3333, -110.6, 0);

    /** Half the position step, 1/10 000 minute, in degrees. */
    private static final double POSITION_TOLERANCE_DEG = 0.5 / 600_000 + 1e-12;

    @Test
    void simulatedPositionsSurviveClassAAndClassBReportsThroughDecoderAndMapper() {
        SensorConfig receiver =
                SensorConfig.withDefaults("ais-1", "usa", SensorKind.AIS, REFERENCE);
        BorderSimulation sim =
                new BorderSimulation(
                        List.of(receiver),
                        REFERENCE,
                        Instant.parse("2026-03-01T10:00:00Z"),
                        5,
                        30,
                        0.5,
                        600);
        List<Observation> truth = sim.observationsBetween(0, 600);
        assertThat(truth).hasSizeGreaterThan(100);
        AisStreamDecoder decoder = new AisStreamDecoder();
        AisObservationMapper mapper =
                new AisObservationMapper(
                        new SensorDefaults("usa", "ais-1", Marking.UNRESTRICTED, 10));
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < truth.size(); i++) {
            Observation want = truth.get(i);
            GeoPoint w = ((PositionFix) want.measurement()).position();
            int mmsi = 338_000_000 + i;
            double sog = rnd.nextDouble(0, 30);
            double cog = rnd.nextDouble(0, 360);
            int heading = rnd.nextInt(360);
            boolean classA = i % 2 == 0;
            AisNmeaEncoder.Position p =
                    new AisNmeaEncoder.Position(
                            mmsi,
                            want.eventTime(),
                            w.latDeg(),
                            w.lonDeg(),
                            sog,
                            cog,
                            heading,
                            true);
            List<String> lines =
                    classA ? AisNmeaEncoder.classA(p, 'A') : AisNmeaEncoder.classB(p, 'B');
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("!AIVDM,1,1,,").endsWith("\r\n");
            // received 0.7 s after the position was taken
            Instant received = want.eventTime().plusMillis(700);
            DecodeResult<AisReport> decoded = decoder.decode(AisNmeaEncoder.lines(lines), received);
            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.values()).hasSize(1);
            AisReport report = decoded.values().get(0);
            GeoPoint got;
            if (classA) {
                ClassAPositionReport r = (ClassAPositionReport) report.message();
                assertThat(r.mmsi()).isEqualTo(mmsi);
                assertThat(r.speedOverGroundKnots().getAsDouble()).isCloseTo(sog, within(0.05));
                assertThat(r.courseOverGroundDeg().getAsDouble())
                        .isCloseTo(cog, within(0.05 + 1e-9));
                assertThat(r.trueHeadingDeg().getAsInt()).isEqualTo(heading);
                got = r.position().orElseThrow();
            } else {
                ClassBPositionReport r = (ClassBPositionReport) report.message();
                assertThat(r.messageType()).isEqualTo(18);
                assertThat(r.mmsi()).isEqualTo(mmsi);
                assertThat(r.speedOverGroundKnots().getAsDouble()).isCloseTo(sog, within(0.05));
                got = r.position().orElseThrow();
            }
            assertThat(got.latDeg()).isCloseTo(w.latDeg(), within(POSITION_TOLERANCE_DEG));
            assertThat(got.lonDeg()).isCloseTo(w.lonDeg(), within(POSITION_TOLERANCE_DEG));

            Observation o = mapper.map(report).values().get(0);
            assertThat(o.sensorKind()).isEqualTo(SensorKind.AIS);
            assertThat(o.identity().mmsi()).isEqualTo(Integer.toString(mmsi));
            // AIS carries the UTC second: the event time is the position's second
            assertThat(o.eventTime()).isEqualTo(want.eventTime().truncatedTo(ChronoUnit.SECONDS));
            double rad = Math.toRadians(cog);
            double mps = sog * 1852 / 3600;
            assertThat(o.velocity().eastMps()).isCloseTo(mps * Math.sin(rad), within(0.04));
            assertThat(o.velocity().northMps()).isCloseTo(mps * Math.cos(rad), within(0.04));
        }
    }

    @Test
    void staticAndVoyageDataIsTwoSentencesThatReassemble() {
        List<String> lines =
                AisNmeaEncoder.staticAndVoyage(
                        new AisNmeaEncoder.StaticData(
                                338123456,
                                9_876_543,
                                "WDC1234",
                                "Sea Breeze",
                                30,
                                20,
                                8,
                                3,
                                4,
                                "NOGALES"),
                        'A',
                        7);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("!AIVDM,2,1,7,A,");
        assertThat(lines.get(1)).startsWith("!AIVDM,2,2,7,A,").contains(",2*");
        String tagged =
                AisNmeaEncoder.withTagBlock(
                                lines.get(0), Instant.parse("2026-03-01T10:00:00Z"), "rcv1")
                        + AisNmeaEncoder.withTagBlock(
                                lines.get(1), Instant.parse("2026-03-01T10:00:00Z"), "rcv1");
        DecodeResult<AisReport> decoded =
                new AisStreamDecoder().decode(tagged.getBytes(StandardCharsets.US_ASCII));
        assertThat(decoded.errors()).isEmpty();
        AisReport report = decoded.values().get(0);
        assertThat(report.receivedAt()).contains(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(report.source()).isEqualTo("rcv1");
        StaticAndVoyageData s = (StaticAndVoyageData) report.message();
        assertThat(s.mmsi()).isEqualTo(338123456);
        assertThat(s.imoNumber().getAsInt()).isEqualTo(9_876_543);
        assertThat(s.callsign()).isEqualTo("WDC1234");
        assertThat(s.shipName()).isEqualTo("SEA BREEZE");
        assertThat(s.shipType()).isEqualTo(30);
        assertThat(s.dimensions().orElseThrow().lengthM()).isEqualTo(28);
        assertThat(s.destination()).isEqualTo("NOGALES");
        // static data is no observation
        assertThat(
                        new AisObservationMapper(
                                        new SensorDefaults(
                                                "usa", "ais-1", Marking.UNRESTRICTED, 10))
                                .map(report)
                                .values())
                .isEmpty();
    }

    @Test
    void aBrokenChecksumIsAnErrorWithTheLine() {
        String line =
                AisNmeaEncoder.classA(
                                new AisNmeaEncoder.Position(
                                        1,
                                        Instant.EPOCH,
                                        31,
                                        -110,
                                        Double.NaN,
                                        Double.NaN,
                                        -1,
                                        false),
                                'A')
                        .get(0);
        int star = line.indexOf('*');
        String broken =
                line.substring(0, star + 1)
                        + (line.charAt(star + 1) == '0' ? '1' : '0')
                        + line.substring(star + 2);
        DecodeResult<AisReport> decoded =
                new AisStreamDecoder()
                        .decode(broken.getBytes(StandardCharsets.US_ASCII), Instant.EPOCH);
        assertThat(decoded.values()).isEmpty();
        assertThat(decoded.errors()).hasSize(1);
        assertThat(decoded.errors().get(0).reason()).containsIgnoringCase("checksum");
    }
}
