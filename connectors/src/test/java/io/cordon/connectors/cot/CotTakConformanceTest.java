package io.cordon.connectors.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.connectors.tak.TakMeshDecoder;
import io.cordon.connectors.tak.TakMessage;
import io.cordon.connectors.tak.TakStreamDecoder;
import io.cordon.connectors.vectors.PeerVectors;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.PositionFix;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Conformance with {@code shared/peerdata/cot-tak}: the takproto golden vector (one CoT XML event
 * and the same event as a TAK v1 protobuf in mesh and stream framing, with its expected decoded
 * fields) and the 12 ATAK-produced example events, cross-checked against an independent DOM read of
 * each file.
 */
class CotTakConformanceTest {
    private static final String GOLDEN = "cot-tak/takproto-golden/";

    @Test
    void goldenXmlDecodesToTheExpectedFields() throws IOException {
        JsonNode expected =
                new ObjectMapper().readTree(PeerVectors.bytes(GOLDEN + "expected-decoded.json"));
        CotEvent e = xml(PeerVectors.bytes(GOLDEN + "event.cot.xml"));
        assertMatchesExpected(e, expected);
    }

    @Test
    void goldenMeshFrameDecodesToTheSameEventAsTheXml() {
        CotEvent fromXml = xml(PeerVectors.bytes(GOLDEN + "event.cot.xml"));
        DecodeResult<TakMessage> r =
                new TakMeshDecoder().decode(PeerVectors.bytes(GOLDEN + "event.takv1-mesh.bin"));

        assertThat(r.errors()).isEmpty();
        assertThat(r.values()).hasSize(1);
        assertThat(r.values().get(0).cotEvent()).contains(fromXml);
        assertThat(r.values().get(0).control()).isEmpty();
    }

    @Test
    void goldenStreamFrameDecodesToTheSameEventWhateverTheChunking() {
        CotEvent fromXml = xml(PeerVectors.bytes(GOLDEN + "event.cot.xml"));
        byte[] stream = PeerVectors.bytes(GOLDEN + "event.takv1-stream.bin");

        DecodeResult<TakMessage> whole = new TakStreamDecoder().decode(stream);
        assertThat(whole.errors()).isEmpty();
        assertThat(whole.values())
                .extracting(m -> m.cotEvent().orElseThrow())
                .containsExactly(fromXml);

        TakStreamDecoder byteWise = new TakStreamDecoder();
        List<TakMessage> messages = new ArrayList<>();
        for (byte b : stream) {
            DecodeResult<TakMessage> r = byteWise.decode(new byte[] {b});
            assertThat(r.errors()).isEmpty();
            messages.addAll(r.values());
        }
        assertThat(messages).extracting(m -> m.cotEvent().orElseThrow()).containsExactly(fromXml);
        assertThat(byteWise.flush()).isEmpty();
    }

    @Test
    void goldenProtobufMatchesTheExpectedFieldsToo() throws IOException {
        JsonNode expected =
                new ObjectMapper().readTree(PeerVectors.bytes(GOLDEN + "expected-decoded.json"));
        TakMessage m =
                new TakMeshDecoder()
                        .decode(PeerVectors.bytes(GOLDEN + "event.takv1-mesh.bin"))
                        .values()
                        .get(0);
        assertMatchesExpected(m.cotEvent().orElseThrow(), expected);
    }

    @Test
    void theGoldenEventsHaeWithAnUnknownLeIsNoMeasuredHeight() throws IOException {
        JsonNode expected =
                new ObjectMapper().readTree(PeerVectors.bytes(GOLDEN + "expected-decoded.json"));
        assertThat(expected.get("le").asDouble())
                .isGreaterThanOrEqualTo(CotPoint.UNKNOWN_THRESHOLD);
        CotObservationMapper mapper =
                new CotObservationMapper(
                        new SensorDefaults("usa", "tak-1", Marking.UNRESTRICTED, 10));
        CotEvent fromXml = xml(PeerVectors.bytes(GOLDEN + "event.cot.xml"));
        CotEvent fromMesh =
                new TakMeshDecoder()
                        .decode(PeerVectors.bytes(GOLDEN + "event.takv1-mesh.bin"))
                        .values()
                        .get(0)
                        .cotEvent()
                        .orElseThrow();
        for (CotEvent e : List.of(fromXml, fromMesh)) {
            PositionFix f = (PositionFix) mapper.map(e).values().get(0).measurement();
            assertThat(f.position().altM()).isEqualTo(expected.get("hae").asDouble());
            assertThat(f.sigmaAltM()).isZero();
        }
    }

    private static void assertMatchesExpected(CotEvent e, JsonNode expected) {
        assertThat(e.type().value()).isEqualTo(expected.get("type").asText());
        assertThat(e.type().affiliation()).isEqualTo(Affiliation.FRIEND);
        assertThat(e.type().dimension()).isEqualTo(BattleDimension.GROUND);
        assertThat(e.uid()).isEqualTo(expected.get("uid").asText());
        assertThat(e.how()).isEqualTo(expected.get("how").asText());
        assertThat(e.time()).isEqualTo(Instant.ofEpochMilli(expected.get("sendTime_ms").asLong()));
        assertThat(e.start())
                .isEqualTo(Instant.ofEpochMilli(expected.get("startTime_ms").asLong()));
        assertThat(e.stale())
                .isEqualTo(Instant.ofEpochMilli(expected.get("staleTime_ms").asLong()));
        assertThat(e.point().latDeg()).isEqualTo(expected.get("lat").asDouble());
        assertThat(e.point().lonDeg()).isEqualTo(expected.get("lon").asDouble());
        assertThat(e.point().haeM().getAsDouble()).isEqualTo(expected.get("hae").asDouble());
        // 9999999.0: unknown
        assertThat(expected.get("ce").asDouble())
                .isGreaterThanOrEqualTo(CotPoint.UNKNOWN_THRESHOLD);
        assertThat(e.point().ceM()).isEmpty();
        assertThat(e.point().leM()).isEmpty();
        assertThat(e.callsign()).isEqualTo(expected.get("detail.contact").get("callsign").asText());
        assertThat(e.track().orElseThrow().speedMps())
                .isEqualTo(expected.get("detail.track").get("speed").asDouble());
        assertThat(e.track().orElseThrow().courseDeg())
                .isEqualTo(expected.get("detail.track").get("course").asDouble());
    }

    static Stream<Path> examples() throws IOException {
        Path dir = PeerVectors.root().resolve("cot-tak/takcot/examples");
        return Files.list(dir).filter(p -> p.toString().endsWith(".cot")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void atakExampleDecodesToWhatAnIndependentDomReadSays(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        CotEvent e = xml(bytes);

        Element event = dom(bytes).getDocumentElement();
        Element point = (Element) event.getElementsByTagName("point").item(0);
        assertThat(e.uid()).isEqualTo(event.getAttribute("uid"));
        assertThat(e.type().value()).isEqualTo(event.getAttribute("type"));
        assertThat(e.how()).isEqualTo(event.getAttribute("how"));
        assertThat(e.time()).isEqualTo(Instant.parse(event.getAttribute("time")));
        assertThat(e.start()).isEqualTo(Instant.parse(event.getAttribute("start")));
        assertThat(e.stale()).isEqualTo(Instant.parse(event.getAttribute("stale")));
        assertThat(e.point().latDeg())
                .isCloseTo(Double.parseDouble(point.getAttribute("lat")), within(0.0));
        assertThat(e.point().lonDeg())
                .isCloseTo(Double.parseDouble(point.getAttribute("lon")), within(0.0));
        double hae = Double.parseDouble(point.getAttribute("hae"));
        assertThat(e.point().haeM().isPresent()).isEqualTo(hae < CotPoint.UNKNOWN_THRESHOLD);
        NodeList contacts = event.getElementsByTagName("contact");
        String callsign =
                contacts.getLength() == 0
                        ? ""
                        : ((Element) contacts.item(0)).getAttribute("callsign");
        assertThat(e.callsign()).isEqualTo(callsign);
        NodeList tracks = event.getElementsByTagName("track");
        if (tracks.getLength() == 0) {
            assertThat(e.track()).isEmpty();
        } else {
            Element track = (Element) tracks.item(0);
            assertThat(e.track().orElseThrow().courseDeg())
                    .isEqualTo(Double.parseDouble(track.getAttribute("course")));
            assertThat(e.track().orElseThrow().speedMps())
                    .isEqualTo(Double.parseDouble(track.getAttribute("speed")));
        }
    }

    /** The folder holds 12 .cot files (its MANIFEST says 13; the 13th was never copied). */
    @Test
    void allTwelveExamplesDecode() throws IOException {
        assertThat(examples().count()).isEqualTo(12);
        assertThat(
                        examples()
                                .map(
                                        p -> {
                                            try {
                                                return new CotXmlDecoder()
                                                        .decode(Files.readAllBytes(p))
                                                        .values()
                                                        .size();
                                            } catch (IOException ex) {
                                                throw new UncheckedIOException(ex);
                                            }
                                        })
                                .mapToInt(Integer::intValue)
                                .sum())
                .isEqualTo(12);
    }

    private static CotEvent xml(byte[] bytes) {
        DecodeResult<CotEvent> r = new CotXmlDecoder().decode(bytes);
        assertThat(r.errors()).isEmpty();
        assertThat(r.values()).hasSize(1);
        return r.values().get(0);
    }

    private static Document dom(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
