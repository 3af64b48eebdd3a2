package io.cordon.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.dark.CooperativeSilenceParameters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./cordon local} does, end to end: a broker in its own JVM, the jobs on a mini
 * cluster, the simulator speaking ASTERIX, CoT XML, TAK protobuf, GeoJSON, SAPIENT and AIS NMEA
 * into the in-process connectors, progress lines, and a summary with observations (each sensor's
 * through its format's decoder), decode errors on the dead-letter topic, tracks and alerts for
 * every partner of the example configuration.
 */
class LocalRunITCase {
    @TempDir Path tmp;

    @Test
    void theLocalRunProducesObservationsTracksAndAlertsForEveryPartner() throws Exception {
        Path summary = tmp.resolve("summary.json");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LocalRun run =
                new LocalRun(
                        new LocalRun.Options(
                                Path.of("..", "deploy", "cordon.yaml"),
                                Duration.ofSeconds(40),
                                tmp.resolve("data"),
                                false,
                                summary,
                                20.0),
                        new PrintStream(console, true, StandardCharsets.UTF_8));
        // The cooperative-silence finding comes aisSilenceS (scenario time) after the first carrier
        // switches its AIS off under radar cover. On a slow machine the pipeline falls behind the
        // wall clock, so the run lasts until the detection job has committed the tracks up to
        // that moment plus a few radar scans, on the simulation's own clock.
        double aisSilenceS =
                CooperativeSilenceParameters.from(
                                CordonConfig.load(Path.of("..", "deploy", "cordon.yaml"))
                                        .detectors()
                                        .of("cooperativeSilence"))
                        .aisSilenceS();
        run.until(
                simulation ->
                        simulation.targets().stream()
                                        .filter(t -> t.ais() != null && t.ais().goesSilent())
                                        .mapToDouble(t -> t.ais().silentFromS())
                                        .min()
                                        .orElseThrow()
                                + aisSilenceS
                                + 30,
                Duration.ofMinutes(5));

        ProgressMonitor.Snapshot last = run.run();

        String printed = console.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        System.out.println(last);
        assertThat(printed)
                .contains(
                        "Kafka ready at",
                        "submitted cordon-fusion",
                        "obs/s",
                        "live tracks",
                        "per partner:");
        // the registry of the example configuration (8 sensors) is on cordon.sensors.v1,
        // acknowledged
        assertThat(printed).contains("sensor registry: 8 sensors on cordon.sensors.v1");
        assertThat(printed)
                .as("the run lasted until the first silence's finding was due")
                .contains("the detection job has committed the tracks up to scenario second");
        assertThat(last.observations()).isPositive();
        assertThat(last.trackUpdates()).isPositive();
        // the drones' and the 3-D radar's heights reach the tracks; most tracks are on the ground
        assertThat(last.tracksWithHeight()).isPositive().isLessThan(last.tracksSeen());
        assertThat(last.trackUpdatesWithHeight()).isLessThan(last.trackUpdates());
        // the simulator writes in event-time order into one partition: nothing is late for fusion
        assertThat(last.deadLettersByStage()).doesNotContainKey("fusion.track");
        assertThat(last.alertsByPartner()).containsOnlyKeys("usa", "mex", "can");
        assertThat(last.alertsByPartner().values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(last.deadLetters()).as("the simulator's malformed records").isPositive();
        // a simulated carrier switches its AIS off under radar cover (BorderSimulation: at least a
        // minute after it is born, under radar and AIS cover),
        // and the run went on until the detection job had read the tracks aisSilenceS + 30 s
        // later: the cooperative-silence finding, told apart from the other DARK_TARGET
        assertThat(last.alertsByDetector())
                .as("alert messages by detector")
                .containsKeys("cooperative-silence", "border-crossing");
        assertThat(last.alertsByType().get("DARK_TARGET"))
                .isGreaterThanOrEqualTo(last.alertsByDetector().get("cooperative-silence"));
        assertThat(Files.readString(summary))
                .contains(
                        "\"observations\": " + last.observations(),
                        "\"alerts_by_partner\"",
                        "\"tracks_with_measured_height\": " + last.tracksWithHeight(),
                        "\"cooperative-silence\": "
                                + last.alertsByDetector().get("cooperative-silence"));

        // every simulated sensor's observations came through its format's decoder and mapper
        assertThat(printed)
                .contains(
                        "decoded: asterix-cat048=",
                        "cot-xml=",
                        "tak-protobuf=",
                        "misb-klv=",
                        "geojson-satellite=",
                        "sapient=",
                        "ais-nmea=");
        assertThat(last.observationsBySensor())
                .containsOnlyKeys(
                        "usa-radar-1",
                        "mex-radar-1",
                        "mex-drone-1",
                        "usa-drone-1",
                        "mex-drone-2",
                        "usa-sat-1",
                        "mex-ugs-1",
                        "usa-ais-1");
        assertThat(last.observationsBySensor().values())
                .allSatisfy(n -> assertThat(n).isPositive());
        Map<String, String> firstIds = last.firstObservationIdBySensor();
        assertThat(firstIds.get("usa-radar-1")).startsWith("usa-radar-1/048/");
        assertThat(firstIds.get("mex-radar-1")).startsWith("mex-radar-1/048/");
        assertThat(firstIds.get("mex-drone-1")).startsWith("cot/mex-drone-1/");
        // TAK carries CoT events: the CoT mapper names them
        assertThat(firstIds.get("usa-drone-1")).startsWith("cot/usa-drone-1/");
        assertThat(firstIds.get("mex-drone-2")).startsWith("misb/mex-drone-2/");
        assertThat(firstIds.get("usa-sat-1")).startsWith("sat/usa-sat-1/");
        assertThat(firstIds.get("mex-ugs-1")).startsWith("sapient/mex-ugs-1/");
        assertThat(firstIds.get("usa-ais-1")).startsWith("ais/usa-ais-1/");
        JsonNode connectors = new ObjectMapper().readTree(summary.toFile()).get("connectors");
        for (String format :
                List.of(
                        "asterix-cat048",
                        "cot-xml",
                        "tak-protobuf",
                        "misb-klv",
                        "geojson-satellite",
                        "sapient",
                        "ais-nmea")) {
            assertThat(connectors.get(format).get("records_decoded").asLong())
                    .as(format)
                    .isPositive();
            assertThat(connectors.get(format).get("observations").asLong()).as(format).isPositive();
            assertThat(connectors.get(format).get("decode_errors").asLong())
                    .as(format + ": the injected corruptions")
                    .isPositive();
            // and the corrupted units are on the dead-letter topic, with their source
            assertThat(last.deadLettersByStage().keySet())
                    .anySatisfy(source -> assertThat(source).startsWith(format + ":"));
        }
        // the sensors take turns at being corrupted: every one has dead letters
        assertThat(last.deadLettersByStage())
                .containsKeys(
                        "asterix-cat048:usa-radar-1",
                        "asterix-cat048:mex-radar-1",
                        "cot-xml:mex-drone-1",
                        "tak-protobuf:usa-drone-1",
                        "misb-klv:mex-drone-2",
                        "geojson-satellite:usa-sat-1",
                        "sapient:mex-ugs-1",
                        "ais-nmea:usa-ais-1");
        assertThat(last.deadLetterReasons())
                .anySatisfy(r -> assertThat(r).startsWith("asterix-cat048:").contains("LEN"))
                .anySatisfy(r -> assertThat(r).startsWith("cot-xml:").contains("XML"))
                .anySatisfy(r -> assertThat(r).startsWith("tak-protobuf:").contains("wire type 7"))
                .anySatisfy(
                        r -> assertThat(r).startsWith("misb-klv:").contains("checksum mismatch"))
                .anySatisfy(
                        r ->
                                assertThat(r)
                                        .startsWith("ais-nmea:")
                                        .containsIgnoringCase("checksum"));
        long decodeErrors = 0;
        for (JsonNode c : connectors) {
            decodeErrors += c.get("decode_errors").asLong();
        }
        long connectorDeadLetters =
                last.deadLettersByStage().entrySet().stream()
                        .filter(
                                e ->
                                        e.getKey().startsWith("asterix-cat048:")
                                                || e.getKey().startsWith("cot-xml:")
                                                || e.getKey().startsWith("tak-protobuf:")
                                                || e.getKey().startsWith("misb-klv:")
                                                || e.getKey().startsWith("geojson-satellite:")
                                                || e.getKey().startsWith("sapient:")
                                                || e.getKey().startsWith("ais-nmea:"))
                        .mapToLong(Map.Entry::getValue)
                        .sum();
        assertThat(connectorDeadLetters)
                .as("every decode error is one dead letter")
                .isEqualTo(decodeErrors);
        assertThat(tmp.resolve("data/kafka/broker.log")).exists();
    }
}
