package io.cordon.pipeline.tracker;

import io.cordon.pipeline.bench.BenchPriors;
import io.cordon.pipeline.bench.BenchScenario;
import io.cordon.pipeline.bench.BenchTruthFiles;
import io.cordon.pipeline.bench.TrackerOverrides;
import io.cordon.pipeline.filter.FlatImm;
import io.cordon.pipeline.filter.GaussianState;
import io.cordon.pipeline.filter.MeasurementModel;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An oracle-style reference for the benchmark scenarios: a diagnostic, not a test, and never a
 * tracker (it reads the truth files). As the bench's oracle bound (../shared/bench/README.md, "The
 * bound"): each target's detections are given (clutter dropped, from detections_labels.csv), one
 * IMM filter per target with the tracker's models (near-constant velocity and coordinated turns at
 * the tracker's rates), born at its first detection with zero velocity and a 15 m/s prior, ended
 * when its truth ends; at every evaluation step a target's prediction is reported only while
 * reporting is expected to cost less GOSPA than silence (existence 1: {@code E[min(d², c²)] <
 * c²/2}). Its tracks.csv (one id per target) scored with ../shared/bench/score shows how many
 * fragmentations a GOSPA-optimal reporting rule makes on these sensors even with the association
 * given.
 *
 * <pre>
 * java -cp ... io.cordon.pipeline.tracker.OracleTrackRunner SCENARIO_DIR tracks.csv [always] [KEY=VALUE ...]
 * </pre>
 *
 * <p>With {@code always} every born target is reported until its truth ends (the bench's "oracle
 * reporting always"): the fragmentations left are the gaps where the prediction is more than c off
 * its target. {@code KEY=VALUE} sets a tracker parameter as {@code cordon track --param} does (the
 * motion models: {@code turnRatesDegPerS}, {@code turnRateNoiseRad2PerS3}, the noises, τ).
 */
public final class OracleTrackRunner {
    private static final double PRIOR_SPEED_SIGMA_MPS = 15.0;
    private static final double MAX_STEP_S = 10.0;

    private OracleTrackRunner() {}

    private static final class Target {
        double[] state;
        double timeS;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        BenchScenario scenario = BenchScenario.read(dir);
        Map<String, String> overrides = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].contains("=")) {
                String[] kv = args[i].split("=", 2);
                overrides.put(kv[0], kv[1]);
            }
        }
        TrackerParameters parameters =
                TrackerOverrides.apply(BenchPriors.parametersFor(scenario), overrides);
        FlatImm imm =
                new FlatImm(
                        MultiTargetTracker.motionModels(parameters),
                        MultiTargetTracker.estimatedTurnModel(parameters),
                        parameters.meanSojournS(),
                        MAX_STEP_S);
        double[] modeProbabilities = MultiTargetTracker.initialModeProbabilities(imm.modelCount());
        LocalTangentPlane plane = new LocalTangentPlane(scenario.referencePoint());
        ObservationConverter converter = new ObservationConverter(plane);
        Map<String, String> truthOf = BenchTruthFiles.truthOfDetection(dir);
        int steps = (int) Math.floor(scenario.durationS() / scenario.evalDtS() + 1e-9) + 1;
        List<Set<String>> alive = new ArrayList<>();
        for (List<String> ids : BenchTruthFiles.steps(dir, scenario, plane, steps).ids()) {
            alive.add(new HashSet<>(ids));
        }
        double c2 = scenario.gospaCutoffM() * scenario.gospaCutoffM();
        boolean always = List.of(args).contains("always");
        Map<String, Target> targets = new TreeMap<>();
        List<List<Observation>> batches = scenario.batches();
        int b = 0;
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            w.write("time_s,track_id,lat,lon,alt_m\n");
            for (int k = 0; k < steps; k++) {
                double t = k * scenario.evalDtS();
                while (b < batches.size() && seconds(scenario, batches.get(b).get(0)) <= t + 1e-9) {
                    for (Observation o : batches.get(b)) {
                        String truth = truthOf.get(o.observationId());
                        if (truth == null) {
                            continue;
                        }
                        double to = seconds(scenario, o);
                        MeasurementModel mm = converter.convert(o);
                        Target target = targets.get(truth);
                        if (target == null) {
                            double[] c = mm.positionCovarianceM2();
                            GaussianState g =
                                    GaussianState.ofPosition(
                                            mm.eastM(),
                                            mm.northM(),
                                            c[0],
                                            c[1],
                                            c[2],
                                            0,
                                            0,
                                            PRIOR_SPEED_SIGMA_MPS);
                            target = new Target();
                            target.state = new double[imm.stateLength()];
                            double[] block = new double[FlatImm.GAUSSIAN];
                            FlatImm.pack(g, block, 0);
                            imm.initialise(block, 0, modeProbabilities, target.state, 0);
                            target.timeS = to;
                            targets.put(truth, target);
                        } else {
                            double[] predicted = predict(imm, target.state, to - target.timeS);
                            double[] c = new double[FlatImm.GAUSSIAN];
                            imm.combine(predicted, 0, c, 0);
                            double[] lin = new double[FlatImm.LINEARISATION];
                            mm.linearise(c[0], c[1], lin, 0);
                            if (!Double.isNaN(imm.update(predicted, 0, lin, 0, predicted, 0))) {
                                target.state = predicted;
                            }
                            target.timeS = Math.max(target.timeS, to);
                        }
                    }
                    b++;
                }
                for (var e : targets.entrySet()) {
                    if (!alive.get(k).contains(e.getKey())) {
                        continue;
                    }
                    double[] c = new double[FlatImm.GAUSSIAN];
                    imm.combine(predict(imm, e.getValue().state, t - e.getValue().timeS), 0, c, 0);
                    GaussianState g = FlatImm.unpack(c, 0);
                    double m = g.covariance(0, 0) + g.covariance(1, 1);
                    if (!always && m * (1 - Math.exp(-c2 / m)) >= c2 / 2) {
                        continue;
                    }
                    GeoPoint p = plane.surfacePoint(g.eastM(), g.northM());
                    w.write(
                            String.format(
                                    Locale.ROOT,
                                    "%s,%s,%.9f,%.9f,%.2f%n",
                                    t == Math.rint(t)
                                            ? Long.toString((long) t)
                                            : String.format(Locale.ROOT, "%.3f", t),
                                    "oracle-" + e.getKey(),
                                    p.latDeg(),
                                    p.lonDeg(),
                                    p.altM()));
                }
            }
        }
    }

    /** The state predicted dtS ahead (FlatImm steps long gaps by {@link #MAX_STEP_S}). */
    private static double[] predict(FlatImm imm, double[] state, double dtS) {
        double[] out = state.clone();
        if (dtS > 0) {
            double[] c = new double[FlatImm.GAUSSIAN];
            imm.combine(state, 0, c, 0);
            imm.predict(state, 0, c, 0, dtS, out, 0);
        }
        return out;
    }

    private static double seconds(BenchScenario scenario, Observation o) {
        return (o.eventTime().toEpochMilli() - scenario.epoch().toEpochMilli()) / 1000.0;
    }
}
