package io.cordon.pipeline.bench;

import io.cordon.pipeline.geo.EnuPoint;
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
        BenchTruthFiles.Steps truth = BenchTruthFiles.steps(dir, scenario, plane, steps);
        return new Truths(
                truth.ids(),
                truth.pos(),
                BenchTruthFiles.darkIntervals(dir),
                BenchTruthFiles.zones(scenario));
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
        ClearMotCount mot = new ClearMotCount(dt);
        List<Fragment> fragments = new ArrayList<>();
        double total = 0;
        int steps = trackIds.size();
        for (int k = 0; k < steps; k++) {
            double t = k * dt;
            List<double[]> x = trackPos.get(k);
            List<double[]> y = truths.pos().get(k);
            total += stepGospa(x, y);
            List<String> ids = truths.ids().get(k);
            for (ClearMotCount.Event e :
                    mot.step(
                            k,
                            ids,
                            trackIds.get(k),
                            x,
                            y,
                            j ->
                                    TrackingErrorBreakdown.zone(
                                            y.get(j),
                                            t,
                                            truths.dark().get(ids.get(j)),
                                            truths.zones()))) {
                if (e instanceof ClearMotCount.Fragmentation f) {
                    fragments.add(
                            new Fragment(
                                    f.truth(),
                                    f.lastStep(),
                                    k,
                                    f.lastTrack(),
                                    f.track(),
                                    f.gapKind()
                                            + (f.sameTrack()
                                                    ? ", same track"
                                                    : ", another track")));
                }
            }
        }
        return new Score(total / steps, fragments);
    }
}
