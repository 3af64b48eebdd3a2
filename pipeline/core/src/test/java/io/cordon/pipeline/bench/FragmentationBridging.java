package io.cordon.pipeline.bench;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each fragmentation would cost to bridge: a diagnostic, not a test (it reads the truth files,
 * which the tracker never sees). It runs the tracker as {@code cordon track} does, keeping at every
 * evaluation step the confirmed tracks in the scenario's box that the reporting policy leaves out,
 * finds every fragmentation as the scorer counts them (CLEAR-MOT, c = 500 m: a truth matched, then
 * unmatched for at least one step, then matched again), and for each one adds the track that had
 * the truth before the gap at the gap's steps (its prediction, as the tracker holds it): the change
 * of the mean GOSPA that costs or saves, and whether the track was within c of its target
 * throughout the gap (only then does bridging remove the fragmentation). Totals per gap type, and
 * the whole scenario re-scored with every bridgeable gap of a type bridged.
 *
 * <pre>
 * java -cp ... io.cordon.pipeline.bench.FragmentationBridging SCENARIO_DIR
 * </pre>
 */
public final class FragmentationBridging {
    private static final double C = 500.0;
    private static final double HALF_C2 = C * C / 2;

    private FragmentationBridging() {}

    /** A confirmed track at one step. */
    record Seen(
            String id,
            double[] xy,
            boolean reported,
            double existence,
            double traceM2,
            EntityTrack track) {}

    /** A fragmentation: last matched step, resumed step, tracks before and after, gap type. */
    record Fragment(
            String truth,
            int lastStep,
            int resumedStep,
            String before,
            String after,
            String kind) {}

    /** The truth files, per evaluation step. */
    record Truths(
            List<List<String>> ids,
            List<List<double[]>> pos,
            Map<String, double[]> dark,
            List<BenchSensor> zones) {}

    record Score(double gospaMean, List<Fragment> fragments) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        BenchScenario scenario = BenchScenario.read(dir);
        LocalTangentPlane plane = new LocalTangentPlane(scenario.referencePoint());
        int steps = (int) Math.floor(scenario.durationS() / scenario.evalDtS() + 1e-9) + 1;
        List<List<Seen>> seen = run(scenario, plane, steps);
        Truths truths = truths(dir, scenario, plane, steps);
        if (args.length > 1) {
            dump(Path.of(args[1]), seen, scenario);
        }
        List<List<String>> ids = new ArrayList<>();
        List<List<double[]>> pos = new ArrayList<>();
        for (List<Seen> step : seen) {
            List<String> i = new ArrayList<>();
            List<double[]> p = new ArrayList<>();
            for (Seen s : step) {
                if (s.reported()) {
                    i.add(s.id());
                    p.add(s.xy());
                }
            }
            ids.add(i);
            pos.add(p);
        }
        Score base = score(ids, pos, truths, scenario.evalDtS());
        PrintStream out = System.out;
        out.printf(
                Locale.ROOT,
                "as reported: GOSPA mean %.2f m, fragmentations %d%n",
                base.gospaMean(),
                base.fragments().size());
        Map<String, double[]> perKind = new TreeMap<>();
        Map<String, List<Fragment>> bridgeable = new TreeMap<>();
        for (Fragment f : base.fragments()) {
            int present = 0;
            double worst = 0;
            double minExistence = 1;
            double maxTrace = 0;
            double delta = 0;
            for (int k = f.lastStep() + 1; k < f.resumedStep(); k++) {
                Seen b = find(seen.get(k), f.before());
                double[] y = truths.pos().get(k).get(truths.ids().get(k).indexOf(f.truth()));
                if (b == null) {
                    worst = Double.POSITIVE_INFINITY;
                    continue;
                }
                present++;
                worst = Math.max(worst, Math.sqrt(TrackingErrorBreakdown.dist2(b.xy(), y)));
                minExistence = Math.min(minExistence, b.existence());
                maxTrace = Math.max(maxTrace, b.traceM2());
                List<double[]> with = new ArrayList<>(pos.get(k));
                with.add(b.xy());
                delta +=
                        stepGospa(with, truths.pos().get(k))
                                - stepGospa(pos.get(k), truths.pos().get(k));
            }
            delta /= steps;
            int gap = f.resumedStep() - f.lastStep() - 1;
            boolean within = worst < C;
            String kind = f.kind() + (gap == 1 ? " [1 step]" : " [2+ steps]");
            double[] agg = perKind.computeIfAbsent(kind, x -> new double[5]);
            agg[0]++;
            agg[1] += delta;
            if (within) {
                agg[2]++;
                agg[3] += delta;
                bridgeable.computeIfAbsent(kind, x -> new ArrayList<>()).add(f);
            }
            out.printf(
                    Locale.ROOT,
                    "t=%5.0f truth %s: gap %d steps, %s, %s -> %s; old track held %d/%d steps,"
                            + " worst %.0f m, existence >= %.2f, trace <= %.0f m2; bridging"
                            + " %+.2f m of the mean%n",
                    f.resumedStep() * scenario.evalDtS(),
                    f.truth(),
                    gap,
                    f.kind(),
                    f.before(),
                    f.after(),
                    present,
                    gap,
                    worst,
                    minExistence,
                    maxTrace,
                    delta);
        }
        out.println(
                "per gap type: count, bridging all (m of the mean), within c throughout (count,"
                        + " m), re-scored with those bridged (GOSPA m, fragmentations):");
        for (var e : perKind.entrySet()) {
            double[] a = e.getValue();
            List<Fragment> b = bridgeable.getOrDefault(e.getKey(), List.of());
            Score s = bridged(ids, pos, seen, b, truths, scenario.evalDtS());
            out.printf(
                    Locale.ROOT,
                    "  %-70s %3.0f  %+7.2f  %3.0f  %+7.2f  %.2f  %d%n",
                    e.getKey(),
                    a[0],
                    a[1],
                    a[2],
                    a[3],
                    s.gospaMean(),
                    s.fragments().size());
        }
        List<Fragment> all = new ArrayList<>();
        bridgeable.values().forEach(all::addAll);
        Score s = bridged(ids, pos, seen, all, truths, scenario.evalDtS());
        out.printf(
                Locale.ROOT,
                "every bridgeable gap bridged: GOSPA mean %.2f m, fragmentations %d%n",
                s.gospaMean(),
                s.fragments().size());
    }

    /** Every confirmed track in the box at every step, with what a reporting rule may use. */
    private static void dump(Path path, List<List<Seen>> seen, BenchScenario scenario)
            throws IOException {
        StringBuilder b =
                new StringBuilder(
                        "step,time_s,track_id,lat,lon,alt_m,reported,existence,trace_m2,updates,"
                                + "since_update_s\n");
        for (int k = 0; k < seen.size(); k++) {
            Instant t = scenario.epoch().plusNanos(Math.round(k * scenario.evalDtS() * 1e9));
            for (Seen s : seen.get(k)) {
                EntityTrack e = s.track();
                Instant last = e.lastNonCooperativeTime();
                b.append(
                        String.format(
                                Locale.ROOT,
                                "%d,%s,%s,%.9f,%.9f,%.2f,%d,%.6f,%.1f,%d,%.3f%n",
                                k,
                                k * scenario.evalDtS(),
                                s.id(),
                                e.position().latDeg(),
                                e.position().lonDeg(),
                                e.position().altM(),
                                s.reported() ? 1 : 0,
                                s.existence(),
                                s.traceM2(),
                                e.updateCount(),
                                last == null
                                        ? -1
                                        : (t.toEpochMilli() - last.toEpochMilli()) / 1e3));
            }
        }
        Files.writeString(path, b, StandardCharsets.UTF_8);
    }

    private static Seen find(List<Seen> step, String id) {
        for (Seen s : step) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    private static Score bridged(
            List<List<String>> ids,
            List<List<double[]>> pos,
            List<List<Seen>> seen,
            List<Fragment> fragments,
            Truths truths,
            double dt) {
        List<List<String>> i2 = new ArrayList<>();
        List<List<double[]>> p2 = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            i2.add(new ArrayList<>(ids.get(k)));
            p2.add(new ArrayList<>(pos.get(k)));
        }
        for (Fragment f : fragments) {
            for (int k = f.lastStep() + 1; k < f.resumedStep(); k++) {
                Seen b = find(seen.get(k), f.before());
                if (b != null && !i2.get(k).contains(b.id())) {
                    i2.get(k).add(b.id());
                    p2.get(k).add(b.xy());
                }
            }
        }
        return score(i2, p2, truths, dt);
    }

    /** The tracker as BenchTrackRunner runs it, keeping the confirmed tracks not reported too. */
    static List<List<Seen>> run(BenchScenario scenario, LocalTangentPlane plane, int steps) {
        MultiTargetTracker tracker =
                new MultiTargetTracker(
                        BenchPriors.parametersFor(scenario), scenario.referencePoint());
        GospaReportingPolicy policy = new GospaReportingPolicy(scenario.gospaCutoffM());
        List<List<Observation>> batches = scenario.batches();
        List<List<Seen>> out = new ArrayList<>();
        Set<String> before = Set.of();
        int b = 0;
        for (int k = 0; k < steps; k++) {
            Instant t = scenario.epoch().plusNanos(Math.round(k * scenario.evalDtS() * 1e9));
            while (b < batches.size() && !batches.get(b).get(0).eventTime().isAfter(t)) {
                tracker.update(batches.get(b));
                b++;
            }
            tracker.advanceTo(t);
            List<Seen> step = new ArrayList<>();
            for (EntityTrack track : tracker.confirmedTracksAt(t)) {
                EnuPoint p = plane.toEnu(track.position());
                if (!scenario.insideBox(p.eastM(), p.northM())) {
                    continue;
                }
                double existence = tracker.existenceProbability(track.trackId());
                step.add(
                        new Seen(
                                track.trackId(),
                                new double[] {p.eastM(), p.northM()},
                                policy.report(track, existence, before.contains(track.trackId())),
                                existence,
                                track.covariance().positionEastEastM2()
                                        + track.covariance().positionNorthNorthM2(),
                                track));
            }
            out.add(step);
            before = new HashSet<>();
            for (Seen s : step) {
                if (s.reported()) {
                    before.add(s.id());
                }
            }
        }
        return out;
    }

    static Truths truths(Path dir, BenchScenario scenario, LocalTangentPlane plane, int steps)
            throws IOException {
        GeoPoint ref = scenario.referencePoint();
        List<List<String>> ids = new ArrayList<>();
        List<List<double[]>> pos = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            ids.add(new ArrayList<>());
            pos.add(new ArrayList<>());
        }
        List<String> lines = Files.readAllLines(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            int k = (int) Math.round(Double.parseDouble(f[0]) / scenario.evalDtS());
            if (k >= steps) {
                continue;
            }
            EnuPoint p =
                    plane.toEnu(
                            new GeoPoint(
                                    Double.parseDouble(f[2]),
                                    Double.parseDouble(f[3]),
                                    ref.altM()));
            ids.get(k).add(f[1]);
            pos.get(k).add(new double[] {p.eastM(), p.northM()});
        }
        Map<String, double[]> dark = new HashMap<>();
        List<String> meta =
                Files.readAllLines(dir.resolve("truth_meta.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(meta.get(0).split(",", -1));
        int ds = header.indexOf("dark_start");
        int de = header.indexOf("dark_end");
        for (String line : meta.subList(1, meta.size())) {
            String[] f = line.split(",", -1);
            if (!f[ds].isEmpty()) {
                dark.put(f[0], new double[] {Double.parseDouble(f[ds]), Double.parseDouble(f[de])});
            }
        }
        List<BenchSensor> zones = new ArrayList<>();
        for (BenchSensor s : scenario.sensors()) {
            if (!s.type().equals("satellite")) {
                zones.add(s);
            }
        }
        return new Truths(ids, pos, dark, zones);
    }

    static double stepGospa(List<double[]> x, List<double[]> y) {
        int[] truthOf = TrackingErrorBreakdown.gospaPairs(x, y);
        double s = 0;
        int paired = 0;
        for (int i = 0; i < x.size(); i++) {
            if (truthOf[i] >= 0) {
                s += TrackingErrorBreakdown.dist2(x.get(i), y.get(truthOf[i]));
                paired++;
            }
        }
        s += HALF_C2 * (x.size() - paired + y.size() - paired);
        return Math.sqrt(s);
    }

    /** Mean GOSPA and the fragmentations as the scorer counts them, with their gap types. */
    static Score score(
            List<List<String>> trackIds, List<List<double[]>> trackPos, Truths truths, double dt) {
        Map<String, String> prev = new HashMap<>();
        Map<String, String> last = new HashMap<>();
        Set<String> ever = new HashSet<>();
        Map<String, Boolean> assignedPrev = new HashMap<>();
        Map<String, Integer> lastStep = new HashMap<>();
        Map<String, Integer> firstStep = new HashMap<>();
        Map<String, Integer> gapZones = new HashMap<>();
        List<Fragment> fragments = new ArrayList<>();
        double total = 0;
        int steps = trackIds.size();
        for (int k = 0; k < steps; k++) {
            double t = k * dt;
            List<double[]> x = trackPos.get(k);
            List<double[]> y = truths.pos().get(k);
            total += stepGospa(x, y);
            Map<String, String> now =
                    TrackingErrorBreakdown.motMatch(
                            prev, truths.ids().get(k), trackIds.get(k), x, y);
            prev = now;
            for (int j = 0; j < y.size(); j++) {
                String tr = truths.ids().get(k).get(j);
                String a = now.get(tr);
                int zone =
                        TrackingErrorBreakdown.zone(
                                y.get(j), t, truths.dark().get(tr), truths.zones());
                if (a != null) {
                    if (ever.contains(tr) && !assignedPrev.getOrDefault(tr, false)) {
                        int zonesSeen = gapZones.getOrDefault(tr, 0);
                        String kind;
                        if ((zonesSeen & 4) != 0) {
                            kind = "through a dark interval";
                        } else if ((zonesSeen & 2) != 0) {
                            kind = "seen only by the satellite";
                        } else if ((lastStep.get(tr) - firstStep.get(tr)) * dt < 30) {
                            kind = "in cover, within 30 s of its first report";
                        } else {
                            kind = "in cover, later";
                        }
                        kind += a.equals(last.get(tr)) ? ", same track" : ", another track";
                        fragments.add(new Fragment(tr, lastStep.get(tr), k, last.get(tr), a, kind));
                    }
                    last.put(tr, a);
                    ever.add(tr);
                    firstStep.putIfAbsent(tr, k);
                    lastStep.put(tr, k);
                    gapZones.remove(tr);
                } else if (ever.contains(tr)) {
                    gapZones.merge(tr, 1 << zone, (u, v) -> u | v);
                }
                assignedPrev.put(tr, a != null);
            }
        }
        return new Score(total / steps, fragments);
    }
}
