package io.cordon.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.connectors.vectors.PeerVectors;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The framing and mapping of every format against the public vectors in shared/peerdata. */
class FeedDecodersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");
    private static final SensorConfig RADAR =
            SensorConfig.withDefaults(
                    "radar-1", "usa", SensorKind.GROUND_RADAR, GeoPoint.of(45.0, 15.0));
    private static final SensorConfig DRONE =
            SensorConfig.withDefaults("drone-1", "mex", SensorKind.DRONE, GeoPoint.of(31, -110));
    private static final SensorConfig AIS =
            SensorConfig.withDefaults("ais-1", "usa", SensorKind.AIS, GeoPoint.of(31, -110));

    /** Feeds {@code bytes} in chunks of {@code chunk} bytes and ends the feed. */
    static List<FeedItem> feed(FeedDecoder d, byte[] bytes, int chunk) {
        List<FeedItem> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            out.addAll(
                    d.decode(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk)), AT));
        }
        out.addAll(d.finish());
        return out;
    }

    static List<Observation> observations(List<FeedItem> items) {
        List<Observation> out = new ArrayList<>();
        items.forEach(i -> out.addAll(i.observations()));
        return out;
    }

    static FeedDecoder decoder(FeedFormat f, Framing framing, SensorConfig s) {
        return FeedDecoders.create(f, framing, s, null);
    }

    @Test
    void asterixBlocksSplitAcrossReadsDecodeAsWhole() {
        byte[] block = PeerVectors.bytes("asterix/input/cat048.raw");
        for (int chunk : new int[] {1, 7, block.length}) {
            List<FeedItem> items =
                    feed(decoder(FeedFormat.ASTERIX, Framing.STREAM, RADAR), block, chunk);
            assertThat(items)
                    .singleElement()
                    .satisfies(
                            i -> {
                                assertThat(i.record()).isEqualTo("Cat048Plot");
                                assertThat(i.error()).isNull();
                            });
            Observation o = items.get(0).observations().get(0);
            // expected-upstream/cat048_raw.test_parse_values.json: I040 THETA, I220, I240
            assertThat(((RadarPlot) o.measurement()).azimuthDeg()).isEqualTo(340.13671875);
            assertThat(((RadarPlot) o.measurement()).sensorPosition()).isEqualTo(RADAR.position());
            assertThat(o.identity().icao24()).isEqualToIgnoringCase("3C660C");
            assertThat(o.identity().callsign()).isEqualTo("DLH65A");
            assertThat(o.sensorId()).isEqualTo("radar-1");
            assertThat(o.partnerId()).isEqualTo("usa");
        }
    }

    @Test
    void asterixGarbageBetweenGoodDatagramsCostsOnlyItself() {
        FeedDecoder d = decoder(FeedFormat.ASTERIX, Framing.DATAGRAM, RADAR);
        byte[] block = PeerVectors.bytes("asterix/input/cat048.raw");
        List<FeedItem> items = new ArrayList<>(d.decode(block, AT));
        items.addAll(d.decode(new byte[] {48, 0, 9, 1, 2}, AT));
        items.addAll(d.decode(block, AT));
        assertThat(items).extracting(FeedItem::packet).containsExactly(0L, 1L, 2L);
        assertThat(items.get(1).isError()).isTrue();
        assertThat(items.get(1).error().raw()).isNotEmpty();
        assertThat(observations(items)).hasSize(2);
    }

    @Test
    void pcapCaptureGivesEveryCat048AndCat034Record() throws Exception {
        // MANIFEST: 162 records, 128 CAT048 + 34 CAT034
        List<FeedItem> items =
                feed(
                        decoder(FeedFormat.ASTERIX_PCAP, Framing.STREAM, RADAR),
                        PeerVectors.bytes("asterix/input/cat_034_048.pcap"),
                        4096);
        assertThat(items).filteredOn(i -> i.record().equals("Cat048Plot")).hasSize(128);
        assertThat(items)
                .filteredOn(i -> i.record().equals("Cat034Service"))
                .hasSize(34)
                .allSatisfy(i -> assertThat(i.observations()).isEmpty());
        // expected-generated/cat_034_048.pcap.json: the CAT048 records without I040 (no polar
        // position) are refused by the mapper with a reason; nothing else is an error.
        long withoutI040 = 0;
        for (String line :
                new String(
                                PeerVectors.bytes(
                                        "asterix/expected-generated/cat_034_048.pcap.json"),
                                StandardCharsets.UTF_8)
                        .split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            if (n.path("cat").asInt() == 48 && n.path("CAT048").path("I040").isMissingNode()) {
                withoutI040++;
            }
        }
        assertThat(withoutI040).isPositive();
        assertThat(items)
                .filteredOn(FeedItem::isError)
                .hasSize((int) withoutI040)
                .allSatisfy(i -> assertThat(i.error().reason()).contains("I040"));
        assertThatThrownBy(() -> decoder(FeedFormat.ASTERIX_PCAP, Framing.DATAGRAM, RADAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("files only");
    }

    @Test
    void aisInArbitraryChunksEqualsAisWholeAndBadLinesNameTheirLine() {
        byte[] file = PeerVectors.bytes("ais-gpsd/sample.aivdm");
        List<FeedItem> whole =
                feed(decoder(FeedFormat.AIS, Framing.STREAM, AIS), file, file.length);
        List<FeedItem> chunked = feed(decoder(FeedFormat.AIS, Framing.STREAM, AIS), file, 13);
        assertThat(observations(chunked)).isEqualTo(observations(whole)).isNotEmpty();

        byte[] bad =
                "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\nnot nmea at all\n"
                        .getBytes(StandardCharsets.US_ASCII);
        List<FeedItem> items = feed(decoder(FeedFormat.AIS, Framing.STREAM, AIS), bad, 5);
        assertThat(items)
                .filteredOn(FeedItem::isError)
                .singleElement()
                .satisfies(
                        i -> {
                            assertThat(i.line()).isEqualTo(2);
                            assertThat(new String(i.error().raw(), StandardCharsets.US_ASCII))
                                    .isEqualTo("not nmea at all");
                        });
    }

    @Test
    void takStreamOneByteAtATimeAndTakMeshGiveTheGoldenEvent() {
        // takproto-golden/expected-decoded.json: lat 43.97957317, lon -66.07737696
        for (List<FeedItem> items :
                List.of(
                        feed(
                                decoder(FeedFormat.TAK, Framing.STREAM, DRONE),
                                PeerVectors.bytes("cot-tak/takproto-golden/event.takv1-stream.bin"),
                                1),
                        decoder(FeedFormat.TAK, Framing.DATAGRAM, DRONE)
                                .decode(
                                        PeerVectors.bytes(
                                                "cot-tak/takproto-golden/event.takv1-mesh.bin"),
                                        AT))) {
            Observation o = observations(items).get(0);
            PositionFix fix = (PositionFix) o.measurement();
            assertThat(fix.position().latDeg()).isEqualTo(43.97957317);
            assertThat(fix.position().lonDeg()).isEqualTo(-66.07737696);
            assertThat(o.eventTime()).isEqualTo(Instant.ofEpochMilli(1581185444000L));
            assertThat(o.identity().cotUid()).isEqualTo("aa0b0312-b5cd-4c2c-bbbc-9c4c70216261");
        }
    }

    @Test
    void aTakStreamEndingInsideAMessageReportsTheCutOffBytes() {
        byte[] event = PeerVectors.bytes("cot-tak/takproto-golden/event.takv1-stream.bin");
        byte[] stream =
                LineFramer.concat(event, Arrays.copyOf(event, event.length - 5)); // second cut
        List<FeedItem> items = feed(decoder(FeedFormat.TAK, Framing.STREAM, DRONE), stream, 64);
        assertThat(observations(items)).hasSize(1);
        assertThat(items)
                .filteredOn(FeedItem::isError)
                .singleElement()
                .satisfies(i -> assertThat(i.error().reason()).contains("stream ended inside"));
    }

    @Test
    void cotStreamWithABrokenEventBetweenTwoGoodOnes() {
        byte[] event = PeerVectors.bytes("cot-tak/takproto-golden/event.cot.xml");
        byte[] broken =
                "<event version='2.0' uid='x'><point lat='north'/></event>"
                        .getBytes(StandardCharsets.UTF_8);
        byte[] stream = LineFramer.concat(LineFramer.concat(event, broken), event);
        List<FeedItem> items = feed(decoder(FeedFormat.COT, Framing.STREAM, DRONE), stream, 17);
        assertThat(items).hasSize(3);
        assertThat(items.get(1).isError()).isTrue();
        assertThat(observations(items))
                .hasSize(2)
                .allSatisfy(o -> assertThat(o.sensorKind()).isEqualTo(SensorKind.DRONE));
    }

    @Test
    void aMapperThatThrowsBecomesAnErrorItemNotAnException() {
        FeedDecoder d =
                FeedDecoders.create(
                        FeedFormat.NATIVE,
                        Framing.DATAGRAM,
                        DRONE,
                        bytes -> {
                            throw new IllegalStateException("boom");
                        });
        List<FeedItem> items = d.decode(new byte[] {1, 2, 3}, AT);
        assertThat(items)
                .singleElement()
                .satisfies(
                        i -> {
                            assertThat(i.error().reason()).contains("could not be mapped", "boom");
                            assertThat(i.error().raw()).containsExactly(1, 2, 3);
                        });
    }
}
