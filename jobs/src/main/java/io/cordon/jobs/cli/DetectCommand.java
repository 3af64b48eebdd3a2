package io.cordon.jobs.cli;

import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.detect.bench.BenchDetection;
import io.cordon.pipeline.detect.bench.EventScore;
import io.cordon.pipeline.detect.bench.TruthEvent;
import io.cordon.pipeline.detect.bench.TruthEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the tracker (as 'cordon track' does: only detections.csv and scenario.json are",
            "read) and the detectors over a scenario in the benchmark format, and writes the alerts",
            "as alert_id,type,time_s,lat,lon,track_ids (time_s: event time of what was detected, in",
            "the scenario's seconds; track ids separated by ';'). The border is the scenario's",
            "border_lat; restricted zones, if any, are scenario.json's restricted_zones. With",
            "--score, the alerts are also scored against the ground-truth events of truth.csv,",
            "truth_meta.csv and the zones (see docs/detection.md)."
        })
public final class DetectCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, description = "Scenario directory.")
    Path scenario;

    @Option(names = "--out", required = true, description = "Alerts CSV to write.")
    Path out;

    @Option(
            names = "--param",
            paramLabel = "DETECTOR.KEY=VALUE",
            description =
                    "Overrides a detector parameter, as under detectors: in cordon.yaml, e.g."
                            + " rendezvous.maxDistanceM=75. Detectors: borderCrossing, loitering,"
                            + " rendezvous, darkTarget, identityConflict, zoneIntrusion, convoy;"
                            + " tracker.KEY=VALUE sets a tracker parameter as cordon track --param"
                            + " does. Repeatable.")
    List<String> params = new ArrayList<>();

    @Option(
            names = "--detectors",
            split = ",",
            paramLabel = "NAME[,NAME...]",
            description =
                    "Which detectors to run (default: borderCrossing, loitering, rendezvous,"
                            + " identityConflict, zoneIntrusion, convoy; darkTarget on request).")
    List<String> detectors = new ArrayList<>(BenchDetection.DEFAULT_DETECTORS);

    @Option(
            names = "--score",
            description =
                    "Also derive the ground-truth events from truth.csv and truth_meta.csv and print"
                            + " event precision, recall and latency per type (never read by the"
                            + " tracker or the detectors).")
    boolean score;

    @Option(
            names = "--events",
            description = "With --score: write the ground-truth events (events.csv format) here.")
    Path events;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            int dot = p.indexOf('.');
            if (eq < 0 || dot < 0 || dot > eq || dot == 0 || eq == dot + 1) {
                throw new ConfigException(
                        "--param", p, "DETECTOR.KEY=VALUE, e.g. rendezvous.maxDistanceM=75");
            }
            overrides
                    .computeIfAbsent(p.substring(0, dot), k -> new TreeMap<>())
                    .put(p.substring(dot + 1, eq), p.substring(eq + 1));
        }
        BenchDetection.Result result = BenchDetection.run(scenario, overrides, detectors);
        BenchDetection.writeCsv(out, result);
        Map<String, Integer> byType = new TreeMap<>();
        result.alerts().forEach(r -> byType.merge(r.alert().type().name(), 1, Integer::sum));
        var stdout = spec.commandLine().getOut();
        stdout.println(
                result.alerts().size()
                        + " alerts "
                        + byType
                        + " from "
                        + result.updates().size()
                        + " track updates written to "
                        + out);
        if (score) {
            double borderLat =
                    BenchDetection.borderLat(
                            Files.readString(
                                    scenario.resolve("scenario.json"), StandardCharsets.UTF_8));
            List<TruthEvent> truth = TruthEvents.read(scenario, borderLat);
            if (events != null) {
                TruthEvents.write(events, truth);
            }
            for (EventScore.TypeScore s :
                    EventScore.score(result, truth, EventScore.gatesFor(detectors)).values()) {
                stdout.println(s.summary());
            }
        }
        return 0;
    }
}
