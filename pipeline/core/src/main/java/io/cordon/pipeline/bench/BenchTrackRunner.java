package io.cordon.pipeline.bench;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.tracker.DataAssociation;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the tracker over a benchmark scenario and writes tracks.csv ({@code
 * time_s,track_id,lat,lon,alt_m}: the confirmed tracks at every evaluation time 0, eval_dt, …,
 * duration, predicted to exactly that time from the detections with time ≤ it, that {@link
 * GospaReportingPolicy} expects to lower the metric, with its hysteresis for the tracks reported at
 * the previous evaluation time, and that are inside the scenario's box, where the targets live),
 * and optionally a stats JSON with {@code observations}, {@code seconds} (the tracking loop alone:
 * file loading and writing excluded) and {@code observations_per_s}.
 *
 * <p>By default the loop runs on the same input, with a fresh tracker each time, until 5 s of
 * tracking have gone by, then five more times: the first passes are the JVM compiling the tracker,
 * as JMH's warm-up iterations are (the first is reported as {@code cold_seconds}, {@code
 * cold_observations_per_s}, the count as {@code warmup_passes}); {@code seconds} is the median of
 * the five timed passes, and every pass gives identical tracks. {@code --warmup N} runs exactly N
 * warm-up passes; {@code --warmup 0} times the first, cold pass alone. {@code --association}
 * chooses the tracker's data association ({@link DataAssociation}: gnn, the default, jpda or
 * jpda-star); {@code --unscented-above K} gates and applies radar plots whose nonlinearity at a
 * track exceeds K with the unscented transform ({@link TrackerParameters#withUnscentedAbove}; the
 * default {@value TrackerParameters#DEFAULT_UNSCENTED_ABOVE}, {@code Infinity}: the EKF only).
 *
 * <pre>
 * BenchTrackRunner --scenario DIR --out tracks.csv [--stats stats.json] [--warmup N]
 *     [--association gnn|jpda|jpda-star] [--unscented-above K] [--param KEY=VALUE]...
 * </pre>
 *
 * <p>{@code --param} sets a tracker parameter by name ({@link TrackerOverrides}, e.g. {@code
 * meanSojournS=45}), after the others; repeatable.
 */
public final class BenchTrackRunner {
    /** Default warm-up: passes until this much tracking time has gone by, s. */
    private static final double WARMUP_S = 5.0;

    private BenchTrackRunner() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** The command without {@code System.exit}: returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path scenarioDir = null;
        Path tracksOut = null;
        Path statsOut = null;
        int warmup = -1;
        DataAssociation association = null;
        double unscentedAbove = Double.NaN; // not given: the parameters' default
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                return usage(err, "missing value for " + a);
            }
            switch (a) {
                case "--scenario" -> scenarioDir = Path.of(args[++i]);
                case "--out" -> tracksOut = Path.of(args[++i]);
                case "--stats" -> statsOut = Path.of(args[++i]);
                case "--association" -> {
                    try {
                        association = DataAssociation.parse("--association", args[++i]);
                    } catch (IllegalArgumentException e) {
                        return usage(err, e.getMessage());
                    }
                }
                case "--unscented-above" -> {
                    try {
                        unscentedAbove = Double.parseDouble(args[++i]);
                    } catch (NumberFormatException e) {
                        return usage(err, "--unscented-above takes a number, was " + args[i]);
                    }
                }
                case "--param" -> {
                    String p = args[++i];
                    int eq = p.indexOf('=');
                    if (eq <= 0) {
                        return usage(
                                err,
                                "--param takes KEY=VALUE, e.g. gateProbability=0.999, was " + p);
                    }
                    overrides.put(p.substring(0, eq), p.substring(eq + 1));
                }
                case "--warmup" -> {
                    try {
                        warmup = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        return usage(err, "--warmup takes a number of passes, was " + args[i]);
                    }
                    if (warmup < 0) {
                        return usage(err, "--warmup must be >= 0, was " + warmup);
                    }
                }
                default -> {
                    return usage(err, "unknown option " + a);
                }
            }
        }
        if (scenarioDir == null || tracksOut == null) {
            return usage(err, "--scenario and --out are required");
        }
        BenchScenario scenario = BenchScenario.read(scenarioDir);
        TrackerParameters parameters = BenchPriors.parametersFor(scenario);
        if (association != null) {
            parameters = parameters.withAssociation(association);
        }
        if (!Double.isNaN(unscentedAbove)) {
            try {
                parameters = parameters.withUnscentedAbove(unscentedAbove);
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            }
        }
        try {
            parameters = TrackerOverrides.apply(parameters, overrides);
        } catch (io.cordon.pipeline.config.ConfigException e) {
            return usage(err, "--param " + e.getMessage());
        }
        Result result = track(scenario, parameters);
        Result cold = result;
        int passes = 0;
        double warmed = cold.seconds();
        while (warmup < 0 ? warmed < WARMUP_S || passes < 1 : passes < warmup) {
            result = track(scenario, parameters);
            warmed += result.seconds();
            passes++;
        }
        if (passes > 0) {
            // The median of five timed passes: one short pass can meet a collection or a
            // neighbour's burst on a shared machine.
            Result[] timed = new Result[5];
            for (int k = 0; k < timed.length; k++) {
                timed[k] = track(scenario, parameters);
            }
            java.util.Arrays.sort(timed, java.util.Comparator.comparingDouble(Result::seconds));
            result = timed[timed.length / 2];
        }
        write(tracksOut, scenario, result.outputs());
        String stats =
                String.format(
                        Locale.ROOT,
                        "{\"observations\": %d, \"seconds\": %.6f, \"observations_per_s\": %.1f,"
                                + " \"cold_seconds\": %.6f, \"cold_observations_per_s\": %.1f,"
                                + " \"warmup_passes\": %d, \"track_ids\": %d}%n",
                        result.observations(),
                        result.seconds(),
                        result.observations() / result.seconds(),
                        cold.seconds(),
                        cold.observations() / cold.seconds(),
                        passes,
                        result.trackIds());
        if (statsOut != null) {
            Files.writeString(statsOut, stats, StandardCharsets.UTF_8);
        }
        out.print(stats);
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println(
                "usage: track --scenario DIR --out tracks.csv [--stats stats.json] [--warmup N]"
                        + " [--association gnn|jpda|jpda-star] [--unscented-above K]"
                        + " [--param KEY=VALUE]...");
        return 2;
    }

    /**
     * The confirmed tracks at each evaluation time, with the tracking loop's duration.
     *
     * @param outputs one list per evaluation time
     * @param seconds wall time of the loop
     * @param observations detections fed
     * @param trackIds distinct ids reported
     */
    public record Result(
            List<List<EntityTrack>> outputs, double seconds, long observations, long trackIds) {}

    /** Runs the loop: batches in file order, confirmed tracks at every evaluation time. */
    public static Result track(BenchScenario scenario, TrackerParameters parameters) {
        MultiTargetTracker tracker = new MultiTargetTracker(parameters, scenario.referencePoint());
        GospaReportingPolicy policy = new GospaReportingPolicy(scenario.gospaCutoffM());
        LocalTangentPlane plane = new LocalTangentPlane(scenario.referencePoint());
        List<List<Observation>> batches = scenario.batches();
        int steps = (int) Math.floor(scenario.durationS() / scenario.evalDtS() + 1e-9) + 1;
        List<List<EntityTrack>> outputs = new ArrayList<>(steps);
        long observations = 0;
        long start = System.nanoTime();
        int b = 0;
        Set<String> before = Set.of();
        for (int k = 0; k < steps; k++) {
            Instant evalTime = evalInstant(scenario, k);
            while (b < batches.size() && !batches.get(b).get(0).eventTime().isAfter(evalTime)) {
                tracker.update(batches.get(b));
                observations += batches.get(b).size();
                b++;
            }
            tracker.advanceTo(evalTime);
            List<EntityTrack> reported = new ArrayList<>();
            for (EntityTrack track :
                    tracker.confirmedTracksAt(evalTime, policy.neverBeyondTraceM2())) {
                // Targets live inside the scenario's box and end when they leave it: a track
                // outside it can only be a false one.
                EnuPoint p = plane.toEnu(track.position());
                if (scenario.insideBox(p.eastM(), p.northM())
                        && policy.report(
                                track,
                                tracker.existenceProbability(track.trackId()),
                                before.contains(track.trackId()))) {
                    reported.add(track);
                }
            }
            outputs.add(reported);
            before = new HashSet<>();
            for (EntityTrack track : reported) {
                before.add(track.trackId());
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        long ids =
                outputs.stream().flatMap(List::stream).map(EntityTrack::trackId).distinct().count();
        return new Result(outputs, seconds, observations, ids);
    }

    private static Instant evalInstant(BenchScenario scenario, int k) {
        return scenario.epoch().plusNanos(Math.round(k * scenario.evalDtS() * 1e9));
    }

    private static void write(Path path, BenchScenario scenario, List<List<EntityTrack>> outputs)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            w.write("time_s,track_id,lat,lon,alt_m\n");
            for (int k = 0; k < outputs.size(); k++) {
                double t = k * scenario.evalDtS();
                String ts =
                        t == Math.rint(t)
                                ? Long.toString((long) t)
                                : String.format(Locale.ROOT, "%.3f", t);
                for (EntityTrack track : outputs.get(k)) {
                    w.write(
                            String.format(
                                    Locale.ROOT,
                                    "%s,%s,%.9f,%.9f,%.2f%n",
                                    ts,
                                    track.trackId(),
                                    track.position().latDeg(),
                                    track.position().lonDeg(),
                                    track.position().altM()));
                }
            }
        }
    }
}
