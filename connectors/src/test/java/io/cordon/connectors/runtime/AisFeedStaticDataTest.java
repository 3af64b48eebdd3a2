package io.cordon.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.connectors.ais.encode.AisNmeaEncoder;
import io.cordon.connectors.vectors.PeerVectors;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.SensorKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code cordon connect --format ais}: static reports are decoded records without observation and
 * their call sign reaches the position reports of the same MMSI.
 */
class AisFeedStaticDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");
    private static final SensorConfig AIS =
            SensorConfig.withDefaults("ais-1", "usa", SensorKind.AIS, GeoPoint.of(31, -110));
    private static final Set<Integer> POSITION_TYPES = Set.of(1, 2, 3, 18, 19, 27);

    private static FeedDecoder feed() {
        return FeedDecoders.create(FeedFormat.AIS, Framing.STREAM, AIS, null);
    }

    @Test
    void staticReportCountsAsDecodedRecordAndNamesTheLaterPositions() {
        FeedDecoder feed = feed();
        FeedHealth health = new FeedHealth("ais", "ais-1", () -> 0L);
        List<String> type5 =
                AisNmeaEncoder.staticAndVoyage(
                        new AisNmeaEncoder.StaticData(
                                338_123_456, 0, "WDC1234", "SEA BREEZE", 30, 20, 8, 3, 4, "X"),
                        'A',
                        1);
        List<FeedItem> statics = feed.decode(AisNmeaEncoder.lines(type5), AT);
        health.count(statics);
        assertThat(statics)
                .singleElement()
                .satisfies(
                        i -> {
                            assertThat(i.isError()).isFalse();
                            assertThat(i.record()).isEqualTo("StaticAndVoyageData");
                            assertThat(i.observations()).isEmpty();
                        });
        assertThat(health.records()).isEqualTo(1);
        assertThat(health.errors()).isZero();
        assertThat(health.observations()).isZero();

        List<FeedItem> positions = new ArrayList<>();
        for (int mmsi : new int[] {338_123_456, 338_123_457}) {
            positions.addAll(
                    feed.decode(
                            AisNmeaEncoder.lines(
                                    AisNmeaEncoder.classA(
                                            new AisNmeaEncoder.Position(
                                                    mmsi, AT, 31.3, -110.9, 5, 90, 90, true),
                                            'A')),
                            AT.plusSeconds(1)));
        }
        positions.addAll(feed.finish());
        health.count(positions);
        List<Observation> obs = FeedDecodersTest.observations(positions);
        assertThat(obs).hasSize(2);
        assertThat(obs.get(0).identity().callsign()).isEqualTo("WDC1234");
        assertThat(obs.get(1).identity().mmsi()).isEqualTo("338123457");
        assertThat(obs.get(1).identity().callsign()).isEmpty();
        assertThat(health.records()).isEqualTo(3);
        assertThat(health.errors()).isZero();
    }

    @Test
    void datagramsWithoutLineEndDecodeAtOnceAndKeepTheCallSign() {
        FeedDecoder udp = FeedDecoders.create(FeedFormat.AIS, Framing.DATAGRAM, AIS, null);
        List<String> type5 =
                AisNmeaEncoder.staticAndVoyage(
                        new AisNmeaEncoder.StaticData(
                                338_123_456, 0, "WDC1234", "SEA BREEZE", 30, 20, 8, 3, 4, "X"),
                        'A',
                        1);
        String position =
                AisNmeaEncoder.classA(
                                new AisNmeaEncoder.Position(
                                        338_123_456, AT, 31.3, -110.9, 5, 90, 90, true),
                                'A')
                        .get(0)
                        .strip();
        // the two sentences of the type 5 in one datagram, its last line end cut off
        List<FeedItem> first =
                udp.decode(
                        (type5.get(0) + type5.get(1).strip()).getBytes(StandardCharsets.US_ASCII),
                        AT);
        assertThat(first)
                .singleElement()
                .extracting(FeedItem::record)
                .isEqualTo("StaticAndVoyageData");
        List<FeedItem> second =
                udp.decode(position.getBytes(StandardCharsets.US_ASCII), AT.plusSeconds(1));
        assertThat(second).noneMatch(FeedItem::isError);
        assertThat(FeedDecodersTest.observations(second))
                .singleElement()
                .satisfies(o -> assertThat(o.identity().callsign()).isEqualTo("WDC1234"));
        assertThat(udp.finish()).isEmpty();
    }

    /**
     * gpsd's ais-raw-messages.log has three position reports of 239575000, then its type 5 (call
     * sign SWPG), then another position report: walking gpsd's reports in order, each of our
     * observations carries the call sign of the last static report gpsd decoded for its MMSI before
     * it, and none otherwise.
     */
    @Test
    void gpsdVectorsGetTheCallSignOfEarlierStaticReports() {
        byte[] log = PeerVectors.bytes("ais-gpsd/daemon/ais-raw-messages.log");
        List<FeedItem> items = FeedDecodersTest.feed(feed(), log, log.length);
        assertThat(items).noneMatch(FeedItem::isError);
        List<Observation> ours = FeedDecodersTest.observations(items);
        List<JsonNode> gpsd = gpsdReports("ais-gpsd/daemon/ais-raw-messages.log.chk");

        Map<String, String> known = new HashMap<>();
        int g = 0;
        int named = 0;
        for (Observation o : ours) {
            String mmsi = o.identity().mmsi();
            String type = o.observationId().substring(o.observationId().lastIndexOf('/') + 1);
            while (true) {
                assertThat(g).as("gpsd report for " + o.observationId()).isLessThan(gpsd.size());
                JsonNode r = gpsd.get(g++);
                String rMmsi = String.format("%09d", r.path("mmsi").asInt());
                int rType = r.path("type").asInt();
                if ((rType == 5 || rType == 24) && !r.path("callsign").asText("").isBlank()) {
                    known.put(rMmsi, r.path("callsign").asText().strip());
                }
                if (POSITION_TYPES.contains(rType)
                        && rMmsi.equals(mmsi)
                        && type.equals(Integer.toString(rType))) {
                    break;
                }
            }
            String want = known.getOrDefault(mmsi, "");
            assertThat(o.identity().callsign()).as(o.observationId()).isEqualTo(want);
            named += want.isEmpty() ? 0 : 1;
        }
        assertThat(named).as("position reports after a static report of their MMSI").isPositive();
        assertThat(ours)
                .filteredOn(o -> o.identity().mmsi().equals("239575000"))
                .extracting(o -> o.identity().callsign())
                .containsExactly("", "", "", "SWPG");
    }

    private static List<JsonNode> gpsdReports(String chk) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : PeerVectors.lines(chk)) {
            if (!line.startsWith("{")) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                if ("AIS".equals(n.path("class").asText())) {
                    out.add(n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
