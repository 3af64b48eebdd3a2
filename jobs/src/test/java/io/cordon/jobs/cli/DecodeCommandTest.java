package io.cordon.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.jobs.connect.PeerData;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cordon decode} against the public vectors in shared/peerdata, compared with the values
 * their MANIFESTs and expected files give (not with output of this code).
 */
class DecodeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Exit code, output lines and the exception the command ended with. */
    record Run(int exit, List<JsonNode> lines, Exception failure) {}

    static Run decode(String... args) throws Exception {
        StringWriter out = new StringWriter();
        Exception[] failure = new Exception[1];
        CommandLine cli = new CommandLine(new DecodeCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        cli.setExecutionExceptionHandler(
                (e, c, p) -> {
                    failure[0] = e;
                    return e instanceof ConfigException ? 2 : 1;
                });
        int exit = cli.execute(args);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(exit, lines, failure[0]);
    }

    @Test
    void asterixCat048SampleGivesTheUpstreamValues() throws Exception {
        JsonNode expected =
                JSON.readTree(
                        PeerData.bytes(
                                "asterix/expected-upstream/cat048_raw.test_parse_values.json"));
        Run run =
                decode(
                        "--format",
                        "asterix",
                        "--received-at",
                        "2024-05-01T12:00:00Z",
                        PeerData.path("asterix/input/cat048.raw").toString());
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(expected.get("records").asInt());
        JsonNode line = run.lines().get(0);
        assertThat(line.get("record").asText()).isEqualTo("Cat048Plot");
        assertThat(line.get("offset").asLong()).isZero();
        JsonNode o = line.get("observations").get(0);
        assertThat(o.at("/radarPlot/azimuthDeg").asDouble())
                .isEqualTo(expected.at("/I040/THETA").asDouble());
        assertThat(o.at("/identity/icao24").asText())
                .isEqualToIgnoringCase(expected.at("/I220/ACAddr").asText());
        assertThat(o.at("/identity/callsign").asText())
                .isEqualTo(expected.at("/I240/TId").asText().trim());
        // I140 time of day on the receive date
        Instant eventTime = Instant.parse(o.get("eventTime").asText());
        assertThat(eventTime.getEpochSecond() % 86_400 + eventTime.getNano() / 1e9)
                .isEqualTo(expected.at("/I140/ToD").asDouble());
        assertThat(o.at("/provenance/sensorKind").asText()).isEqualTo("SENSOR_KIND_GROUND_RADAR");
    }

    @Test
    void aisSampleGivesEveryGpsdPositionWithinTheMessageResolution() throws Exception {
        Run run =
                decode(
                        "--format",
                        "ais",
                        "--received-at",
                        "2024-05-01T12:00:00Z",
                        PeerData.path("ais-gpsd/sample.aivdm").toString());
        assertThat(run.exit()).isZero();
        List<JsonNode> observations = new ArrayList<>();
        run.lines().forEach(l -> l.path("observations").forEach(observations::add));

        // sample.aivdm.js.chk: gpsd's decoding of every message, one JSON object per line
        List<JsonNode> positions = new ArrayList<>();
        for (String line :
                new String(PeerData.bytes("ais-gpsd/sample.aivdm.js.chk"), StandardCharsets.UTF_8)
                        .split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode m = JSON.readTree(line);
            if (Set.of(1, 2, 3, 18, 19, 27).contains(m.get("type").asInt())
                    && Math.abs(m.get("lat").asDouble()) <= 90
                    && Math.abs(m.get("lon").asDouble()) <= 180) {
                positions.add(m);
            }
        }
        assertThat(positions).isNotEmpty();
        assertThat(observations).hasSameSizeAs(positions);
        for (JsonNode p : positions) {
            // type 27 positions are in 1/10 minute; gpsd prints them to 4 decimals
            double tolerance = p.get("type").asInt() == 27 ? 1.0 / 600 : 1e-6;
            assertThat(observations)
                    .as("gpsd %s", p)
                    .anySatisfy(
                            o -> {
                                assertThat(o.at("/identity/mmsi").asText())
                                        .isEqualTo(p.get("mmsi").asText());
                                assertThat(o.at("/position/position/latDeg").asDouble())
                                        .isCloseTo(p.get("lat").asDouble(), within(tolerance));
                                assertThat(o.at("/position/position/lonDeg").asDouble())
                                        .isCloseTo(p.get("lon").asDouble(), within(tolerance));
                            });
        }
    }

    @Test
    void brokenInputIsAnErrorLineWithReasonAndLineAndTheExitCodeStaysZero(@TempDir Path dir)
            throws Exception {
        Path f = dir.resolve("feed.nmea");
        Files.writeString(
                f,
                "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n"
                        + "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*00\n");
        Run run = decode("--format", "ais", f.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0).has("observations")).isTrue();
        JsonNode error = run.lines().get(1);
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("offset").asInt()).isEqualTo(48);
        assertThat(error.at("/error/reason").asText()).containsIgnoringCase("checksum");
        assertThat(error.at("/error/raw").asText()).isNotEmpty();
    }

    @Test
    void nativeLengthDelimitedObservationsAndACorruptOne(@TempDir Path dir) throws Exception {
        Observation o =
                new Observation(
                        "obs-1",
                        "usa",
                        "drone-7",
                        SensorKind.DRONE,
                        Instant.parse("2024-05-01T12:00:00Z"),
                        PositionFix.isotropic(GeoPoint.of(31.5, -110.25), 12),
                        null,
                        null,
                        null,
                        null);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ObservationCodec.toProto(o).writeDelimitedTo(file);
        file.write(new byte[] {3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        Path f = dir.resolve("obs.bin");
        Files.write(f, file.toByteArray());

        Run run = decode("--format", "native", f.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(2);
        JsonNode good = run.lines().get(0).get("observations").get(0);
        assertThat(good.get("observationId").asText()).isEqualTo("obs-1");
        assertThat(good.at("/provenance/sensorId").asText()).isEqualTo("drone-7");
        assertThat(good.at("/position/position/latDeg").asDouble()).isEqualTo(31.5);
        assertThat(run.lines().get(1).at("/error/reason").asText()).contains("Observation");
    }

    @Test
    void sensorDefaultsComeFromTheRegistry(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("cordon.yaml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "reference: {latDeg: 45, lonDeg: 15}",
                        "partners:",
                        "  - {id: hrv, name: Croatia, country: HRV}",
                        "sensors:",
                        "  - id: hrv-radar-9",
                        "    partnerId: hrv",
                        "    kind: GROUND_RADAR",
                        "    position: {latDeg: 45.5, lonDeg: 16.25, altM: 120}",
                        "    sigmaRangeM: 40",
                        "    sigmaAzimuthDeg: 0.1",
                        ""));
        Run run =
                decode(
                        "--format",
                        "asterix",
                        "--sensor",
                        "hrv-radar-9",
                        "--config",
                        config.toString(),
                        PeerData.path("asterix/input/cat048.raw").toString());
        assertThat(run.exit()).isZero();
        JsonNode o = run.lines().get(0).get("observations").get(0);
        assertThat(o.at("/provenance/partnerId").asText()).isEqualTo("hrv");
        assertThat(o.at("/provenance/sensorId").asText()).isEqualTo("hrv-radar-9");
        assertThat(o.at("/radarPlot/sensorPosition/latDeg").asDouble()).isEqualTo(45.5);
        assertThat(o.at("/radarPlot/sigmaRangeM").asDouble()).isEqualTo(40.0);

        Run unknown =
                decode(
                        "--format",
                        "asterix",
                        "--sensor",
                        "nope",
                        "--config",
                        config.toString(),
                        PeerData.path("asterix/input/cat048.raw").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.failure())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--sensor")
                .hasMessageContaining("nope")
                .hasMessageContaining("hrv-radar-9");
    }

    @Test
    void usageErrorsNameTheKeyTheValueAndWhatIsAllowed() throws Exception {
        Run run = decode("--format", "asterisk", "x");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.failure())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--format")
                .hasMessageContaining("asterisk")
                .hasMessageContaining("asterix-pcap");
        Run missing = decode("--format", "ais", "/nonexistent/feed.nmea");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.failure()).hasMessageContaining("/nonexistent/feed.nmea");
        assertThat(decode("--format", "ais", "--received-at", "yesterday", "x").failure())
                .hasMessageContaining("--received-at");
    }
}
