package io.cordon.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.bench.ScenarioGenerator;
import io.cordon.pipeline.bench.ScenarioSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DetectCommandTest {
    @TempDir static Path dir;
    static Path scenario;

    @BeforeAll
    static void generate() throws Exception {
        scenario = dir.resolve("scenario");
        // 30 targets for 300 s: crossers among them cross within the run.
        ScenarioGenerator.generate(ScenarioSpec.border(7, 30, 300)).writeTo(scenario);
    }

    private record Run(int code, String out, String err) {}

    private static Run detect(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DetectCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesTheAlertsInTheIssuesFormatAndScoresThem() throws Exception {
        Path alerts = dir.resolve("alerts.csv");
        Path events = dir.resolve("events.csv");
        Run r =
                detect(
                        "--scenario",
                        scenario.toString(),
                        "--out",
                        alerts.toString(),
                        "--score",
                        "--events",
                        events.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(alerts);
        assertThat(lines.get(0)).isEqualTo("alert_id,type,time_s,lat,lon,track_ids");
        assertThat(lines).hasSizeGreaterThan(1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(6);
            assertThat(f[1])
                    .isIn(
                            "BORDER_CROSSING",
                            "RENDEZVOUS",
                            "LOITERING",
                            "IDENTITY_CONFLICT",
                            "ZONE_INTRUSION",
                            "CONVOY");
            assertThat(Double.parseDouble(f[2])).isBetween(0.0, 300.0);
            assertThat(Double.parseDouble(f[3])).isBetween(30.9, 31.7); // inside the box
            assertThat(f[5]).isNotBlank();
        }
        assertThat(lines.stream().map(l -> l.split(",")[0]).distinct().count())
                .as("one row per alert id")
                .isEqualTo(lines.size());
        assertThat(r.out()).contains("BORDER_CROSSING: events").contains("precision");
        assertThat(Files.readAllLines(events).get(0))
                .isEqualTo("event_id,type,time_s,end_s,lat,lon,truth_ids");
    }

    @Test
    void zonesOfScenarioJsonReachTheZoneDetectorAndItsAlertsAreScored() throws Exception {
        Path zoned = dir.resolve("zoned");
        // Two restricted zones, each crossed by an intruder 60-150 s after it appears.
        ScenarioGenerator.generate(ScenarioSpec.border(7, 10, 300).withIntruders(2)).writeTo(zoned);
        Path alerts = dir.resolve("zone-alerts.csv");
        Run r =
                detect(
                        "--scenario",
                        zoned.toString(),
                        "--out",
                        alerts.toString(),
                        "--detectors",
                        "zoneIntrusion,loitering,convoy",
                        "--score");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(alerts);
        assertThat(lines.stream().skip(1).filter(l -> l.contains(",ZONE_INTRUSION,")).count())
                .isGreaterThanOrEqualTo(2);
        assertThat(r.out())
                .contains("ZONE_INTRUSION: events")
                .contains("LOITERING: events")
                .contains("CONVOY: events")
                .doesNotContain("BORDER_CROSSING: events");
        assertThat(r.out()).containsPattern("ZONE_INTRUSION: events [2-9]");
    }

    @Test
    void aBadParameterNamesTheKeyTheValueAndWhatIsAllowed() {
        Path alerts = dir.resolve("bad.csv");
        Run r =
                detect(
                        "--scenario", scenario.toString(),
                        "--out", alerts.toString(),
                        "--param", "rendezvous.maxDistanceM=-5");
        assertThat(r.code()).isNotZero();
        assertThat(r.err())
                .contains("detectors.rendezvous.maxDistanceM")
                .contains("-5")
                .contains("> 0");
        Run unknown =
                detect(
                        "--scenario", scenario.toString(),
                        "--out", alerts.toString(),
                        "--param", "rendezvous.maxDistance=75");
        assertThat(unknown.err()).contains("maxDistance").contains("only the keys");
        Run detector =
                detect(
                        "--scenario", scenario.toString(),
                        "--out", alerts.toString(),
                        "--param", "lowSlowFlyer.maxSpeedMps=30");
        assertThat(detector.err()).contains("detectors.lowSlowFlyer").contains("borderCrossing");
        Run tracker =
                detect(
                        "--scenario", scenario.toString(),
                        "--out", alerts.toString(),
                        "--param", "tracker.gateProbability=1.5");
        assertThat(tracker.code()).isNotZero();
        assertThat(tracker.err()).contains("tracker.gateProbability").contains("1.5");
        assertThat(alerts).doesNotExist();
    }

    @Test
    void aParameterOverrideChangesTheDetection() throws Exception {
        Path loose = dir.resolve("loose.csv");
        Path strict = dir.resolve("strict.csv");
        assertThat(detect("--scenario", scenario.toString(), "--out", loose.toString()).code())
                .isZero();
        assertThat(
                        detect(
                                        "--scenario", scenario.toString(),
                                        "--out", strict.toString(),
                                        "--param", "borderCrossing.hysteresisM=10000")
                                .code())
                .isZero();
        // In 300 s at most 22 m/s, no target that crosses gets 10 km past the line.
        assertThat(Files.readAllLines(loose).stream().filter(l -> l.contains(",BORDER_CROSSING,")))
                .isNotEmpty();
        assertThat(Files.readAllLines(strict).stream().filter(l -> l.contains(",BORDER_CROSSING,")))
                .isEmpty();
    }
}
