package io.cordon.jobs.cli;

import io.cordon.pipeline.bench.BenchTrackRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "track",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the tracker over a scenario in the benchmark format (detections.csv and scenario.json;",
            "nothing else is read) and writes the confirmed tracks at every evaluation time as",
            "time_s,track_id,lat,lon,alt_m. Score the result with ../shared/bench/score."
        })
public final class TrackCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, description = "Scenario directory.")
    Path scenario;

    @Option(names = "--out", required = true, description = "Tracks CSV to write.")
    Path out;

    @Option(
            names = "--stats",
            description =
                    "Write {observations, seconds, observations_per_s} as JSON here; seconds is the tracking loop alone.")
    Path stats;

    @Option(
            names = "--association",
            paramLabel = "gnn|jpda|jpda-star",
            description =
                    "Data association: gnn (global nearest neighbour, the default), jpda or jpda-star"
                            + " (joint probabilistic, exact over small clusters; docs/benchmarks.md).")
    String association;

    @Option(
            names = "--unscented-above",
            paramLabel = "K",
            description =
                    "Radar plots whose nonlinearity at a track exceeds K (in units of the radar's"
                            + " noise) are gated and applied with the unscented transform; default 3,"
                            + " Infinity for the EKF alone (docs/benchmarks.md).")
    String unscentedAbove;

    @Option(
            names = "--param",
            paramLabel = "KEY=VALUE",
            description =
                    "Sets a tracker parameter (TrackerParameters) by name, e.g. meanSojournS=45,"
                            + " turnRatesDegPerS=1.75,3.25 or association=jpda; the sensor priors"
                            + " come from scenario.json. Repeatable; an unknown key lists the"
                            + " settable ones.")
    List<String> params = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of("--scenario", scenario.toString(), "--out", out.toString()));
        if (stats != null) {
            args.addAll(List.of("--stats", stats.toString()));
        }
        if (association != null) {
            args.addAll(List.of("--association", association));
        }
        if (unscentedAbove != null) {
            args.addAll(List.of("--unscented-above", unscentedAbove));
        }
        for (String p : params) {
            args.addAll(List.of("--param", p));
        }
        return BenchTrackRunner.run(args.toArray(String[]::new), System.out, System.err);
    }
}
