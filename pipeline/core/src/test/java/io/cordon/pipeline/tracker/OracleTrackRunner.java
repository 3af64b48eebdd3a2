package io.cordon.pipeline.tracker;

import io.cordon.pipeline.bench.BenchPriors;
import io.cordon.pipeline.bench.BenchScenario;
import io.cordon.pipeline.bench.BenchTruthFiles;
import io.cordon.pipeline.filter.GaussianState;
import io.cordon.pipeline.filter.ImmState;
import io.cordon.pipeline.filter.InteractingMultipleModel;
import io.cordon.pipeline.filter.MeasurementModel;
import io.cordon.pipeline.filter.MotionModel;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * java -cp ... io.cordon.pipeline.tracker.OracleTrackRunner SCENARIO_DIR tracks.csv [always]
 * </pre>
 *
 * <p>With {@code always} every born target is reported until its truth ends (the bench's "oracle
 * reporting always"): the fragmentations left are the gaps where the prediction is more than c off
 * its target.
 */
public final class OracleTrackRunner {
    private static final double PRIOR_SPEED_SIGMA_MPS = 15.0;
    private static final double MAX_STEP_S = 10.0;

    private OracleTrackRunner() {}

    private static final class Target {
        ImmState state;
        double timeS;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        BenchScenario scenario = BenchScenario.read(dir);
        TrackerParameters parameters = BenchPriors.parametersFor(scenario);
        List<MotionModel> models = MultiTargetTracker.motionModels(parameters);
        InteractingMultipleModel imm =
                new InteractingMultipleModel(models, parameters.meanSojournS());
        double[] modeProbabilities = MultiTargetTracker.initialModeProbabilities(models.size());
        LocalTangentPlane plane = new LocalTangentPlane(scenario.referencePoint());
        ObservationConverter converter = new ObservationConverter(plane);
        Map<String, String> truthOf = BenchTruthFiles.truthOfDetection(dir);
        int steps = (int) Math.floor(scenario.durationS() / scenario.evalDtS() + 1e-9) + 1;
        List<Set<String>> alive = new ArrayList<>();
        for (List<String> ids : BenchTruthFiles.steps(dir, scenario, plane, steps).ids()) {
            alive.add(new HashSet<>(ids));
        }
        double c2 = scenario.gospaCutoffM() * scenario.gospaCutoffM();
        boolean always = args.length > 2 && args[2].equals("always");
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
                            target.state = ImmState.uniform(g, modeProbabilities);
                            target.timeS = to;
                            targets.put(truth, target);
                        } else {
                            ImmState predicted = predict(imm, target.state, to - target.timeS);
                            target.state = imm.update(predicted, mm).posterior();
                            target.timeS = Math.max(target.timeS, to);
                        }
                    }
                    b++;
                }
                for (var e : targets.entrySet()) {
                    if (!alive.get(k).contains(e.getKey())) {
                        continue;
                    }
                    GaussianState g =
                            predict(imm, e.getValue().state, t - e.getValue().timeS).combined();
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

    private static ImmState predict(InteractingMultipleModel imm, ImmState state, double dtS) {
        double left = Math.max(0, dtS);
        ImmState s = state;
        while (left > MAX_STEP_S) {
            s = imm.predict(s, MAX_STEP_S);
            left -= MAX_STEP_S;
        }
        return left > 0 ? imm.predict(s, left) : s;
    }

    private static double seconds(BenchScenario scenario, Observation o) {
        return (o.eventTime().toEpochMilli() - scenario.epoch().toEpochMilli()) / 1000.0;
    }
}
