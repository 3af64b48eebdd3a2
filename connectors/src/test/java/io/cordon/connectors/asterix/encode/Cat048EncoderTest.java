package io.cordon.connectors.asterix.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.asterix.AsterixMessage;
import io.cordon.connectors.asterix.cat034.Cat034MessageType;
import io.cordon.connectors.asterix.cat034.Cat034Service;
import io.cordon.connectors.asterix.feed.AsterixFeedDecoder;
import io.cordon.connectors.asterix.observation.AsterixObservationMapper;
import io.cordon.connectors.asterix.observation.AsterixTime;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.simulation.BorderSimulation;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Simulated radar plots → CAT048/CAT034 → the real decoder and mapper → the same plots. */
class Cat048EncoderTest {
    private static final GeoPoint REFERENCE = new GeoPoint(31.3333, -110.6, 1200);
    private static final SensorConfig RADAR =
            SensorConfig.withDefaults(
                    "radar-1", "usa", SensorKind.GROUND_RADAR, new GeoPoint(31.38, -110.8, 1200));

    /** Half a least significant bit of each field. */
    private static final double RANGE_TOLERANCE_M = 1852.0 / 256 / 2;

    private static final double AZIMUTH_TOLERANCE_DEG = 360.0 / 65536 / 2;
    private static final double TIME_TOLERANCE_S = 1.0 / 128 / 2;

    @Test
    void simulatedScansSurviveEncodeDecodeAndMappingWithinTheFormatsResolution() {
        BorderSimulation sim =
                new BorderSimulation(
                        List.of(RADAR),
                        REFERENCE,
                        Instant.parse("2026-03-01T23:58:00Z"),
                        7,
                        30,
                        0.5,
                        300);
        // crosses midnight: the time of day wraps and the date must be found again
        List<Observation> truth = sim.observationsBetween(60, 180);
        assertThat(truth).hasSizeGreaterThan(200);
        Cat048Encoder encoder = new Cat048Encoder(25, 7);
        AsterixObservationMapper mapper = new AsterixObservationMapper(RADAR);

        List<Observation> decoded = new ArrayList<>();
        int blocks = 0;
        int northMarkers = 0;
        for (List<Observation> scan : scans(truth)) {
            Instant t = scan.get(0).eventTime();
            ByteArrayOutputStream datagram = new ByteArrayOutputStream();
            datagram.writeBytes(encoder.northMarker(t, RADAR.periodS()));
            List<Cat048Encoder.Plot> plots = new ArrayList<>();
            for (Observation o : scan) {
                RadarPlot p = (RadarPlot) o.measurement();
                plots.add(new Cat048Encoder.Plot(o.eventTime(), p.rangeM(), p.azimuthDeg()));
            }
            List<byte[]> cat048 = encoder.blocks(plots, 8);
            blocks += cat048.size();
            cat048.forEach(datagram::writeBytes);

            DecodeResult<AsterixMessage> result =
                    AsterixFeedDecoder.decodeAll(datagram.toByteArray());
            assertThat(result.errors()).isEmpty();
            for (AsterixMessage m : result.values()) {
                if (m instanceof Cat034Service s) {
                    assertThat(s.messageType()).isEqualTo(Cat034MessageType.NORTH_MARKER);
                    assertThat(s.sac()).isEqualTo(25);
                    assertThat(s.sic()).isEqualTo(7);
                    assertThat(s.antennaRotationPeriodSeconds()).isEqualTo(RADAR.periodS());
                    assertThat(Duration.between(t, at(s.timeOfDaySeconds(), t)).abs().toNanos())
                            .isLessThanOrEqualTo((long) (TIME_TOLERANCE_S * 1e9));
                    northMarkers++;
                    continue;
                }
                LocalDate date = AsterixTime.dateNear(timeOfDay(m), t);
                DecodeResult<Observation> mapped = mapper.map(m, date);
                assertThat(mapped.errors()).isEmpty();
                decoded.addAll(mapped.values());
            }
        }
        assertThat(blocks).as("several blocks per datagram").isGreaterThan(northMarkers);
        assertThat(northMarkers).isEqualTo(scans(truth).size());
        assertThat(decoded).hasSameSizeAs(truth);
        for (int i = 0; i < truth.size(); i++) {
            Observation want = truth.get(i);
            Observation got = decoded.get(i);
            RadarPlot w = (RadarPlot) want.measurement();
            RadarPlot g = (RadarPlot) got.measurement();
            assertThat(got.sensorId()).isEqualTo("radar-1");
            assertThat(got.partnerId()).isEqualTo("usa");
            assertThat(got.sensorKind()).isEqualTo(SensorKind.GROUND_RADAR);
            assertThat(g.rangeM()).isCloseTo(w.rangeM(), within(RANGE_TOLERANCE_M));
            double dAz = Math.abs(g.azimuthDeg() - w.azimuthDeg());
            assertThat(Math.min(dAz, 360 - dAz)).isLessThanOrEqualTo(AZIMUTH_TOLERANCE_DEG);
            assertThat(g.sensorPosition()).isEqualTo(RADAR.position());
            assertThat(g.sigmaRangeM()).isEqualTo(RADAR.sigmaRangeM());
            assertThat(Duration.between(want.eventTime(), got.eventTime()).abs().toNanos())
                    .isLessThanOrEqualTo((long) (TIME_TOLERANCE_S * 1e9) + 1);
        }
    }

    @Test
    void aRecordIsTheFspecAndItemsOfTheSpecification() {
        // 12.5 NM at 90 degrees, 00:00:01 UTC: FSPEC F0, I010, I140 = 128, I020 TYP 1, I040
        byte[] block =
                new Cat048Encoder(1, 2)
                        .blocks(
                                List.of(
                                        new Cat048Encoder.Plot(
                                                Instant.parse("2026-01-01T00:00:01Z"),
                                                12.5 * 1852,
                                                90)),
                                32)
                        .get(0);
        assertThat(block)
                .containsExactly(48, 0, 14, 0xF0, 1, 2, 0, 0, 0x80, 0x20, 0x0C, 0x80, 0x40, 0x00);
    }

    @Test
    void aThreeDRadarsHeightIsWrittenAsI110() {
        Instant t = Instant.parse("2026-01-01T00:00:01Z");
        byte[] block =
                new Cat048Encoder(1, 2)
                        .blocks(
                                List.of(
                                        new Cat048Encoder.Plot(t, 20_000, 45, 1_500.0),
                                        new Cat048Encoder.Plot(t, 20_000, 45, -100.0),
                                        new Cat048Encoder.Plot(t, 20_000, 45)),
                                32)
                        .get(0);
        var plots = io.cordon.connectors.asterix.cat048.Cat048.decode(block).values();
        assertThat(plots).hasSize(3);
        double step = 25 * 0.3048;
        assertThat(plots.get(0).heightM()).isCloseTo(1_500.0, within(step / 2));
        assertThat(plots.get(0).heightM() / step)
                .isCloseTo(Math.round(1_500.0 / step), within(1e-9));
        assertThat(plots.get(1).heightM()).isCloseTo(-100.0, within(step / 2));
        assertThat(plots.get(2).heightM()).isNaN();
        assertThat(plots.get(0).rangeM()).isCloseTo(20_000, within(RANGE_TOLERANCE_M));
        assertThatThrownBy(() -> new Cat048Encoder.Plot(t, 20_000, 45, 70_000))
                .hasMessageContaining("height")
                .hasMessageContaining("70000");
    }

    @Test
    void valuesTheFormatCannotHoldAreRefused() {
        assertThatThrownBy(() -> new Cat048Encoder.Plot(Instant.EPOCH, -1, 0))
                .hasMessageContaining("range");
        assertThatThrownBy(() -> new Cat048Encoder.Plot(Instant.EPOCH, 500_000, 0))
                .hasMessageContaining("range");
        assertThatThrownBy(() -> new Cat048Encoder(256, 0)).hasMessageContaining("SAC");
    }

    private static double timeOfDay(AsterixMessage m) {
        return ((io.cordon.connectors.asterix.cat048.Cat048Plot) m).timeOfDaySeconds();
    }

    private static Instant at(double timeOfDay, Instant near) {
        return AsterixTime.atDate(timeOfDay, AsterixTime.dateNear(timeOfDay, near));
    }

    private static List<List<Observation>> scans(List<Observation> observations) {
        List<List<Observation>> scans = new ArrayList<>();
        for (Observation o : observations) {
            if (scans.isEmpty()
                    || !scans.get(scans.size() - 1).get(0).eventTime().equals(o.eventTime())) {
                scans.add(new ArrayList<>());
            }
            scans.get(scans.size() - 1).add(o);
        }
        return scans;
    }
}
