package io.cordon.connectors.cot.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.cot.CotEvent;
import io.cordon.connectors.cot.CotObservationMapper;
import io.cordon.connectors.cot.CotXmlDecoder;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.simulation.BorderSimulation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Simulated drone detections → CoT XML → the real decoder and mapper → the same detections. */
class CotDetectionEncoderTest {
    private static final GeoPoint REFERENCE = new GeoPoint(31.3333, -110.6, 1200);

    @Test
    void simulatedDroneDetectionsSurviveEncodeDecodeAndMapping() {
        SensorConfig drone =
                SensorConfig.withDefaults(
                        "drone-1", "mex", SensorKind.DRONE, new GeoPoint(31.33, -110.62, 1200));
        BorderSimulation sim =
                new BorderSimulation(
                        List.of(drone),
                        REFERENCE,
                        Instant.parse("2026-03-01T10:00:00Z"),
                        3,
                        40,
                        0.5,
                        300);
        List<Observation> truth = sim.observationsBetween(0, 300);
        assertThat(truth).hasSizeGreaterThan(50);
        CotXmlDecoder decoder = new CotXmlDecoder();
        CotObservationMapper mapper =
                new CotObservationMapper(
                        new SensorDefaults(
                                "mex", "drone-1", Marking.releasableTo(Set.of("mex", "usa")), 10),
                        SensorKind.DRONE);
        for (int i = 0; i < truth.size(); i++) {
            Observation want = truth.get(i);
            PositionFix w = (PositionFix) want.measurement();
            double sigma = Math.sqrt(w.covEastEastM2());
            byte[] xml =
                    CotDetectionEncoder.encode(
                            new CotDetectionEncoder.Detection(
                                    "drone-1.det." + i,
                                    "a-u-G",
                                    "m-i",
                                    want.eventTime(),
                                    Duration.ofSeconds(10),
                                    w.position().latDeg(),
                                    w.position().lonDeg(),
                                    w.position().altM(),
                                    sigma,
                                    Double.NaN,
                                    Double.NaN,
                                    Double.NaN));
            DecodeResult<CotEvent> decoded = decoder.decode(xml);
            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.values()).hasSize(1);
            DecodeResult<Observation> mapped = mapper.map(decoded.values().get(0));
            assertThat(mapped.errors()).isEmpty();
            Observation got = mapped.values().get(0);
            PositionFix g = (PositionFix) got.measurement();
            assertThat(got.eventTime()).isEqualTo(want.eventTime()); // whole milliseconds
            assertThat(got.sensorId()).isEqualTo("drone-1");
            assertThat(got.sensorKind()).isEqualTo(SensorKind.DRONE);
            assertThat(got.marking().partners()).containsExactlyInAnyOrder("mex", "usa");
            // 7 decimals of a degree: 1.1 cm at most; hae to the centimetre
            assertThat(g.position().latDeg()).isCloseTo(w.position().latDeg(), within(5.1e-8));
            assertThat(g.position().lonDeg()).isCloseTo(w.position().lonDeg(), within(5.1e-8));
            assertThat(g.position().altM()).isCloseTo(w.position().altM(), within(0.006));
            assertThat(g.covEastEastM2()).isCloseTo(w.covEastEastM2(), within(0.2));
            assertThat(g.covNorthNorthM2()).isCloseTo(w.covNorthNorthM2(), within(0.2));
            assertThat(got.identity().callsign()).isEmpty();
            assertThat(got.identity().cotUid()).isEqualTo("drone-1.det." + i);
            assertThat(got.classification().targetClass()).isEqualTo(TargetClass.UNKNOWN);
            assertThat(got.velocity()).isNull();
        }
    }

    @Test
    void courseAndSpeedBecomeTheVelocityAndUnknownHeightIsTheSchemasUnknown() {
        byte[] xml =
                CotDetectionEncoder.encode(
                        new CotDetectionEncoder.Detection(
                                "v<1>",
                                "a-u-G-E-V",
                                "m-i",
                                Instant.parse("2026-03-01T10:00:00.250Z"),
                                Duration.ofSeconds(30),
                                31.3,
                                -110.6,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                90,
                                5));
        CotEvent event = new CotXmlDecoder().decode(xml).values().get(0);
        assertThat(event.uid()).isEqualTo("v<1>");
        assertThat(event.stale()).isEqualTo(Instant.parse("2026-03-01T10:00:30.250Z"));
        assertThat(event.point().haeM()).isEmpty();
        assertThat(event.point().ceM()).isEmpty();
        Observation o =
                new CotObservationMapper(new SensorDefaults("mex", "d", Marking.UNRESTRICTED, 12.0))
                        .map(event)
                        .values()
                        .get(0);
        assertThat(((PositionFix) o.measurement()).covEastEastM2()).isEqualTo(144.0);
        assertThat(o.velocity().eastMps()).isCloseTo(5, within(1e-9));
        assertThat(o.velocity().northMps()).isCloseTo(0, within(1e-9));
        assertThat(o.classification().targetClass()).isEqualTo(TargetClass.LAND_VEHICLE);
    }

    @Test
    void aHeightWithItsLinearErrorIsAMeasuredHeightAndWithoutItNone() {
        CotObservationMapper mapper =
                new CotObservationMapper(
                        new SensorDefaults("mex", "d", Marking.UNRESTRICTED, 12.0));
        for (double le : new double[] {0.5, 25, 333.33, Double.NaN}) {
            byte[] xml =
                    CotDetectionEncoder.encode(
                            new CotDetectionEncoder.Detection(
                                    "f1",
                                    "a-u-A",
                                    "m-i",
                                    Instant.parse("2026-03-01T10:00:00Z"),
                                    Duration.ofSeconds(30),
                                    31.3,
                                    -110.6,
                                    1612.37,
                                    8,
                                    le,
                                    Double.NaN,
                                    Double.NaN));
            String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).contains(Double.isNaN(le) ? "le=\"9999999.0\"" : "le=\"");
            CotEvent event = new CotXmlDecoder().decode(xml).values().get(0);
            PositionFix f = (PositionFix) mapper.map(event).values().get(0).measurement();
            assertThat(f.position().altM()).isCloseTo(1612.37, within(1e-9));
            assertThat(f.sigmaAltM()).isCloseTo(Double.isNaN(le) ? 0.0 : le, within(0.005));
        }
    }
}
