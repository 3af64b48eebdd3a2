package io.cordon.pipeline.bench;

import io.cordon.pipeline.assignment.Assignment;
import io.cordon.pipeline.assignment.CostMatrix;
import io.cordon.pipeline.assignment.JonkerVolgenantSolver;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.track.EntityTrack;
import java.io.IOException;
import java.io.PrintStream;
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
 * Where the tracker's GOSPA goes on a benchmark scenario: a diagnostic, not a test. It runs the
 * tracker as {@code cordon track} does (or reads a tracks.csv) and splits every evaluation step's
 * GOSPA against the truth files (which the tracker never sees) into localisation, missed and false,
 * by where each target was (radar or drone cover, satellite only, dark) and by phase: before its
 * first detection, between its first detection and its first report (birth delay), within 60 s
 * after a dark interval ends, while turning (truth heading changing faster than 0.5 °/s), otherwise
 * steady. False tracks are split into those within 2 c of a target that is missed at that step (a
 * track that drifted off its target) and the rest. The mean GOSPA is the mean of per-step distances
 * d_k = sqrt(S_k); each part is given the share d_k · part / S_k, so the parts add up to the mean.
 * It also lists each fragmentation and ID switch (CLEAR-MOT as the scorer matches) with the zone
 * and whether the resumed track is the same one.
 *
 * <pre>
 * java -cp ... io.cordon.pipeline.bench.TrackingErrorBreakdown SCENARIO_DIR [tracks.csv]
 * </pre>
 */
public final class TrackingErrorBreakdown {
    private static final double C = 500.0;
    private static final double HALF_C2 = C * C / 2;

    private TrackingErrorBreakdown() {}

    record Truth(Map<Double, double[]> byTime) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        BenchScenario scenario = BenchScenario.read(dir);
        GeoPoint ref = scenario.referencePoint();
        LocalTangentPlane plane = new LocalTangentPlane(ref);
        int steps = (int) Math.floor(scenario.durationS() / scenario.evalDtS() + 1e-9) + 1;
        // Tracks per step: ids and positions.
        List<List<String>> trackIds = new ArrayList<>();
        List<List<double[]>> trackPos = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            trackIds.add(new ArrayList<>());
            trackPos.add(new ArrayList<>());
        }
        if (args.length > 1) {
            List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                int k = (int) Math.round(Double.parseDouble(f[0]) / scenario.evalDtS());
                EnuPoint p =
                        plane.toEnu(
                                new GeoPoint(
                                        Double.parseDouble(f[2]),
                                        Double.parseDouble(f[3]),
                                        ref.altM()));
                trackIds.get(k).add(f[1]);
                trackPos.get(k).add(new double[] {p.eastM(), p.northM()});
            }
        } else {
            BenchTrackRunner.Result result =
                    BenchTrackRunner.track(scenario, BenchPriors.parametersFor(scenario));
            for (int k = 0; k < steps; k++) {
                for (EntityTrack t : result.outputs().get(k)) {
                    EnuPoint p =
                            plane.toEnu(
                                    new GeoPoint(
                                            t.position().latDeg(),
                                            t.position().lonDeg(),
                                            ref.altM()));
                    trackIds.get(k).add(t.trackId());
                    trackPos.get(k).add(new double[] {p.eastM(), p.northM()});
                }
            }
        }
        // Truth per step (the truth files: diagnostics only).
        BenchTruthFiles.Steps truthFiles = BenchTruthFiles.steps(dir, scenario, plane, steps);
        List<List<String>> truthIds = truthFiles.ids();
        List<List<double[]>> truthPos = truthFiles.pos();
        Map<String, TreeMap<Integer, double[]>> paths = new HashMap<>();
        for (int k = 0; k < steps; k++) {
            for (int j = 0; j < truthIds.get(k).size(); j++) {
                paths.computeIfAbsent(truthIds.get(k).get(j), x -> new TreeMap<>())
                        .put(k, truthPos.get(k).get(j));
            }
        }
        Map<String, double[]> dark = BenchTruthFiles.darkIntervals(dir);
        // First detection time of each truth.
        Map<String, String> detTruth = BenchTruthFiles.truthOfDetection(dir);
        Map<String, Double> firstDet = new HashMap<>();
        Map<String, String> firstDetSensor = new HashMap<>();
        for (var batch : scenario.batches()) {
            for (var o : batch) {
                String truth = detTruth.get(o.observationId());
                if (truth != null && !firstDet.containsKey(truth)) {
                    double t =
                            (o.eventTime().toEpochMilli() - scenario.epoch().toEpochMilli())
                                    / 1000.0;
                    firstDet.put(truth, t);
                    firstDetSensor.put(truth, o.sensorId());
                }
            }
        }
        List<BenchSensor> zones = BenchTruthFiles.zones(scenario);
        // Accumulators: [zone][phase] for loc and missed; false split in two.
        String[] zoneNames = {"covered", "sat_only", "dark"};
        String[] phaseNames = {"undetected", "birth", "after_dark", "turning", "steady"};
        double[][] loc = new double[3][5];
        double[][] missed = new double[3][5];
        int[][] missedSteps = new int[3][5];
        int[][] truthSteps = new int[3][5];
        double falseNear = 0, falseFar = 0;
        int falseNearN = 0, falseFarN = 0;
        double total = 0;
        Map<String, Integer> firstReported = new HashMap<>();
        Map<String, double[]> perTruth = new TreeMap<>();
        ClearMotCount mot = new ClearMotCount(scenario.evalDtS());
        Map<String, Integer> fragmentationKinds = new TreeMap<>();
        List<String> events = new ArrayList<>();
        int frags = 0, switches = 0;
        for (int k = 0; k < steps; k++) {
            double t = k * scenario.evalDtS();
            List<double[]> x = trackPos.get(k);
            List<double[]> y = truthPos.get(k);
            int[] truthOfTrack = gospaPairs(x, y);
            int[] trackOfTruth = new int[y.size()];
            java.util.Arrays.fill(trackOfTruth, -1);
            for (int i = 0; i < x.size(); i++) {
                if (truthOfTrack[i] >= 0) {
                    trackOfTruth[truthOfTrack[i]] = i;
                }
            }
            double s = 0;
            double[] part = new double[y.size()];
            boolean[] isMissed = new boolean[y.size()];
            for (int j = 0; j < y.size(); j++) {
                int i = trackOfTruth[j];
                if (i >= 0) {
                    part[j] = dist2(x.get(i), y.get(j));
                } else {
                    part[j] = HALF_C2;
                    isMissed[j] = true;
                }
                s += part[j];
            }
            double[] falsePart = new double[x.size()];
            for (int i = 0; i < x.size(); i++) {
                if (truthOfTrack[i] < 0) {
                    falsePart[i] = HALF_C2;
                    s += HALF_C2;
                }
            }
            double d = Math.sqrt(s);
            double w = s > 0 ? d / s : 0;
            total += d;
            for (int j = 0; j < y.size(); j++) {
                String id = truthIds.get(k).get(j);
                int zone = zone(y.get(j), t, dark.get(id), zones);
                int phase;
                Double fd = firstDet.get(id);
                double[] dk = dark.get(id);
                if (fd == null || fd > t) {
                    phase = 0;
                } else if (!firstReported.containsKey(id) && isMissed[j]) {
                    phase = 1;
                } else if (dk != null && t > dk[1] && t <= dk[1] + 60) {
                    phase = 2;
                } else if (turning(paths.get(id), k, scenario.evalDtS())) {
                    phase = 3;
                } else {
                    phase = 4;
                }
                if (!isMissed[j]) {
                    firstReported.putIfAbsent(id, k);
                }
                truthSteps[zone][phase]++;
                double[] pt = perTruth.computeIfAbsent(id, z -> new double[3]);
                if (isMissed[j]) {
                    missed[zone][phase] += part[j] * w;
                    missedSteps[zone][phase]++;
                    pt[1] += part[j] * w;
                } else {
                    loc[zone][phase] += part[j] * w;
                    pt[0] += part[j] * w;
                }
            }
            for (int i = 0; i < x.size(); i++) {
                if (falsePart[i] > 0) {
                    boolean near = false;
                    for (int j = 0; j < y.size(); j++) {
                        if (isMissed[j] && dist2(x.get(i), y.get(j)) < 4 * C * C) {
                            near = true;
                        }
                    }
                    if (near) {
                        falseNear += falsePart[i] * w;
                        falseNearN++;
                    } else {
                        falseFar += falsePart[i] * w;
                        falseFarN++;
                        events.add(
                                String.format(
                                        Locale.ROOT,
                                        "t=%5.0f false track %s at (%.0f, %.0f)",
                                        t,
                                        trackIds.get(k).get(i),
                                        x.get(i)[0],
                                        x.get(i)[1]));
                    }
                }
            }
            // CLEAR-MOT matching as the scorer does.
            List<String> ids = truthIds.get(k);
            for (ClearMotCount.Event e :
                    mot.step(
                            k,
                            ids,
                            trackIds.get(k),
                            x,
                            y,
                            j -> zone(y.get(j), t, dark.get(ids.get(j)), zones))) {
                if (e instanceof ClearMotCount.Switch sw) {
                    switches++;
                    events.add(
                            String.format(
                                    Locale.ROOT,
                                    "t=%5.0f ID switch truth %s: %s -> %s (%s; old track"
                                            + " reported now: %b)",
                                    t,
                                    sw.truth(),
                                    sw.from(),
                                    sw.to(),
                                    zoneNames[sw.zone()],
                                    trackIds.get(k).contains(sw.from())));
                } else if (e instanceof ClearMotCount.Fragmentation f) {
                    frags++;
                    String kind =
                            f.gapKind()
                                    + (f.sameTrack()
                                            ? ", same track"
                                            : ", another track (an ID switch too)");
                    fragmentationKinds.merge(kind, 1, Integer::sum);
                    events.add(
                            String.format(
                                    Locale.ROOT,
                                    "t=%5.0f fragmentation truth %s: gap of %d steps, %s,"
                                            + " resumed by %s track %s",
                                    t,
                                    f.truth(),
                                    f.step() - f.lastStep() - 1,
                                    zoneNames[f.zone()],
                                    f.sameTrack() ? "the same" : "another",
                                    f.track()));
                }
            }
        }
        PrintStream out = System.out;
        out.printf(
                Locale.ROOT,
                "GOSPA mean %.2f m over %d steps; ID switches %d, fragmentations %d%n",
                total / steps,
                steps,
                switches,
                frags);
        out.println("share of the mean (m), missed steps / truth steps, by zone and phase:");
        out.printf(Locale.ROOT, "%-9s %-11s %9s %9s %13s%n", "zone", "phase", "loc", "missed", "n");
        for (int z = 0; z < 3; z++) {
            for (int p = 0; p < 5; p++) {
                if (truthSteps[z][p] > 0) {
                    out.printf(
                            Locale.ROOT,
                            "%-9s %-11s %9.2f %9.2f %6d/%6d%n",
                            zoneNames[z],
                            phaseNames[p],
                            loc[z][p] / steps,
                            missed[z][p] / steps,
                            missedSteps[z][p],
                            truthSteps[z][p]);
                }
            }
        }
        out.printf(
                Locale.ROOT,
                "false near a missed target %.2f m (%d), elsewhere %.2f m (%d)%n",
                falseNear / steps,
                falseNearN,
                falseFar / steps,
                falseFarN);
        out.println("fragmentations by where the target was during the gap:");
        fragmentationKinds.forEach(
                (kind, count) -> out.printf(Locale.ROOT, "  %3d %s%n", count, kind));
        double birthDelay = 0;
        int born = 0;
        for (var e : firstReported.entrySet()) {
            Double fd = firstDet.get(e.getKey());
            if (fd != null) {
                birthDelay += e.getValue() * scenario.evalDtS() - fd;
                born++;
            }
        }
        out.printf(
                Locale.ROOT,
                "birth delay (first detection -> first reported step), mean %.1f s over %d"
                        + " targets%n",
                birthDelay / Math.max(born, 1),
                born);
        List<Map.Entry<String, double[]>> worst = new ArrayList<>(perTruth.entrySet());
        worst.sort(
                (a, b) ->
                        Double.compare(
                                b.getValue()[0] + b.getValue()[1],
                                a.getValue()[0] + a.getValue()[1]));
        out.println("costliest truths (share of the mean: loc, missed; first det, first report):");
        for (var e : worst.subList(0, Math.min(15, worst.size()))) {
            Integer fr = firstReported.get(e.getKey());
            out.printf(
                    Locale.ROOT,
                    "  truth %s: %.2f, %.2f; %s %s, %s%n",
                    e.getKey(),
                    e.getValue()[0] / steps,
                    e.getValue()[1] / steps,
                    firstDet.get(e.getKey()),
                    firstDetSensor.get(e.getKey()),
                    fr == null ? "never" : Double.toString(fr * scenario.evalDtS()));
        }
        if (args.length > 2 || System.getProperty("events") != null) {
            events.forEach(out::println);
        } else {
            events.stream().filter(e -> !e.contains("false track")).forEach(out::println);
        }
    }

    static int zone(double[] y, double t, double[] dark, List<BenchSensor> zones) {
        if (dark != null && dark[0] <= t && t <= dark[1]) {
            return 2;
        }
        for (BenchSensor s : zones) {
            if (Math.hypot(y[0] - s.eastM(), y[1] - s.northM()) < s.radiusM()) {
                return 0;
            }
        }
        return 1;
    }

    /** Whether the truth's heading changes faster than 0.5 °/s around step k. */
    private static boolean turning(TreeMap<Integer, double[]> path, int k, double dt) {
        double[] a = path.get(k - 1), b = path.get(k), c = path.get(k + 1);
        if (a == null || b == null || c == null) {
            return false;
        }
        double h1 = Math.atan2(b[1] - a[1], b[0] - a[0]);
        double h2 = Math.atan2(c[1] - b[1], c[0] - b[0]);
        double dh = Math.abs(Math.IEEEremainder(h2 - h1, 2 * Math.PI));
        return Math.toDegrees(dh) / dt > 0.5;
    }

    static double dist2(double[] a, double[] b) {
        double de = a[0] - b[0], dn = a[1] - b[1];
        return de * de + dn * dn;
    }

    /** GOSPA's optimal assignment: truth index per track, -1 when unassigned. */
    static int[] gospaPairs(List<double[]> x, List<double[]> y) {
        int[] out = new int[x.size()];
        java.util.Arrays.fill(out, -1);
        if (x.isEmpty() || y.isEmpty()) {
            return out;
        }
        boolean rowsAreTracks = x.size() <= y.size();
        int rows = rowsAreTracks ? x.size() : y.size();
        int cols = rowsAreTracks ? y.size() : x.size();
        CostMatrix m = new CostMatrix(rows, cols);
        for (int i = 0; i < x.size(); i++) {
            for (int j = 0; j < y.size(); j++) {
                double c = Math.min(dist2(x.get(i), y.get(j)), C * C);
                if (rowsAreTracks) {
                    m.set(i, j, c);
                } else {
                    m.set(j, i, c);
                }
            }
        }
        Assignment a = new JonkerVolgenantSolver().solve(m);
        for (int r = 0; r < rows; r++) {
            int c = a.columnOf(r);
            int i = rowsAreTracks ? r : c;
            int j = rowsAreTracks ? c : r;
            if (dist2(x.get(i), y.get(j)) < C * C) {
                out[i] = j;
            }
        }
        return out;
    }

    /** CLEAR-MOT correspondence: previous pairs still within c, then an assignment of the rest. */
    static Map<String, String> motMatch(
            Map<String, String> prev,
            List<String> tid,
            List<String> kid,
            List<double[]> x,
            List<double[]> y) {
        Map<String, String> match = new HashMap<>();
        if (x.isEmpty() || y.isEmpty()) {
            return match;
        }
        Map<String, Integer> kix = new HashMap<>();
        for (int i = 0; i < kid.size(); i++) {
            kix.put(kid.get(i), i);
        }
        Set<Integer> usedI = new HashSet<>();
        Set<Integer> usedJ = new HashSet<>();
        for (int j = 0; j < tid.size(); j++) {
            String p = prev.get(tid.get(j));
            Integer i = p == null ? null : kix.get(p);
            if (i != null && !usedI.contains(i) && dist2(x.get(i), y.get(j)) < C * C) {
                match.put(tid.get(j), kid.get(i));
                usedI.add(i);
                usedJ.add(j);
            }
        }
        List<double[]> rx = new ArrayList<>();
        List<double[]> ry = new ArrayList<>();
        List<Integer> ri = new ArrayList<>();
        List<Integer> rj = new ArrayList<>();
        for (int i = 0; i < kid.size(); i++) {
            if (!usedI.contains(i)) {
                ri.add(i);
                rx.add(x.get(i));
            }
        }
        for (int j = 0; j < tid.size(); j++) {
            if (!usedJ.contains(j)) {
                rj.add(j);
                ry.add(y.get(j));
            }
        }
        // min(d, c) and min(d², c²) have the same optimal pairs only approximately; the scorer
        // uses min(d, c) here, so do the same.
        if (!rx.isEmpty() && !ry.isEmpty()) {
            boolean rowsAreTracks = rx.size() <= ry.size();
            int rows = rowsAreTracks ? rx.size() : ry.size();
            int cols = rowsAreTracks ? ry.size() : rx.size();
            CostMatrix m = new CostMatrix(rows, cols);
            for (int a = 0; a < rx.size(); a++) {
                for (int b = 0; b < ry.size(); b++) {
                    double c = Math.min(Math.sqrt(dist2(rx.get(a), ry.get(b))), C);
                    if (rowsAreTracks) {
                        m.set(a, b, c);
                    } else {
                        m.set(b, a, c);
                    }
                }
            }
            Assignment as = new JonkerVolgenantSolver().solve(m);
            for (int r = 0; r < rows; r++) {
                int c = as.columnOf(r);
                int a = rowsAreTracks ? r : c;
                int b = rowsAreTracks ? c : r;
                if (Math.sqrt(dist2(rx.get(a), ry.get(b))) < C) {
                    match.put(tid.get(rj.get(b)), kid.get(ri.get(a)));
                }
            }
        }
        return match;
    }
}
