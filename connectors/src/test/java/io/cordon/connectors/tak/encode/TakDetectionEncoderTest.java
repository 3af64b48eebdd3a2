package io.cordon.connectors.tak.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.cot.CotEvent;
import io.cordon.connectors.cot.CotObservationMapper;
import io.cordon.connectors.cot.CotXmlDecoder;
import io.cordon.connectors.cot.encode.CotDetectionEncoder;
import io.cordon.connectors.cot.encode.CotDetectionEncoder.Detection;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.connectors.tak.TakMessage;
import io.cordon.connectors.tak.TakStreamDecoder;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.simulation.BorderSimulation;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Simulated drone detections → TAK protocol v1 stream messages → the real TAK stream decoder and
 * CoT mapper → the same detections; and the same events as the XML encoder's.
 */
class TakDetectionEncoderTest {
    private static final GeoPoint REFERENCE = new GeoPoint(31.3333, -110.6, 1200);

    private static List<Detection> detections() {
        SensorConfig drone =
                SensorConfig.withDefaults(
                        "drone-1", "usa", SensorKind.DRONE, new GeoPoint(31.33, -110.62, 1200));
        BorderSimulation sim =
                new BorderSimulation(
                        List.of(drone),
                        REFERENCE,
                        Instant.parse("2026-03-01T10:00:00Z"),
                        3,
                        40,
                        0.5,
                        300);
        List<Detection> out = new ArrayList<>();
        List<Observation> truth = sim.observationsBetween(0, 300);
        for (int i = 0; i < truth.size(); i++) {
            Observation o = truth.get(i);
            PositionFix f = (PositionFix) o.measurement();
            boolean moving = i % 2 == 0;
            out.add(
                    new Detection(
                            "drone-1.det." + i,
                            "a-u-G",
                            "m-i",
                            o.eventTime(),
                            Duration.ofSeconds(30),
                            f.position().latDeg(),
                            f.position().lonDeg(),
                            i % 3 == 0 ? Double.NaN : f.position().altM(),
                            Math.sqrt(f.covEastEastM2()),
                            i % 4 == 1 ? 0.5 + i % 40 : Double.NaN,
                            moving ? (i * 37.3) % 360 : Double.NaN,
                            moving ? 1.5 + i % 11 : Double.NaN));
        }
        return out;
    }

    @Test
    void streamMessagesDecodeAndMapToTheSimulatedDetectionsExactly() {
        List<Detection> detections = detections();
        assertThat(detections).hasSizeGreaterThan(50);
        TakStreamDecoder decoder = new TakStreamDecoder();
        CotObservationMapper mapper =
                new CotObservationMapper(
                        new SensorDefaults("usa", "drone-1", Marking.UNRESTRICTED, 10),
                        SensorKind.DRONE);
        for (Detection d : detections) {
            byte[] framed = TakDetectionEncoder.streamMessage(d);
            assertThat(framed[0] & 0xFF).isEqualTo(0xBF);
            DecodeResult<TakMessage> decoded = decoder.decode(framed);
            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.values()).hasSize(1);
            assertThat(decoded.values().get(0).control()).isEmpty();
            CotEvent e = decoded.values().get(0).cotEvent().orElseThrow();
            assertThat(e.uid()).isEqualTo(d.uid());
            assertThat(e.how()).isEqualTo("m-i");
            assertThat(e.time()).isEqualTo(d.time());
            assertThat(e.start()).isEqualTo(d.time());
            assertThat(e.stale()).isEqualTo(d.time().plus(d.staleAfter()));
            // doubles on the wire: no rounding at all
            assertThat(e.point().latDeg()).isEqualTo(d.latDeg());
            assertThat(e.point().lonDeg()).isEqualTo(d.lonDeg());
            assertThat(e.point().ceM().getAsDouble()).isEqualTo(d.ceM());
            assertThat(e.point().haeM().isPresent()).isEqualTo(Double.isFinite(d.haeM()));
            assertThat(e.point().leM().isPresent()).isEqualTo(Double.isFinite(d.leM()));
            assertThat(e.track().isPresent()).isEqualTo(Double.isFinite(d.speedMps()));
            e.track()
                    .ifPresent(
                            t -> {
                                assertThat(t.courseDeg()).isEqualTo(d.courseDeg());
                                assertThat(t.speedMps()).isEqualTo(d.speedMps());
                            });

            Observation o = mapper.map(e).values().get(0);
            PositionFix f = (PositionFix) o.measurement();
            assertThat(o.eventTime()).isEqualTo(d.time());
            assertThat(o.observationId()).startsWith("cot/drone-1/");
            assertThat(f.position().latDeg()).isEqualTo(d.latDeg());
            assertThat(Math.sqrt(f.covEastEastM2())).isCloseTo(d.ceM(), within(1e-9));
            // a measured height needs both hae and le; either unknown: no height
            boolean measured = Double.isFinite(d.haeM()) && Double.isFinite(d.leM());
            assertThat(f.sigmaAltM()).isEqualTo(measured ? d.leM() : 0.0);
            if (Double.isFinite(d.haeM())) {
                assertThat(f.position().altM()).isEqualTo(d.haeM());
            }
        }
    }

    @Test
    void theProtobufAndTheXmlEncodingsCarryTheSameEvent() {
        TakStreamDecoder tak = new TakStreamDecoder();
        CotXmlDecoder xml = new CotXmlDecoder();
        for (Detection d : detections()) {
            CotEvent fromTak =
                    tak.decode(TakDetectionEncoder.streamMessage(d))
                            .values()
                            .get(0)
                            .cotEvent()
                            .orElseThrow();
            CotEvent fromXml = xml.decode(CotDetectionEncoder.encode(d)).values().get(0);
            assertThat(fromTak.uid()).isEqualTo(fromXml.uid());
            assertThat(fromTak.type()).isEqualTo(fromXml.type());
            assertThat(fromTak.how()).isEqualTo(fromXml.how());
            assertThat(fromTak.time()).isEqualTo(fromXml.time());
            assertThat(fromTak.stale()).isEqualTo(fromXml.stale());
            assertThat(fromTak.callsign()).isEqualTo(fromXml.callsign()).isEmpty();
            // XML writes 7 decimals of a degree, 2 of a metre
            assertThat(fromTak.point().latDeg()).isCloseTo(fromXml.point().latDeg(), within(5e-8));
            assertThat(fromTak.point().lonDeg()).isCloseTo(fromXml.point().lonDeg(), within(5e-8));
            assertThat(fromTak.point().ceM().getAsDouble())
                    .isCloseTo(fromXml.point().ceM().getAsDouble(), within(0.005 + 1e-9));
            assertThat(fromTak.point().haeM().isPresent())
                    .isEqualTo(fromXml.point().haeM().isPresent());
            assertThat(fromTak.track().isPresent()).isEqualTo(fromXml.track().isPresent());
        }
    }

    @Test
    void aStreamCutAnywhereDecodesToTheSameMessages() {
        List<Detection> detections = detections().subList(0, 20);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        detections.forEach(d -> stream.writeBytes(TakDetectionEncoder.streamMessage(d)));
        byte[] all = stream.toByteArray();
        TakStreamDecoder decoder = new TakStreamDecoder();
        List<String> uids = new ArrayList<>();
        for (int from = 0; from < all.length; from += 37) {
            DecodeResult<TakMessage> r =
                    decoder.decode(Arrays.copyOfRange(all, from, Math.min(all.length, from + 37)));
            assertThat(r.errors()).isEmpty();
            r.values().forEach(m -> uids.add(m.cotEvent().orElseThrow().uid()));
        }
        assertThat(decoder.flush()).isEmpty();
        assertThat(uids)
                .containsExactlyElementsOf(detections.stream().map(Detection::uid).toList());
    }

    @Test
    void theLengthVarintTakesTwoBytesBeyond127() {
        Detection s = detections().get(0);
        Detection d =
                new Detection(
                        "a-longer-uid-of-some-forty-characters-.0",
                        s.type(),
                        s.how(),
                        s.time(),
                        s.staleAfter(),
                        s.latDeg(),
                        s.lonDeg(),
                        s.haeM(),
                        s.ceM(),
                        Double.NaN,
                        s.courseDeg(),
                        s.speedMps());
        byte[] payload = TakDetectionEncoder.payload(d);
        byte[] framed = TakDetectionEncoder.streamMessage(d);
        assertThat(payload.length).isGreaterThan(127);
        assertThat(framed).hasSize(1 + 2 + payload.length);
        assertThat((framed[1] & 0x7F) | (framed[2] & 0x7F) << 7).isEqualTo(payload.length);
        assertThat(framed[1] & 0x80).isEqualTo(0x80);
        assertThat(Arrays.copyOfRange(framed, 3, framed.length)).isEqualTo(payload);
    }
}
