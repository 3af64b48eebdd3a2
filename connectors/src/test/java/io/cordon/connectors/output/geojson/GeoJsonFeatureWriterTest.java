package io.cordon.connectors.output.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.cordon.pipeline.track.TrackStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GeoJsonFeatureWriterTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-01-01T00:05:00Z");

    static JsonNode parse(byte[] line) throws Exception {
        String text = new String(line, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").doesNotContain("\n\n");
        assertThat(text.strip()).doesNotContain("\n");
        return JSON.readTree(text);
    }

    @Test
    void anAlertIsAPointFeatureWithItsTextAndPolicyVersion() throws Exception {
        Alert a =
                new Alert(
                        "loitering-1",
                        AlertType.LOITERING,
                        Severity.MEDIUM,
                        AlertState.UPDATE,
                        T0,
                        T0.plusSeconds(60),
                        new GeoPoint(31.3, -110.6, 1200),
                        List.of("T1"),
                        "loitering",
                        "1",
                        Alert.evidence(Map.of("durationS", "360.0")),
                        Marking.releasableTo(Set.of("usa", "mex")),
                        "Merodeo — gravedad media (actualizada)\nline two");

        JsonNode f = parse(GeoJsonFeatureWriter.alert(a, "4"));

        assertThat(f.get("type").asText()).isEqualTo("Feature");
        assertThat(f.get("id").asText()).isEqualTo("loitering-1");
        assertThat(f.at("/geometry/type").asText()).isEqualTo("Point");
        assertThat(f.at("/geometry/coordinates/0").asDouble()).isEqualTo(-110.6);
        assertThat(f.at("/geometry/coordinates/1").asDouble()).isEqualTo(31.3);
        assertThat(f.at("/geometry/coordinates/2").asDouble()).isEqualTo(1200.0);
        assertThat(f.at("/properties/kind").asText()).isEqualTo("alert");
        assertThat(f.at("/properties/state").asText()).isEqualTo("UPDATE");
        assertThat(f.at("/properties/text").asText())
                .isEqualTo("Merodeo — gravedad media (actualizada)\nline two");
        assertThat(f.at("/properties/evidence/durationS").asText()).isEqualTo("360.0");
        assertThat(f.at("/properties/marking/partners").toString()).isEqualTo("[\"mex\",\"usa\"]");
        assertThat(f.at("/properties/policyVersion").asText()).isEqualTo("4");
    }

    @Test
    void anAlertWithoutLocationHasNullGeometry() throws Exception {
        Alert a =
                new Alert(
                        "x",
                        AlertType.CONVOY,
                        Severity.LOW,
                        AlertState.NEW,
                        T0,
                        T0,
                        null,
                        List.of(),
                        "d",
                        "1",
                        Alert.evidence(Map.of()),
                        Marking.UNRESTRICTED,
                        "");

        assertThat(parse(GeoJsonFeatureWriter.alert(a, "1")).get("geometry").isNull()).isTrue();
    }

    @Test
    void aTrackCarriesOnlyTheIdentitiesItHas() throws Exception {
        EntityTrack t =
                new EntityTrack(
                        "T9",
                        TrackStatus.COASTING,
                        T0,
                        GeoPoint.of(31.3, -110.6),
                        new Velocity(0, 2, 0),
                        null,
                        new TreeSet<>(),
                        new TreeSet<>(Set.of("usa")),
                        new CooperativeIdentity("", "A1B2C3", "", ""),
                        new Classification(TargetClass.AIRCRAFT, 0.7),
                        Marking.UNRESTRICTED,
                        3);

        JsonNode f = parse(GeoJsonFeatureWriter.track(t, "USA", List.of("z1"), "2"));

        assertThat(f.at("/properties/kind").asText()).isEqualTo("track");
        assertThat(f.at("/properties/status").asText()).isEqualTo("COASTING");
        assertThat(f.at("/properties/courseDeg").asDouble()).isEqualTo(0.0);
        assertThat(f.at("/properties/identity").toString()).isEqualTo("{\"icao24\":\"A1B2C3\"}");
        assertThat(f.at("/properties/sensorIds").size()).isZero();
        assertThat(f.at("/properties/zones/0").asText()).isEqualTo("z1");
        // never measured: no height (it would be the reference height), no height sigma
        assertThat(f.at("/geometry/coordinates").size()).isEqualTo(2);
        assertThat(f.at("/properties/heightSigmaM").isMissingNode()).isTrue();

        EntityTrack measured =
                new EntityTrack(
                        t.trackId(),
                        t.status(),
                        t.time(),
                        new GeoPoint(31.3, -110.6, 1_530.0),
                        t.velocity(),
                        t.covariance(),
                        t.sensorIds(),
                        t.partnerIds(),
                        t.identity(),
                        t.classification(),
                        t.marking(),
                        t.updateCount(),
                        null,
                        null,
                        11.5);
        JsonNode g = parse(GeoJsonFeatureWriter.track(measured, "USA", List.of(), "2"));
        assertThat(g.at("/geometry/coordinates/2").asDouble()).isEqualTo(1_530.0);
        assertThat(g.at("/properties/heightSigmaM").asDouble()).isEqualTo(11.5);
    }
}
